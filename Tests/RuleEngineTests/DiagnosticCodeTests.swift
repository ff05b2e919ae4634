import Foundation
import Testing

@testable import RuleEngine

/// The typed catalogue of codes: every case is raised, no code is written as a string outside
/// the catalogue, and the reference's table is the one the enum produces.
@Suite("Diagnostic code catalogue")
struct DiagnosticCodeTests {
    /// The Swift files under a folder of the package, recursively, with their text.
    static func swiftFiles(under folder: String) throws -> [(path: String, text: String)] {
        let root = TestSupport.path(folder)
        let paths = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { relative in
            ("\(folder)/\(relative)", try String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8))
        }
    }

    /// The Markdown table the reference's "Diagnostic codes" section must hold, produced from the enum.
    static func readmeTable() -> String {
        let rows = DiagnosticCode.allCases.map { code in
            let cells = [code.rawValue, code.name, code.severity.rawValue, code.summary]
            return "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        return (["| code | name | default severity | meaning |", "|---|---|---|---|"] + rows).joined(separator: "\n")
    }

    /// The table (the lines starting with `|`) in the docs/reference.md section headed `## Diagnostic codes`.
    static func tableInReadme() throws -> String {
        let readme = try String(contentsOfFile: TestSupport.path("docs/reference.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(
            lines.firstIndex(of: "## Diagnostic codes"), "docs/reference.md has no Diagnostic codes section")
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }
        return section.filter { $0.hasPrefix("|") }.joined(separator: "\n")
    }

    @Test("the reference's code table is the one the enum produces")
    func readmeTableMatchesEnum() throws {
        let expected = Self.readmeTable()
        #expect(try Self.tableInReadme() == expected, "replace the table in docs/reference.md with:\n\(expected)")
    }

    @Test("every case is raised by a message in the catalogue")
    func everyCaseIsRaised() throws {
        let catalogue = try Self.swiftFiles(under: "Sources/RuleEngine/Diagnostics")
            .filter { $0.path.contains("DiagnosticMessages+") }.map(\.text).joined()
        for code in DiagnosticCode.allCases {
            // A case is spelled as its name with a lowercase first letter (`UnknownKey`, `.unknownKey`).
            let caseName = code.name.prefix(1).lowercased() + code.name.dropFirst()
            #expect(catalogue.contains("code: .\(caseName),"), "\(code.rawValue) \(code.name) is never raised")
        }
    }

    @Test("no code is written as a string literal outside the enum")
    func noStringLiteralCodes() throws {
        let files = try ["Sources", "Examples"].flatMap { try Self.swiftFiles(under: $0) }
        #expect(files.count > 50)
        for file in files where !file.path.hasSuffix("Diagnostics/DiagnosticCode.swift") {
            let literals = file.text.matches(of: /"RC[0-9]{3}"/).map { String(file.text[$0.range]) }
            #expect(literals.isEmpty, "\(file.path) writes \(literals) instead of a DiagnosticCode case")
        }
    }

    @Test("entries have unique names and lowercase summaries without a final period")
    func entriesAreWellFormed() {
        #expect(DiagnosticCode.allCases.count > 30)
        #expect(Set(DiagnosticCode.allCases.map(\.name)).count == DiagnosticCode.allCases.count)
        #expect(DiagnosticCode.allCases == DiagnosticCode.allCases.sorted(), "cases are declared in code order")
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.wholeMatch(of: /RC[0-9]{3}/) != nil, "\(code.rawValue)")
            #expect(code.summary.first?.isLowercase == true, "\(code.rawValue)")
            #expect(!code.summary.hasSuffix("."), "\(code.rawValue)")
            #expect(code.name.first?.isUppercase == true, "\(code.rawValue)")
        }
    }

    @Test("a message's severity is its code's default, and a diagnostic prints its code string")
    func codeCarriesSeverityAndString() {
        let unreachable = DiagnosticMessage.unreachable("r1")
        #expect(unreachable.code == .unreachableRule)
        #expect(unreachable.severity == .warning)
        #expect(DiagnosticMessage.otherwiseRegion("r9", "all", count: 3).severity == .note)
        let diagnostic = Diagnostic(.unknownKey("feez", in: "the table", suggestion: "fees"), at: nil)
        #expect(diagnostic.code == .unknownKey)
        #expect(diagnostic.severity == .error)
        #expect("\(diagnostic.code)" == "RC201")
        #expect(diagnostic.code.id == "RC201")
        #expect(DiagnosticCode(rawValue: "RC201") == .unknownKey)
        #expect(DiagnosticCode(rawValue: "RC999") == nil)
    }
}
