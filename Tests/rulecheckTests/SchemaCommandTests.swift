import Foundation
import Testing

/// `rulecheck schema`, the committed schemas under `schemas/`, and a real JSON Schema
/// validator (check-jsonschema) run over the shipped files and some bad fixtures.
@Suite("JSON Schemas for editors")
struct SchemaCommandTests {
    static let tableSchema = "schemas/rule-table.schema.json"
    static let expectationsSchema = "schemas/expectations.schema.json"

    @Test(
        "the committed schemas are exactly what `rulecheck schema` prints",
        arguments: [("table", tableSchema), ("expectations", expectationsSchema)])
    func committedSchemasAreCurrent(kind: String, file: String) throws {
        let run = try CLI.run(["schema", "--kind", kind])
        #expect(run.status == 0, "\(run.stderr)")
        let committed = try Data(contentsOf: URL(fileURLWithPath: CLI.path(file)))
        #expect(
            Data(run.stdout.utf8) == committed,
            "\(file) is out of date: run `swift run rulecheck schema --kind \(kind) --output \(file)`")
    }

    @Test("--output writes the schema atomically and says so")
    func outputFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLI.run(["schema", "--kind", "expectations", "--output", file.path])
        #expect(run.status == 0)
        #expect(run.stdout == "wrote \(file.path)\n")
        let written = try Data(contentsOf: file)
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: CLI.path(Self.expectationsSchema)))))
    }

    @Test("an unknown kind is a usage error")
    func unknownKind() throws {
        let run = try CLI.run(["schema", "--kind", "roster"])
        #expect(run.status == 2)
    }

    @Test("the shipped files say which schema they follow")
    func modelines() throws {
        for (file, schema) in try Self.shippedFiles() {
            let text = try String(contentsOfFile: CLI.path(file), encoding: .utf8)
            let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init)
            #expect(first == "# yaml-language-server: $schema=../\(schema)", "\(file)")
        }
    }

    @Test(
        "every shipped table and expectations file validates against its schema",
        .enabled(if: ExternalTool.hasCheckJSONSchema, ExternalTool.checkJSONSchemaMissing))
    func shippedFilesValidate() throws {
        let files = try Self.shippedFiles()
        #expect(files.contains { $0.schema == Self.tableSchema })
        #expect(files.contains { $0.schema == Self.expectationsSchema })
        for (file, schema) in files {
            let run = try ExternalTool.checkJSONSchema(schema: schema, files: [file])
            #expect(run.status == 0, "\(file): \(run.stdout)\(run.stderr)")
        }
    }

    @Test(
        "the minimal fixture validates against the table schema",
        .enabled(if: ExternalTool.hasCheckJSONSchema, ExternalTool.checkJSONSchemaMissing))
    func minimalFixtureValidates() throws {
        let run = try ExternalTool.checkJSONSchema(
            schema: Self.tableSchema, files: ["Tests/RuleEngineTests/Fixtures/minimal.yaml"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test(
        "bad fixtures that a schema can judge fail it",
        .enabled(if: ExternalTool.hasCheckJSONSchema, ExternalTool.checkJSONSchemaMissing),
        arguments: [
            "unknown-key", "missing-key", "wrong-type", "yaml11-boolean", "unsupported-format", "impossible-date",
            "bad-currency", "bad-placeholder", "bad-identifier", "bad-month-day", "money-negative", "octal-year",
            "unquoted-date-not-a-year",
        ])
    func badFixturesFail(name: String) throws {
        let run = try ExternalTool.checkJSONSchema(
            schema: Self.tableSchema, files: ["Tests/RuleEngineTests/Fixtures/schema/\(name).yaml"])
        #expect(run.status == 1, "\(name) should fail the schema: \(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Schema validation errors"), "\(run.stdout)\(run.stderr)")
    }

    @Test(
        "an expectations file with an unknown key fails its schema",
        .enabled(if: ExternalTool.hasCheckJSONSchema, ExternalTool.checkJSONSchemaMissing))
    func badExpectationsFail() throws {
        let text = try String(contentsOfFile: CLI.path("rules/2026.expect.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "defaults:", with: "default:")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try ExternalTool.checkJSONSchema(schema: Self.expectationsSchema, files: [file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("default"), "\(run.stdout)")
    }

    /// Every `rules/*.yaml` with the schema it follows.
    static func shippedFiles() throws -> [(file: String, schema: String)] {
        try FileManager.default.contentsOfDirectory(atPath: CLI.path("rules")).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { name in
                ("rules/\(name)", name.hasSuffix(".expect.yaml") ? expectationsSchema : tableSchema)
            }
    }
}
