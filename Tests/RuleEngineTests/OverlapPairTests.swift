import Testing

@testable import RuleEngine

/// Random tables with many broad, overlapping rules over three year inputs (so that `equals`
/// links pairs and groups of three): the pairs of overlapping rules, where they overlap, the
/// gaps and the decision tree all agree with a brute-force scan of every input.
@Suite("Overlapping rules")
struct OverlapPairTests {
    static let inputs = ["a", "b", "c"]
    static let domains = ["a": 2020...2025, "b": 2021...2024, "c": 2022...2024]

    static func yearCondition(_ generator: inout RandomTable.Generator, input: String) -> String {
        let domain = domains[input] ?? 2020...2020
        let year = { (generator: inout RandomTable.Generator) in domain.lowerBound + generator.next(domain.count) }
        let other = inputs.filter { $0 != input }[generator.next(2)]
        switch generator.next(8) {
        case 0: return "\(input): \(year(&generator))"
        case 1:
            let from = year(&generator)
            return "\(input): {from: \(from), to: \(min(domain.upperBound, from + generator.next(4)))}"
        case 2: return "\(input): [\(year(&generator)), \(input == "a" ? "\(year(&generator))" : "none")]"
        case 3, 4: return "\(input): {equals: \(other) \(generator.pick(["+", "-"])) \(generator.next(2))}"
        case 5: return "\(input): {not: {equals: \(other)}}"
        case 6: return "\(input): {not: \(year(&generator))}"
        default: return "\(input): any"
        }
    }

    /// A table whose rules mostly match wide regions, so that most pairs overlap somewhere.
    static func table(seed: UInt64, linkAll: Bool) -> String {
        var generator = RandomTable.Generator(state: seed)
        let body = [
            "inputs:",
            "  a: {type: year, domain: {from: 2020, to: 2025}}",
            "  b: {type: year, domain: {from: 2021, to: 2024}, none: true}",
            "  c: {type: year, domain: {from: 2022, to: 2024}, none: true}",
            "  d: {type: date}",
            "certifications:",
            "  ca: {input: a, expires: 03-31}",
            "  cb: {input: b, expires: 06-30}",
            "deadlines:",
            "  d0: {date: 2024-02-15, kind: k, inclusive: true}",
            "  d1: {date: 2024-05-01, kind: k, inclusive: false}",
            "actions: {z: Z.}",
        ]
        var rules: [[String]] = []
        for _ in 0..<(12 + generator.next(10)) {
            var when: [String] = []
            for input in inputs where generator.next(3) == 0 {
                var condition = yearCondition(&generator, input: input)
                // Without `linkAll`, `c` is never compared, so only `a` and `b` form a pair.
                if !linkAll, condition.contains("equals"), condition.contains("c") { condition = "\(input): any" }
                when.append(condition)
            }
            switch generator.next(6) {
            case 0: when.append("d: {by: d\(generator.next(2))}")
            case 1: when.append("d: {after: \(generator.pick(["ca.expiry", "cb.expiry", "d0"]))}")
            case 2: when.append("d: {on_or_before: \(generator.pick(["ca.expiry", "cb.expiry"]))}")
            default: break
            }
            if when.isEmpty { when.append("a: any") }
            rules.append(when)
        }
        return RandomTable.text(
            id: "overlaps", seed: seed, window: ("2024-01-15", "2024-07-15"), cycle: 2022, hitPolicy: "unique",
            otherwise: false, body: body, rules: rules)
    }

    @Test(
        "overlapping pairs and gaps are exactly what the scan finds",
        arguments: [(0, false), (1, true)].flatMap {
            offset, linkAll in (0..<4).map { (UInt64(2 * $0 + offset), linkAll) }
        })
    func pairsAreExact(seed: UInt64, linkAll: Bool) throws {
        let text = Self.table(seed: seed, linkAll: linkAll)
        let (typed, context) = try ScanComparison.analysed(text, file: "overlaps.yaml")
        let (gaps, overlaps) = ScanComparison.scan(typed)
        let found = ScanComparison.foundOverlaps(context)
        #expect(overlaps.count >= 10, "the generator should make many overlapping pairs")
        #expect(
            found.keys.sorted { $0.lexicographicallyPrecedes($1) }
                == overlaps.keys.sorted {
                    $0.lexicographicallyPrecedes($1)
                })
        let wrong = overlaps.keys.filter { found[$0] != overlaps[$0] }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(wrong.isEmpty, "pairs whose overlap differs from the scan: \(wrong) in\n\(text)")
        #expect(AnalysisTests.expand(GapCheck.regions(context)) == gaps)
        // One diagnostic per pair, whose count is the number of inputs where the pair overlaps.
        let diagnostics = OverlapCheck().run(context)
        #expect(diagnostics.count == overlaps.count)
        let counts = diagnostics.map { diagnostic in
            diagnostic.message.split(separator: " ").firstIndex(of: "on").map {
                Int(diagnostic.message.split(separator: " ")[$0 + 1]) ?? -1
            } ?? -1
        }
        let expected = overlaps.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { overlaps[$0]?.count ?? 0 }
        #expect(counts == expected)
    }

    @Test("the tree agrees with the scan on tables with many overlapping rules", arguments: 0..<4)
    func treeAgrees(seed: UInt64) throws {
        let text =
            Self.table(seed: seed, linkAll: seed % 2 == 1).replacing(
                "hit_policy: unique", with: "hit_policy: first")
            + "otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}\n"
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "overlaps.yaml"))
        #expect(try ScanComparison.mismatches(table) == 0, "\(text)")
    }

    @Test("rules that all match everywhere overlap once per pair, on the whole space", arguments: [2, 12])
    func everyPairOnce(rules: Int) throws {
        let text =
            [
                "format: rulecheck/1",
                "policy: {id: all, version: \"1\", title: t, source: test, time_zone: UTC, "
                    + "window: {from: 2025-01-01, to: 2027-12-31}}",
                "cycle: 2026",
                "hit_policy: unique",
                "inputs:",
                "  a: {type: year, domain: {from: 1900, to: 2099}}",
                "  b: {type: year, domain: {from: 1900, to: 2099}, none: true}",
                "  d: {type: date}",
                "actions: {z: Z.}",
                "rules:",
            ].joined(separator: "\n") + "\n"
            + (0..<rules).map { "  - {id: r\($0), when: {a: any}, then: {cohort: c\($0), status: s, actions: [z]}}\n" }
            .joined()
        let result = TableLoader.load(yaml: text, file: "all.yaml")
        let overlaps = result.diagnostics.filter { $0.message.contains(" overlaps rule ") }
        #expect(overlaps.count == rules * (rules - 1) / 2)
        let days = LocalDate(year: 2027, month: 12, day: 31).map { $0.dayNumber + 1 } ?? 0
        let everything = 200 * 201 * (days - (LocalDate(year: 2025, month: 1, day: 1)?.dayNumber ?? 0))
        #expect(overlaps.allSatisfy { $0.message.contains("on \(everything) inputs: a 1900–2099, b 1900–2099, none,") })
        #expect(Set(overlaps.map(\.message)).count == overlaps.count, "each pair is reported once")
    }
}
