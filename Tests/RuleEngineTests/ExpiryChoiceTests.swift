import Foundation
import Testing

@testable import RuleEngine

/// Certifications whose expiry day depends on an enum input
/// (`expires: {by: level, emr: 09-30, otherwise: 03-31}`): decisions per year and value, the
/// exact analysis over both axes, explanations that say which day applied, and the errors.
@Suite("Expiry days chosen by an enum input")
struct ExpiryChoiceTests {
    /// A table whose certification expires on September 30 for `emr` and March 31 otherwise.
    static func table(
        expires: String = "{by: level, emr: 09-30, otherwise: 03-31}", hitPolicy: String = "unique", rules: String
    ) -> String {
        """
        format: rulecheck/1
        policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: {from: 2026-01-01, to: 2026-12-31}}
        cycle: 2026
        hit_policy: \(hitPolicy)
        inputs:
          level: {type: enum, values: [emr, emt, paramedic]}
          cert_expires: {type: year, domain: {from: 2025, to: 2027}, none: true}
          as_of: {type: date}
        certifications:
          cert: {input: cert_expires, expires: \(expires)}
        actions: {z: Z.}
        rules:
        \(rules)
        """
    }

    static let currentOrLapsed = """
          - {id: current, when: {cert_expires: {not: none}, as_of: {on_or_before: cert.expiry}}, then: {cohort: current, status: s, actions: [z]}}
          - {id: lapsed, when: {cert_expires: {not: none}, as_of: {after: cert.expiry}}, then: {cohort: lapsed, status: s, actions: [z]}}
          - {id: never, when: {cert_expires: none}, then: {cohort: never, status: s, actions: [z]}}
        """

    static func compiled(_ text: String) throws -> CompiledTable {
        try TestSupport.compiled(TableLoader.load(yaml: text, file: "choice.yaml"))
    }

    @Test(
        "the expiry day follows the level; values not listed take `otherwise`; `none` keeps its meaning",
        arguments: [
            ("emr", 2026, "2026-09-30", "current"), ("emr", 2026, "2026-10-01", "lapsed"),
            ("emt", 2026, "2026-03-31", "current"), ("emt", 2026, "2026-04-01", "lapsed"),
            ("paramedic", 2026, "2026-04-01", "lapsed"), ("emr", 2025, "2026-01-01", "lapsed"),
            ("emt", nil, "2026-06-01", "never"),
        ] as [(String, Int?, String, String)])
    func decides(level: String, year: Int?, day: String, rule: String) throws {
        let table = try Self.compiled(Self.table(rules: Self.currentOrLapsed))
        let values = try table.values(["level": .word(level), "cert_expires": year.map { .year($0) } ?? .none])
        #expect(try table.evaluate(values, asOf: TestSupport.date(day)).rule.id == rule)
    }

    @Test("the table is complete and without overlaps although the day differs by level")
    func analysisIsClean() {
        let result = TableLoader.load(yaml: Self.table(rules: Self.currentOrLapsed), file: "choice.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test("a gap that only some levels have names those levels")
    func gapNamesTheLevels() throws {
        let rules = """
              - {id: current, when: {cert_expires: 2026, as_of: {on_or_before: cert.expiry}}, then: {cohort: current, status: s, actions: [z]}}
              - {id: late, when: {cert_expires: 2026, as_of: {after: 2026-09-30}}, then: {cohort: late, status: s, actions: [z]}}
              - {id: other, when: {cert_expires: [2025, 2027, none]}, then: {cohort: other, status: s, actions: [z]}}
            """
        let result = TableLoader.load(yaml: Self.table(rules: rules), file: "choice.yaml")
        let gaps = result.diagnostics.filter { $0.code == .gap }
        let text = gaps.map { $0.message + " " + $0.notes.map(\.message).joined(separator: " ") }.joined(
            separator: "\n")
        #expect(!gaps.isEmpty)
        #expect(text.contains("level emt, paramedic"), "\(text)")
        #expect(!text.contains("emr"), "\(text)")
        #expect(text.contains("2026-04-01"), "\(text)")
    }

    @Test("the enum input is cut between values with different days, and only there")
    func partitionCutsTheEnum() throws {
        let table = try #require(
            TableLoader.load(
                yaml: Self.table(
                    expires: "{by: level, emr: 09-30, emt: 09-30, otherwise: 03-31}", rules: Self.currentOrLapsed),
                file: "choice.yaml"
            ).table)
        let partition = AxisPartition(table: table.definition, space: CellSpace(table.definition.yearInputs))
        #expect(partition.classes[0] == [0...1, 2...2])
    }

    @Test("explain says which expiry day applied and why")
    func explainSaysTheDay() throws {
        let table = try Self.compiled(Self.table(rules: Self.currentOrLapsed))
        let emr = try table.explain(
            table.values(["level": .word("emr"), "cert_expires": .year(2026)]), asOf: TestSupport.date("2026-06-01"))
        #expect(emr.matched.last?.detail.contains("cert.expiry is 2026-09-30: level emr expires 09-30") == true)
        let emt = try table.explain(
            table.values(["level": .word("emt"), "cert_expires": .year(2026)]), asOf: TestSupport.date("2026-06-01"))
        #expect(
            emt.matched.last?.detail.contains("cert.expiry is 2026-03-31: level emt expires 03-31 by `otherwise`")
                == true, "\(emt.matched.map(\.detail))")
    }

    @Test(
        "a bad expiry choice is an error at its cell",
        arguments: [
            ("{by: level, emr: 09-30}", "{by: level, emr: 09-30}", "RC229", "no day for `emt`, `paramedic`"),
            ("{by: cert_expires, otherwise: 03-31}", "cert_expires", "RC229", "a year input"),
            ("{by: levle, otherwise: 03-31}", "levle", "RC207", "did you mean `level`?"),
            ("{by: level, paramedik: 09-30, otherwise: 03-31}", "paramedik", "RC201", "did you mean `paramedic`?"),
            ("{by: level, emr: 09-31, otherwise: 03-31}", "09-31", "RC215", "is not a month and day"),
            ("{level: 09-30, otherwise: 03-31}", "{level: 09-30, otherwise: 03-31}", "RC202", "missing key `by`"),
        ])
    func badChoice(expires: String, caret: String, code: String, message: String) throws {
        let text = Self.table(expires: expires, rules: Self.currentOrLapsed)
        let result = TableLoader.load(yaml: text, file: "choice.yaml")
        let found = result.diagnostics.map { "\($0.code) \($0.message)" }
        #expect(result.diagnostics.count == 1, "\(found)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code.rawValue == code, "\(found)")
        #expect((diagnostic.message + " " + (diagnostic.help ?? "")).contains(message), "\(found)")
        let line = try #require(text.split(separator: "\n").first { $0.contains("cert: {input") })
        let start = try #require(line.range(of: caret, options: .backwards))
        #expect(diagnostic.location?.line == text.lineNumber(of: String(line)))
        #expect(diagnostic.location?.column == line.distance(from: line.startIndex, to: start.lowerBound) + 1)
    }
}
