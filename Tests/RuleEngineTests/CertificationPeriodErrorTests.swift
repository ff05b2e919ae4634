import Foundation
import Testing

@testable import RuleEngine

/// The errors of certifications counted from a per-person date, each at its cell; a comparison
/// of such a date with its own expiry, which the analysis cuts where clamping changes it; and
/// conditions on the expiry itself (`cc.expiry: {before: 2026-06-30}`).
@Suite("Certifications counted from a per-person date: errors")
struct CertificationPeriodErrorTests {
    static func table(certification: String, condition: String = "as_of: {on_or_before: cc.expiry}") -> String {
        """
        format: rulecheck/1
        policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: {from: 2026-01-01, to: 2026-12-31}}
        cycle: 2026
        hit_policy: first
        inputs:
          y: {type: year, domain: {from: 2025, to: 2027}}
          c: {type: date, domain: {from: 2024-01-01, to: 2026-12-31}}
          k: {type: date, domain: {from: 2024-01-01, to: 2026-12-31}}
          as_of: {type: date, role: as_of}
        certifications:
          cc: \(certification)
        actions: {z: Z.}
        rules:
          - {id: r, when: {\(condition)}, then: {cohort: r, status: s, actions: [z]}}
        otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}
        """
    }

    @Test(
        "a bad certification counted from a date is an error at its cell",
        arguments: [
            ("{input: c, valid_for: 2 yeras}", "yeras", "RC238", "did you mean `years`?"),
            ("{input: c, valid_for: 0 days}", "0 days", "RC238", "at least one day"),
            ("{input: c, valid_for: 101 years}", "101 years", "RC238", "at most 36,500 days or 1,200 months"),
            ("{input: c, valid_for: 2}", "2", "RC238", "`2` has no unit"),
            ("{input: y, valid_for: 2 years}", "2 years", "RC239", "`y`, a year input, which takes `expires`"),
            ("{input: c, expires: 03-31}", "03-31", "RC239", "a per-person date, which takes `valid_for`"),
            ("{input: as_of, valid_for: 2 years}", "as_of", "RC239", "the question's date"),
            ("{input: c}", "{input: c}", "RC239", "neither `expires` nor `valid_for`"),
        ])
    func badCertification(certification: String, caret: String, code: String, message: String) throws {
        let text = Self.table(certification: certification)
        try Self.expectOne(text, code: code, message: message, caret: caret, onLineWith: "cc: {input")
    }

    @Test(
        "a per-person date compared with an expiry months after another date is refused at the operand",
        arguments: [
            ("{input: c, valid_for: 2 years}", "k: {before: cc.expiry}", "cc.expiry"),
            ("{input: c, valid_for: 730 days}", "k: {on_or_after: cc.expiry + 1 month}", "cc.expiry + 1 month"),
        ])
    func monthsBetweenDates(certification: String, condition: String, caret: String) throws {
        let text = Self.table(certification: certification, condition: condition)
        try Self.expectOne(
            text, code: "RC240", message: "two per-person dates are compared in days only", caret: caret,
            onLineWith: "- {id: r")
    }

