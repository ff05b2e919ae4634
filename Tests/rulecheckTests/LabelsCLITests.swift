import Foundation
import RuleEngine
import Testing

/// Labels in `eval` and `explain` text, shown safely, and never in their JSON.
@Suite("labels in the CLI")
struct LabelsCLITests {
    static let arguments = ["--rules", "rules/2026.yaml", "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-16"]

    @Test("eval and explain text give each label with its id; JSON gives the ids only")
    func textAndJSON() throws {
        let table = try #require(try TableLoader.load(path: CLI.path("rules/2026.yaml")).table).definition
        let json = try CLI.run(["eval"] + Self.arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let cohort = try #require(object["cohort"] as? String)
        let status = try #require(object["status"] as? String)
        let cohortWords = try #require(table.labels.cohort(cohort))
        let statusWords = try #require(table.labels.status(status))
        #expect(!json.stdout.contains(cohortWords) && !json.stdout.contains(statusWords))

        let eval = try CLI.run(["eval"] + Self.arguments)
        #expect(eval.stdout.contains("  Cohort:  \(cohortWords) (\(cohort))\n"))
        #expect(eval.stdout.contains("  Status:  \(statusWords) (\(status))\n"))

        let explain = try CLI.run(["explain"] + Self.arguments)
        #expect(explain.stdout.contains("  in words: \(cohortWords) / \(statusWords)\n"))
        let explainJSON = try CLI.run(["explain"] + Self.arguments + ["--format", "json"])
        #expect(!explainJSON.stdout.contains(cohortWords))
    }

    @Test("a label with a line break and an escape sequence is shown, never obeyed")
    func hostileLabel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-labels-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: CLI.path("rules/2026.yaml"), encoding: .utf8).replacingOccurrences(
            of: "    one-year-alignment: Aligning your two certifications this year",
            with: "    one-year-alignment: \"Two\\nStatus:  forged \\e[2J\"")
        let file = folder.appendingPathComponent("2026.yaml")
        try Data(text.utf8).write(to: file)
        var arguments = Self.arguments
        arguments[1] = file.path
        let eval = try CLI.run(["eval"] + arguments)
        #expect(eval.status == 0)
        #expect(!eval.stdout.contains("\u{1B}"))
        #expect(!eval.stdout.contains("\nStatus:  forged"))
        let explain = try CLI.run(["explain"] + arguments)
        #expect(!explain.stdout.contains("\u{1B}") && !explain.stdout.contains("\nStatus:  forged"))
    }
}
