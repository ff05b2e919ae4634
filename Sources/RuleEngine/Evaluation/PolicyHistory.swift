/// The tables of one policy, several versions side by side, and the one rule that says which
/// of them answers on a date. Every command and the embedding API choose a table through it.
///
/// Today's rule: on a date, the table whose window holds it decides; when several do, the one
/// whose window starts last. A history of a single table always chooses it, so that evaluating
/// reports a date outside its window.
public struct PolicyHistory: Sendable {
    /// The tables, latest window start first.
    public let tables: [CompiledTable]

    /// Checks that the tables can answer one question together: the same year inputs (names and
    /// whether they take `none`), the same date input and the same derived outputs.
    public init(_ tables: [CompiledTable]) throws(PolicyHistoryError) {
        guard let first = tables.first else { throw .empty }
        for other in tables.dropFirst() where !other.definition.sharesInputs(with: first.definition) {
            throw .inputsDiffer(first: first.definition.file, other: other.definition.file)
        }
        self.tables = tables.sorted { $0.policy.windowStart > $1.policy.windowStart }
    }

    /// The position in ``tables`` of the table in force on `date`, or `nil` when none is.
    @inline(__always)
    public func tableIndex(for date: LocalDate) -> Int? {
        if tables.count == 1 { return 0 }
        return tables.firstIndex { $0.isInForce(on: date) }
    }

    /// The table in force on `date`, or `nil` when none is.
    public func table(for date: LocalDate) -> CompiledTable? {
        tableIndex(for: date).map { tables[$0] }
    }

    /// Today in the time zone of the table in force today (the first whose window holds today in
    /// its own time zone), else today in the first table's time zone; `nil` when no time zone
    /// is known.
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

/// Why tables cannot form one history.
public enum PolicyHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No table was given.
    case empty
    /// A table has other inputs or derived outputs than the first.
    case inputsDiffer(first: String, other: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .empty: return "no rule table was given"
        case .inputsDiffer(let first, let other):
            return
                "\(other) has other inputs or derived outputs than \(first); the tables of a folder must have the same ones"
        }
    }
}

extension RuleTable {
    /// Whether both tables take the same inputs and give the same derived outputs.
    func sharesInputs(with other: RuleTable) -> Bool {
        yearInputs.map(\.name) == other.yearInputs.map(\.name)
            && yearInputs.map(\.allowsNone) == other.yearInputs.map(\.allowsNone)
            && yearInputs.map(\.kind) == other.yearInputs.map(\.kind)
            && dateInputName == other.dateInputName
            && derived.map(\.name) == other.derived.map(\.name)
    }
}
