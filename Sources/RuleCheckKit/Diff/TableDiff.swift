import RuleEngine

/// A change in what the tables decide: one field, old value → new value, over a region of inputs.
public struct DecisionChange: Sendable {
    /// `coverage`, `cohort`, `status`, `fee`, `deadlines`, `actions`, or a derived output's name.
    public let field: String
    /// The old value, as text.
    public let old: String
    /// The new value, as text.
    public let new: String
    /// The inputs (in the old table's terms), as compact regions.
    public let regions: [InputRegion]
    /// The number of input combinations.
    public let count: Int
    /// One affected input, in the old table's terms.
    public let example: HarnessInput
    /// Each region in words, with the old table's names (per-person dates as runs of days).
    public let descriptions: [String]
}

/// A change in a table's named items: a rule, fee, deadline, action, input, derived output or
/// the policy's header.
public struct ItemChange: Sendable, Hashable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
    }

    /// `rule`, `fee`, `deadline`, `action`, `input`, `derived output`, `policy`.
    public let item: String
    /// The item's id (or the policy field's name).
    public let id: String
    /// Added, removed or changed.
    public let kind: Kind
    /// What changed, such as `62.50 USD → 65.00 USD`.
    public let detail: String
    /// Where it is in the old table.
    public let oldLocation: SourceLocation?
    /// Where it is in the new table.
    public let newLocation: SourceLocation?
    /// Whether the change is descriptive only (version, title, source) and does not make the
    /// tables differ.
    public let isMetadata: Bool
}

/// The semantic difference between two versions of a table.
public struct TableDiff: Sendable {
    /// The old table.
    public let old: CompiledTable
    /// The new table.
    public let new: CompiledTable
    /// Years added to old inputs and dates to find the matching new input (0 when literal).
    public let shiftYears: Int
    /// The first and last old as-of date compared.
    public let dates: ClosedRange<LocalDate>
    /// The number of input combinations compared.
    public let comparedInputs: Int
    /// Changes in decisions, grouped by field and values.
    public let decisionChanges: [DecisionChange]
    /// Changes in named items.
    public let itemChanges: [ItemChange]

    /// Whether the tables decide every compared input alike and differ in no item beyond metadata.
    public var isEquivalent: Bool { decisionChanges.isEmpty && itemChanges.allSatisfy(\.isMetadata) }
}

/// Why two tables cannot be compared.
public enum TableDiffError: Error, Sendable, CustomStringConvertible {
    /// The windows do not overlap (after shifting).
    case noCommonDates(old: String, new: String)
    /// The tables have different numbers of inputs, or inputs of different types or enum values:
    /// each table's inputs, those that differ from the other's with their type (and an enum's
    /// values), such as `level (enum: emt, paramedic)`.
    case differentInputs(old: [String], new: [String])

    /// One line for the user.
    public var description: String {
        switch self {
        case .noCommonDates(let old, let new):
            return "the windows do not overlap: old \(old), new \(new); try --shift-years"
        case .differentInputs(let old, let new):
            return "the tables have different inputs: \(old.joined(separator: ", ")) and \(new.joined(separator: ", "))"
        }
    }
}

/// Compares two tables.
public enum TableDiffer {
    /// The inputs' names, each that differs from the input in the same place of `others` (or
    /// has none there) with its type, and an enum's values, so that two inputs of one name
    /// whose values differ read differently.
    static func shown(_ inputs: [DiscreteInput], against others: [DiscreteInput]) -> [String] {
        inputs.enumerated().map { index, input in
            guard index >= others.count || others[index].kind != input.kind || others[index].name != input.name else {
                return input.name
            }
            guard case .enumeration(let values) = input.kind else { return "\(input.name) (\(input.kind.typeName))" }
            return "\(input.name) (enum: \(values.joined(separator: ", ")))"
        }
    }

    /// Compares every input in the union of the two tables' domains on every common date.
    /// With `shiftYears` N, an old input (years, date) is compared with the new input whose
    /// years and date are N years later.
    public static func diff(old: CompiledTable, new: CompiledTable, shiftYears: Int = 0) throws(TableDiffError)
        -> TableDiff
    {
        try diff(old: old, new: new, shiftYears: shiftYears, stepsByInterval: true)
    }

    /// ``diff(old:new:shiftYears:)``, comparing decisions interval by interval or, for tests,
    /// day by day.
    static func diff(old: CompiledTable, new: CompiledTable, shiftYears: Int, stepsByInterval: Bool)
        throws(TableDiffError) -> TableDiff
    {
        let oldInputs = old.definition.yearInputs
        let newInputs = new.definition.yearInputs
        // Enum values are compared by position, so both tables must list the same values.
        guard oldInputs.count == newInputs.count, oldInputs.map(\.kind) == newInputs.map(\.kind) else {
            throw .differentInputs(old: shown(oldInputs, against: newInputs), new: shown(newInputs, against: oldInputs))
        }
        let oldWindow = old.policy.windowStart...old.policy.windowEnd
        let newStart = new.policy.windowStart.adding(years: -shiftYears)
        let newEnd = new.policy.windowEnd.adding(years: -shiftYears)
        let start = max(oldWindow.lowerBound, newStart)
        let end = min(oldWindow.upperBound, newEnd)
        guard start <= end else {
            throw .noCommonDates(
                old: "\(old.policy.windowStart) to \(old.policy.windowEnd)",
                new: "\(new.policy.windowStart) to \(new.policy.windowEnd)")
        }
        var comparison = DecisionComparison(old: old, new: new, shiftYears: shiftYears, dates: start...end)
        comparison.stepsByInterval = stepsByInterval
        let changes = comparison.run()
        let items = ItemComparison(old: old.definition, new: new.definition, shiftYears: shiftYears).run()
        return TableDiff(
            old: old, new: new, shiftYears: shiftYears, dates: start...end, comparedInputs: comparison.inputCount,
            decisionChanges: changes, itemChanges: items)
    }
}
