import Foundation
import Testing

/// Per-person dates (`certified_on`, `refresher_on`) beside the question's date through every
/// command, on the fictional dates-state fixture.
@Suite("Per-person dates on the command line")
struct PersonDateCLITests {
    static let table = "Tests/Fixtures/policies/dates-state.yaml"
    static let person = [
        "--input", "level=emt", "--input", "state_expires=2026", "--input", "certified_on=2026-03-01", "--input",
        "refresher_on=2026-03-05",
    ]

    @Test("eval and explain take per-person dates with --input; the JSON input object holds them as dates")
    func evalAndExplain() throws {
        let eval = try CLI.run(
            ["eval", "--rules", Self.table, "--format", "json", "--as-of", "2026-04-15"] + Self.person)
        #expect(eval.status == 0, "\(eval.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any]
        #expect(object?["cohort"] as? String == "bridge")
        #expect((object?["rule"] as? [String: Any])?["id"] as? String == "bridge-skills")
        let input = object?["input"] as? [String: Any]
        #expect(input?["certified_on"] as? String == "2026-03-01")
        #expect(input?["refresher_on"] as? String == "2026-03-05")
        // Before the 30-day waiting period is over, the same person waits.
        let waiting = try CLI.run(["eval", "--rules", Self.table, "--as-of", "2026-03-30"] + Self.person)
        #expect(waiting.stdout.contains("waiting"), "\(waiting.stdout)")
        let explain = try CLI.run(["explain", "--rules", Self.table, "--as-of", "2026-04-15"] + Self.person)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("as_of 2026-04-15 is on or after 2026-03-31"), "\(explain.stdout)")
        #expect(explain.stdout.contains("refresher_on 2026-03-05 is not on or after 2027-03-02"))
        // The action text fills in the per-person date.
        let old = try CLI.run(
            [
                "eval", "--rules", Self.table, "--as-of", "2026-04-15", "--input", "level=emt", "--input",
                "state_expires=2026", "--input", "certified_on=2013-06-30", "--input", "refresher_on=2020-01-01",
            ])
        #expect(old.stdout.contains("Renew on the state's terms (certified 2013-06-30)."), "\(old.stdout)")
    }

    @Test(
        "a per-person date missing, outside its domain or not a date exits 2 naming the input",
        arguments: [
            (["certified_on=2031-01-01"], "a date from 1970-01-01 to 2026-12-31"),
            (["certified_on=2026-02-30"], "certified_on"),
            ([], "missing input `certified_on`"),
        ])
    func badDates(values: [String], message: String) throws {
        let given = ["--input", "level=emt", "--input", "state_expires=2026", "--input", "refresher_on=2026-03-05"]
        let run = try CLI.run(
            ["eval", "--rules", Self.table, "--as-of", "2026-04-15"] + given + values.flatMap { ["--input", $0] })
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("--input-json and eval --jsonl read per-person dates as strings")
    func json() throws {
        let object =
            #"{"level":"paramedic","state_expires":2027,"certified_on":"2013-06-30","refresher_on":"2020-01-01","as_of":"2026-02-01"}"#
        let single = try CLI.run(["eval", "--rules", Self.table, "--input-json", "-"], stdin: Data(object.utf8))
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.contains("grandfathered"))
        let bad = #"{"level":"emt","state_expires":2026,"certified_on":"1969-12-31","refresher_on":"2020-01-01"}"#
        let lines = try CLI.run(
            ["eval", "--rules", Self.table, "--jsonl", "--as-of", "2026-02-01"],
            stdin: Data((object + "\n" + bad + "\n").utf8))
        #expect(lines.status == 1)
        let outputs = lines.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(outputs.count == 2)
        #expect(outputs[0]?["cohort"] as? String == "grandfathered")
        #expect((outputs[1]?["error"] as? String)?.contains("certified_on") == true)
    }

    @Test("batch reads a column per per-person date in the roster's date format")
    func batch() throws {
        let roster =
            "level,state_expires,certified_on,refresher_on,as_of\nemt,2026,6/30/2013,1/1/2020,2/1/2026\n"
            + "paramedic,2027,3/1/2026,3/5/2026,4/15/2026\nemt,2026,,3/5/2026,4/15/2026\n"
        let run = try CLI.run(
            ["batch", "-", "--rules", Self.table, "--date-format", "M/D/YYYY"], stdin: Data(roster.utf8))
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[1].contains(",grandfathered,"), "\(run.stdout)")
        #expect(rows[2].contains(",bridge,action-required,"))
        #expect(rows[3].contains("missing value for `certified_on`"))
    }

    @Test("matrix shows a per-person date as runs of days with the same decisions")
    func matrix() throws {
        let run = try CLI.run([
            "matrix", Self.table, "--as-of", "2026-03-15", "--rows", "certified_on", "--columns", "level", "--input",
            "state_expires=2026", "--input", "refresher_on=2026-03-05",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1970-01-01 to 2013-06-30"), "\(run.stdout)")
        // The waiting period: certified within the 30 days before 2026-03-15.
        #expect(run.stdout.contains("2026-02-14 to "), "\(run.stdout)")
        let compared = try CLI.run([
            "matrix", Self.table, "--as-of", "2026-03-15", "--rows", "certified_on", "--columns", "refresher_on",
            "--input", "state_expires=2026", "--input", "level=emt",
        ])
        #expect(compared.status == 2)
        #expect(compared.stderr.contains("compared with each other"))
    }

    @Test("test passes the expectations, and diff finds a moved grandfathering date in days")
    func testAndDiff() throws {
        let test = try CLI.run(["test", Self.table])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("rules exercised 4/4"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: CLI.path(Self.table), encoding: .utf8)
        let moved = folder.appendingPathComponent("moved.yaml")
        try text.replacingOccurrences(of: "2013-07-01", with: "2013-09-01").write(
            to: moved, atomically: true, encoding: .utf8)
        let diff = try CLI.run(["diff", Self.table, moved.path])
        #expect(diff.status == 1, "\(diff.stderr)")
        #expect(diff.stdout.contains("cohort: bridge → grandfathered"), "\(diff.stdout)")
        #expect(diff.stdout.contains("certified_on 2013-07-01 to 2013-08-31"), "\(diff.stdout)")
        // The same change as a hand-over in a folder, the newer table's domains a little longer:
        // both older rules are taken over, each on the days the older table's domain holds.
        let history = folder.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        try text.write(to: history.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let newer = text.replacingOccurrences(of: "2013-07-01", with: "2013-09-01")
            .replacingOccurrences(of: "version: \"2026-dates\"", with: "version: \"2026-dates-b\"")
            .replacingOccurrences(
                of: "window: {from: 2026-01-01, to: 2026-12-31}", with: "window: {from: 2026-06-01, to: 2027-05-31}"
            )
            .replacingOccurrences(of: "to: 2026-12-31}", with: "to: 2027-05-31}")
        try newer.write(to: history.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let validate = try CLI.run(["validate", "--verbose", history.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("in 2 regions"), "\(validate.stdout)")
        #expect(
            validate.stdout.contains(
                "refresher_on 1970-01-01 to 2026-12-31, certified_on − refresher_on -20969 to -366 days"),
            "\(validate.stdout)")
        #expect(validate.stdout.contains("[`bridge-refreshed`] → grandfathered"), "\(validate.stdout)")
    }
}
