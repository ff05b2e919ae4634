import Testing

@testable import RuleEngine

/// Randomly generated tables: the decision tree agrees with the linear scan on every input,
/// and the gap and overlap analysis finds exactly the inputs the scan finds.
@Suite("Random tables")
struct RandomTableTests {
    typealias Generator = RandomTable.Generator

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
        var body = [
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
            body.append("  \(name): {date: \(date), kind: k, inclusive: \(generator.next(2) == 0)}")
        }
        body += ["derived:", "  x: {\(dateCondition(&generator))}", "  y: {b: {not: none}}", "actions: {z: Z.}"]
        var rules: [[String]] = []
        for _ in 0..<(3 + generator.next(6)) {
            var conditions: [String] = []
            if generator.next(3) > 0 { conditions.append(yearCondition(&generator, input: "a", other: "b")) }
            if generator.next(3) > 0 { conditions.append(yearCondition(&generator, input: "b", other: "a")) }
            for _ in 0..<generator.next(3) { conditions.append(dateCondition(&generator)) }
            rules.append(conditions)
        }
        return RandomTable.text(
            id: "random", seed: seed, window: ("2023-11-01", "2025-12-31"), cycle: 2022, hitPolicy: hitPolicy,
            otherwise: otherwise, body: body, rules: rules)
    }

    @Test("the tree agrees with the linear scan (hit policy first)", arguments: 0..<24)
    func treeAgrees(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "first", otherwise: true)
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "random-\(seed).yaml"))
        #expect(try ScanComparison.mismatches(table) == 0, "\(text)")
    }

    @Test("the generated tables do have gaps, overlaps and equals conditions")
    func generatorIsInteresting() {
        let texts = (0..<24).map { Self.table(seed: UInt64($0), hitPolicy: "unique", otherwise: false) }
        let found = ScanComparison.gapsAndOverlaps(texts)
        #expect(found.gaps >= 4)
        #expect(found.overlaps >= 4)
    }

    @Test("gaps and overlaps are exactly the inputs the scan finds (hit policy unique)", arguments: 0..<24)
    func analysisIsExact(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "unique", otherwise: false)
        let (typed, context) = try ScanComparison.analysed(text, file: "random.yaml")
        let scan = ScanComparison.scan(typed)
        #expect(AnalysisTests.expand(GapCheck.regions(context)) == scan.gaps)
        #expect(ScanComparison.foundOverlaps(context) == scan.overlaps)
        #expect(OverlapCheck().run(context).count == scan.overlaps.count)
    }
}
