import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The fast paths against the reference: the byte-at-a-time reader with every field written
/// one by one and every row decided (no memo), on one thread. The vectorized reader with records copied whole, and the
/// parallel run at any number of threads and any part size, must write the same bytes, report
/// the same bad rows in the same order, and stop at the same place on malformed CSV.
@Suite("Roster fast paths are byte-identical")
struct RosterParallelTests {
    /// Everything a run produces.
    struct Outcome: Equatable, CustomStringConvertible {
        var output: [UInt8] = []
        var badRows: [RosterBadRow] = []
        var summary: RosterSummary?
        var error: String?
        var description: String {
            "\(output.count) bytes, \(badRows.count) bad rows, \(String(describing: summary)), \(error ?? "no error")"
        }
    }

    enum Path: CustomStringConvertible {
        case reference
        case vectorized
        case parallel(jobs: Int, partBytes: Int)
        var description: String {
            switch self {
            case .reference: "reference"
            case .vectorized: "vectorized"
            case .parallel(let jobs, let partBytes): "\(jobs) jobs, parts of \(partBytes) bytes"
            }
        }
    }

    static func run(
        _ roster: [UInt8], path: Path, tables: RosterTables, format: RosterFormat = .csv, excelSafe: Bool = false,
        delimiter: UInt8 = 0x2C
    ) throws -> Outcome {
        var processor = RosterProcessor(
            tables: tables, defaultAsOf: TestSupport.date("2026-01-15"), format: format,
            options: RosterOptions(inputDelimiter: delimiter))
        processor.excelSafe = excelSafe
        // The reference decides every row; the other paths write rows from the memo.
        processor.usesMemo = path.description != "reference"
        var outcome = Outcome()
        let writer = BufferedWriter(capacity: 100) { outcome.output.append(contentsOf: $0) }
        var options = CSVReader.Options(chunkSize: 64, delimiter: delimiter)
        do {
            switch path {
            case .reference, .vectorized:
                options.vectorized = path.description == "vectorized"
                let reader = CSVReader(source: MemorySource(roster, chunkSize: 64), options: options)
                outcome.summary = try processor.run(
                    reader: reader, writer: writer, onBadRow: { outcome.badRows.append($0) })
            case .parallel(let jobs, let partBytes):
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)")
                try Data(roster).write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                let descriptor = open(file.path, O_RDONLY)
                try #require(descriptor >= 0)
                defer { close(descriptor) }
                // Exactly `jobs` threads, however many processors run the tests.
                var window: RosterPartWindow?
                outcome.summary = try processor.run(
                    fileDescriptor: descriptor, size: roster.count, readerOptions: options,
                    plan: RosterParallelPlan(threads: jobs, window: 2 * jobs + 1, partBytes: partBytes),
                    writer: writer, onBadRow: { outcome.badRows.append($0) }, onProgress: { _, _ in },
                    window: &window)
            }
        } catch let error as RosterError {
            outcome.error = error.description
            if case .malformed(let problem) = error { outcome.error = "\(problem.line): \(problem.description)" }
        }
        try writer.flush()
        return outcome
    }

    /// Checks every fast path against the reference on `roster`.
    static func check(
        _ roster: [UInt8], tables: RosterTables, partSizes: [Int], format: RosterFormat = .csv,
        excelSafe: Bool = false, delimiter: UInt8 = 0x2C, name: String
    ) throws {
        let reference = try run(
            roster, path: .reference, tables: tables, format: format, excelSafe: excelSafe, delimiter: delimiter)
        var paths: [Path] = [.vectorized]
        for jobs in [1, 2, 3] { paths += partSizes.map { Path.parallel(jobs: jobs, partBytes: $0) } }
        for path in paths {
            let outcome = try run(
                roster, path: path, tables: tables, format: format, excelSafe: excelSafe, delimiter: delimiter)
            #expect(outcome.output == reference.output, "\(name), \(path): output differs")
            #expect(outcome.badRows == reference.badRows, "\(name), \(path): bad rows differ")
            #expect(outcome.summary == reference.summary, "\(name), \(path)")
            #expect(outcome.error == reference.error, "\(name), \(path)")
        }
    }

    static let corpus = ["bad-rows", "bom-crlf", "cr-only", "duplicate-header", "formulas", "generated", "unclosed"]

    @Test("every roster fixture, CSV and JSON lines, plain and --excel-safe, parts of every size", arguments: corpus)
    func fixtures(name: String) throws {
        let tables = try RosterTables([TestSupport.table2026()])
        let roster = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Fuzz/Corpus/roster/\(name).csv"))))
        let sizes = Array(1...min(roster.count + 1, 80)) + [4096]
        for format in RosterFormat.allCases {
            for excelSafe in [false, true] {
                try Self.check(
                    roster, tables: tables, partSizes: sizes, format: format, excelSafe: excelSafe, name: name)
            }
        }
    }

    /// A generated roster with quoted names and, every few rows, a quoted note holding a line end,
    /// a CRLF or a doubled quote, and some bad rows, so that part boundaries fall next to each.
    static func generatedRoster(rows: Int) throws -> [UInt8] {
        var text: [UInt8] = []
        let writer = BufferedWriter { text.append(contentsOf: $0) }
        try RosterGenerator(table: TestSupport.table2026(), seed: 15).write(rows: rows, to: writer)
        var lines = String(decoding: text, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[0] += ",note"
        let notes = ["", "plain", "\"two\nlines\"", "\"crlf\r\nend\"", "\"say \"\"hi\"\"\"", "\"\n\"", "\"a,b\""]
        for index in 1..<lines.count {
            lines[index] += "," + notes[index % notes.count]
            if index % 37 == 0 { lines[index] = "x,y,20x6,2027,2026-01-01," }
            if index % 53 == 0 { lines[index] += ",extra" }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test("a generated roster with quoted line ends near every part boundary")
    func generated() throws {
        let tables = try RosterTables([TestSupport.table2026()])
        let roster = try Self.generatedRoster(rows: 300)
        try Self.check(roster, tables: tables, partSizes: Array(1...120) + [997, 4096, 1 << 20], name: "generated")
        try Self.check(
            roster, tables: tables, partSizes: [1, 13, 64, 1000], format: .jsonl, excelSafe: true, name: "generated")
    }

    @Test(
        "a generated roster for every fixture table (typed inputs, per-person dates, several fees)",
        arguments: ["2027-example", "dates-state", "example-state", "levels-state", "outcomes-example"])
    func fixtureTables(name: String) throws {
        let table = try TestSupport.compiled(
            TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/\(name).yaml")))
        let tables = try RosterTables([table])
        var roster: [UInt8] = []
        let writer = BufferedWriter { roster.append(contentsOf: $0) }
        try RosterGenerator(table: table, seed: 15).write(rows: 150, to: writer)
        for format in RosterFormat.allCases {
            try Self.check(roster, tables: tables, partSizes: [1, 37, 500], format: format, name: name)
        }
    }

    @Test("a malformed record stops every path at the same line with the same output before it")
    func malformed() throws {
        let tables = try RosterTables([TestSupport.table2026()])
        let roster = try Self.generatedRoster(rows: 200)
        let text = String(decoding: roster, as: UTF8.self)
        for broken in ["2026,\"open", "20\"26", "\"x\"y"] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[150] = "P0000150,Pat," + broken + ",2027,2026-01-01,"
            try Self.check(
                Array(lines.joined(separator: "\n").utf8), tables: tables, partSizes: [1, 50, 333, 2048],
                name: "broken \(broken)")
        }
    }

    @Test("semicolons in and out, with fields that need quotes")
    func semicolons() throws {
        let tables = try RosterTables([TestSupport.table2026()])
        let roster = String(decoding: try Self.generatedRoster(rows: 120), as: UTF8.self)
            .replacingOccurrences(of: ",", with: ";")
        try Self.check(
            Array(roster.utf8), tables: tables, partSizes: [1, 17, 500], delimiter: 0x3B, name: "semicolons")
    }
}
