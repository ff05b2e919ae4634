import Testing

@testable import RuleEngine

/// Several date inputs: the question's date marked `role: as_of`, per-person dates with their
/// domains, their conditions and offsets, their classes of days, and deciding from them.
@Suite("Per-person dates")
struct PersonDateTests {
    static let path = TestSupport.path("Tests/Fixtures/policies/dates-state.yaml")

    static func table(inputs: String, rules: String, window: String = "{from: 2026-01-01, to: 2026-01-31}") -> String {
        """
        format: rulecheck/1
        policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: \(window)}
        cycle: 2026
        inputs:
          certified_on: {type: date, domain: {from: 2000-01-01, to: 2026-12-31}}
        \(inputs)
        actions: {z: Z.}
        hit_policy: first
        rules:
        \(rules)
        otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}
        """
    }

    static func codes(_ text: String) -> [String] {
        TableLoader.load(yaml: text, file: "t.yaml").diagnostics.map(\.code.rawValue)
    }

    @Test("the fixture decides from typed values by name, a date for each date input")
    func decidesByName() throws {
        let table = try TestSupport.compiled(TableLoader.load(path: Self.path))
        func rule(certified: String, refresher: String, asOf: String) throws -> String {
            try table.evaluate([
                "level": .word("emt"), "state_expires": .year(2026),
                "certified_on": .date(try #require(LocalDate(iso: certified))),
                "refresher_on": .date(try #require(LocalDate(iso: refresher))),
                "as_of": .date(try #require(LocalDate(iso: asOf))),
            ]).rule.id
        }
        #expect(try rule(certified: "2013-06-30", refresher: "2020-01-01", asOf: "2026-02-01") == "grandfathered")
        #expect(try rule(certified: "2013-07-01", refresher: "2020-01-01", asOf: "2026-02-01") == "bridge-refreshed")
        #expect(try rule(certified: "2026-01-10", refresher: "2026-01-20", asOf: "2026-02-08") == "waiting-period")
        #expect(try rule(certified: "2026-01-10", refresher: "2026-01-20", asOf: "2026-02-09") == "bridge-skills")
        #expect(try rule(certified: "2025-01-10", refresher: "2026-01-10", asOf: "2026-02-09") == "bridge-skills")
        #expect(try rule(certified: "2025-01-10", refresher: "2026-01-11", asOf: "2026-02-09") == "bridge-refreshed")
    }

    @Test("a per-person date is a handful of classes, cut where its conditions change")
    func classes() throws {
        let table = try TestSupport.compiled(TableLoader.load(path: Self.path)).definition
        let certified = try #require(table.yearInputs.first { $0.name == "certified_on" })
        let starts = certified.classStarts.map { LocalDate(dayNumber: $0).description }
        #expect(starts.first == "1970-01-01")
        #expect(starts.contains("2013-07-01"))
        // The state certification's expiry (June 30) of each domain year, for the derived output.
        #expect(starts.contains("2026-06-30"))
        // The waiting period: every day whose + 30 days falls in the window is a class of its own.
        #expect(starts.contains("2025-12-02") && starts.contains("2025-12-03"))
        #expect(certified.classStarts.count < 400)
        #expect(table.datePairs.count == 1)
        #expect(table.dateInputName == "as_of")
    }

    @Test("with one date input nothing changes; `role: as_of` is allowed on it")
    func singleDateInput() {
        let text = """
            format: rulecheck/1
            policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: {from: 2026-01-01, to: 2026-01-31}}
            cycle: 2026
            inputs:
              a: {type: year, domain: {from: 2026, to: 2027}}
              day: {type: date, role: as_of}
            actions: {z: Z.}
            rules:
              - {id: r, when: {a: any}, then: {cohort: c, status: s, actions: [z]}}
            """
        let result = TableLoader.load(yaml: text, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.table?.definition.dateInputName == "day")
    }

    @Test("a per-person date's bound is any day: outside the window, not rolled forward")
    func literalOutsideWindow() throws {
        let text = Self.table(
            inputs: "  as_of: {type: date, role: as_of}",
            rules:
                "  - {id: old, when: {certified_on: {before: 2013-07-01}}, then: {cohort: c, status: s, actions: [z]}}")
        #expect(Self.codes(text).isEmpty)
        var loader = RuleTableLoader(file: "t.yaml")
        _ = loader.load(try #require(YAMLReaderAccess.root(text)))
        let july = try #require(LocalDate(year: 2013, month: 7, day: 1))
        #expect(!loader.reader.temporalScalars.contains { $0.value == .date(july) })
    }

    @Test(
        "conditions on per-person dates are checked at load time",
        arguments: [
            ("certified_on: {before: certified_on + 1 days}", "RC209"),
            ("certified_on: {before: 2013-07-01 + x days}", "RC209"),
            ("certified_on: {before: 2013-02-30}", "RC204"),
            ("certified_on: {befor: 2013-07-01}", "RC201"),
            ("certified_on: {before: nr.expiry}", "RC207"),
            ("as_of: {after: certifed_on + 30 days}", "RC207"),
        ])
    func badConditions(condition: String, code: String) {
        let text = Self.table(
            inputs: "  as_of: {type: date, role: as_of}",
            rules: "  - {id: r, when: {\(condition)}, then: {cohort: c, status: s, actions: [z]}}")
        #expect(Self.codes(text) == [code], "\(Self.codes(text))")
    }

    @Test("day offsets read `X + N days` and `X - N day`")
    func offsets() {
        #expect(ConditionReader.dayOffset("certified_on + 30 days")?.base == "certified_on")
        #expect(ConditionReader.dayOffset("certified_on + 30 days")?.days == 30)
        #expect(ConditionReader.dayOffset("ma.expiry - 1 day")?.days == -1)
        #expect(ConditionReader.dayOffset("ma.expiry + 1 month") == nil)
        #expect(ConditionReader.dayOffset("2013-07-01") == nil)
        #expect(ConditionReader.dayOffset("a + 99999999 days")?.days == nil)
    }

    @Test("a per-person date needs a domain and a value; the question's date takes none")
    func declarations() {
        let noDomain = Self.table(
            inputs: "  other_on: {type: date}\n  as_of: {type: date, role: as_of}",
            rules: "  - {id: r, when: {certified_on: {after: other_on}}, then: {cohort: c, status: s, actions: [z]}}")
        #expect(Self.codes(noDomain) == ["RC202"])
        let asOfDomain = Self.table(
            inputs: "  as_of: {type: date, role: as_of, domain: {from: 2026-01-01, to: 2026-12-31}}", rules: "  []")
        #expect(Self.codes(asOfDomain) == ["RC227"])
        let badRole = Self.table(inputs: "  as_of: {type: date, role: asof}", rules: "  []")
        #expect(Self.codes(badRole).contains("RC220"))
    }
}
