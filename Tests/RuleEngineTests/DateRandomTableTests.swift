import Testing

@testable import RuleEngine

/// Random tables with two per-person dates beside an enum and a year: conditions on the dates
/// with literal days, expiries (whose day the enum chooses, or counted from a per-person date
/// for a period of days or months, also as a condition's subject), day and month offsets, a
/// comparison between the two dates and the question's date compared with a per-person date. The decision tree agrees with the linear
/// scan on every input (every day of every domain), and gaps and overlaps are exactly the
/// inputs the scan finds.
@Suite("Random tables with per-person dates")
struct DateRandomTableTests {
    typealias Generator = RandomTable.Generator

    static func day(_ generator: inout Generator, from first: Int, span: Int) -> String {
        LocalDate(dayNumber: (LocalDate(iso: "2024-01-01")?.dayNumber ?? 0) + first + generator.next(span)).description
    }

    static func comparison(_ generator: inout Generator) -> String {
        generator.pick(["before", "after", "on_or_before", "on_or_after", "on"])
    }

    static func offset(_ generator: inout Generator) -> String {
        generator.pick(["", " + \(generator.next(12)) days", " - \(generator.next(12)) days"])
    }

    /// An offset in days or calendar months, for comparisons with an expiry or between the
    /// question's date and a per-person date (two per-person dates are compared in days only).
    static func monthOffset(_ generator: inout Generator) -> String {
        generator.pick(["", " + \(generator.next(12)) days", " + 1 month", " - 1 month", " + 2 months"])
    }

    /// A condition on input `c`, `k` (per-person dates) or `d` (the question's date). `cc` is a
    /// certification counted from `c`; `k` is compared with its expiry only when it is valid
    /// for a number of days (in months, the comparison is refused: RC240).
    static func condition(_ generator: inout Generator, input: String, periodInDays: Bool) -> String {
        let other = input == "c" ? "k" : "c"
        switch (input, generator.next(5)) {
        case ("d", 0): return "\(comparison(&generator)): \(generator.pick(["c", "k"]))\(monthOffset(&generator))"
        case ("d", 1): return "\(comparison(&generator)): ca.expiry\(monthOffset(&generator))"
        case ("d", 2): return "\(comparison(&generator)): cc.expiry\(monthOffset(&generator))"
        case ("d", _): return "\(comparison(&generator)): \(day(&generator, from: 60, span: 14))"
        case (_, 0): return "\(comparison(&generator)): \(other)\(offset(&generator))"
        case (_, 1): return "\(comparison(&generator)): ca.expiry\(monthOffset(&generator))"
        case ("c", 2): return "\(comparison(&generator)): cc.expiry\(monthOffset(&generator))"
        case ("k", 2) where periodInDays: return "\(comparison(&generator)): cc.expiry\(offset(&generator))"
        default: return "\(comparison(&generator)): \(day(&generator, from: 28, span: 40))"
        }
    }

    static func table(seed: UInt64, hitPolicy: String, otherwise: Bool) -> String {
        var generator = Generator(state: seed &* 104_729 &+ 3)
        let period = generator.pick(["25 days", "33 days", "1 month", "2 months"])
        let inDays = period.hasSuffix("days")
        let body = [
            "inputs:",
            "  e: {type: enum, values: [p, q]}",
            "  c: {type: date, domain: {from: 2024-02-01, to: 2024-02-20}}",
            "  a: {type: year, domain: {from: 2023, to: 2025}, none: true}",
            "  k: {type: date, domain: {from: 2024-02-10, to: 2024-03-05}}",
            "  d: {type: date, role: as_of}",
            "certifications:",
            "  ca: {input: a, expires: {by: e, p: 02-1\(generator.next(9)), otherwise: \(generator.pick(["01-31", "02-05"]))}}",
            "  cc: {input: c, valid_for: \(period)}",
            "derived:",
            "  x: {c: {\(condition(&generator, input: "c", periodInDays: inDays))}}",
            "actions: {z: Z.}",
        ]
        var rules: [[String]] = []
        for _ in 0..<(3 + generator.next(5)) {
            var conditions: [String] = []
            if generator.next(3) == 0 { conditions.append("e: \(generator.pick(["p", "q"]))") }
            if generator.next(4) == 0 { conditions.append("a: \(generator.pick(["none", "2024", "{not: none}"]))") }
            for input in ["c", "k", "d"] where generator.next(3) > 0 {
                conditions.append("\(input): {\(condition(&generator, input: input, periodInDays: inDays))}")
            }
            if generator.next(4) == 0 {
                conditions.append("cc.expiry: {\(comparison(&generator)): \(day(&generator, from: 60, span: 14))}")
            }
            rules.append(conditions)
        }
        return RandomTable.text(
            id: "dates", seed: seed, window: ("2024-03-01", "2024-03-14"), cycle: 2024, hitPolicy: hitPolicy,
            otherwise: otherwise, body: body, rules: rules)
    }

