/// The tables of one policy, several versions side by side, and the one rule that decides an
/// input with them. Every command and the embedding API decide through it.
///
/// On a date, the tables whose window holds it are tried newest first (latest window start);
/// the first that decides the input with a rule other than `otherwise` decides it. When none
/// does, the newest table in force decides with its `otherwise` rule. A table whose domain does
/// not hold the input's years cannot decide it and is passed over, so a value is decided when
/// the domain of some table in force holds it (``inputs(on:)``). A history of one table is
/// that table.
public struct PolicyHistory: Sendable {
    /// The tables, latest window start first.
    public let tables: [CompiledTable]
    /// The inputs as the tables in force take them, from each day on which the set in force
    /// changes (ascending), so that ``inputs(on:)`` allocates nothing.
    let inputSpans: [(firstDay: Int, inputs: [HistoryInput])]

    /// Checks that the tables can answer one question together: the same year inputs (names and
    /// whether they take `none`), the same date input and the same derived outputs, windows that
    /// start on different days, and different policy versions.
    public init(_ tables: [CompiledTable]) throws(PolicyHistoryError) {
        guard let first = tables.first else { throw .empty }
        for other in tables.dropFirst() where !other.definition.sharesInputs(with: first.definition) {
            throw .inputsDiffer(first: first.definition.file, other: other.definition.file)
        }
        let sorted = tables.sorted { $0.policy.windowStart > $1.policy.windowStart }
        for (newer, older) in zip(sorted, sorted.dropFirst()) where newer.policy.windowStart == older.policy.windowStart
        {
            let files = [older.definition.file, newer.definition.file].sorted()
            throw .sameWindowStart(files[0], files[1], newer.policy.windowStart)
        }
        for (index, table) in sorted.enumerated() {
            if let other = sorted[..<index].first(where: { $0.policy.version == table.policy.version }) {
                throw .duplicateVersion(table.policy.version, other.definition.file, table.definition.file)
            }
        }
        self.tables = sorted
        inputSpans = Self.inputSpans(sorted)
    }

    /// The history of one table, which needs no checks.
    package init(single table: CompiledTable) {
        tables = [table]
        inputSpans = Self.inputSpans(tables)
    }

    /// Decides one input as the history says: the newest table in force that decides it with a
    /// rule other than `otherwise`, else the newest table's `otherwise`. Allocation-free; the
    /// decision names the table that made it, and holds through its `validThrough` day.
    // Inlinable for the same reason as `CompiledTable.evaluate`: the choice is one call, and a
    // caller that drops the decision skips building it and retaining its table.
    @_semantics("optimize.sil.specialize.owned2guarantee.never")
    @inlinable
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        let choice = try choose(years, asOf: asOf)
        return Decision(
            table: tables[choice.table], ruleIndex: Int(choice.hit.rule), flags: choice.hit.flags, years: years,
            asOf: asOf, validThrough: LocalDate(dayNumber: Int(choice.hit.lastDay)))
    }

    /// The tables whose window holds `date`, newest first.
    public func tablesInForce(on date: LocalDate) -> [CompiledTable] {
        tables.filter { $0.isInForce(on: date) }
    }

    /// The newest table in force on `date`, or `nil` when none is. It is the table whose time
    /// zone and `otherwise` rule the history uses on that day; ``evaluate(_:asOf:)`` may still
    /// decide with an older one.
    public func table(for date: LocalDate) -> CompiledTable? {
        tables.count == 1 ? tables[0] : tables.first { $0.isInForce(on: date) }
    }

    /// Today in the time zone of the newest table in force today (the first whose window holds
    /// today in its own time zone), else today in the first table's time zone; `nil` when no
    /// time zone is known.
    public func today() -> LocalDate? {
        var fallback: LocalDate?
        for table in tables {
            guard let date = LocalDate.today(inTimeZone: table.policy.timeZone) else { continue }
            if tables.count == 1 || table.isInForce(on: date) { return date }
            fallback = fallback ?? date
        }
        return fallback
    }

    /// The tables' windows, for a message: `file: start to end; ...`.
    public var windows: String {
        tables.map { "\($0.definition.file): \($0.policy.windowStart) to \($0.policy.windowEnd)" }
            .joined(separator: "; ")
    }
}

extension RuleTable {
    /// Whether both tables take the same inputs and give the same derived outputs.
    package func sharesInputs(with other: RuleTable) -> Bool {
        yearInputs.map(\.name) == other.yearInputs.map(\.name)
            && yearInputs.map(\.allowsNone) == other.yearInputs.map(\.allowsNone)
            && yearInputs.map(\.kind) == other.yearInputs.map(\.kind)
            && dateInputName == other.dateInputName
            && derived.map(\.name) == other.derived.map(\.name)
            && outputs.map(\.name) == other.outputs.map(\.name)
    }
}
