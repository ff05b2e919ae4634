import Testing

@testable import RuleEngine

/// Randomly generated tables: the decision tree agrees with the linear scan on every input,
/// and the gap and overlap analysis finds exactly the inputs the scan finds.
@Suite("Random tables")
struct RandomTableTests {
    /// A small deterministic generator.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: (state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let deadlines = ["d0", "d1", "d2", "d3"]

    static func yearCondition(_ generator: inout Generator, input: String, other: String) -> String {
        switch generator.next(7) {
        case 0: return "\(input): \(2020 + generator.next(6))"
        case 1:
            return "\(input): [\(2020 + generator.next(6)), \(2020 + generator.next(6))\(input == "b" ? ", none" : "")]"
        case 2:
            let from = 2020 + generator.next(6)
            return "\(input): {from: \(from), to: \(min(2025, from + generator.next(3)))}"
        case 3: return input == "b" ? "b: none" : "a: cycle + \(generator.next(3))"
        case 4: return "\(input): {equals: \(other) \(generator.pick(["+", "-"])) \(generator.next(2))}"
        case 5: return "\(input): {not: \(2020 + generator.next(6))}"
        default: return "\(input): any"
        }
    }

    static func dateCondition(_ generator: inout Generator) -> String {
        let operand = generator.pick(
            deadlines + [
                "ca.expiry", "cb.expiry", "2024-07-04", "ca.expiry - 1 month", "cb.expiry + 2 months",
                "ca.expiry + 30 days", "2024-01-31 + 1 month",
            ])
        switch generator.next(7) {
        case 0: return "d: {by: \(generator.pick(deadlines))}"
        case 1: return "d: {past: \(generator.pick(deadlines))}"
        case 2: return "d: {before: \(operand)}"
        case 3: return "d: {after: \(operand)}"
        case 4: return "d: {on_or_before: \(operand)}"
        case 5: return "d: {on: \(operand)}"
        default: return "d: {on_or_after: \(operand)}"
        }
    }

    static func table(seed: UInt64, hitPolicy: String, otherwise: Bool) -> String {
        var generator = Generator(state: seed)
        var lines = [
            "format: rulecheck/1",
            "policy: {id: random, version: \"\(seed)\", title: random, source: test, time_zone: UTC, window: {from: 2023-11-01, to: 2025-12-31}}",
            "cycle: 2022",
            "hit_policy: \(hitPolicy)",
            "inputs:",
            "  a: {type: year, domain: {from: 2020, to: 2025}}",
            "  b: {type: year, domain: {from: 2020, to: 2025}, none: true}",
            "  d: {type: date}",
            "certifications:",
            "  ca: {input: a, expires: 03-31}",
            "  cb: {input: b, expires: 06-30}",
            "deadlines:",
        ]
        for (index, name) in deadlines.enumerated() {
            let month = 1 + generator.next(12)
            let date = "\(2024 + index / 2)-\(month < 10 ? "0" : "")\(month)-1\(generator.next(9))"
            lines.append("  \(name): {date: \(date), kind: k, inclusive: \(generator.next(2) == 0)}")
        }
        lines += [
            "derived:", "  x: {\(dateCondition(&generator))}", "  y: {b: {not: none}}", "actions: {z: Z.}", "rules:",
        ]
        for rule in 0..<(3 + generator.next(6)) {
            var conditions: [String] = []
            if generator.next(3) > 0 { conditions.append(yearCondition(&generator, input: "a", other: "b")) }
            if generator.next(3) > 0 { conditions.append(yearCondition(&generator, input: "b", other: "a")) }
            for _ in 0..<generator.next(3) { conditions.append(dateCondition(&generator)) }
            // One key per input in a YAML mapping: merge the date comparisons into one mapping.
            let dates = conditions.filter { $0.hasPrefix("d: ") }.map { String($0.dropFirst(4).dropLast()) }
            var when = conditions.filter { !$0.hasPrefix("d: ") }
            if !dates.isEmpty {
                var seen: Set<String> = []
                let unique = dates.filter { seen.insert(String($0.prefix { $0 != ":" })).inserted }
                when.append("d: {\(unique.joined(separator: ", "))}")
            }
            lines.append(
                "  - {id: r\(rule), when: {\(when.joined(separator: ", "))}, then: {cohort: c\(rule), status: s, actions: [z]}}"
            )
        }
        if otherwise { lines.append("otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func everyInput(_ table: RuleTable) -> [(YearValues, LocalDate)] {
        let space = CellSpace(table.yearInputs)
        var inputs: [(YearValues, LocalDate)] = []
        for cell in 0..<space.count {
            var day = table.policy.windowStart
            while day <= table.policy.windowEnd {
                inputs.append((space.values(of: cell), day))
                day = day.adding(days: 1)
            }
        }
        return inputs
    }

    @Test("the tree agrees with the linear scan (hit policy first)", arguments: 0..<24)
    func treeAgrees(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "first", otherwise: true)
        let result = TableLoader.load(yaml: text, file: "random-\(seed).yaml")
        let table = try TestSupport.compiled(result)
        let reference = ReferenceEvaluator(table: table.definition)
        var mismatches = 0
        for (years, day) in Self.everyInput(table.definition) {
            let decision = try table.evaluate(years, asOf: day)
            let expected = reference.decide(years, on: day)
            if expected?.rule != decision.ruleIndex || expected?.flags != decision.flags { mismatches += 1 }
        }
        #expect(mismatches == 0, "\(text)")
    }

    @Test("the generated tables do have gaps, overlaps and equals conditions")
    func generatorIsInteresting() throws {
        var withGaps = 0
        var withOverlaps = 0
        for seed in 0..<24 {
            let text = Self.table(seed: UInt64(seed), hitPolicy: "unique", otherwise: false)
            let codes = Set(TableLoader.load(yaml: text, file: "random.yaml").diagnostics.map(\.code))
            if codes.contains(.gap) { withGaps += 1 }
            if codes.contains(.overlap) { withOverlaps += 1 }
        }
        #expect(withGaps >= 4)
        #expect(withOverlaps >= 4)
    }

    @Test("gaps and overlaps are exactly the inputs the scan finds (hit policy unique)", arguments: 0..<24)
    func analysisIsExact(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "unique", otherwise: false)
        var loader = RuleTableLoader(file: "random.yaml")
        let root = try #require(YAMLReaderAccess.root(text))
        let loaded = loader.load(root)
        let typed = try #require(loaded, "\(loader.reader.diagnostics.map(\.message))")
        let context = AnalysisContext(table: typed, coverage: TableCompiler.coverage(of: typed))
        let reference = ReferenceEvaluator(table: typed)
        var gaps: Set<[Int]> = []
        var overlaps: [[Int32]: Set<[Int]>] = [:]
        for (years, day) in Self.everyInput(typed) {
            let matching = reference.matchingRules(years, on: day)
            let key = [years[0] ?? -1, years[1] ?? -1, day.dayNumber]
            if matching.isEmpty { gaps.insert(key) }
            for (position, first) in matching.enumerated() {
                for second in matching[(position + 1)...] {
                    overlaps[[Int32(first), Int32(second)], default: []].insert(key)
                }
            }
        }
        #expect(AnalysisTests.expand(GapCheck.regions(context)) == gaps)
        var found: [[Int32]: Set<[Int]>] = [:]
        for (pair, regions) in OverlapCheck.pairs(context) {
            found[[pair.first, pair.second]] = AnalysisTests.expand(regions)
        }
        #expect(found == overlaps)
        #expect(OverlapCheck().run(context).count == overlaps.count)
    }
}
