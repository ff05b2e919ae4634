import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// `diff` compares decisions from one interval of days to the next (each decision holds
/// through its `validThrough` day, and a value outside a domain is refused on every day); the
/// day-by-day comparison it replaced is kept as the reference. Both must give the same
/// report, text and JSON, on every fixture against itself moved a year either way and against
/// itself with one date moved a week, and on the 2026 table against the 2027 example.
@Suite("Semantic diff: interval by interval against day by day")
struct DiffStepTests {
    static let tables = [
        "rules/2026.yaml", "Tests/Fixtures/policies/2027-example.yaml", "Tests/Fixtures/policies/cpr-state.yaml",
        "Tests/Fixtures/policies/dates-state.yaml", "Tests/Fixtures/policies/example-state.yaml",
        "Tests/Fixtures/policies/expiry-state.yaml", "Tests/Fixtures/policies/levels-state.yaml",
        "Tests/Fixtures/policies/outcomes-example.yaml",
    ]

    static func compiled(_ path: String) throws -> CompiledTable {
        try TestSupport.compiled(TableLoader.load(path: TestSupport.path(path)))
    }

    static func expectSame(old: CompiledTable, new: CompiledTable, shiftYears: Int, _ name: String) throws {
        let stepped = try TableDiffer.diff(old: old, new: new, shiftYears: shiftYears, stepsByInterval: true)
        let daily = try TableDiffer.diff(old: old, new: new, shiftYears: shiftYears, stepsByInterval: false)
        #expect(stepped.text() == daily.text(), "\(name), shifted \(shiftYears)")
        #expect(stepped.json.pretty() == daily.json.pretty(), "\(name), shifted \(shiftYears)")
        #expect(
            stepped.decisionChanges.map(\.count) == daily.decisionChanges.map(\.count), "\(name), shifted \(shiftYears)"
        )
    }

    /// `table` (compiled from `text`) with one date literal moved a week later, so that
    /// decisions change on some days and not others: the first, from the middle of the file
    /// outwards, whose table still compiles and decides differently.
    static func movingADate(_ text: String, of table: CompiledTable) -> CompiledTable? {
        let matches = text.matches(of: /\b\d{4}-\d{2}-\d{2}\b/)
        let middle = matches.count / 2
        let order = (0..<matches.count).sorted { abs($0 - middle) < abs($1 - middle) }
        for index in order {
            let match = matches[index]
            guard let date = LocalDate(iso: match.output) else { continue }
            var edited = text
            edited.replaceSubrange(match.range, with: "\(date.adding(days: 7))")
            guard let moved = TableLoader.load(yaml: edited, file: "moved.yaml").table,
                let changes = try? TableDiffer.diff(old: table, new: moved).decisionChanges, !changes.isEmpty
            else { continue }
            return moved
        }
        return nil
    }

    @Test(
        "each fixture against itself moved a year either way, and against itself with a date moved", arguments: tables)
    func shifted(path: String) throws {
        let text = try String(contentsOfFile: TestSupport.path(path), encoding: .utf8)
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: path))
        for shift in [0, 1, -1] {
            do {
                try Self.expectSame(old: table, new: table, shiftYears: shift, path)
            } catch TableDiffError.noCommonDates {
                // A one-year window moved a year overlaps none of itself.
            }
        }
        let moved = try #require(Self.movingADate(text, of: table), "\(path): no date to move")
        try Self.expectSame(old: table, new: moved, shiftYears: 0, "\(path) with a date moved")
    }

    @Test("the 2026 table against the 2027 example")
    func nextYear() throws {
        try Self.expectSame(
            old: Self.compiled("rules/2026.yaml"), new: Self.compiled("Tests/Fixtures/policies/2027-example.yaml"),
            shiftYears: 1, "2026 against 2027")
    }
}

@Suite("Semantic diff: tables that cannot be compared")
struct DiffRefusalTests {
    @Test("an enum input whose values differ is named with each table's values")
    func enumValues() throws {
        let path = TestSupport.path("Tests/Fixtures/policies/levels-state.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingFirst("values: [emr, emt, aemt, paramedic]", with: "values: [emr, emt, aemt, medic]")
        #expect(edited != text)
        let old = try TestSupport.compiled(TableLoader.load(yaml: text, file: "old.yaml"))
        let new = try TestSupport.compiled(
            TableLoader.load(yaml: edited.replacingOccurrences(of: "paramedic", with: "medic"), file: "new.yaml"))
        let error = #expect(throws: TableDiffError.self) { try TableDiffer.diff(old: old, new: new) }
        let message = error?.description ?? ""
        #expect(message.contains("level (enum: emr, emt, aemt, paramedic)"), "\(message)")
        #expect(message.contains("level (enum: emr, emt, aemt, medic)"), "\(message)")
    }
}
