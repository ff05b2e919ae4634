import RuleEngine

/// The tables a roster is classified against, checked to agree on their inputs and derived
/// outputs, with the facts the row loop needs laid out flat so that it reads them without
/// copying any table structure.
public struct RosterTables: Sendable {
    /// The tables, latest window start first.
    public let tables: [CompiledTable]
    /// The year inputs' names, which are the roster's required columns.
    public let yearInputNames: [String]
    /// The discrete inputs (year, integer, boolean, enum), whose cells are read in their own terms,
    /// each with the values some table takes (the history decides whether one in force on the
    /// row's date does).
    public let inputs: [DiscreteInput]
    /// Whether each year input takes `none`, so that an empty cell means `none`.
    let allowsNone: [Bool]
    /// Whether each input is a year (read from four digits) rather than another discrete type.
    let isYear: [Bool]
    /// Whether each input is a per-person date (read in the roster's date format).
    let isDate: [Bool]
    /// The date input's name, the roster's optional per-row as-of column.
    public let dateInputName: String
    /// The derived outputs' names, one output column each.
    public let derivedNames: [String]
    /// The typed outputs' names, one output column each, after the derived outputs'.
    public let outputNames: [String]
    /// Whether some outcome of some table has several fees, so that the output has a `fees` column.
    public let listsFees: Bool
    /// Table `t`'s rule `r` is rule `ruleOffset[t] + r` of every table's rules one after another.
    let ruleOffset: [Int]
    /// `deadlineStart[g] ..< deadlineStart[g + 1]` are the deadlines of rule `g` (counted as in
    /// `ruleOffset`) in `lastDayInTime`.
    let deadlineStart: [Int]
    /// Every rule's deadlines' last day in time (day numbers), rule after rule, in each rule's order.
    let lastDayInTime: [Int]

    /// The history the tables form; it chooses each row's table.
    public let history: PolicyHistory

    /// Checks that the tables agree. With several, each row is decided through the policy
    /// history, as `eval` decides.
    public init(_ tables: [CompiledTable]) throws(RosterError) {
        do { history = try PolicyHistory(tables) } catch {
            switch error {
            case .empty: throw .tables("no rule table was given")
            case .inputsDiffer(let first, let other): throw .tables(RosterMessages.tablesDisagree(first, other))
            case .sameWindowStart, .duplicateVersion: throw .tables(error.description)
            }
        }
        self.tables = history.tables
        let first = history.tables[0]
        yearInputNames = first.definition.yearInputs.map(\.name)
        inputs = history.inputs.map(\.input)
        allowsNone = first.definition.yearInputs.map(\.allowsNone)
        isYear = first.definition.yearInputs.map(\.isYear)
        isDate = first.definition.yearInputs.map(\.isDate)
        dateInputName = first.definition.dateInputName
        derivedNames = first.definition.derived.map(\.name)
        outputNames = first.definition.outputs.map(\.name)
        listsFees = history.tables.contains { table in table.definition.rules.contains { $0.outcome.fees.count > 1 } }
        var offsets: [Int] = []
        var starts = [0]
        var days: [Int] = []
        for table in self.tables {
            offsets.append(starts.count - 1)
            for rule in table.definition.rules {
                days += rule.outcome.deadlines.map(\.lastDayInTime.dayNumber)
                starts.append(days.count)
            }
        }
        ruleOffset = offsets
        deadlineStart = starts
        lastDayInTime = days
    }

    /// Whether some table is in force on `date` (always, for a single table, which reports a
    /// date outside its window itself).
    @inline(__always)
    public func hasTable(for date: LocalDate) -> Bool {
        if tables.count == 1 { return true }
        for table in tables where table.isInForce(on: date) { return true }
        return false
    }

    /// The position in ``tables`` of the table that made a decision.
    @inline(__always)
    func position(of table: CompiledTable) -> Int {
        for index in tables.indices where tables[index] === table { return index }
        return 0
    }

    /// The position of the first deadline of rule `rule` in table `table` whose last day in time
    /// is on or after `day`, counted within the rule's deadlines, or -1 when none is.
    @inline(__always)
    func nextDeadline(table: Int, rule: Int, day: Int) -> Int {
        let global = ruleOffset[table] + rule
        let first = deadlineStart[global]
        for index in first..<deadlineStart[global + 1] where lastDayInTime[index] >= day { return index - first }
        return -1
    }

    /// The last day on which rule `rule` of table `table` has the same next deadline as on a
    /// day whose next deadline is its `deadline`-th (-1 for none): that deadline's last day in
    /// time, or `Int.max`.
    func nextDeadlineHolds(table: Int, rule: Int, deadline: Int) -> Int {
        guard deadline >= 0 else { return .max }
        return lastDayInTime[deadlineStart[ruleOffset[table] + rule] + deadline]
    }
}
