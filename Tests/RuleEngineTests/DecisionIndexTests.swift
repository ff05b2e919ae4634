import Testing

@testable import RuleEngine

/// The flat decision index against the linear scan: runs of every length from 1 to 41 (the
/// search of the date cuts), and the refusals at every edge of the domains and the window, in
/// their documented order. The random-table suites compare every input, the last day of each
/// decision's interval included (``ScanComparison/mismatches(_:)``).
@Suite("Decision index")
struct DecisionIndexTests {
    /// Year `2020 + j` has `41 - j` intervals: rule `k` (for `k >= j`) decides from deadline `k`,
    /// and the deadlines run backwards, so each rule cuts the run once more.
    static func staircase(cuts: Int) -> String {
        var lines = [
            "format: rulecheck/1",
            "policy: {id: stairs, version: \"1\", title: stairs, source: test, time_zone: UTC, window: {from: 2024-01-01, to: 2024-12-31}}",
            "cycle: 2022",
            "hit_policy: first",
            "inputs:",
            "  a: {type: year, domain: {from: 2020, to: \(2020 + cuts)}}",
            "  d: {type: date}",
            "deadlines:",
        ]
        let first = LocalDate(year: 2024, month: 2, day: 1)?.dayNumber ?? 0
        for cut in 0..<cuts {
            lines.append(
                "  d\(cut): {date: \(LocalDate(dayNumber: first + 5 * (cuts - cut))), kind: k, inclusive: true}")
        }
        lines += ["actions: {z: Z.}", "rules:"]
        for cut in 0..<cuts {
            lines.append(
                "  - {id: r\(cut), when: {a: {from: 2020, to: \(2020 + cut)}, d: {past: d\(cut)}}, then: {cohort: c\(cut), status: s, actions: [z]}}"
            )
        }
        lines.append("otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("runs of 1 to 41 intervals: every day agrees with the scan")
    func staircaseAgrees() throws {
        let table = try TestSupport.compiled(TableLoader.load(yaml: Self.staircase(cuts: 40), file: "stairs.yaml"))
        let lengths = (0..<table.decisionIndex.space.count).map { table.decisionIndex.intervals(of: $0).count }
        #expect(Set(lengths) == Set(1...41))
        #expect(try ScanComparison.mismatches(table) == 0)
    }

    @Test(
        "runs in blocks of their own length and in the longest run's: every day agrees with the scan",
        arguments: [DecisionIndex.RunLayout.fitted, .uniform])
    func layoutsAgree(layout: DecisionIndex.RunLayout) throws {
        let staircase = Self.staircase(cuts: 40)
        for text in [staircase, RandomTableTests.table(seed: 3, hitPolicy: "first", otherwise: true)] {
            let loaded = try TestSupport.compiled(TableLoader.load(yaml: text, file: "layout.yaml"))
            let definition = loaded.definition
            let index = DecisionIndex(
                coverage: TableCompiler.coverage(of: definition),
                otherwise: definition.rules.lastIndex { $0.isOtherwise }.map { Int32($0) },
                windowStart: Int32(definition.policy.windowStart.dayNumber), layout: layout)
            if text == staircase {
                // Runs of 1 to 41 intervals fit blocks of 8, 16, 32 and 64 entries.
                #expect(Set(index.runs.map(\.halfBlock)).count == (layout == .uniform ? 1 : 4))
            }
            #expect(try ScanComparison.mismatches(CompiledTable(definition: definition, decisionIndex: index)) == 0)
        }
    }

    /// The error the documented order gives: the first input whose value is outside its
    /// domain, else the window.
    static func expectedRefusal(_ table: CompiledTable, _ years: YearValues, _ day: LocalDate) -> EvaluationError? {
        for (index, input) in table.definition.yearInputs.enumerated() {
            let value = years[index]
            if value.map({ !input.domain.contains($0) }) ?? !input.allowsNone {
                return .valueOutsideDomain(
                    input: input.name, value: value, domain: input.domain, allowsNone: input.allowsNone)
            }
        }
        let policy = table.policy
        guard policy.windowStart <= day, day <= policy.windowEnd else {
            return .dateOutsideWindow(date: day, start: policy.windowStart, end: policy.windowEnd)
        }
        return nil
    }

    @Test("values just outside each domain, none, huge values and days just outside the window", arguments: 0..<6)
    func refusalsAgree(seed: UInt64) throws {
        let text = RandomTableTests.table(seed: seed, hitPolicy: "first", otherwise: true)
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "random-\(seed).yaml"))
        let inputs = table.definition.yearInputs
        let edges: [Int?] =
            inputs.flatMap { [$0.domain.lowerBound - 1, $0.domain.upperBound + 1] } + [
                nil, 2020, 2025, Int(Int32.max), Int(Int32.min), Int.max, Int.min,
            ]
        let days = [
            table.policy.windowStart.adding(days: -1), table.policy.windowStart, table.policy.windowEnd,
            table.policy.windowEnd.adding(days: 1), LocalDate(dayNumber: Int(Int32.max) + 1),
        ]
        var checked = 0
        for first in edges {
            for second in edges {
                for day in days {
                    let years = YearValues(first, second)
                    let expected = Self.expectedRefusal(table, years, day)
                    do {
                        let decision = try table.evaluate(years, asOf: day)
                        #expect(expected == nil, "\(years) \(day) decided by rule \(decision.ruleIndex)")
                    } catch {
                        #expect(error == expected, "\(years) \(day)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
        #expect(throws: EvaluationError.wrongInputCount(expected: 2, given: 1)) {
            try table.evaluate(YearValues([2020]), asOf: table.policy.windowStart)
        }
    }
}
