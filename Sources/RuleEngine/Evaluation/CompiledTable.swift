/// A loaded, analysed table and its decision tree, ready to evaluate.
///
/// Immutable and `Sendable`: load it once and evaluate from any number of threads. It is a
/// class so that every ``Decision`` shares it by reference instead of copying its arrays.
public final class CompiledTable: Sendable {
    /// The typed table as it was read: inputs, fees, deadlines, actions and rules.
    public let definition: RuleTable
    /// The lookup table that decides each input.
    package let decisionIndex: DecisionIndex

    init(definition: RuleTable, decisionIndex: DecisionIndex) {
        self.definition = definition
        self.decisionIndex = decisionIndex
    }

    /// The policy's identity and window.
    public var policy: PolicyInfo { definition.policy }

    /// The number of intervals in the tree (its leaves).
    public var leafCount: Int { decisionIndex.dayStart.count }

    /// Decides one input. Pure and allocation-free.
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        guard years.count == definition.yearInputs.count else {
            throw .wrongInputCount(expected: definition.yearInputs.count, given: years.count)
        }
        let cell: Int
        switch decisionIndex.space.cell(of: years) {
        case .success(let index): cell = index
        case .failure(let error):
            let input = definition.yearInputs[error.input]
            throw .valueOutsideDomain(
                input: input.name, value: years[error.input], domain: input.domain, allowsNone: input.allowsNone)
        }
        let day = Int32(truncatingIfNeeded: asOf.dayNumber)
        guard asOf.dayNumber >= Int(decisionIndex.windowStart), asOf.dayNumber <= Int(decisionIndex.windowEnd) else {
            throw .dateOutsideWindow(date: asOf, start: definition.policy.windowStart, end: definition.policy.windowEnd)
        }
        let leaf = decisionIndex.leaf(cell: cell, day: day)
        let rule = decisionIndex.leafRule[leaf]
        guard rule >= 0 else { throw .noRule }
        let end =
            leaf + 1 < Int(decisionIndex.cellStart[cell + 1])
            ? Int(decisionIndex.dayStart[leaf + 1]) - 1 : Int(decisionIndex.windowEnd)
        return Decision(
            table: self, ruleIndex: Int(rule), flags: decisionIndex.leafFlags[leaf], years: years, asOf: asOf,
            validThrough: LocalDate(dayNumber: end))
    }

    /// Decides one input given by input names (`["ma_expires": 2026, "nr_expires": nil]`);
    /// a missing name counts as `none`.
    public func evaluate(named values: [String: Int?], asOf: LocalDate) throws(EvaluationError) -> Decision {
        let years = YearValues(definition.yearInputs.map { values[$0.name] ?? nil })
        return try evaluate(years, asOf: asOf)
    }
}

extension CompiledTable {
    /// Whether `date` lies in the table's window.
    public func isInForce(on date: LocalDate) -> Bool {
        policy.windowStart <= date && date <= policy.windowEnd
    }
}
