import Foundation
import Testing

@testable import RuleEngine

/// Certifications counted from a per-person date (`cpr: {input: cpr_on, valid_for: 2 years}`):
/// decisions of the fictional `cpr-state.yaml` against the arithmetic of its prose, written
/// here, the analysis against a scan of every day of every domain, and the errors.
@Suite("Certifications counted from a per-person date")
struct CertificationPeriodTests {
    static let fixture = "Tests/Fixtures/policies/cpr-state.yaml"

    static func fixtureText() throws -> String {
        try String(contentsOfFile: TestSupport.path(fixture), encoding: .utf8)
    }

    /// The rule the fixture's prose gives: the card expires two calendar months-of-years after
    /// it was issued (the same day, or the month's last day), renewal is recommended in the 60
    /// days before, one calendar month of grace follows; a paramedic's card counts only if it
    /// was issued on or before the day their background check (365 days) expired.
    static func expectedRule(paramedic: Bool, cprOn: LocalDate, checkOn: LocalDate, asOf: LocalDate) -> String {
        let expiry = ReferenceEvaluator.adding(months: 24, to: cprOn)
        let graceEnds = ReferenceEvaluator.adding(months: 1, to: expiry)
        if asOf < cprOn { return "card-future" }
        if asOf <= expiry.adding(days: -60) {
            guard paramedic else { return "current" }
            return cprOn <= checkOn.adding(days: 365) ? "current-checked" : "check-lapsed"
        }
        if asOf <= expiry { return "renew-soon" }
        return asOf <= graceEnds ? "grace" : "lapsed"
    }

    @Test(
        "the expiry is the issue day two years on, clamped to the month's end",
        arguments: [
            ("2024-02-29", "2026-02-28", "2026-03-28"), ("2024-05-10", "2026-05-10", "2026-06-10"),
            ("2024-01-31", "2026-01-31", "2026-02-28"), ("2024-03-31", "2026-03-31", "2026-04-30"),
        ])
    func expiryArithmetic(issued: String, expires: String, graceEnds: String) throws {
        let table = try TestSupport.compiled(TableLoader.load(yaml: Self.fixtureText(), file: "cpr-state.yaml"))
        let values = try table.values([
            "level": .word("emt"), "cpr_on": .date(TestSupport.date(issued)),
            "check_on": .date(TestSupport.date("2025-01-01")),
        ])
        let expiry = TestSupport.date(expires)
        #expect(try table.evaluate(values, asOf: expiry).rule.id == "renew-soon")
        #expect(try table.evaluate(values, asOf: expiry.adding(days: 1)).rule.id == "grace")
        #expect(try table.evaluate(values, asOf: TestSupport.date(graceEnds)).rule.id == "grace")
        #expect(try table.evaluate(values, asOf: TestSupport.date(graceEnds).adding(days: 1)).rule.id == "lapsed")
        let lastCurrent = expiry.adding(days: -60)
        if lastCurrent >= table.policy.windowStart {
            #expect(try table.evaluate(values, asOf: lastCurrent).rule.id == "current")
            #expect(try table.evaluate(values, asOf: lastCurrent.adding(days: 1)).rule.id == "renew-soon")
        }
    }

