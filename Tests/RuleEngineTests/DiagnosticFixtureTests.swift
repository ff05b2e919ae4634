import Foundation
import Testing

@testable import RuleEngine

/// Every fixture names, on its first line, the diagnostic it must produce and where.
@Suite("Diagnostic fixtures")
struct DiagnosticFixtureTests {
    @Test("YAML-level rejections point at the right line and column", arguments: TestSupport.fixtureFiles("yaml"))
    func yamlFixture(_ name: String) throws {
        try check(folder: "yaml", name: name, onlyOne: false)
    }

    @Test("each schema error class points at the exact cell", arguments: TestSupport.fixtureFiles("schema"))
    func schemaFixture(_ name: String) throws {
        try check(folder: "schema", name: name, onlyOne: true)
    }

    @Test("the minimal fixture that the schema fixtures derive from is clean")
    func minimalIsClean() throws {
        let result = try TableLoader.load(path: TestSupport.fixtures.appendingPathComponent("minimal.yaml").path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.table != nil)
    }

    private func check(folder: String, name: String, onlyOne: Bool) throws {
        let path = TestSupport.fixtures.appendingPathComponent(folder).appendingPathComponent(name).path
        let bytes = try SourceFile.read(path: path)
        let expected = try #require(TestSupport.expectation(of: String(decoding: bytes, as: UTF8.self)))
        let result = TableLoader.load(bytes: bytes, file: name)
        let matching = result.diagnostics.filter {
            $0.code.rawValue == expected.code && $0.location?.line == expected.line
                && $0.location?.column == expected.column
        }
        let found = result.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(matching.count == 1, "expected \(expected) in \(found)")
        #expect(matching.first?.severity == .error)
        #expect(result.table == nil)
        if onlyOne { #expect(result.diagnostics.count == 1, "one error, without cascades: \(found)") }
    }
}
