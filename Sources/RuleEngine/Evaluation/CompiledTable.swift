/// A loaded, analysed table and its decision tree, ready to evaluate.
///
/// Immutable and `Sendable`: load it once and evaluate from any number of threads. It is a
/// class so that every ``Decision`` shares it by reference instead of copying its arrays.
public final class CompiledTable: Sendable {
    /// The typed table as it was read: inputs, fees, deadlines, actions and rules.
    public let definition: RuleTable
    /// The lookup table that decides each input.
    package let decisionIndex: DecisionIndex
    /// The `otherwise` rule's index, or -2 when the table has none (never a leaf's rule).
    package let otherwiseRule: Int32

    init(definition: RuleTable, decisionIndex: DecisionIndex) {
        self.definition = definition
        self.decisionIndex = decisionIndex
        otherwiseRule = definition.rules.lastIndex { $0.isOtherwise }.map { Int32($0) } ?? -2
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
        guard decisionIndex.leafRule[leaf] >= 0 else { throw .noRule }
        return decision(leaf: leaf, cell: cell, years: years, asOf: asOf)
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
