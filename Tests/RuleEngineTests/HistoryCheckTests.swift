import Foundation
import Testing

@testable import RuleEngine

/// `validate` of a folder: the checks a history of tables gets beyond each table's own.
@Suite("History checks")
struct HistoryCheckTests {
    static func minimalText() throws -> String {
        try String(contentsOfFile: TestSupport.path("Tests/RuleEngineTests/Fixtures/minimal.yaml"), encoding: .utf8)
    }

    /// The minimal table moved to 2027 (cycle and dates), with its window starting on `start`.
    static func next(start: String, version: String = "2") throws -> CompiledTable {
        let text = try minimalText().replacingOccurrences(of: "2026-", with: "2027-")
            .replacingOccurrences(of: "cycle: 2026", with: "cycle: 2027")
            .replacingOccurrences(of: "version: \"1\"", with: "version: \"\(version)\"")
            .replacingOccurrences(of: "from: 2027-01-01", with: "from: \(start)")
        return try TestSupport.compiled(TableLoader.load(yaml: text, file: "next.yaml"))
    }

    static func first() throws -> CompiledTable {
        try TestSupport.compiled(TableLoader.load(yaml: try minimalText(), file: "first.yaml"))
    }

    @Test("a hole between successive windows is an error listing the missing dates")
    func hole() throws {
        let diagnostics = HistoryCheck.run([try Self.first(), try Self.next(start: "2027-01-05")])
        let holes = diagnostics.filter { $0.code == .historyHole }
        #expect(holes.count == 1)
        #expect(holes.first?.severity == .error)
        #expect(holes.first?.message.contains("2027-01-01 to 2027-01-04 (4 days)") == true)
        #expect(holes.first?.location?.file == "next.yaml")
        #expect(holes.first?.location?.line == 9)
    }

    @Test("windows that touch or overlap leave no hole")
    func noHole() throws {
        #expect(HistoryCheck.run([try Self.first(), try Self.next(start: "2027-01-01")]).isEmpty)
        #expect(
            !HistoryCheck.run([try Self.first(), try Self.next(start: "2026-12-01")]).contains {
                $0.code == .historyHole
            })
    }

    @Test("the same version twice, and the same window start twice, are errors")
    func duplicates() throws {
        let sameVersion = HistoryCheck.run([try Self.first(), try Self.next(start: "2027-01-01", version: "1")])
        #expect(sameVersion.map(\.code) == [.historyDuplicateVersion])
        let sameStart = HistoryCheck.run([try Self.first(), try Self.next(start: "2026-01-01")])
        #expect(sameStart.contains { $0.code == .historyWindowTie && $0.severity == .error })
    }

    @Test("tables with other inputs are an error")
    func inputsDiffer() throws {
        let text = try Self.minimalText().replacingOccurrences(of: "version: \"1\"", with: "version: \"2\"")
            .replacingOccurrences(of: "    none: true\n", with: "")
            .replacingOccurrences(of: "from: 2026-01-01", with: "from: 2025-12-01")
        let other = try TestSupport.compiled(TableLoader.load(yaml: text, file: "other.yaml"))
        #expect(HistoryCheck.run([try Self.first(), other]).map(\.code) == [.historyInputsDiffer])
    }

    @Test("a deadline outside its own table's window is an error at its cell")
    func dateOutsideWindow() throws {
        let text = try Self.minimalText().replacingOccurrences(of: "date: 2026-02-15", with: "date: 2025-02-15")
        let result = TableLoader.load(yaml: text, file: "moved.yaml")
        let errors = result.diagnostics.filter { $0.code == .dateOutsideWindow }
        #expect(result.table == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.location?.line == 26)
        #expect(
            errors.first.map {
                text.utf8.dropFirst($0.location?.range.start.offset ?? 0).starts(with: "2025-02-15".utf8)
            } == true)
    }
}
