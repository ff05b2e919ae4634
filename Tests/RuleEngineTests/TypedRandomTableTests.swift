import Testing

@testable import RuleEngine

/// Random tables over every discrete input type (year with `none`, enum, boolean, integer) and
/// the date, with an expiry day chosen by the enum and offsets in days and months: the decision
/// tree agrees with the linear scan on every input, and gaps and overlaps are exactly the
/// inputs the scan finds.
@Suite("Random tables with every input type")
struct TypedRandomTableTests {
    typealias Generator = RandomTable.Generator

    static func condition(_ generator: inout Generator, input: String) -> String {
        switch input {
        case "a":
            return generator.pick([
                "a: \(2020 + generator.next(6))",
                "a: {from: \(2020 + generator.next(3)), to: \(2023 + generator.next(3))}",
                "a: none", "a: [\(2020 + generator.next(6)), none]", "a: {not: none}",
            ])
        case "e":
            return generator.pick([
                "e: \(generator.pick(["p", "q", "r"]))", "e: [p, \(generator.pick(["q", "r"]))]",
                "e: {in: [\(generator.pick(["p", "q", "r"]))]}", "e: {not_in: [\(generator.pick(["p", "q", "r"]))]}",
                "e: any",
            ])
        case "f":
            return generator.pick(["f: true", "f: false", "f: any"])
        default:
            return generator.pick([
                "n: \(generator.next(5))", "n: {from: \(generator.next(3)), to: \(2 + generator.next(3))}",
                "n: {not_in: [\(generator.next(5))]}", "n: [0, \(generator.next(5))]", "n: {from: 3}",
            ])
        }
    }

    static func table(seed: UInt64, hitPolicy: String, otherwise: Bool) -> String {
        var generator = Generator(state: seed &* 7919 &+ 17)
        let body = [
            "inputs:",
            "  a: {type: year, domain: {from: 2020, to: 2025}, none: true}",
            "  e: {type: enum, values: [p, q, r]}",
            "  f: {type: boolean}",
            "  n: {type: integer, domain: {from: 0, to: 4}}",
            "  d: {type: date}",
            "certifications:",
            "  ca: {input: a, expires: 03-31}",
            "  ce: {input: a, expires: {by: e, p: \(generator.pick(["01-31", "02-29", "09-30"])), "
                + "\(generator.pick(["q: 03-31, ", "q: 09-30, ", ""]))otherwise: 03-31}}",
            "deadlines:",
            "  d0: {date: 2024-05-1\(generator.next(9)), kind: k, inclusive: true}",
            "derived:",
            "  x: {e: {not_in: [q]}, f: true}",
            "  w: {d: {on_or_before: ce.expiry + 1 month}}",
            "actions: {z: Z.}",
        ]
        var rules: [[String]] = []
        for _ in 0..<(3 + generator.next(6)) {
            var conditions: [String] = []
            for input in ["a", "e", "f", "n"] where generator.next(3) > 0 {
                conditions.append(condition(&generator, input: input))
            }
            if generator.next(3) == 0 {
                conditions.append(
                    generator.pick([
                        "d: {before: ca.expiry}", "d: {by: d0}", "d: {past: d0}", "d: {before: ce.expiry}",
                        "d: {after: ce.expiry + 1 month}", "d: {on_or_before: ce.expiry - 2 months}",
                        "d: {on_or_after: ca.expiry + 30 days}", "d: {on: ce.expiry + 1 month}",
                        "d: {after: ce.expiry, before: ce.expiry + 1 month}",
                    ]))
            }
            rules.append(conditions)
        }
        return RandomTable.text(
            id: "typed", seed: seed, window: ("2024-01-01", "2025-03-31"), cycle: 2022, hitPolicy: hitPolicy,
            otherwise: otherwise, body: body, rules: rules)
    }

    @Test("the tree agrees with the linear scan (hit policy first)", arguments: 0..<16)
    func treeAgrees(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "first", otherwise: true)
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "typed-\(seed).yaml"))
        #expect(try ScanComparison.mismatches(table) == 0, "\(text)")
    }

    @Test("the generated tables do have gaps and overlaps")
    func generatorIsInteresting() {
        let texts = (0..<16).map { Self.table(seed: UInt64($0), hitPolicy: "unique", otherwise: false) }
        let found = ScanComparison.gapsAndOverlaps(texts)
        #expect(found.gaps >= 3)
        #expect(found.overlaps >= 3)
    }

    @Test("gaps and overlaps are exactly the inputs the scan finds (hit policy unique)", arguments: 0..<16)
    func analysisIsExact(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "unique", otherwise: false)
        let (typed, context) = try ScanComparison.analysed(text, file: "typed.yaml")
        let scan = ScanComparison.scan(typed)
        #expect(AnalysisTests.expand(GapCheck.regions(context)) == scan.gaps)
        #expect(ScanComparison.foundOverlaps(context) == scan.overlaps)
    }
}
