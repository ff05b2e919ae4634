/// The answer for one input: the deciding rule, its outcome and the derived outputs.
/// Holds a reference to its table, so that making one allocates nothing.
public struct Decision: Sendable {
    /// The table that decided.
    public let table: CompiledTable
    /// The deciding rule's index in `table.definition.rules`.
    public let ruleIndex: Int
    /// Bit `k` is derived output `k`.
    public let flags: UInt32
    /// The year values decided on.
    public let years: YearValues
    /// The as-of date decided on.
    public let asOf: LocalDate
    /// The last day on which this same decision holds for these years (the end of its interval).
    public let validThrough: LocalDate

    /// Creates a decision; ``CompiledTable/evaluate(_:asOf:)`` and ``PolicyHistory`` make them.
    @usableFromInline
    init(
        table: CompiledTable, ruleIndex: Int, flags: UInt32, years: YearValues, asOf: LocalDate, validThrough: LocalDate
    ) {
        self.table = table
        self.ruleIndex = ruleIndex
        self.flags = flags
        self.years = years
        self.asOf = asOf
        self.validThrough = validThrough
    }

    /// The deciding rule.
    public var rule: Rule { table.definition.rules[ruleIndex] }

    /// The outcome.
    public var outcome: Outcome { table.definition.rules[ruleIndex].outcome }

    /// The value of a derived output, or `nil` when the table has none of that name.
    public func derived(_ name: String) -> Bool? {
        guard let index = table.definition.derived.firstIndex(where: { $0.name == name }) else { return nil }
        return flags & (1 << UInt32(index)) != 0
    }

    /// Every derived output in declaration order with its value.
    public var derivedValues: [(name: String, value: Bool)] {
        table.definition.derivedValues(flags: flags)
    }
}
