import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The roster processor on the shipped 2026 table: columns, results, bad rows and their lines.
@Suite("Roster processor")
struct RosterProcessorTests {
    struct Run {
        let output: String
        let badRows: [RosterBadRow]
        let summary: RosterSummary
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Runs the processor over `roster` and returns what it wrote.
    static func run(
        _ roster: String, format: RosterFormat = .csv, asOf: String = "2026-01-15", chunkSize: Int = 7,
        excelSafe: Bool = false
    ) throws -> Run {
        let tables = try RosterTables([TestSupport.table2026()])
        var processor = RosterProcessor(tables: tables, defaultAsOf: TestSupport.date(asOf), format: format)
        processor.excelSafe = excelSafe
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).out")
        let output = try AtomicOutputFile(path: file.path)
        defer { try? FileManager.default.removeItem(at: file) }
        var bad: [RosterBadRow] = []
        let summary = try processor.run(
            reader: CSVReader(source: MemorySource(roster, chunkSize: chunkSize)),
            writer: BufferedWriter(fileDescriptor: output.fileDescriptor), onBadRow: { bad.append($0) })
        try output.commit()
        return Run(output: try String(contentsOf: file, encoding: .utf8), badRows: bad, summary: summary)
    }

    static let resultHeader = "cohort,status,can_staff_ambulance,fee,next_deadline,next_deadline_date,rule,error"

    @Test("other columns pass through in order, result columns follow")
    func passThrough() throws {
        let run = try Self.run("note,nr_expires,id,ma_expires\n\"x, \"\"y\"\"\",2027,7,2026\n")
        #expect(run.lines[0] == "note,nr_expires,id,ma_expires," + Self.resultHeader)
        #expect(
            run.lines[1]
                == "\"x, \"\"y\"\"\",2027,7,2026,one-year-alignment,action-required,true,62.50 USD,recommended,2026-02-15,alignment-due,"
        )
        #expect(run.badRows.isEmpty)
    }

    @Test(
        "next deadline: the first whose last day in time is on or after the as-of date",
        arguments: [
            ("2026-02-15", "recommended,2026-02-15"), ("2026-02-16", "ma-expiry,2026-03-31"),
            ("2027-03-30", "late-renewal-closes,2027-03-31"), ("2027-03-31", ","),
        ])
    func nextDeadline(asOf: String, expected: String) throws {
        let run = try Self.run("ma_expires,nr_expires,as_of\n2026,2027,\(asOf)\n")
        let fields = run.lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[7...8].joined(separator: ",") == expected, "\(run.lines[1])")
    }

    @Test("empty or `none` means never held; the per-row as_of wins over the default")
    func noneAndDates() throws {
        let run = try Self.run("ma_expires,nr_expires,as_of\n2026,,\n2026,NONE,2026-05-01\n2026, 2027 ,\n")
        #expect(run.lines[1].hasPrefix("2026,,,not-covered,refer-to-oems,true,"))
        #expect(run.lines[2].hasPrefix("2026,NONE,2026-05-01,not-covered,refer-to-oems,false,"))
        #expect(run.lines[3].contains("alignment-due"))
    }

    @Test(
        "each bad row is reported at the line where it starts and marked in the error column",
        arguments: [
            ("1,,2027,2026-01-01", "missing value for `ma_expires`"),
            ("1,2O26,2027,2026-01-01", "ma_expires: `2O26` is not a year (four digits) or `none`"),
            ("1,2026,2027,2026-02-30", "as_of: `2026-02-30` is not a valid date: February 2026 has 28 days, not 30"),
            ("1,2026,2027,2028-01-01", "as-of date 2028-01-01 is outside the table's window 2025-12-01 to 2027-03-31"),
            ("1,2040,2027,2026-01-01", "ma_expires 2040 is outside the table's domain (2022–2032)"),
            ("1,2026,2027", "the row has 3 fields, the header has 4"),
        ])
    func badRow(row: String, message: String) throws {
        let roster = "id,ma_expires,nr_expires,as_of\n\"two\nlines\",2026,2027,\n\n\(row)\n9,2026,2027,\n"
        let run = try Self.run(roster)
        #expect(run.badRows == [RosterBadRow(line: 5, message: message)])
        // Output lines 1 and 2 hold the quoted two-line field.
        #expect(run.lines[3].hasSuffix(",,,,,,,,\(CSVField.encoded(message))"))
        #expect(run.lines[4].hasPrefix("9,2026,2027,,one-year-alignment,"))
        #expect(run.summary.rows == 3 && run.summary.badRows == 1)
    }

    @Test("a missing required column is a header error naming it")
    func missingColumn() throws {
        #expect(throws: RosterError.self) { try Self.run("id,ma_expires,as_of\n1,2026,\n") }
        do {
            _ = try Self.run("id,ma_expires,as_of\n1,2026,\n")
        } catch {
            #expect((error as? RosterError)?.description.contains("`nr_expires`") == true)
        }
        #expect(throws: RosterError.self) { try Self.run("") }
    }

    @Test("a malformed record stops the run with its line")
    func malformed() throws {
        do {
            _ = try Self.run("ma_expires,nr_expires\n2026,2027\n2026,\"2027\n")
            Issue.record("expected an error")
        } catch {
            guard case .malformed(let problem) = error as? RosterError else { throw error }
            #expect(problem == CSVError(kind: .unclosedQuote, line: 3))
        }
    }

    @Test("jsonl: the decision as eval prints it, plus fields; bad rows carry line and error")
    func jsonl() throws {
        let run = try Self.run("id,ma_expires,nr_expires\n7,2026,2027\n8,x,2027\n", format: .jsonl)
        let decision = try TestSupport.table2026().evaluate(
            YearValues(2026, 2027), asOf: TestSupport.date("2026-01-15"))
        guard case .object(var members) = decision.json else { throw TestSupport.NotCompiled() }
        members.append(
            (
                "fields",
                .object([("id", .string("7")), ("ma_expires", .string("2026")), ("nr_expires", .string("2027"))])
            ))
        #expect(run.lines[0] == JSONValue.object(members).rendered())
        #expect(run.lines[1].hasPrefix(#"{"line":3,"error":"ma_expires: `x` is not a year"#))
        #expect(run.lines[1].hasSuffix(#""fields":{"id":"8","ma_expires":"x","nr_expires":"2027"}}"#))
    }

    @Test("the summary counts rows per cohort and status, and bad rows")
    func summary() throws {
        let run = try Self.run("ma_expires,nr_expires\n2026,2027\n2026,2027\n2027,2027\n2026,x\n")
        #expect(
            run.summary.groups == [
                .init(cohort: "aligned", status: "standard-renewal", rows: 1),
                .init(cohort: "one-year-alignment", status: "action-required", rows: 2),
            ])
        #expect(run.summary.badRows == 1 && run.summary.rows == 4)
        #expect(run.summary.rendered().contains("one-year-alignment  action-required      2\nbad rows"))
    }

    @Test("the generator is deterministic for a seed and its rows all decide")
    func generator() throws {
        func roster(seed: UInt64) throws -> String {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).csv")
            let output = try AtomicOutputFile(path: file.path)
            defer { try? FileManager.default.removeItem(at: file) }
            try RosterGenerator(table: TestSupport.table2026(), seed: seed)
                .write(rows: 500, to: BufferedWriter(fileDescriptor: output.fileDescriptor))
            try output.commit()
            return try String(contentsOf: file, encoding: .utf8)
        }
        let first = try roster(seed: 5)
        #expect(try roster(seed: 5) == first)
        #expect(try roster(seed: 6) != first)
        #expect(first.hasPrefix("id,name,ma_expires,nr_expires,as_of\n"))
        #expect(first.contains(",none,") && first.contains(",\n") && first.contains("\"\""))
        let run = try Self.run(first)
        #expect(run.summary.rows == 500 && run.badRows.isEmpty)
    }
}

