import Foundation
import Testing

/// Small frictions of daily use: `validate` with no argument, misspelt values, and the usage
/// shown for a missing flag.
@Suite("daily-use frictions")
struct FrictionTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("friction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("validate with no argument checks every rules/*.yaml, as `validate rules/*.yaml` does")
    func validateDefault() throws {
        let bare = try CLI.run(["validate"])
        #expect(bare.status == 0, "\(bare.stdout)\(bare.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: CLI.path("rules"))
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.contains { $0.hasSuffix(".expect.yaml") } && names.count >= 2)
        let explicit = try CLI.run(["validate"] + names.map { "rules/" + $0 })
        #expect(bare.stdout == explicit.stdout)
        for name in names { #expect(bare.stdout.contains("rules/\(name): ok (")) }
    }

    @Test("validate with no argument: a bad table in rules/ exits 1; no rules/ folder exits 2")
    func validateDefaultFailures() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let none = try CLI.run(["validate"], directory: folder)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no rules/ folder"))
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        let bad = try Data(
            contentsOf: URL(fileURLWithPath: CLI.path("Tests/RuleEngineTests/Fixtures/schema/unknown-key.yaml")))
        try bad.write(to: rules.appendingPathComponent("bad.yaml"))
        let run = try CLI.run(["validate"], environment: ["NO_COLOR": "1"], directory: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("rules/bad.yaml:6:3: error[RC201]"))
    }

    @Test(
        "a misspelt value is an unknown value, with did you mean",
        arguments: [
            ("unknown-hit-policy.yaml", "11:13: error[RC220]: unknown value `uniqe` for `hit_policy`", "unique"),
            (
                "unknown-input-type.yaml", "13:11: error[RC220]: unknown value `yaer` for `type` in input `ma_expires`",
                "year"
            ),
        ])
    func unknownValue(file: String, message: String, suggestion: String) throws {
        let run = try CLI.run(
            ["validate", CLI.path("Tests/RuleEngineTests/Fixtures/schema/" + file)], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(run.stdout.contains(message), "\(run.stdout)")
        #expect(run.stdout.contains("help: did you mean `\(suggestion)`?"))
        #expect(!run.stdout.contains("unknown key"))
    }

    @Test(
        "a flag missing or wrong shows the subcommand's usage, not the root's",
        arguments: [
            (["eval", "--ma", "2026", "--as-of", "2026-01-10"], "eval", "missing --nr"),
            (["explain", "--ma", "2026", "--as-of", "2026-01-10"], "explain", "missing --nr"),
            (["test", "--expectations", "x.expect.yaml"], "test", "--expectations needs exactly one table"),
            (["generate-roster"], "generate-roster", "Missing expected argument '--rows <rows>'"),
        ])
    func subcommandUsage(arguments: [String], subcommand: String, error: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Error: \(error)"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: rulecheck \(subcommand) "), "\(run.stderr)")
        #expect(run.stderr.contains("See 'rulecheck \(subcommand) --help'"))
        #expect(!run.stderr.contains("rulecheck <subcommand>"))
    }
}
