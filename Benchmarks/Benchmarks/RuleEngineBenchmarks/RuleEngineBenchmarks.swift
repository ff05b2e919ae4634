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

/// Four inputs, an enum and two dates: a level, a per-person certification date (conditions
/// with a literal day, an expiry of a year input and a 30-day waiting period against the
/// question's date) and the question's date.
func loadPersonDates() -> CompiledTable? {
    TableLoader.load(
        yaml: """
            format: rulecheck/1
            policy: {id: bench-dates, version: "1", title: dates, source: benchmark, time_zone: UTC, window: {from: 2026-01-01, to: 2026-12-31}}
            cycle: 2026
            inputs:
              level: {type: enum, values: [emt, aemt, paramedic]}
              state_expires: {type: year, domain: {from: 2025, to: 2030}}
              certified_on: {type: date, domain: {from: 1970-01-01, to: 2026-12-31}}
              as_of: {type: date, role: as_of}
            certifications:
              state: {input: state_expires, expires: 06-30}
            derived:
              before_expiry: {certified_on: {before: state.expiry}}
            actions: {z: Z.}
            hit_policy: first
            rules:
              - {id: old, when: {certified_on: {before: 2013-07-01}}, then: {cohort: old, status: s, actions: [z]}}
              - {id: wait, when: {as_of: {before: certified_on + 30 days}}, then: {cohort: wait, status: s, actions: [z]}}
              - {id: medic, when: {level: paramedic}, then: {cohort: medic, status: s, actions: [z]}}
            otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}
            """, file: "bench-dates.yaml"
    ).table
}

/// The fictional dates-state fixture: five inputs, two per-person dates compared with each other.
func loadDatesState() -> CompiledTable? {
    (try? TableLoader.load(path: path("Tests/Fixtures/policies/dates-state.yaml")))?.table
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
    evaluationBenchmarks("4 inputs, an enum and two dates", table: loadPersonDates)
    evaluationBenchmarks("two compared per-person dates (dates-state)", table: loadDatesState)
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
