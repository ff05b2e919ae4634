import Testing

@testable import RuleEngine

@Suite("Static analysis")
struct AnalysisTests {
    /// The 2026 table's text with a change applied; the test fails when the text to change is missing.
    static func edited(_ change: (String) -> String) throws -> String {
        let original = try TestSupport.table2026Text()
        let text = change(original)
        #expect(text != original, "the edit changed nothing")
        return text
    }

    /// Every (years, day) of a set of regions.
    static func expand(_ regions: [InputRegion]) -> Set<[Int]> {
        var inputs: Set<[Int]> = []
        for region in regions {
            var combinations: [[Int]] = [[]]
            for values in region.values {
                combinations = combinations.flatMap { prefix in values.map { prefix + [$0 ?? -1] } }
            }
            for range in region.dates {
                for day in range.lowerBound.dayNumber...range.upperBound.dayNumber {
                    for combination in combinations { inputs.insert(combination + [day]) }
                }
            }
        }
        return inputs
    }

    @Test("the shipped 2026 table is clean")
    func shippedTableIsClean() throws {
        let result = try TableLoader.load(path: TestSupport.path("rules/2026.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test("without `otherwise`, the gaps are exactly the inputs `otherwise` decided")
    func gapsWithoutOtherwise() throws {
        let original = try TestSupport.table2026()
        let otherwise = try #require(original.definition.rules.firstIndex(where: { $0.isOtherwise }))
        let caught = Self.expand(original.regions(decidedBy: otherwise))
        let text = try Self.edited { text in
            String(text[..<(text.range(of: "\notherwise:")?.lowerBound ?? text.endIndex)]) + "\n"
        }
        let result = TableLoader.load(yaml: text, file: "no-otherwise.yaml")
        let gaps = result.diagnostics.filter { $0.code == .gap }
        #expect(!gaps.isEmpty)
        #expect(gaps.allSatisfy { $0.severity == .error && ($0.help ?? "").contains("for example ma_expires=") })
        // A gap belongs to no rule: it is reported at the `rules:` key, not at the first rule.
        let rulesLine = try #require(text.lineNumber(of: "\nrules:\n").map { $0 + 1 })
        #expect(gaps.allSatisfy { $0.location?.line == rulesLine && $0.location?.column == 1 })
        #expect(result.table == nil)

        var loader = RuleTableLoader(file: "no-otherwise.yaml")
        let root = try #require(YAMLReaderAccess.root(text))
        let loaded = loader.load(root)
        let typed = try #require(loaded)
        let context = AnalysisContext(table: typed, coverage: TableCompiler.coverage(of: typed))
        let gapInputs = Self.expand(GapCheck.regions(context))
        #expect(gapInputs == caught)
        #expect(gapInputs.count > 0)
    }

    @Test("a duplicated rule with another outcome overlaps, naming both lines")
    func overlap() throws {
        let text = try Self.edited { text in
            text.replacingFirst(
                "  - id: aligned\n",
                with: """
                      - id: aligned-copy
                        when:
                          nr_expires: {equals: ma_expires}
                          as_of: {on_or_before: nr.expiry}
                        then:
                          cohort: aligned
                          status: something-else
                          actions: [renew-as-usual]

                      - id: aligned

                    """)
        }
        let result = TableLoader.load(yaml: text, file: "overlap.yaml")
        let overlaps = result.diagnostics.filter { $0.code == .overlap }
        #expect(overlaps.count == 1)
        let overlap = try #require(overlaps.first)
        let copyLine = try #require(text.lineNumber(of: "  - id: aligned-copy"))
        let alignedLine = try #require(text.lineNumber(of: "  - id: aligned\n"))
        #expect(overlap.location?.line == alignedLine)
        #expect(overlap.notes.first?.location?.line == copyLine)
        #expect(overlap.message.contains("aligned-copy") && overlap.message.contains("`aligned`"))
        #expect(overlap.help?.contains("for example") == true)
    }

    @Test("a rule that can never match is a warning, and --strict-style callers can see it")
    func unreachable() throws {
        let text = try Self.edited { text in
            text.replacingFirst(
                "      as_of: {by: recommended}\n", with: "      as_of: {by: recommended, past: late-renewal-closes}\n")
        }
        let result = TableLoader.load(yaml: text, file: "unreachable.yaml")
        let warnings = result.diagnostics.filter { $0.code == .unreachableRule }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(result.table != nil)
    }

    @Test("hit policy `first` allows overlaps and reports shadowed rules")
    func firstHitPolicy() throws {
        let text = try Self.edited { text in
            text.replacingFirst("hit_policy: unique", with: "hit_policy: first")
                .replacingFirst(
                    "  - id: nremt-expired\n",
                    with:
                        "  - id: everyone\n    then: {cohort: x, status: y, actions: [renew-as-usual]}\n  - id: nremt-expired\n"
                )
        }
        let result = TableLoader.load(yaml: text, file: "first.yaml")
        #expect(!result.diagnostics.contains { $0.code == .overlap })
        #expect(result.diagnostics.filter { $0.code == .unreachableRule }.count == 9)
    }

    @Test("a recommended date after the expiry it precedes is an error at its `precedes:` entry")
    func deadlineOrder() throws {
        let text = try Self.edited { $0.replacingFirst("date: 2026-02-15", with: "date: 2026-04-15") }
        let result = TableLoader.load(yaml: text, file: "order.yaml")
        let order = try #require(result.diagnostics.first { $0.code == .dateOrder })
        #expect(order.location?.line == text.lineNumber(of: "    precedes: ma-expiry\n"))
        #expect(order.location?.column == 15)
        #expect(
            order.message
                == "deadline `recommended` is said to precede `ma-expiry`, but its date 2026-04-15 is after 2026-03-31")
    }

    @Test("a reversed year domain is a date-order error that gives both years")
    func reversedDomain() throws {
        let text = try Self.edited {
            $0.replacingFirst(
                "domain: {from: cycle - 4, to: cycle + 6}", with: "domain: {from: cycle + 6, to: cycle - 4}")
        }
        let result = TableLoader.load(yaml: text, file: "reversed.yaml")
        let problem = try #require(result.diagnostics.first { $0.message.contains("domain") })
        #expect(problem.code == .dateOrder)
        #expect(problem.message == "the year domain runs backwards: from 2032 to 2022")
        #expect(problem.location?.line == 30)
    }
}
