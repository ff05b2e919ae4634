import Testing

@testable import RuleEngine

/// Random tables whose year inputs are ordered against each other (`b: {after: a + 1}`,
/// `c: {on_or_before: b}`, negated, beside `equals`, sets, `none` and expiry bounds on the
/// date), so that pairs and groups of three inputs are linked: the decision tree agrees with
/// the linear scan on every input, and gaps and overlaps are exactly the inputs the scan finds.
@Suite("Random tables with orderings between year inputs")
struct OrderingRandomTableTests {
    typealias Generator = RandomTable.Generator

    static let inputs = ["a", "b", "c"]
    static let domains = ["a": 2020...2025, "b": 2020...2025, "c": 2021...2024]

    /// An ordering of `input` against another input plus or minus an offset, or against a year
    /// of its domain.
    static func ordering(_ generator: inout Generator, input: String) -> String {
        let key = generator.pick(["after", "before", "on_or_after", "on_or_before"])
        let other = inputs.filter { $0 != input }[generator.next(2)]
        let offset = generator.next(3)
        let domain = domains[input] ?? 2020...2020
        let operand =
            generator.next(4) == 0
            ? "\(domain.lowerBound + generator.next(domain.count))"
            : "\(other)\(offset == 0 ? "" : " \(generator.pick(["+", "-"])) \(offset)")"
        return "{\(key): \(operand)}"
    }

    static func condition(_ generator: inout Generator, input: String) -> String {
        let domain = domains[input] ?? 2020...2020
        switch generator.next(8) {
        case 0, 1, 2: return "\(input): \(ordering(&generator, input: input))"
        case 3: return "\(input): {not: \(ordering(&generator, input: input))}"
        case 4: return "\(input): {equals: \(inputs.filter { $0 != input }[generator.next(2)]) + \(generator.next(2))}"
        case 5: return "\(input): \(domain.lowerBound + generator.next(domain.count))"
        case 6: return input == "a" ? "a: {from: \(2020 + generator.next(3))}" : "\(input): none"
        default: return "\(input): any"
        }
    }

    static func dateCondition(_ generator: inout Generator) -> String {
        let operand = generator.pick(["ca.expiry", "cb.expiry", "cb.expiry - 1 month", "2024-07-04"])
        return "d: {\(generator.pick(["before", "after", "on_or_before", "on_or_after"])): \(operand)}"
    }

    static func table(seed: UInt64, hitPolicy: String, otherwise: Bool) -> String {
        var generator = Generator(state: seed &* 15_485_863 &+ 11)
        let body = [
            "inputs:",
            "  a: {type: year, domain: {from: 2020, to: 2025}}",
            "  b: {type: year, domain: {from: 2020, to: 2025}, none: true}",
            "  c: {type: year, domain: {from: 2021, to: 2024}, none: true}",
            "  d: {type: date}",
            "certifications:",
            "  ca: {input: a, expires: 03-31}",
            "  cb: {input: b, expires: 06-30}",
            "derived:",
            "  x: {\(condition(&generator, input: "b"))}",
            "actions: {z: Z.}",
        ]
        var rules: [[String]] = []
        for _ in 0..<(3 + generator.next(6)) {
            var conditions: [String] = []
            for input in inputs where generator.next(3) > 0 {
                conditions.append(condition(&generator, input: input))
            }
            if generator.next(3) == 0 { conditions.append(dateCondition(&generator)) }
            rules.append(conditions)
        }
        return RandomTable.text(
            id: "orderings", seed: seed, window: ("2024-01-01", "2024-12-31"), cycle: 2022, hitPolicy: hitPolicy,
            otherwise: otherwise, body: body, rules: rules)
    }

