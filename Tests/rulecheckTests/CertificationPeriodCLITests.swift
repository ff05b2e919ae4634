import Foundation
import Testing

/// The fictional `cpr-state.yaml` (a CPR card valid for two years from the day it was issued, a
/// background check valid for 365 days) through every command; expected days are worked out
/// with Foundation's Gregorian calendar, not with rulecheck's own date arithmetic.
@Suite("A certification counted from a per-person date through every command")
struct CertificationPeriodCLITests {
    static let policy = "Tests/Fixtures/policies/cpr-state.yaml"

    static func person(_ level: String, cpr: String, check: String = "2025-06-01") -> [String] {
        ["--input", "level=\(level)", "--input", "cpr_on=\(cpr)", "--input", "check_on=\(check)"]
    }

    /// `YYYY-MM-DD` moved by calendar months and days, by Foundation (which keeps the day of the
    /// month and clamps it to the month's last day).
    static func day(_ text: String, months: Int = 0, days: Int = 0) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let start = try #require(formatter.date(from: text))
        let moved = try #require(calendar.date(byAdding: .month, value: months, to: start))
        return formatter.string(from: try #require(calendar.date(byAdding: .day, value: days, to: moved)))
    }

    /// The cohort the prose gives an EMT whose card was issued on `cpr` (ISO dates compare as text).
    static func cohort(cpr: String, asOf: String) throws -> String {
        let expiry = try day(cpr, months: 24)
        if asOf < cpr { return "check-card" }
        if asOf <= (try day(expiry, days: -60)) { return "current" }
        if asOf <= expiry { return "renew" }
        return asOf <= (try day(expiry, months: 1)) ? "grace" : "lapsed"
    }

    @Test("validate finds no problem; test passes every expectation and exercises every rule")
    func validateAndTest() throws {
        let validate = try CLI.run([
            "validate", "--verbose", Self.policy, Self.policy.replacingOccurrences(of: ".yaml", with: ".expect.yaml"),
        ])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let test = try CLI.run(["test", Self.policy])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("0 failed; rules exercised 7/7; expectations used 6/6"), "\(test.stdout)")
        for format in ["json", "sarif"] {
            let run = try CLI.run(["validate", "--format", format, Self.policy])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
    }

    @Test(
        "eval decides by the card's own expiry, leap days and month ends included",
        arguments: [
            ("2024-02-29", "2026-02-28"), ("2024-02-29", "2026-03-01"), ("2024-02-29", "2026-03-28"),
            ("2024-02-29", "2026-03-29"), ("2024-01-31", "2026-02-28"), ("2024-01-31", "2026-03-01"),
            ("2024-05-10", "2026-03-11"), ("2024-05-10", "2026-03-12"), ("2026-06-01", "2026-05-31"),
            ("2023-01-01", "2026-01-01"),
        ])
    func evalByCard(cpr: String, asOf: String) throws {
        let run = try CLI.run(
            ["eval", "--rules", Self.policy, "--format", "json", "--input", "as_of=\(asOf)"]
                + Self.person("emt", cpr: cpr))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["cohort"] as? String == (try Self.cohort(cpr: cpr, asOf: asOf)), "\(run.stdout)")
        #expect((object?["input"] as? [String: Any])?["cpr_on"] as? String == cpr)
    }

    @Test("explain says the card's expiry and how it was worked out")
    func explain() throws {
        let run = try CLI.run(
            ["explain", "--rules", Self.policy, "--as-of", "2026-03-01"] + Self.person("emt", cpr: "2024-02-29"))
        #expect(run.status == 0, "\(run.stderr)")
        let expiry = try Self.day("2024-02-29", months: 24)
        #expect(run.stdout.contains("Decided by rule `grace`"), "\(run.stdout)")
        #expect(run.stdout.contains("(cpr.expiry is \(expiry): cpr_on 2024-02-29 + 2 years)"), "\(run.stdout)")
        let json = try CLI.run(
            ["explain", "--rules", Self.policy, "--as-of", "2026-03-01", "--format", "json"]
                + Self.person("paramedic", cpr: "2025-07-01", check: "2024-06-01"))
        #expect(json.status == 0, "\(json.stderr)")
        let checkExpiry = try Self.day("2024-06-01", days: 365)
        #expect(
            json.stdout.contains("check.expiry is \(checkExpiry): check_on 2024-06-01 + 365 days"), "\(json.stdout)")
    }

    @Test("eval --jsonl decides each line; a card date outside its domain is an error line")
    func jsonl() throws {
        let good = #"{"level":"emt","cpr_on":"2024-05-10","check_on":"2025-01-01","as_of":"2026-04-01"}"#
        let bad = #"{"level":"emt","cpr_on":"2027-05-10","check_on":"2025-01-01","as_of":"2026-04-01"}"#
        let run = try CLI.run(
            ["eval", "--rules", Self.policy, "--jsonl"], stdin: Data((good + "\n" + bad + "\n").utf8))
        #expect(run.status == 1)
        let outputs = run.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(outputs.count == 2)
        #expect(outputs.first??["cohort"] as? String == (try Self.cohort(cpr: "2024-05-10", asOf: "2026-04-01")))
        #expect((outputs.last??["error"] as? String)?.contains("cpr_on") == true)
    }

    @Test("batch reads the card's date from its column")
    func batch() throws {
        let roster =
            "id,level,cpr_on,check_on\n1,emt,2024-05-10,2025-01-01\n2,emt,2024-02-14,2025-01-01\n3,emt,2027-01-01,2025-01-01\n"
        let run = try CLI.run(
            ["batch", "-", "--rules", Self.policy, "--as-of", "2026-03-15"], stdin: Data(roster.utf8))
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[1].contains(",\(try Self.cohort(cpr: "2024-05-10", asOf: "2026-03-15")),"), "\(run.stdout)")
        #expect(rows[2].contains(",\(try Self.cohort(cpr: "2024-02-14", asOf: "2026-03-15")),"), "\(run.stdout)")
        #expect(rows[3].contains("cpr_on: `2027-01-01` is not a date from 2023-01-01 to 2026-12-31"))
    }

    @Test("matrix --rows cpr_on shows runs of issue days whose cards are in the same state")
    func matrix() throws {
        let run = try CLI.run([
            "matrix", Self.policy, "--as-of", "2026-03-15", "--rows", "cpr_on", "--columns", "level", "--input",
            "check_on=2025-06-01",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // Renewal is recommended for cards whose expiry is 2026-03-15 to 59 days later.
        let first = try Self.day("2026-03-15", months: -24)
        let last = try Self.day(Self.day("2026-03-15", days: 59), months: -24)
        #expect(run.stdout.contains("\(first) to \(last) C"), "\(run.stdout)")
        #expect(run.stdout.contains("[renew-soon]"))
    }

    @Test("diff against a card valid for 18 months names the issue days that change")
    func diff() throws {
        let source = try String(contentsOfFile: CLI.path(Self.policy), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpr-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let modified = folder.appendingPathComponent("modified.yaml")
        try source.replacingOccurrences(of: "valid_for: 2 years", with: "valid_for: 18 months").write(
            to: modified, atomically: true, encoding: .utf8)
        let run = try CLI.run(["diff", Self.policy, modified.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("cohort: current → lapsed"), "\(run.stdout)")
        #expect(
            run.stdout.contains("certification `cpr` changed: valid_for 2 years → valid_for 18 months"), "\(run.stdout)"
        )
        let same = try CLI.run(["diff", Self.policy, Self.policy])
        #expect(same.status == 0, "\(same.stdout)")
    }
}
