import Foundation
import Testing
import YAMLReader

@testable import RuleEngine

@Suite("Resource limits")
struct LimitTests {
    @Test("a file over 1 MiB is refused without parsing it")
    func fileTooLarge() {
        let bytes = Array(repeating: UInt8(ascii: "a"), count: YAMLLimits.standard.maxFileBytes + 1)
        let result = TableLoader.load(bytes: bytes, file: "big.yaml")
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test("a scalar over 64 KiB is reported at its position")
    func scalarTooLong() {
        let text = "key: " + String(repeating: "x", count: YAMLLimits.standard.maxScalarBytes + 1) + "\n"
        let result = TableLoader.load(yaml: text, file: "long.yaml")
        let diagnostic = result.diagnostics.first { $0.code == .scalarTooLong }
        #expect(diagnostic?.location?.line == 1)
        #expect(diagnostic?.location?.column == 6)
    }

    @Test("a billion-laughs file fails fast with a node-count error", .timeLimit(.minutes(1)))
    func billionLaughs() throws {
        let path = TestSupport.fixtures.appendingPathComponent("yaml/billion-laughs.yaml").path
        let result = try TableLoader.load(path: path)
        #expect(result.diagnostics.contains { $0.code == .tooManyNodes })
    }

    @Test("10,000-deep nesting fails fast with one depth error", .timeLimit(.minutes(1)))
    func deepNesting() throws {
        let path = TestSupport.fixtures.appendingPathComponent("yaml/deep-nesting.yaml").path
        let result = try TableLoader.load(path: path)
        #expect(result.diagnostics.filter { $0.code == .nestingTooDeep }.count == 1)
    }

    @Test("several problems in one file are all reported in one run")
    func manyProblems() {
        let text = "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n"
        let result = TableLoader.load(yaml: text, file: "dups.yaml")
        let lines = result.diagnostics.filter { $0.code == .duplicateKey }.compactMap(\.location?.line)
        #expect(lines == [2, 5])
    }

    @Test("a missing file, a folder, and an unreadable path are read errors, not diagnostics")
    func readErrors() throws {
        #expect(throws: FileReadError.notFound("/nonexistent/x.yaml")) {
            try TableLoader.load(path: "/nonexistent/x.yaml")
        }
        let folder = TestSupport.fixtures.path
        #expect(throws: FileReadError.isDirectory(folder)) { try TableLoader.load(path: folder) }
    }
}