    @Test("the tree agrees with the linear scan (hit policy first)", arguments: 0..<16)
    func treeAgrees(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "first", otherwise: true)
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "orderings-\(seed).yaml"))
        #expect(try ScanComparison.mismatches(table) == 0, "\(text)")
    }

    @Test("the generated tables do have gaps, overlaps, diagonal gaps and orderings linking all three inputs")
    func generatorIsInteresting() throws {
        let texts = (0..<16).map { Self.table(seed: UInt64($0), hitPolicy: "unique", otherwise: false) }
        let found = ScanComparison.gapsAndOverlaps(texts)
        #expect(found.gaps >= 3)
        #expect(found.overlaps >= 3)
        let linked = texts.filter { text in
            Self.inputs.allSatisfy { input in
                ["after", "before"].contains {
                    text.contains("\(input): {\($0)") || text.contains("\(input): {on_or_\($0)")
                }
            }
        }
        #expect(linked.count >= 4)
        let diagonal = try texts.filter { text in
            let (typed, context) = try ScanComparison.analysed(text, file: "orderings.yaml")
            return GapCheck.reports(GapCheck.regions(context), table: typed).contains {
                if case .diagonal = $0 { true } else { false }
            }
        }
        #expect(diagonal.count >= 2)
    }

    @Test("gaps and overlaps are exactly the inputs the scan finds (hit policy unique)", arguments: 0..<16)
    func analysisIsExact(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "unique", otherwise: false)
        let (typed, context) = try ScanComparison.analysed(text, file: "orderings.yaml")
        let scan = ScanComparison.scan(typed)
        #expect(AnalysisTests.expand(GapCheck.regions(context)) == scan.gaps, "\(text)")
        #expect(ScanComparison.foundOverlaps(context) == scan.overlaps, "\(text)")
    }

    @Test(
        "gap reports hold each input the scan finds exactly once; a diagonal's cells lie on it", arguments: 0..<16)
    func gapReportsAddUp(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "unique", otherwise: false)
        let (typed, context) = try ScanComparison.analysed(text, file: "orderings.yaml")
        let scan = ScanComparison.scan(typed)
        var total = 0
        var reported: Set<[Int]> = []
        for report in GapCheck.reports(GapCheck.regions(context), table: typed) {
            switch report {
            case .region(let region):
                total += typed.count(of: region)
                reported.formUnion(AnalysisTests.expand([region]))
            case .diagonal(let regions, let first, let second, let offset):
                reported.formUnion(AnalysisTests.expand(regions))
                #expect(regions.count > 1)
                for region in regions {
                    let low = try #require(region.values[first].first ?? nil)
                    let high = try #require(region.values[second].first ?? nil)
                    #expect(high - low == offset)
                    #expect(region.values[first].count == 1 && region.values[second].count == 1)
                }
                total += regions.reduce(0) { $0 + typed.count(of: $1) }
            }
        }
        #expect(total == scan.gaps.count, "\(text)")
        #expect(reported == scan.gaps, "\(text)")
    }

    @Test(
        "a diagonal that no rule decides is one gap, written as the diagonal",
        arguments: [
            ("after: a", ["9 inputs×: a 2022–2030, b = a,"]),
            ("after: a + 1", ["9 inputs×: a 2022–2030, b = a,", "8 inputs×: a 2022–2029, b = a + 1,"]),
        ])
    func diagonalGapOnce(ordering: String, expected: [String]) throws {
        let text = RandomTable.text(
            id: "diagonal", seed: 0, window: ("2026-01-01", "2026-12-31"), cycle: 2026, hitPolicy: "unique",
            otherwise: false,
            body: [
                "inputs:", "  a: {type: year, domain: {from: 2022, to: 2030}}",
                "  b: {type: year, domain: {from: 2022, to: 2030}, none: true}", "  d: {type: date}",
                "actions: {z: Z.}",
            ],
            rules: [["b: {\(ordering)}"], ["b: {on_or_before: a - 1}"], ["b: none"]])
        let gaps = TableLoader.load(yaml: text, file: "diagonal.yaml").diagnostics.filter { $0.code == .gap }
        // Each diagonal's cells, each on every day of the window: "9 inputs×" is 9 × 365 inputs.
        let messages = expected.map { line -> String in
            let cells = Int(line.prefix { $0.isNumber }) ?? 0
            return "no rule decides \(cells * 365) inputs" + line.drop { $0 != ":" }
        }
        #expect(gaps.count == expected.count, "\(gaps.map(\.message))")
        for (gap, message) in zip(gaps, messages) {
            #expect(gap.message.hasPrefix(message), "\(gap.message)")
        }
    }
}
