import Benchmark
import Foundation
import RuleEngine

/// Paths relative to the main package, whatever the working directory.
private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

private func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

func load2026() -> CompiledTable? {
    (try? TableLoader.load(path: path("rules/2026.yaml")))?.table
}

/// The typed fixture: an enum, a boolean, an integer and a year input beside the date.
func loadLevels() -> CompiledTable? {
    (try? TableLoader.load(path: path("Tests/Fixtures/policies/levels-state.yaml")))?.table
}

/// One evaluation per inner iteration, round-robin over 4,096 prepared inputs.
private func evaluationBenchmarks(_ name: String, table: @escaping @Sendable () -> CompiledTable?) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], scalingFactor: .kilo,
        maxDuration: .seconds(3))
    Benchmark("evaluate: decision tree, \(name)", configuration: configuration) { benchmark in
        guard let table = table() else { return }
        let inputs = InputSet(table: table, count: 4096)
        var index = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? table.evaluate(inputs.years[index & 4095], asOf: inputs.dates[index & 4095]).ruleIndex)
            index &+= 1
        }
    }
    Benchmark("evaluate: linear scan, \(name)", configuration: configuration) { benchmark in
        guard let table = table() else { return }
        let inputs = InputSet(table: table, count: 4096)
        let reference = ReferenceEvaluator(table: table.definition)
        var index = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(reference.decide(inputs.years[index & 4095], on: inputs.dates[index & 4095])?.rule)
            index &+= 1
        }
    }
}

private final class TableCache: Sendable {
    let table1k = LargeTable.compile(rules: 1_000)
    let table10k = LargeTable.compile(rules: 10_000)
    static let shared = TableCache()
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.timeUnits = .nanoseconds

    batchBenchmarks()
    historyBenchmarks()
    evaluationBenchmarks("2026 table", table: load2026)
    evaluationBenchmarks("typed table (enum, boolean, integer, year)", table: loadLevels)
    evaluationBenchmarks("1k rules", table: { TableCache.shared.table1k })
    evaluationBenchmarks("10k rules", table: { TableCache.shared.table10k })

    let compileConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(20),
        maxIterations: 20)
    var smallTableConfiguration = compileConfiguration
    smallTableConfiguration.timeUnits = .microseconds
    smallTableConfiguration.maxIterations = 1000
    Benchmark("load+compile+analysis: 2026 table", configuration: smallTableConfiguration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(load2026()?.leafCount) }
    }
    for rules in [1_000, 10_000] {
        let text = LargeTable.yaml(rules: rules)
        Benchmark("load+compile+analysis: \(rules / 1000)k rules", configuration: compileConfiguration) { benchmark in
            for _ in benchmark.scaledIterations {
                let result = TableLoader.load(yaml: text, file: "generated.yaml", limits: LargeTable.limits)
                blackHole(result.table?.leafCount)
            }
        }
    }
    // Issue 11's adversarial tables: every pair of rules overlaps on every input. The load
    // reports one RC302 error per pair (780 and 124,750) and compiles no table.
    for rules in [40, 500] {
        let text = OverlappingTable.yaml(rules: rules)
        Benchmark("load+compile+analysis: \(rules) overlapping rules", configuration: compileConfiguration) {
            benchmark in
            for _ in benchmark.scaledIterations {
                let result = TableLoader.load(yaml: text, file: "overlapping.yaml")
                blackHole(result.diagnostics.count)
            }
        }
    }
}
