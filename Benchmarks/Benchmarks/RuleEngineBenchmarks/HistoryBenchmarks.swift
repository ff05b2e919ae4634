import Benchmark
import Foundation
import RuleEngine

/// The 2027 example beside the 2026 table, as a folder holds them.
func load2027Example() -> CompiledTable? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return (try? TableLoader.load(path: root.appendingPathComponent("Tests/Fixtures/policies/2027-example.yaml").path))?
        .table
}

/// Inputs on the days both windows hold (2026-12-01 to 2027-03-31), years from both domains,
/// so that many decisions pass from the newer table (only its `otherwise` matches) to the older one.
private struct OverlapInputs {
    let years: [YearValues]
    let dates: [LocalDate]

    init(count: Int) {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let values: [Int?] = Array(2023...2032).map { Optional($0) } + [nil]
        let first = LocalDate(year: 2026, month: 12, day: 1)?.dayNumber ?? 0
        years = (0..<count).map { _ in YearValues(values[next() % 10], values[next() % values.count]) }
        dates = (0..<count).map { _ in LocalDate(dayNumber: first + next() % 121) }
    }
}

/// A decision through a history of two tables against one table's `evaluate` on the same inputs.
func historyBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], scalingFactor: .kilo,
        maxDuration: .seconds(3))
    Benchmark("evaluate: one table (2026) on the overlap", configuration: configuration) { benchmark in
        guard let table = load2026() else { return }
        let inputs = OverlapInputs(count: 4096)
        var index = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? table.evaluate(inputs.years[index & 4095], asOf: inputs.dates[index & 4095]).ruleIndex)
            index &+= 1
        }
    }
    Benchmark("evaluate: policy history of 2 tables on the overlap", configuration: configuration) { benchmark in
        guard let old = load2026(), let new = load2027Example(), let history = try? PolicyHistory([old, new]) else {
            return
        }
        let inputs = OverlapInputs(count: 4096)
        var index = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? history.evaluate(inputs.years[index & 4095], asOf: inputs.dates[index & 4095]).ruleIndex)
            index &+= 1
        }
    }
}
