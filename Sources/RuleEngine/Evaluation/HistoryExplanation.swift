/// Why a newer table in force on the date did not decide an input and left it to an older one.
public struct Deferral: Sendable {
    /// Why the table passed the input on.
    public enum Reason: Sendable {
        /// No rule of the table but `otherwise` matches; the nearest miss among its other rules.
        case otherwise(nearestMiss: RuleMiss?)
        /// The input's years are outside the table's domain (the message says which).
        case outsideDomain(String)
    }

    /// The table that deferred.
    public let table: CompiledTable
    /// Why.
    public let reason: Reason
}

/// An explanation of a decision made through a policy history: the deciding table's own
/// explanation, the tables in force on the date, and why each newer one deferred.
public struct HistoryExplanation: Sendable {
    /// The deciding table's explanation, with the history's decision.
    public let explanation: Explanation
    /// The tables whose window holds the date, newest first.
    public let inForce: [CompiledTable]
    /// The tables in force that did not decide, newest first: the newer ones that deferred to
    /// the deciding table, or, when no table decided with a rule, the older ones as well.
    public let deferrals: [Deferral]

    /// Whether no table in force decided with a rule other than `otherwise`, so that the
    /// newest table's `otherwise` decided.
    public var isFallback: Bool { explanation.decision.rule.isOtherwise && inForce.count > 1 }
}

extension PolicyHistory {
    /// Decides an input through the history and explains it: the deciding rule's conditions,
    /// why not the deciding table's other rules, and why each newer table in force deferred.
    public func explain(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> HistoryExplanation {
        let decision = try evaluate(years, asOf: asOf)
        let own = try decision.table.explain(years, asOf: asOf)
        let explanation = Explanation(decision: decision, matched: own.matched, misses: own.misses)
        let inForce = tables.count == 1 ? tables : tablesInForce(on: asOf)
        let fallback = decision.rule.isOtherwise
        var deferrals: [Deferral] = []
        var newer = true
        for table in inForce {
            if table === decision.table {
                newer = false
                continue
            }
            guard newer || fallback else { break }
            deferrals.append(Deferral(table: table, reason: Self.reason(table, years, asOf)))
        }
        return HistoryExplanation(explanation: explanation, inForce: inForce, deferrals: deferrals)
    }

    private static func reason(_ table: CompiledTable, _ years: YearValues, _ asOf: LocalDate) -> Deferral.Reason {
        do {
            let own = try table.explain(years, asOf: asOf)
            return .otherwise(nearestMiss: own.misses.first { !table.definition.rules[$0.rule].isOtherwise })
        } catch {
            return .outsideDomain(error.description)
        }
    }
}
