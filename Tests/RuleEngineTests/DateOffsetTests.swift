import Testing

@testable import RuleEngine

/// Date offsets in days and months (`ma.expiry + 30 days`, `- 2 months`, a deadline relative to
/// another), with months clamped to the month's last day, and the errors at the offset itself.
@Suite("Date offsets")
struct DateOffsetTests {
    @Test(
        "months clamp to the last day of the target month, in leap and common years",
        arguments: [
            ("2024-01-31", 1, "2024-02-29"), ("2026-01-31", 1, "2026-02-28"), ("2000-01-31", 1, "2000-02-29"),
            ("1900-01-31", 1, "1900-02-28"), ("2026-03-31", -1, "2026-02-28"), ("2024-03-31", -1, "2024-02-29"),
            ("2026-03-31", 1, "2026-04-30"), ("2026-12-15", 1, "2027-01-15"), ("2026-01-15", -2, "2025-11-15"),
            ("2024-02-29", 12, "2025-02-28"), ("2026-05-31", -15, "2025-02-28"), ("2026-08-31", 0, "2026-08-31"),
        ])
    func monthArithmetic(start: String, months: Int, expected: String) {
        #expect(TestSupport.date(start).adding(months: months).description == expected)
    }

    @Test(
        "an offset is read after an operand, and ids and dates with hyphens stay whole",
        arguments: [
            ("ma.expiry + 30 days", "ma.expiry", "+ 30 days"), ("ma.expiry+1 month", "ma.expiry", "+1 month"),
            ("2026-01-31 - 2 days", "2026-01-31", "- 2 days"), ("2026-01-31-2 days", "2026-01-31", "-2 days"),
            ("ma-expiry - 2 months", "ma-expiry", "- 2 months"), ("ma-expiry-2 months", "ma-expiry", "-2 months"),
        ])
    func split(text: String, base: String, offset: String) throws {
        let parts = try #require(DateOffset.split(text))
        #expect(parts.base == base)
        #expect(parts.offset == offset)
    }

    @Test("text without an offset is not split", arguments: ["2026-01-31", "ma-expiry", "ma.expiry", "2026-13-01"])
    func noOffset(text: String) {
        #expect(DateOffset.split(text) == nil)
    }

    @Test(
        "offsets in days and months, and what is wrong with a bad one",
        arguments: [
            ("+ 30 days", DateOffset(days: 30), nil), ("- 2 months", DateOffset(months: -2), nil),
            ("+1 month", DateOffset(months: 1), nil), ("- 1 day", DateOffset(days: -1), nil),
            ("+ 30", nil, "has no unit"), ("+ 3 weeks", nil, "unknown unit `weeks`"),
            ("+ days", nil, "expected a number"), ("+ 1201 months", nil, "at most 36,500 days or 1,200 months"),
            ("+ 36501 days", nil, "at most 36,500 days"), ("+ 1000000 days", nil, "at most 36,500 days"),
        ] as [(String, DateOffset?, String?)])
    func parse(text: String, offset: DateOffset?, problem: String?) {
        switch DateOffset.parse(Substring(text)) {
        case .success(let parsed):
            #expect(parsed == offset)
            #expect(problem == nil)
        case .failure(let failure):
            #expect(offset == nil)
            #expect(failure.reason.contains(problem ?? "no problem expected"), "\(failure.reason)")
        }
    }

    /// A table over two years whose certification expires on January 31, so that `+ 1 month`
    /// lands on February 29 in 2024 and February 28 in 2025.
    static func table(conditions: String, deadlines: String = "") -> String {
        """
        format: rulecheck/1
        policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: {from: 2024-01-01, to: 2025-12-31}}
        cycle: 2024
        hit_policy: first
        inputs:
          cert_expires: {type: year, domain: {from: 2024, to: 2025}, none: true}
          as_of: {type: date}
        certifications:
          cert: {input: cert_expires, expires: 01-31}
        deadlines:
          opens: {date: 2024-01-31, kind: opens, inclusive: true}
        \(deadlines)
        actions: {z: Z.}
        rules:
          - {id: hit, when: {\(conditions)}, then: {cohort: hit, status: s, actions: [z]}}
        otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}
        """
    }