    /// The inputs of regions, every day of each class of a per-person date, kept only where the
    /// two compared dates' difference is in the region's classes of differences.
    static func expand(_ regions: [InputRegion], table: RuleTable) -> Set<[Int]> {
        let inputs = table.yearInputs
        var result: Set<[Int]> = []
        for region in regions {
            var combinations: [[Int]] = [[]]
            for (index, input) in inputs.enumerated() {
                let values: [Int] = region.values[index].flatMap { value -> [Int] in
                    guard input.isDate, let value, let position = input.index(of: value) else { return [value ?? -1] }
                    return Array(input.classDays(position))
                }
                combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
            }
            for (offset, pair) in table.datePairs.enumerated() {
                let allowed = region.values[inputs.count + offset].compactMap { $0 }.compactMap { start in
                    pair.differenceStarts.firstIndex(of: start).map { pair.classDays($0) }
                }
                combinations = combinations.filter { values in
                    allowed.contains { $0.contains(values[pair.first] - values[pair.second]) }
                }
            }
            for range in region.dates {
                for day in range.lowerBound.dayNumber...range.upperBound.dayNumber {
                    for combination in combinations { result.insert(combination + [day]) }
                }
            }
        }
        return result
    }

    @Test("the tree agrees with the linear scan (hit policy first)", arguments: 0..<10)
    func treeAgrees(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "first", otherwise: true)
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "dates-\(seed).yaml"))
        #expect(try ScanComparison.mismatches(table) == 0, "\(text)")
    }

    @Test("the generated tables do have gaps, overlaps and compared pairs")
    func generatorIsInteresting() throws {
        var withGaps = 0
        var withOverlaps = 0
        var withPairs = 0
        var withUnrealisable = 0
        var withExpiryFromDate = 0
        for seed in 0..<10 {
            let text = Self.table(seed: UInt64(seed), hitPolicy: "unique", otherwise: false)
            if text.contains(": cc.expiry") { withExpiryFromDate += 1 }
            let result = TableLoader.load(yaml: text, file: "dates.yaml")
            let codes = Set(result.diagnostics.map(\.code))
            if codes.contains(.gap) { withGaps += 1 }
            if codes.contains(.overlap) { withOverlaps += 1 }
            let first = Self.table(seed: UInt64(seed), hitPolicy: "first", otherwise: true)
            let definition = try TestSupport.compiled(TableLoader.load(yaml: first, file: "d.yaml")).definition
            if !definition.datePairs.isEmpty { withPairs += 1 }
            if TableCompiler.coverage(of: definition).regions.contains(where: { !$0.isRealisable }) {
                withUnrealisable += 1
            }
        }
        #expect(withGaps >= 3)
        #expect(withOverlaps >= 3)
        #expect(withPairs >= 3)
        #expect(withUnrealisable >= 2)
        #expect(withExpiryFromDate >= 5)
    }

    @Test("gaps and overlaps are exactly the inputs the scan finds (hit policy unique)", arguments: 0..<10)
    func analysisIsExact(seed: UInt64) throws {
        let text = Self.table(seed: seed, hitPolicy: "unique", otherwise: false)
        let (typed, context) = try ScanComparison.analysed(text, file: "dates.yaml")
        let scan = ScanComparison.scan(typed)
        #expect(Self.expand(GapCheck.regions(context), table: typed) == scan.gaps, "\(text)")
        let found = ScanComparison.foundOverlaps(context) { Self.expand($0, table: typed) }
        #expect(found == scan.overlaps, "\(text)")
    }
}