    @Test("every issue day of the domain is decided as the arithmetic says, on every day of the window")
    func everyIssueDay() throws {
        let table = try TestSupport.compiled(TableLoader.load(yaml: Self.fixtureText(), file: "cpr-state.yaml"))
        let definition = table.definition
        let cprDomain = try #require(definition.yearInputs.first { $0.name == "cpr_on" }).domain
        let checkDomain = try #require(definition.yearInputs.first { $0.name == "check_on" }).domain
        let window = definition.policy.windowStart.dayNumber...definition.policy.windowEnd.dayNumber
        var checked = 0
        var wrong: [String] = []
        for cpr in cprDomain {
            // An EMT on every day; a paramedic whose check expired the day before, on, or long
            // after the card was issued, on every third day.
            let checks = [cpr - 366, cpr - 365, checkDomain.upperBound].filter(checkDomain.contains)
            var people: [(paramedic: Bool, check: Int, days: [Int])] = [(false, checkDomain.lowerBound, Array(window))]
            people += checks.map {
                (true, $0, Array(stride(from: window.lowerBound + cpr % 3, through: window.upperBound, by: 3)))
            }
            for person in people {
                let values = YearValues([person.paramedic ? 1 : 0, cpr, person.check])
                for day in person.days {
                    let asOf = LocalDate(dayNumber: day)
                    let expected = Self.expectedRule(
                        paramedic: person.paramedic, cprOn: LocalDate(dayNumber: cpr),
                        checkOn: LocalDate(dayNumber: person.check), asOf: asOf)
                    let decided = try table.evaluate(values, asOf: asOf).rule.id
                    checked += 1
                    if decided != expected, wrong.count < 5 {
                        wrong.append(
                            "cpr_on \(LocalDate(dayNumber: cpr)) check_on \(LocalDate(dayNumber: person.check)) as_of \(asOf): \(decided), not \(expected)"
                        )
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(checked > 500_000)
    }

    /// The fixture over small domains and a short window, so that a scan can try every input:
    /// cards issued from 2023-12-15 to 2024-03-15 expire inside the window, and background
    /// checks done from 2023-02-01 to 2023-02-20 expire among those days.
    static func narrowed(_ text: String) -> String {
        text.replacingOccurrences(of: "{from: 2023-01-01, to: 2026-12-31}", with: "{from: 2023-12-15, to: 2024-03-15}")
            .replacingOccurrences(of: "{from: 2024-01-01, to: 2026-12-31}", with: "{from: 2023-02-01, to: 2023-02-20}")
            .replacingOccurrences(of: "{from: 2026-01-01, to: 2026-12-31}", with: "{from: 2025-12-01, to: 2026-03-31}")
    }

    @Test("on the narrowed fixture, the tree agrees with a scan of every input")
    func treeAgreesWithScan() throws {
        let text = Self.narrowed(try Self.fixtureText())
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "cpr-narrow.yaml"))
        #expect(!table.definition.datePairs.isEmpty)
        #expect(try ScanComparison.mismatches(table) == 0)
    }

    @Test(
        "gaps and overlaps under an expiry counted from a date are exactly the inputs a scan finds",
        arguments: [
            ("on_or_before: cpr.expiry - 60 days}}", "on_or_before: cpr.expiry - 50 days}}"),
            ("{as_of: {after: cpr.expiry + 1 month}}", "{as_of: {after: cpr.expiry + 35 days}}"),
            ("cpr_on: {after: check.expiry}", "cpr_on: {after: check.expiry + 3 days}"),
        ])
    func analysisIsExact(original: String, replacement: String) throws {
        let fixture = try Self.fixtureText()
        #expect(fixture.contains(original))
        let text = Self.narrowed(fixture.replacingOccurrences(of: original, with: replacement))
        let (typed, context) = try ScanComparison.analysed(text, file: "cpr-broken.yaml")
        let scan = ScanComparison.scan(typed)
        #expect(!scan.gaps.isEmpty || !scan.overlaps.isEmpty, "the change should break the table")
        #expect(DateRandomTableTests.expand(GapCheck.regions(context), table: typed) == scan.gaps)
        let found = ScanComparison.foundOverlaps(context) { DateRandomTableTests.expand($0, table: typed) }
        #expect(found == scan.overlaps)
    }

    @Test("the card's date is cut into single days only where the expiry's bounds fall in the window")
    func classesStaySmall() throws {
        let table = try TestSupport.compiled(TableLoader.load(yaml: Self.fixtureText(), file: "cpr-state.yaml"))
        let cpr = try #require(table.definition.yearInputs.first { $0.name == "cpr_on" })
        let check = try #require(table.definition.yearInputs.first { $0.name == "check_on" })
        // The window's 365 days for `before: cpr_on`, and the issue days whose expiry minus 60
        // days to expiry plus a month meet the window: far fewer than the domain's 1,461 days.
        #expect(cpr.classStarts.count < 900)
        #expect(cpr.classStarts.contains(TestSupport.date("2024-02-29").dayNumber))
        // The check is only compared with the card's date: its classes are those of the difference.
        #expect(check.classStarts.count == 1)
    }
}
