import Foundation
import Testing

/// A folder holding the 2026 table and a 2027 table made from it decides as one policy
/// history in `eval`, `explain`, `batch`, `matrix` and `validate`.
@Suite("Policy history on the command line")
struct HistoryCLITests {
    /// A temporary folder with `2026.yaml` (the shipped table) and `2027.yaml` (the 2027 example).
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("history-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.path("rules/2026.yaml"), toPath: url.appendingPathComponent("2026.yaml").path)
        try FileManager.default.copyItem(
            atPath: CLI.path("Tests/Fixtures/policies/2027-example.yaml"),
            toPath: url.appendingPathComponent("2027.yaml").path)
        return url
    }

    @Test(
        "eval gives the required answers, naming the deciding table",
        arguments: [
            ("2026", "2027", "2027-01-10", "expired-late-renewal-open", "2026"),
            ("2027", "2028", "2027-01-10", "action-required", "2027-example"),
            ("2026", "2027", "2027-03-31", "late-renewal-closed", "2026"),
        ])
    func eval(ma: String, nr: String, date: String, status: String, version: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run([
            "eval", "--rules", folder.path, "--ma", ma, "--nr", nr, "--as-of", date, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"status\": \"\(status)\""))
        #expect(run.stdout.contains("\"cohort\": \"one-year-alignment\""))
        #expect(run.stdout.contains("\"version\": \"\(version)\""))
        let file = version == "2026" ? "2026.yaml" : "2027.yaml"
        #expect(run.stdout.contains("\"file\": \"\(folder.appendingPathComponent(file).path)\""))
    }

    @Test("explain says that the newer table deferred, and why")
    func explain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run([
            "explain", "--rules", folder.path, "--ma", "2026", "--nr", "2027", "--as-of", "2027-01-10",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2027.yaml (version 2027-example) defers: no rule of it but `otherwise`"))
        #expect(
            run.stdout.contains(
                "so the older \(folder.appendingPathComponent("2026.yaml").path) (version 2026) decides"))
        #expect(run.stdout.contains("Decided by rule `alignment-late-renewal`"))
        let json = try CLI.run([
            "explain", "--rules", folder.path, "--ma", "2026", "--nr", "2027", "--as-of", "2027-01-10", "--format",
            "json",
        ])
        #expect(json.stdout.contains("\"deferred\""))
    }

    @Test("batch decides each row through the history")
    func batch() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        try Data(
            "id,ma_expires,nr_expires,as_of\n1,2026,2027,2027-01-10\n2,2027,2028,2027-01-10\n3,2026,2027,2027-03-31\n4,2026,2027,2026-01-10\n"
                .utf8
        ).write(to: roster)
        let run = try CLI.run(["batch", roster.path, "--rules", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1].contains(",expired-late-renewal-open,false,,"))
        #expect(lines[2].contains(",action-required,true,65.00 USD,recommended,2027-02-15,alignment-due,"))
        #expect(lines[3].contains(",late-renewal-closed,false,"))
        #expect(lines[4].contains(",action-required,true,62.50 USD,recommended,2026-02-15,alignment-due,"))
    }

    @Test("matrix of a folder shows the history's grid, each outcome with its table")
    func matrix() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["matrix", folder.path, "--as-of", "2027-01-10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("expired-late-renewal-open  [alignment-late-renewal] from"))
        #expect(run.stdout.contains("action-required, fee 65.00 USD  [alignment-due] from"))
        #expect(try CLI.run(["matrix", folder.path, "--timeline"]).status == 2)
        #expect(try CLI.run(["matrix", folder.path, "--format", "html"]).status == 2)
        let markdown = try CLI.run(["matrix", folder.path, "--as-of", "2027-01-10", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(
            markdown.stdout.contains(
                "| one-year-alignment / expired-late-renewal-open | none | `alignment-late-renewal` |"))
        #expect(markdown.stdout.contains("| one-year-alignment / action-required | 65.00 USD | `alignment-due` |"))
    }

    @Test("validate of the folder runs the history checks; --verbose lists the hand-over")
    func validate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["validate", folder.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("\(folder.path): history of 2 tables: ok"))
        #expect(run.stdout.contains("note[RC505]: from 2026-12-01 to 2027-03-31"))
        let verbose = try CLI.run(["validate", "--verbose", folder.path])
        #expect(verbose.stdout.components(separatedBy: "note[RC505]: hand-over on").count - 1 == 4)
        try Data("format: [\n".utf8).write(to: folder.appendingPathComponent("2028.yaml"))
        try Data("garbage [".utf8).write(to: folder.appendingPathComponent(".#2027.yaml"))
        let broken = try CLI.run(["validate", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("2028.yaml: 1 error"))
        #expect(!broken.stdout.contains(".#2027.yaml"))
        #expect(broken.stdout.contains("\(folder.path): history not checked until every table loads without errors"))
    }

    @Test("validate with no argument checks rules/")
    func validateDefault() throws {
        let run = try CLI.run(["validate"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("rules/2026.yaml: ok"))
        #expect(run.stdout.contains("rules/2026.expect.yaml: ok"))
    }

    @Test(
        "eval takes a year of any table in force: only the 2026 table takes 2022, only the 2027 example 2033",
        arguments: [("2022", "2027", "2026"), ("2033", "2033", "2027-example"), ("2026", "2027", "2026")])
    func domainOfAnyTableInForce(ma: String, nr: String, version: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run([
            "eval", "--rules", folder.path, "--ma", ma, "--nr", nr, "--as-of", "2027-01-10", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"version\": \"\(version)\""))
        let jsonl = try CLI.run(
            ["eval", "--rules", folder.path, "--jsonl"],
            stdin: Data("{\"ma_expires\": \(ma), \"nr_expires\": \(nr), \"as_of\": \"2027-01-10\"}\n".utf8))
        #expect(jsonl.status == 0, "\(jsonl.stdout)")
        #expect(jsonl.stdout.contains("\"version\":\"\(version)\""))
    }

    @Test("a year outside every table in force is refused naming the union of their domains")
    func outsideEveryDomain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["eval", "--rules", folder.path, "--ma", "2021", "--nr", "2027", "--as-of", "2027-01-10"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("ma_expires: `2021` is not a year from 2022 to 2033"), "\(run.stderr)")
        let older = try CLI.run([
            "eval", "--rules", folder.path, "--ma", "2022", "--nr", "2027", "--as-of", "2027-06-01",
        ])
        #expect(older.status == 2)
        #expect(older.stderr.contains("ma_expires: `2022` is not a year from 2023 to 2033"), "\(older.stderr)")
    }

    @Test("replay re-decides a logged decision through the history, as the server made it")
    func replayThroughHistory() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("decisions.log")
        let line =
            #"{"input": {"ma_expires": 2026, "nr_expires": 2027, "as_of": "2027-01-10"}, "cohort": "one-year-alignment", "#
            + #""status": "expired-late-renewal-open", "rule": {"id": "alignment-late-renewal"}, "policy": {"version": "2026"}}"#
        try Data((line + "\n").utf8).write(to: log)
        let run = try CLI.run(["replay", log.path, "--rules", folder.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("replayed 1 decisions: 0 differ"))
        try Data((line.replacingOccurrences(of: "expired-late-renewal-open", with: "action-required") + "\n").utf8)
            .write(to: log)
        let changed = try CLI.run(["replay", log.path, "--rules", folder.path])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("replayed 1 decisions: 1 differ"))
    }
}
