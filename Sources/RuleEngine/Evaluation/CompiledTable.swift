/// A loaded, analysed table and its decision tree, ready to evaluate.
///
/// Immutable and `Sendable`: load it once and evaluate from any number of threads. It is a
/// class so that every ``Decision`` shares it by reference instead of copying its arrays.
public final class CompiledTable: Sendable {
    /// The typed table as it was read: inputs, fees, deadlines, actions and rules.
    public let definition: RuleTable
    /// The lookup table that decides each input.
    @usableFromInline package let decisionIndex: DecisionIndex
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
    public var leafCount: Int { decisionIndex.intervalCount }

    /// Decides one input. Pure and allocation-free.
    // Inlinable, so that a caller that reads a few fields of the decision and drops it skips
    // building the rest and the retain and release of the table it holds (the lookup itself,
    // `leaf(_:asOf:)`, is not inlined); when the call is not inlined, the attribute keeps the
    // optimiser from splitting the method into a body that returns the decision unretained and a
    // thunk that copies it through the value witnesses (Benchmarks/RESULTS.md).
    @_semantics("optimize.sil.specialize.owned2guarantee.never")
    @inlinable
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        guard let hit = leaf(years, asOf: asOf) else { throw refusal(years, asOf: asOf) }
        guard hit.rule >= 0 else { throw .noRule }
        return Decision(
            table: self, ruleIndex: Int(hit.rule), flags: hit.flags, years: years, asOf: asOf,
            validThrough: LocalDate(dayNumber: Int(hit.lastDay)))
    }

    /// Why an input has no leaf, checked in this order: the number of values, each value's
    /// domain, then the window.
    @inline(never) @usableFromInline
    func refusal(_ years: YearValues, asOf: LocalDate) -> EvaluationError {
        guard years.count == definition.yearInputs.count else {
            return .wrongInputCount(expected: definition.yearInputs.count, given: years.count)
        }
        if case .failure(let error) = decisionIndex.space.cell(of: years) {
            let input = definition.yearInputs[error.input]
            return .valueOutsideDomain(
                input: input.name, value: years[error.input], domain: input.domain, allowsNone: input.allowsNone)
        }
        return .dateOutsideWindow(date: asOf, start: definition.policy.windowStart, end: definition.policy.windowEnd)
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