    /// The days of the window on which rule `hit` decides for an expiry year.
    static func hitDays(_ text: String, year: Int?) throws -> [String] {
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "offsets.yaml"))
        var days: [String] = []
        var day = table.policy.windowStart
        while day <= table.policy.windowEnd {
            if try table.evaluate(YearValues([year]), asOf: day).rule.id == "hit" { days.append(day.description) }
            day = day.adding(days: 1)
        }
        return days
    }

    @Test("`+ 1 month` after an expiry clamps per year: February 29 in a leap year, 28 in a common one")
    func monthAfterExpiry() throws {
        let text = Self.table(conditions: "as_of: {after: cert.expiry, on_or_before: cert.expiry + 1 month}")
        let leap = try Self.hitDays(text, year: 2024)
        #expect(leap.first == "2024-02-01")
        #expect(leap.last == "2024-02-29")
        #expect(leap.count == 29)
        let common = try Self.hitDays(text, year: 2025)
        #expect(common.first == "2025-02-01")
        #expect(common.last == "2025-02-28")
        #expect(try Self.hitDays(text, year: nil).isEmpty)
    }

    @Test(
        "day and month offsets in every comparison",
        arguments: [
            ("as_of: {on: cert.expiry + 30 days}", 2025, ["2025-03-02"]),
            ("as_of: {on: cert.expiry - 2 months}", 2025, ["2024-11-30"]),
            ("as_of: {before: cert.expiry - 1 month, on_or_after: 2024-12-30}", 2025, ["2024-12-30"]),
            ("as_of: {on: opens + 1 month}", nil, ["2024-02-29"]),
            ("as_of: {on: 2025-01-31 + 1 month}", nil, ["2025-02-28"]),
        ] as [(String, Int?, [String])])
    func comparisons(conditions: String, year: Int?, expected: [String]) throws {
        #expect(try Self.hitDays(Self.table(conditions: conditions), year: year) == expected)
    }

    @Test("a deadline may be another deadline declared above plus an offset")
    func relativeDeadline() throws {
        let text = Self.table(
            conditions: "as_of: {by: grace-ends, past: opens}",
            deadlines: "  grace-ends: {date: opens + 1 month, kind: closes, inclusive: true}")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "offsets.yaml"))
        #expect(table.definition.deadlines.last?.date.description == "2024-02-29")
        #expect(try Self.hitDays(text, year: nil) == (1...29).map { "2024-02-\($0 < 10 ? "0" : "")\($0)" })
    }

    @Test(
        "a bad offset is an error with the caret on the offset or its unit",
        arguments: [
            ("as_of: {before: cert.expiry + 30 weeks}", "weeks", "RC228", "unknown unit `weeks`"),
            ("as_of: {before: cert.expiry + 30 dyas}", "dyas", "RC228", "did you mean `days`?"),
            ("as_of: {before: cert.expiry + 1 monht}", "monht", "RC228", "did you mean `month`?"),
            ("as_of: {before: cert.expiry + 30}", "+ 30", "RC228", "has no unit"),
            ("as_of: {before: cert.expiry + 1 month + 2 days}", "+ 2 days", "RC228", "one offset per date"),
            ("as_of: {before: cert.expiry - 99999 days}", "- 99999 days", "RC228", "at most 36,500 days"),
            ("as_of: {before: cert.expiri + 1 day}", "cert.expiri + 1 day", "RC207", "did you mean `cert.expiry`?"),
            ("as_of: {before: cert.expiri}", "cert.expiri", "RC207", "did you mean `cert.expiry`?"),
        ])
    func badOffset(conditions: String, caret: String, code: String, message: String) throws {
        try Self.expectError(Self.table(conditions: conditions), caret: caret, code: code, message: message)
    }

    @Test(
        "a deadline relative to an expiry, to a deadline below it or to nothing is an error at its date",
        arguments: [
            ("  late: {date: cert.expiry + 1 month, kind: k, inclusive: true}", "cert.expiry + 1 month", "RC232"),
            (
                "  early: {date: late - 2 days, kind: k, inclusive: true}\n  late: {date: 2024-06-01, kind: k, inclusive: true}",
                "late - 2 days", "RC232"
            ),
            ("  late: {date: opns + 2 days, kind: k, inclusive: true}", "opns + 2 days", "RC207"),
            ("  late: {date: opens + 2 fortnights, kind: k, inclusive: true}", "fortnights", "RC228"),
            ("  late: {date: opens + 2 years, kind: k, inclusive: true}", "years", "RC228"),
            ("  late: {date: opens + 2 months, kind: k, inclusive: true}\n", "", ""),
            ("  late: {date: opens + 36 months, kind: k, inclusive: true}", "opens + 36 months", "RC219"),
        ])
    func badDeadline(deadlines: String, caret: String, code: String) throws {
        let text = Self.table(conditions: "as_of: {past: opens}", deadlines: deadlines)
        if code.isEmpty {
            #expect(TableLoader.load(yaml: text, file: "offsets.yaml").diagnostics.isEmpty)
        } else {
            try Self.expectError(text, caret: caret, code: code, message: "")
        }
    }

    /// Exactly one error, of `code`, spanning exactly `caret` as written in the text.
    static func expectError(_ text: String, caret: String, code: String, message: String) throws {
        let result = TableLoader.load(yaml: text, file: "offsets.yaml")
        let found = result.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(result.diagnostics.count == 1, "\(found)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code.rawValue == code)
        if !message.isEmpty {
            #expect(
                (diagnostic.message + " " + (diagnostic.help ?? "")).contains(message),
                "\(diagnostic.message) \(diagnostic.help ?? "")")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(diagnostic.location?.line)
        let lineText = String(lines[line - 1])
        let start = try #require(lineText.range(of: caret))
        #expect(diagnostic.location?.column == lineText.distance(from: lineText.startIndex, to: start.lowerBound) + 1)
        #expect(diagnostic.location?.range.end.column == (diagnostic.location?.column ?? 0) + caret.count)
    }
}
