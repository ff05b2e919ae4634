import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// Rows written from the memo of decisions against every row decided: the same bytes, bad rows
/// and summary, on one table and on a history, with dates across and outside the windows, the
/// deadlines' last days, the default as-of date, and cells the fast path leaves alone.
@Suite("Roster memo of decisions")
struct RosterMemoTests {
    static func run(
        _ roster: [UInt8], tables: RosterTables, memo: Bool, defaultAsOf: String = "2026-01-15",
        options: RosterOptions = RosterOptions()
    ) throws -> RosterParallelTests.Outcome {
        var processor = RosterProcessor(
            tables: tables, defaultAsOf: TestSupport.date(defaultAsOf), format: .csv, options: options)
        processor.usesMemo = memo
        var outcome = RosterParallelTests.Outcome()
        // Room for whole lines, so that the fast row loop writes the rows the memo knows.
        let writer = BufferedWriter(capacity: 4096) { outcome.output.append(contentsOf: $0) }
        let reader = CSVReader(
            source: MemorySource(roster, chunkSize: 4096), options: CSVReader.Options(delimiter: options.inputDelimiter)
        )
        outcome.summary = try processor.run(reader: reader, writer: writer, onBadRow: { outcome.badRows.append($0) })
        return outcome
    }

    static func expectSame(
        _ roster: [UInt8], tables: RosterTables, defaultAsOf: String = "2026-01-15",
        options: RosterOptions = RosterOptions(), _ name: String
    ) throws {
        let decided = try run(roster, tables: tables, memo: false, defaultAsOf: defaultAsOf, options: options)
        let memo = try run(roster, tables: tables, memo: true, defaultAsOf: defaultAsOf, options: options)
        #expect(decided.output.count > 1000, "\(name): the roster should produce output")
        if memo.output != decided.output {
            let common = min(memo.output.count, decided.output.count)
            let at = (0..<common).first { memo.output[$0] != decided.output[$0] } ?? common
            let line = decided.output.prefix(at).filter { $0 == 0x0A }.count + 1
            Issue.record("\(name): the output differs from output line \(line) on")
        }
        #expect(memo.badRows == decided.badRows, "\(name): bad rows differ")
        #expect(memo.summary == decided.summary, "\(name)")
    }

    /// Rows over every year of the domains (and beyond), `none`, cells with spaces and bad
    /// cells, on days from before the first window to after the last, every day of the year in
    /// turn so that each deadline's last day and the day after it are hit.
    static func roster(rows: Int, dates: (Int) -> String) -> [UInt8] {
        var random = SplitMix64(seed: 7)
        let years = (2018...2034).map(String.init) + ["none", "NONE", "", " 2026", "2026 ", "20x6", "+2026"]
        var text = "id,name,ma_expires,nr_expires,as_of\n"
        for row in 0..<rows {
            let name = row % 9 == 0 ? "\"Doe, Jane\"" : "Jane Doe"
            text += "P\(row),\(name),\(years[random.next(years.count)]),\(years[random.next(years.count)]),"
            text += dates(row) + "\n"
        }
        return Array(text.utf8)
    }

    static func day(_ offset: Int) -> String {
        LocalDate(dayNumber: TestSupport.date("2025-11-01").dayNumber + offset).description
    }

    @Test("one table: every day from a month before the window to a month after it")
    func oneTable() throws {
        let tables = try RosterTables([TestSupport.table2026()])
        let roster = Self.roster(rows: 6000) { row in
            switch row % 50 {
            case 0: ""
            case 1: " 2026-03-31"
            case 2: "2026-02-30"
            case 3: "2026-2-3"
            default: Self.day(row % 560)
            }
        }
        try Self.expectSame(roster, tables: tables, "one table")
        try Self.expectSame(roster, tables: tables, defaultAsOf: "2030-01-01", "one table, default outside the window")
    }

    @Test("a history of two tables: days on either side of the newer window's start and end")
    func history() throws {
        let newer = try TestSupport.compiled(
            TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml")))
        let tables = try RosterTables([TestSupport.table2026(), newer])
        let roster = Self.roster(rows: 8000) { row in row % 40 == 0 ? "" : Self.day(row % 900) }
        try Self.expectSame(roster, tables: tables, "history")
    }

    @Test("M/D/YYYY dates and a roster without a date column")
    func otherDates() throws {
        let tables = try RosterTables([TestSupport.table2026()])
        let roster = Self.roster(rows: 3000) { row in
            let date = TestSupport.date(Self.day(row % 560))
            let (year, month, day) = date.parts
            return row % 30 == 0 ? "2026-03-01" : "\(month)/\(day)/\(year)"
        }
        try Self.expectSame(
            roster, tables: tables, options: RosterOptions(dateFormat: .monthDayYear), "month/day/year")
        let text = String(decoding: roster, as: UTF8.self).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
            .joined(separator: "\n")
        try Self.expectSame(Array(text.utf8), tables: tables, "no date column")
    }

    @Test("a full memo leaves new inputs to be decided row by row")
    func fullMemo() {
        let memo = RosterDecisionMemo(firstDay: 0, lastDay: 99, bytes: 0)
        var slots: [Int] = []
        for input in 0..<20 {
            var key = RosterDecisionMemo.Key()
            key.set(0, UInt32(input))
            key.set(3, 7)
            slots.append(memo.insert(key))
        }
        #expect(slots.prefix(12).allSatisfy { $0 >= 0 } && Set(slots.prefix(12)).count == 12)
        #expect(slots.dropFirst(12).allSatisfy { $0 < 0 })
        memo.fill(slot: slots[0], from: -5, through: 10, entry: 3)
        #expect(memo.entry(slot: slots[0], day: 0) == 3 && memo.entry(slot: slots[0], day: 10) == 3)
        #expect(memo.entry(slot: slots[0], day: 11) == -1 && memo.entry(slot: slots[1], day: 0) == -1)
        #expect(memo.entry(slot: slots[0], day: -1) == -1 && memo.entry(slot: -1, day: 0) == -1)
    }
}