/// Headers the output could not represent faithfully, and line ends the reader does not take.
@Suite("Roster header rules")
struct RosterHeaderTests {
    static func message(_ roster: String, format: RosterFormat = .csv) -> String? {
        do {
            _ = try RosterProcessorTests.run(roster, format: format)
            return nil
        } catch {
            guard case .header(let message) = error as? RosterError else { return "not a header error: \(error)" }
            return message
        }
    }

    @Test("CR-only line ends are an error, never zero rows and success")
    func carriageReturnOnly() {
        for roster in [
            "id,ma_expires,nr_expires,as_of\r1,2026,2027,\r2,2027,2026,\r", "ma_expires,nr_expires\r2026,2027",
        ] {
            let message = Self.message(roster)
            #expect(message?.contains("CR alone") == true, "\(message ?? "no error")")
        }
    }

    @Test(
        "a column named twice is an error naming both columns, in both formats",
        arguments: [RosterFormat.csv, .jsonl])
    func duplicate(format: RosterFormat) {
        let message = Self.message("id,ma_expires,nr_expires,id\n1,2026,2027,2\n", format: format)
        #expect(message == "the header names column `id` twice (columns 1 and 4); rename one")
    }

    @Test(
        "an input column named like a result column is an error",
        arguments: [
            "cohort", "status", "can_staff_ambulance", "fee", "next_deadline", "next_deadline_date", "rule", "error",
        ])
    func resultName(name: String) {
        let message = Self.message("ma_expires,nr_expires,\(name)\n2026,2027,x\n")
        #expect(
            message == "column 3 `\(name)` has the name of a result column that batch adds; rename the input column")
    }

    @Test("CRLF line ends and other names still pass")
    func crlf() throws {
        let run = try RosterProcessorTests.run("id,ma_expires,nr_expires,cohort_hint\r\n1,2026,2027,a\r\n")
        #expect(run.lines.count == 3)
        #expect(run.badRows.isEmpty)
    }
}
