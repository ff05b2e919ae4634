/// A loaded, analysed table and its decision tree, ready to evaluate.
///
/// Immutable and `Sendable`: load it once and evaluate from any number of threads. It is a
/// class so that every ``Decision`` shares it by reference instead of copying its arrays.
public final class CompiledTable: Sendable {
    /// The typed table.
    public let table: RuleTable
    let tree: DecisionTree

    init(table: RuleTable, tree: DecisionTree) {
        self.table = table
        self.tree = tree
    }

    /// The policy's identity and window.
    public var policy: PolicyInfo { table.policy }

    /// The number of intervals in the tree (its leaves).
    public var leafCount: Int { tree.dayStart.count }

    /// Decides one input. Pure and allocation-free.
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        guard years.count == table.yearInputs.count else {
            throw .wrongInputCount(expected: table.yearInputs.count, given: years.count)
        }
        let cell: Int
        switch tree.space.cell(of: years) {
        case .success(let index): cell = index
        case .failure(let error):
            let input = table.yearInputs[error.input]
            throw .valueOutsideDomain(
                input: input.name, value: years[error.input], domain: input.domain, allowsNone: input.allowsNone)
        }
        let day = Int32(truncatingIfNeeded: asOf.dayNumber)
        guard asOf.dayNumber >= Int(tree.windowStart), asOf.dayNumber <= Int(tree.windowEnd) else {
            throw .dateOutsideWindow(date: asOf, start: table.policy.windowStart, end: table.policy.windowEnd)
        }
        let leaf = tree.leaf(cell: cell, day: day)
        let rule = tree.leafRule[leaf]
        guard rule >= 0 else { throw .noRule }
        let end = leaf + 1 < Int(tree.cellStart[cell + 1]) ? Int(tree.dayStart[leaf + 1]) - 1 : Int(tree.windowEnd)
        return Decision(
            table: self, ruleIndex: Int(rule), flags: tree.leafFlags[leaf], years: years, asOf: asOf,
            validThrough: LocalDate(dayNumber: end))
    }

    /// Decides one input given by input names (`["ma_expires": 2026, "nr_expires": nil]`);
    /// a missing name counts as `none`.
    public func evaluate(named values: [String: Int?], asOf: LocalDate) throws(EvaluationError) -> Decision {
        let years = YearValues(table.yearInputs.map { values[$0.name] ?? nil })
        return try evaluate(years, asOf: asOf)
    }
}

extension CompiledTable {
    /// Whether `date` lies in the table's window.
    public func isInForce(on date: LocalDate) -> Bool {
        policy.windowStart <= date && date <= policy.windowEnd
    }

    /// Tables in the order a date is looked up in: the latest window start first, so that the
    /// first table in force on a date is the one that decides it when windows overlap.
    public static func latestFirst(_ tables: [CompiledTable]) -> [CompiledTable] {
        tables.sorted { $0.policy.windowStart > $1.policy.windowStart }
    }
}
