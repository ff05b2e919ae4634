import Foundation
import Testing

/// `.pre-commit-hooks.yaml` names commands that exist.
@Suite("pre-commit hooks")
struct PreCommitHooksTests {
    @Test("every hook's entry is a rulecheck subcommand that runs")
    func entriesRun() throws {
        let text = try String(contentsOfFile: CLI.path(".pre-commit-hooks.yaml"), encoding: .utf8)
        let entries = text.split(separator: "\n").filter { $0.hasPrefix("  entry: ") }
            .map { $0.dropFirst("  entry: ".count).split(separator: " ").map(String.init) }
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("- id: ") }.map { $0.dropFirst("- id: ".count) }
        #expect(ids == ["rulecheck-validate", "rulecheck-test", "rulecheck-validate-system", "rulecheck-test-system"])
        #expect(entries.count == ids.count)
        for entry in entries {
            #expect(entry.first == "rulecheck")
            let run = try CLI.run(Array(entry.dropFirst()) + ["--help"])
            #expect(run.status == 0, "\(entry): \(run.stderr)")
        }
    }
}
