// A small driver for instruction counts under callgrind, which do not depend on the machine's
// load: `DecisionProfile [--first] TABLE [OTHER-TABLE] N` loads the tables and makes N decisions
// round-robin over 4,096 inputs of the first table's domain and of the days every window holds:
// with one table through `CompiledTable.evaluate`, with two through their `PolicyHistory`, or
// with `--first` through the first table alone on the same inputs. Instructions per decision
// are the difference of two runs' totals divided by the difference of their N (RESULTS.md).
import Foundation
import RuleEngine

let firstOnly = CommandLine.arguments.dropFirst().first == "--first"
let arguments = CommandLine.arguments.dropFirst(firstOnly ? 2 : 1)
guard arguments.count >= 2, let count = Int(arguments[arguments.endIndex - 1]) else {
    print("usage: DecisionProfile [--first] TABLE [OTHER-TABLE] N")
    exit(2)
}
let tables = arguments.dropLast().compactMap { try? TableLoader.load(path: $0).table }
guard tables.count == arguments.count - 1, let table = tables.first,
    let history = try? PolicyHistory(tables)
else {
    print("cannot load the tables")
    exit(1)
}

/// 4,096 inputs: years from the table's domains, days both windows hold when there are two
/// tables (else the table's window).
func makeInputs() -> (years: [YearValues], dates: [LocalDate]) {
    var state: UInt64 = 42
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    let first = tables.map(\.policy.windowStart.dayNumber).max() ?? 0
    let last = tables.map(\.policy.windowEnd.dayNumber).min() ?? 0
    let inputs = table.definition.yearInputs
    let years = (0..<4096).map { _ in YearValues(inputs.map { $0.values[next() % $0.values.count] }) }
    let dates = (0..<4096).map { _ in LocalDate(dayNumber: first + next() % (last - first + 1)) }
    return (years, dates)
}
let (years, dates) = makeInputs()

/// The decisions through one table, with the table a parameter as in a caller's function (a
/// global would be one that any call might release, which costs the caller a retain).
func decide(_ table: CompiledTable, count: Int) -> Int {
    var checksum = 0
    for index in 0..<count {
        checksum &+= (try? table.evaluate(years[index & 4095], asOf: dates[index & 4095]).ruleIndex) ?? -1
    }
    return checksum
}

/// The decisions through the history.
func decide(_ history: PolicyHistory, count: Int) -> Int {
    var checksum = 0
    for index in 0..<count {
        checksum &+= (try? history.evaluate(years[index & 4095], asOf: dates[index & 4095]).ruleIndex) ?? -1
    }
    return checksum
}

print(tables.count == 1 || firstOnly ? decide(table, count: count) : decide(history, count: count))
