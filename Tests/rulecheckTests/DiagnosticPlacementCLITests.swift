import Foundation
import Testing

/// Errors that point at the right place and say what to do.
@Suite("rulecheck diagnostics at the right place")
struct DiagnosticPlacementCLITests {
    @Test("today's default as-of date outside the window says it was the default and suggests --as-of")
    func defaultDateOutsideWindow() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The minimal table moved to the year 2000: its window is always in the past.
        let text = try String(contentsOfFile: CLI.path("Tests/RuleEngineTests/Fixtures/minimal.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "2026", with: "2000")
        let table = try BatchCLITests.write(text, in: folder, name: "old.yaml")
        let run = try CLI.run(["eval", "--rules", table, "--ma", "2000", "--nr", "none"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("(the default as-of date), is outside the window 2000-01-01 to 2000-12-31"))
        #expect(run.stderr.contains("pass --as-of"), "\(run.stderr)")
    }

    @Test("test T --expectations E refuses an E that names another table")
    func expectationsForAnotherTable() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = try BatchCLITests.write(
            try String(contentsOfFile: CLI.path("rules/2026.yaml"), encoding: .utf8), in: folder, name: "other.yaml")
        let expectations = try String(contentsOfFile: CLI.path("rules/2026.expect.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "table: 2026.yaml", with: "table: \(CLI.path("rules/2026.yaml"))")
        let file = try BatchCLITests.write(expectations, in: folder, name: "x.expect.yaml")
        let run = try CLI.run(["test", other, "--expectations", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is for the table \(CLI.path("rules/2026.yaml")) (its `table:` key), not \(other)"))
    }

    @Test("a missing `table:` file is reported at the `table:` value with a hint about the path")
    func missingTableFile() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expectations = try String(contentsOfFile: CLI.path("rules/2026.expect.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "table: 2026.yaml", with: "table: nowhere.yaml")
        let lines = expectations.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("table: nowhere.yaml") }) + 1
        let file = try BatchCLITests.write(expectations, in: folder, name: "x.expect.yaml")
        let run = try CLI.run(["validate", file], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(file):\(line):8: error[RC401]"), "\(run.stdout)")
        #expect(run.stdout.contains("relative to this expectations file"))
    }
}
