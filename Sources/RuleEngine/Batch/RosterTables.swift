/// The tables a roster is classified against, checked to agree on their inputs and derived
/// outputs, with the facts the row loop needs laid out flat so that it reads them without
/// copying any table structure.
public struct RosterTables: Sendable {
    /// The tables, latest window start first.
    public let tables: [CompiledTable]
    /// The year inputs' names, which are the roster's required columns.
    public let yearInputNames: [String]
    /// Whether each year input takes `none`, so that an empty cell means `none`.
    let allowsNone: [Bool]
    /// The date input's name, the roster's optional per-row as-of column.
    public let dateInputName: String
    /// The derived outputs' names, one output column each.
    public let derivedNames: [String]
    /// `deadlineStart[t][r] ..< deadlineStart[t][r + 1]` are rule `r`'s deadlines in `lastDayInTime[t]`.
    let deadlineStart: [[Int]]
    /// Each rule's deadlines' last day in time (day numbers), in the rule's order.
    let lastDayInTime: [[Int]]

    /// Checks that the tables agree. With several, a row's table is the one whose window holds
    /// its as-of date (the latest-starting when several do), as `eval` chooses.
    public init(_ tables: [CompiledTable]) throws(RosterError) {
        guard let first = tables.first else { throw .tables("no rule table was given") }
        for other in tables.dropFirst() {
            let same =
                other.table.yearInputs.map(\.name) == first.table.yearInputs.map(\.name)
                && other.table.yearInputs.map(\.allowsNone) == first.table.yearInputs.map(\.allowsNone)
                && other.table.dateInputName == first.table.dateInputName
                && other.table.derived.map(\.name) == first.table.derived.map(\.name)
            guard same else { throw .tables(RosterMessages.tablesDisagree(first.table.file, other.table.file)) }
        }
        self.tables = CompiledTable.latestFirst(tables)
        yearInputNames = first.table.yearInputs.map(\.name)
        allowsNone = first.table.yearInputs.map(\.allowsNone)
        dateInputName = first.table.dateInputName
        derivedNames = first.table.derived.map(\.name)
        var starts: [[Int]] = []
        var days: [[Int]] = []
        for table in self.tables {
            var start = [0]
            var last: [Int] = []
            for rule in table.table.rules {
                last += rule.outcome.deadlines.map(\.lastDayInTime.dayNumber)
                start.append(last.count)
            }
            starts.append(start)
            days.append(last)
        }
        deadlineStart = starts
        lastDayInTime = days
    }

    /// The position in ``tables`` of the table for a date, or `nil` when several tables are
    /// given and none is in force. A single table is always chosen, so that evaluating reports
    /// the date outside its window.
    @inline(__always)
    public func tableIndex(for date: LocalDate) -> Int? {
        if tables.count == 1 { return 0 }
        return tables.firstIndex { $0.isInForce(on: date) }
    }

    /// The tables' windows, for a message.
    var windows: String {
        tables.map { "\($0.table.file): \($0.policy.windowStart) to \($0.policy.windowEnd)" }.joined(separator: "; ")
    }

    /// The date rows without one are decided on: today in the time zone of the table in force
    /// today (as `eval` resolves it), or `nil` when no time zone is known.
    public func today() -> LocalDate? {
        var fallback: LocalDate?
        for table in tables {
            guard let date = LocalDate.today(inTimeZone: table.policy.timeZone) else { continue }
            if table.isInForce(on: date) { return date }
            fallback = fallback ?? date
        }
        return fallback
    }

    /// The position of the first deadline of rule `rule` in table `table` whose last day in time
    /// is on or after `day`, counted within the rule's deadlines, or -1 when none is.
    @inline(__always)
    func nextDeadline(table: Int, rule: Int, day: Int) -> Int {
        let starts = deadlineStart[table]
        let first = starts[rule]
        let days = lastDayInTime[table]
        for index in first..<starts[rule + 1] where days[index] >= day { return index - first }
        return -1
    }
}
