import Foundation
import Testing

@testable import RuleEngine

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A path inside the package.
    static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// The folder of this target's fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixture files in a subfolder, by name.
    static func fixtureFiles(_ folder: String) -> [String] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The text of the shipped 2026 table.
    static func table2026Text() throws -> String {
        try String(contentsOfFile: path("rules/2026.yaml"), encoding: .utf8)
    }

    /// Loads the shipped 2026 table, failing the test when it does not compile.
    static func table2026() throws -> CompiledTable {
        try compiled(TableLoader.load(path: path("rules/2026.yaml")))
    }

    /// The compiled table of a load result; records the diagnostics and throws when there is none.
    static func compiled(_ result: LoadResult) throws -> CompiledTable {
        guard let table = result.table else {
            let messages = result.diagnostics.map { "\($0.code) \($0.location?.line ?? 0): \($0.message)" }
            Issue.record("\(result.file) does not compile: \(messages.joined(separator: "; "))")
            throw NotCompiled()
        }
        return table
    }

    struct NotCompiled: Error {}

    /// `# expect: RC103 4:3` on a fixture's first line, as (code, line, column).
    static func expectation(of text: String) -> (code: String, line: Int, column: Int)? {
        guard let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("# expect: ") else {
            return nil
        }
        let parts = first.dropFirst("# expect: ".count).split(separator: " ")
        guard parts.count == 2 else { return nil }
        let position = parts[1].split(separator: ":").compactMap { Int($0) }
        guard position.count == 2 else { return nil }
        return (String(parts[0]), position[0], position[1])
    }

    /// A date from `YYYY-MM-DD`, failing the test when it is not one.
    static func date(_ text: String) -> LocalDate {
        LocalDate(iso: text) ?? LocalDate(dayNumber: Int.min / 4)
    }
}

/// Text edits for tests that mutate a table.
extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }

    /// The 1-based line on which `text` starts.
    func lineNumber(of text: String) -> Int? {
        guard let range = range(of: text) else { return nil }
        return self[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }
}
