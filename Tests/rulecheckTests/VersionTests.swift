import Foundation
import Testing

/// The version has one source of truth (`Sources/rulecheck/Version.swift`), and every place
/// that shows it agrees: `--version`, the Makefile's package names, and CHANGELOG.md.
@Suite("version")
struct VersionTests {
    /// The literal in `Version.swift`, read the way the Makefile reads it.
    static func sourceVersion() throws -> String {
        let text = try String(contentsOfFile: CLI.path("Sources/rulecheck/Version.swift"), encoding: .utf8)
        let prefix = "static let current = \""
        let line = try #require(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(prefix) && $0.hasSuffix("\"") })
        return String(line.dropFirst(prefix.count).dropLast())
    }

    @Test("--version prints the version of Version.swift, a semantic version")
    func versionFlag() throws {
        let version = try Self.sourceVersion()
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == version + "\n")
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }, "\(version)")
    }

    @Test("CHANGELOG.md has a section for the version, or an Unreleased one")
    func changelogSection() throws {
        let version = try Self.sourceVersion()
        let text = try String(contentsOfFile: CLI.path("CHANGELOG.md"), encoding: .utf8)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## [") }
        #expect(headings.contains { $0.hasPrefix("## [\(version)]") || $0.hasPrefix("## [Unreleased]") })
    }

    @Test(
        "the Makefile reads the same version (make -s version)",
        .enabled(if: ExternalTool.find("make") != nil, "make is not installed"))
    func makefileVersion() throws {
        let make = try #require(ExternalTool.find("make"))
        let run = try ExternalTool.run(make, ["-s", "version"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try Self.sourceVersion()) + "\n")
    }
}