    @Test("a per-person date compared with an expiry some days after another is a comparison of the two")
    func daysBetweenDates() throws {
        let text = Self.table(
            certification: "{input: c, valid_for: 730 days}", condition: "k: {before: cc.expiry + 5 days}")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "t.yaml"))
        #expect(table.definition.datePairs.count == 1)
        let day = TestSupport.date("2026-06-01")
        let c = TestSupport.date("2024-03-01")
        // k < c + 730 + 5 days.
        let limit = c.adding(days: 735)
        for k in [limit.adding(days: -1), limit] {
            let values = try table.values(["y": .year(2026), "c": .date(c), "k": .date(k)])
            #expect(try table.evaluate(values, asOf: day).rule.id == (k < limit ? "r" : "rest"))
        }
    }

    @Test("a date compared with its own expiry minus the period differs only where the months clamp")
    func selfComparison() throws {
        let text = Self.table(
            certification: "{input: c, valid_for: 2 years}", condition: "c: {on_or_before: cc.expiry - 24 months}")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "t.yaml"))
        // 2024-02-29 + 24 months is 2026-02-28, and 24 months before that is 2024-02-28: the
        // only day of the domain later than its own expiry minus the period.
        let day = TestSupport.date("2026-06-01")
        for (date, rule) in [("2024-02-28", "r"), ("2024-02-29", "rest"), ("2024-03-01", "r"), ("2026-12-31", "r")] {
            let values = try table.values(["y": .year(2026), "c": .date(TestSupport.date(date)), "k": .date(day)])
            #expect(try table.evaluate(values, asOf: day).rule.id == rule, "\(date)")
        }
        let classes = try #require(table.definition.yearInputs.first { $0.name == "c" }).classStarts
        #expect(classes.contains(TestSupport.date("2024-02-29").dayNumber))
        #expect(classes.contains(TestSupport.date("2024-03-01").dayNumber))
        #expect(classes.count == 3)
    }

    @Test(
        "a condition on the expiry holds exactly for the days whose expiry the arithmetic puts there",
        arguments: ["before: 2026-06-30", "on_or_after: 2026-02-28", "after: 2026-02-28", "on: 2026-03-31 - 1 month"])
    func expiryAsSubject(comparison: String) throws {
        let text = Self.table(certification: "{input: c, valid_for: 2 years}", condition: "cc.expiry: {\(comparison)}")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "t.yaml"))
        let day = TestSupport.date("2026-06-01")
        let (key, operand) = (String(comparison.prefix { $0 != ":" }), comparison.drop { $0 != " " }.dropFirst())
        // The operand: a date, or a date minus a month counted here (March 31 - 1 month is February 28).
        let target =
            operand.hasSuffix(" - 1 month")
            ? ReferenceEvaluator.adding(months: -1, to: TestSupport.date(String(operand.prefix(10))))
            : TestSupport.date(String(operand))
        var wrong: [String] = []
        for c in TestSupport.date("2024-01-01").dayNumber...TestSupport.date("2026-12-31").dayNumber {
            let expiry = ReferenceEvaluator.adding(months: 24, to: LocalDate(dayNumber: c))
            let holds: Bool
            switch key {
            case "before": holds = expiry < target
            case "on_or_after": holds = expiry >= target
            case "after": holds = expiry > target
            default: holds = expiry == target
            }
            let values = try table.values(["y": .year(2026), "c": .date(LocalDate(dayNumber: c)), "k": .date(day)])
            let rule = try table.evaluate(values, asOf: day).rule.id
            if rule != (holds ? "r" : "rest") { wrong.append("\(LocalDate(dayNumber: c))") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("a condition on the expiry takes deadlines and dates, not a day that depends on the person")
    func expiryAsSubjectOperand() throws {
        let text = Self.table(certification: "{input: c, valid_for: 2 years}", condition: "cc.expiry: {before: k}")
        try Self.expectOne(
            text, code: "RC240", message: "depends on the person", caret: "k}", onLineWith: "- {id: r")
    }

    static func expectOne(_ text: String, code: String, message: String, caret: String, onLineWith marker: String)
        throws
    {
        let result = TableLoader.load(yaml: text, file: "t.yaml")
        let found = result.diagnostics.map { "\($0.code) \($0.message)" }
        #expect(result.diagnostics.count == 1, "\(found)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code.rawValue == code, "\(found)")
        #expect((diagnostic.message + " " + (diagnostic.help ?? "")).contains(message), "\(found)")
        let line = try #require(text.split(separator: "\n").first { $0.contains(marker) })
        let start = try #require(line.range(of: caret, options: .backwards))
        #expect(diagnostic.location?.line == text.lineNumber(of: String(line)), "\(found)")
        #expect(
            diagnostic.location?.column == line.distance(from: line.startIndex, to: start.lowerBound) + 1, "\(found)")
    }
}
