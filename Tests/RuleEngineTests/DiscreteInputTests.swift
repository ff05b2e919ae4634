import Testing

@testable import RuleEngine

/// Enum, boolean and integer inputs: declarations, conditions, limits, counterexamples in the
/// inputs' own terms, and deciding from typed values by name.
@Suite("Enum, boolean and integer inputs")
struct DiscreteInputTests {
    static let levelsPath = TestSupport.path("Tests/Fixtures/policies/levels-state.yaml")

    static func levels() throws -> CompiledTable {
        try TestSupport.compiled(TableLoader.load(path: levelsPath))
    }

    /// A table with one input of each kind and the rules given.
    static func table(inputs: String, rules: String) -> String {
        """
        format: rulecheck/1
        policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: {from: 2026-01-01, to: 2026-01-31}}
        cycle: 2026
        inputs:
        \(inputs)
          as_of: {type: date}
        actions: {z: Z.}
        rules:
        \(rules)
        """
    }

    @Test("the levels fixture decides by level, employment and years of service")
    func levelsDecide() throws {
        let table = try Self.levels()
        func cohort(_ level: String, employed: Bool, service: Int) throws -> String {
            let decision = try table.evaluate([
                "level": .word(level), "employed": .boolean(employed), "years_of_service": .integer(service),
                "cert_expires": .year(2026), "as_of": .date(try #require(LocalDate(iso: "2026-02-01"))),
            ])
            return "\(decision.rule.id)"
        }
        #expect(try cohort("emt", employed: true, service: 3) == "bls")
        #expect(try cohort("aemt", employed: true, service: 3) == "als")
        #expect(try cohort("paramedic", employed: true, service: 25) == "als-senior")
        #expect(try cohort("paramedic", employed: false, service: 25) == "unsponsored")
    }

    @Test("decisions show enum, boolean and integer values in their own JSON types")
    func inputJSON() throws {
        let table = try Self.levels()
        let values = try table.values([
            "level": .word("aemt"), "employed": .boolean(true), "years_of_service": .integer(7),
            "cert_expires": .year(2027),
        ])
        let decision = try table.evaluate(values, asOf: try #require(LocalDate(iso: "2026-03-01")))
        #expect(
            decision.inputJSON.rendered()
                == #"{"level":"aemt","employed":true,"years_of_service":7,"cert_expires":2027,"as_of":"2026-03-01"}"#)
    }

    @Test("typed values by name: unknown, missing and ill-typed inputs name the input and what it takes")
    func typedValueErrors() throws {
        let table = try Self.levels()
        let base: [String: InputValue] = [
            "level": .word("emt"), "employed": .boolean(true), "years_of_service": .integer(1),
            "cert_expires": .year(2026),
        ]
        #expect(throws: EvaluationError.self) { try table.values(base.merging(["levle": .word("emt")]) { $1 }) }
        var missing = base
        missing["employed"] = nil
        do {
            _ = try table.values(missing)
            Issue.record("a missing input was accepted")
        } catch {
            #expect(error.description == "missing input `employed`, which takes true or false")
        }
        do {
            _ = try table.values(base.merging(["level": .word("parmedic")]) { $1 })
            Issue.record("a misspelt value was accepted")
        } catch {
            #expect(error.description.contains("one of emr, emt, aemt, paramedic (did you mean `paramedic`?)"))
        }
        #expect(throws: EvaluationError.self) {
            try table.values(base.merging(["years_of_service": .integer(41)]) { $1 })
        }
        #expect(throws: EvaluationError.self) { try table.values(base.merging(["employed": .integer(1)]) { $1 }) }
    }

    @Test("shifting values by years moves year inputs only")
    func shiftYearsOnly() throws {
        let table = try Self.levels().definition
        let values = YearValues([2, 1, 7, 2026])
        let shifted = table.shifted(values, by: 1)
        #expect((0..<4).map { shifted[$0] } == [2, 1, 7, 2027])
    }

    @Test("values keep none and far-out numbers apart, and a far-out number is outside every domain")
    func compactValues() throws {
        let values = YearValues([nil, 5_000_000_000, -7, 2026])
        #expect(values[0] == nil)
        #expect(values[1] == 2_147_483_647)
        #expect(values[2] == -7)
        #expect(values[3] == 2026)
        let table = try Self.levels()
        #expect(throws: EvaluationError.self) {
            try table.evaluate(
                YearValues([0, 1, 5_000_000_000, 2026]), asOf: try #require(LocalDate(iso: "2026-02-01")))
        }
    }

    @Test("a misspelt enum value in a condition is RC222 with did-you-mean")
    func misspeltValue() {
        let text = Self.table(
            inputs: "  level: {type: enum, values: [emt, aemt, paramedic]}",
            rules: "  - {id: r, when: {level: paramedik}, then: {cohort: c, status: s, actions: [z]}}")
        let result = TableLoader.load(yaml: text, file: "t.yaml")
        let diagnostic = result.diagnostics.first { $0.code == .invalidValue }
        #expect(diagnostic?.help?.contains("did you mean `paramedic`?") == true)
        #expect(diagnostic?.location?.line == 9)
    }

    @Test("domain limits: more than 64 enum values or 1,000 integers is RC221")
    func domainLimits() {
        let words = (0...64).map { "v\($0)" }.joined(separator: ", ")
        let tooMany = Self.table(
            inputs: "  level: {type: enum, values: [\(words)]}",
            rules: "  - {id: r, when: {}, then: {cohort: c, status: s, actions: [z]}}")
        #expect(TableLoader.load(yaml: tooMany, file: "t.yaml").diagnostics.map(\.code).contains(.domainTooLarge))
        let wide = Self.table(
            inputs: "  n: {type: integer, domain: {from: 0, to: 1000}}",
            rules: "  - {id: r, when: {}, then: {cohort: c, status: s, actions: [z]}}")
        #expect(TableLoader.load(yaml: wide, file: "t.yaml").diagnostics.map(\.code).contains(.domainTooLarge))
        let fits = Self.table(
            inputs: "  n: {type: integer, domain: {from: 0, to: 999}}",
            rules: "  - {id: r, when: {}, then: {cohort: c, status: s, actions: [z]}}")
        #expect(TableLoader.load(yaml: fits, file: "t.yaml").diagnostics.isEmpty)
    }

    @Test("gaps and overlaps are described in the inputs' own terms")
    func counterexamples() {
        let text = Self.table(
            inputs: """
                  level: {type: enum, values: [emt, aemt, paramedic]}
                  employed: {type: boolean}
                """,
            rules: """
                  - {id: basic, when: {level: emt}, then: {cohort: c, status: s, actions: [z]}}
                  - {id: advanced, when: {level: {not_in: [emt]}, employed: true}, then: {cohort: c, status: s, actions: [z]}}
                  - {id: medic, when: {level: paramedic}, then: {cohort: c, status: s, actions: [z]}}
                """)
        let messages = TableLoader.load(yaml: text, file: "t.yaml").diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("level aemt, employed false") && $0.contains("no rule decides") })
        #expect(messages.contains { $0.contains("overlaps") && $0.contains("level paramedic, employed true") })
    }

    @Test("`from` and `to` apply to integer inputs only")
    func rangeOnEnum() {
        let text = Self.table(
            inputs: "  level: {type: enum, values: [emt, aemt]}",
            rules: "  - {id: r, when: {level: {from: emt}}, then: {cohort: c, status: s, actions: [z]}}")
        let messages = TableLoader.load(yaml: text, file: "t.yaml").diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("`from` applies to integer inputs") })
    }
}
