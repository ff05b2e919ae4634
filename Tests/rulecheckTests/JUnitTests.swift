import Foundation
import Testing

/// `rulecheck test --format junit`, read back by a real JUnit consumer (junitparser, PyPI) and
/// validated against Jenkins' JUnit XSD (shipped in pytest's source distribution) where present.
@Suite("rulecheck test --format junit")
struct JUnitTests {
    static let hasReader = ExternalTool.hasPythonModules("junitparser", "xmlschema")
    static let readerMissing: Comment =
        "junitparser or xmlschema is not installed (pip install junitparser xmlschema); .ci/run installs them"

    /// What junitparser found in a report.
    struct Read: Decodable {
        struct Result: Decodable {
            let kind: String
            let type: String?
            let message: String?
            let text: String
        }
        struct Case: Decodable {
            let name: String
            let classname: String?
            let results: [Result]
        }
        struct Suite: Decodable {
            let name: String
            let tests: Int
            let failures: Int
            let properties: [String: String]
            let cases: [Case]
        }
        let validatedAgainst: String?
        let tests: Int
        let failures: Int
        let suites: [Suite]
    }

    /// Writes the report and reads it with junitparser (validating it first when the XSD exists).
    static func read(_ xml: String, in folder: URL) throws -> Read {
        let file = folder.appendingPathComponent("report.xml")
        try Data(xml.utf8).write(to: file)
        let python = try #require(ExternalTool.find("python3"))
        let schema = ExternalTool.junitSchema.map { [$0] } ?? []
        let run = try ExternalTool.run(
            python, [CLI.path("Tests/rulecheckTests/Fixtures/junit_read.py"), file.path] + schema)
        try #require(run.status == 0, "junit_read.py: \(run.stderr)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Read.self, from: Data(run.stdout.utf8))
    }

    static func folder() throws -> URL {
        // `<&"'>` and a control character in the path: the report must escape the one and drop the other.
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("junit-<&\"'>\u{1}-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(
        "the shipped tables: one passing suite per table, a case per expectation row and rule",
        .enabled(if: hasReader, readerMissing))
    func shippedTables() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["test", "--format", "junit"])
        #expect(run.status == 0, "\(run.stderr)")
        let read = try Self.read(run.stdout, in: folder)
        #expect(read.failures == 0)
        let suite = try #require(read.suites.first { $0.name == "rules/2026.yaml" })
        let expectationCases = suite.cases.filter { $0.name.hasPrefix("expectation ") }
        let rows = try String(contentsOfFile: CLI.path("rules/2026.expect.yaml"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("  - id: ") }
        #expect(expectationCases.map(\.name) == rows.map { "expectation " + $0.dropFirst("  - id: ".count) })
        #expect(suite.cases.contains { $0.name == "rule alignment-due" && $0.results.isEmpty })
        #expect(suite.tests == suite.cases.count)
        #expect(suite.properties["expectations"] == "rules/2026.expect.yaml")
        #expect(Int(suite.properties["inputs"] ?? "") == Int(suite.properties["passed"] ?? "x"))
        if ExternalTool.junitSchema != nil { #expect(read.validatedAgainst != nil) }
    }

    @Test(
        "failures: a wrong value, a dead row and a dead rule, with inputs, values and lines",
        .enabled(if: hasReader, readerMissing))
    func failures() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try String(contentsOfFile: CLI.path("rules/2026.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "  - id: aligned\n",
                with: "  - id: never\n    when: {ma_expires: 2022, nr_expires: 2032,"
                    + " as_of: {after: 2026-06-01, before: 2026-05-01}}\n"
                    + "    then: {cohort: x, status: y, actions: [renew-as-usual]}\n\n  - id: aligned\n")
        let tableFile = folder.appendingPathComponent("table.yaml")
        try Data(table.utf8).write(to: tableFile)
        let expectations = try String(contentsOfFile: CLI.path("rules/2026.expect.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "status: no-action-yet", with: "status: action-required")
            .replacingOccurrences(
                of: "  - id: reverse-off-cycle",
                with: "  - id: shadowed\n    when: {ma_expires: 2027, nr_expires: 2026, as_of: {on: 2026-01-01}}\n"
                    + "    expect: {}\n  - id: dead\n    when: {ma_expires: 2027, nr_expires: 2026, as_of: {on: 2026-01-01}}\n"
                    + "    expect: {}\n  - id: reverse-off-cycle"
            )
            .replacingOccurrences(of: "table: 2026.yaml", with: "table: table.yaml")
        let expectationsFile = folder.appendingPathComponent("table.expect.yaml")
        try Data(expectations.utf8).write(to: expectationsFile)

        let run = try CLI.run(["test", "--format", "junit", tableFile.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1}"))
        #expect(run.stdout.contains("junit-&lt;&amp;&quot;&apos;&gt;-"))
        let read = try Self.read(run.stdout, in: folder)
        let suite = try #require(read.suites.first)
        let shownPath = tableFile.path.replacingOccurrences(of: "\u{1}", with: "")
        #expect(suite.name == shownPath)
        #expect(read.failures == 3 && suite.failures == 3)

        let cases = Dictionary(suite.cases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let wrong = try #require(cases["expectation not-yet-due"]?.results.first)
        #expect(wrong.kind == "Failure" && wrong.type == "mismatch")
        #expect(wrong.message?.hasSuffix("differ from expectation `not-yet-due`") == true)
        #expect(wrong.text.contains("status: expected action-required, got no-action-yet"))
        #expect(wrong.text.contains("  inputs: ") && wrong.text.contains("  example: "))
        #expect(wrong.text.contains(".expect.yaml:") && wrong.text.contains("table.yaml:"))
        #expect(cases["expectation dead"]?.results.first?.type == "unused")
        #expect(cases["rule never"]?.results.first?.type == "unexercised")
        #expect(cases["rule never"]?.results.first?.message?.contains("table.yaml:") == true)
        #expect(cases["expectation shadowed"]?.results.isEmpty == true)
        #expect(cases["every input is decided and matches an expectation"]?.results.isEmpty == true)
    }
}
