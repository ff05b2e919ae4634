import Foundation
import Testing

/// `rulecheck batch` on rosters as the office's spreadsheets write them: other delimiters,
/// other column names, US dates, UTF-16.
@Suite("rulecheck batch: spreadsheet rosters")
struct BatchSpreadsheetTests {
    static let rules = ["--rules", CLI.path("rules/2026.yaml"), "--as-of", "2026-01-15"]

    static func run(_ roster: String, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["batch", "-"] + rules + arguments, stdin: Data(roster.utf8))
    }

    /// The result columns of a comma roster decided without any option, for comparison.
    static func reference() throws -> [[String]] {
        let run = try Self.run("id,ma_expires,nr_expires,as_of\n1,2026,2027,2026-01-10\n2,2027,2026,\n", [])
        #expect(run.status == 0, "\(run.stderr)")
        return CSV.parse(run.stdout).map { Array($0.dropFirst(4)) }
    }

    @Test(
        "`;` and tab rosters decide as the comma roster does, and the output keeps the delimiter",
        arguments: [(";", ";"), ("\\t", "\t"), ("\t", "\t"), ("tab", "\t")])
    func delimiters(flag: String, delimiter: String) throws {
        let roster =
            ["id;ma_expires;nr_expires;as_of", "1;2026;2027;2026-01-10", "2;2027;2026;"]
            .map { $0.replacingOccurrences(of: ";", with: delimiter) }.joined(separator: "\n") + "\n"
        let run = try Self.run(roster, ["--delimiter", flag])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let rows = lines.map { $0.components(separatedBy: delimiter) }
        #expect(rows.map { Array($0.dropFirst(4)) } == (try Self.reference()))
        #expect(!run.stdout.contains(","))
    }

    @Test("--output-delimiter writes another delimiter, quoting fields that hold it")
    func outputDelimiter() throws {
        let roster = "id;ma_expires;nr_expires;as_of\n\"a,b\";2026;2027;2026-01-10\n"
        let run = try Self.run(roster, ["--delimiter", ";", "--output-delimiter", ","])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = CSV.parse(run.stdout)
        #expect(rows.first?.prefix(4) == ["id", "ma_expires", "nr_expires", "as_of"])
        #expect(rows.dropFirst().first?.first == "a,b")
        #expect(rows.dropFirst().first.map { Array($0.dropFirst(4)) } == (try Self.reference()).dropFirst().first)
        let semicolons = try Self.run("id,ma_expires,nr_expires\nx;y,2026,2027\n", ["--output-delimiter", ";"])
        #expect(semicolons.stdout.split(separator: "\n").last?.hasPrefix("\"x;y\";2026;2027;") == true)
    }

    @Test("--column maps headers named otherwise; the output keeps the roster's header")
    func columns() throws {
        let roster = "Name,MA Expiration,NREMT Exp,Date\nAda,2026,2027,2026-01-10\nBo,2027,2026,\n"
        let run = try Self.run(
            roster,
            ["--column", "ma_expires=MA Expiration", "--column", "nr_expires=NREMT Exp", "--column", "as_of=Date"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = CSV.parse(run.stdout)
        #expect(rows.first?.prefix(4) == ["Name", "MA Expiration", "NREMT Exp", "Date"])
        #expect(rows.map { Array($0.dropFirst(4)) } == (try Self.reference()))
    }

    @Test(
        "header problems exit 2 with a hint: the delimiter it splits on, or --column",
        arguments: [
            ("id;ma_expires;nr_expires\n1;2026;2027\n", [String](), "try --delimiter ';'"),
            ("id\tma_expires\tnr_expires\n", ["--delimiter", ";"], "try --delimiter '\\t'"),
            ("id,ma_expires,nr_expires\n", ["--delimiter", ";"], "try --delimiter ','"),
            ("id,MA Expiration,nr_expires\n", [], "map it with --column ma_expires=HEADER"),
            ("id,ma_expires,nr_expires\n", ["--column", "ma=MA"], "--column: `ma` is not an input of the table"),
            (
                "id,X,ma_expires,nr_expires\n", ["--column", "ma_expires=X", "--column", "nr_expires=X"],
                "`ma_expires` and `nr_expires` would both be read from column `X`"
            ),
        ] as [(String, [String], String)])
    func headerHints(roster: String, arguments: [String], hint: String) throws {
        let run = try Self.run(roster, arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(hint), "\(run.stderr)")
    }

    @Test(
        "bad --column and --delimiter values are usage errors",
        arguments: [
            ["--column", "ma_expires"], ["--column", "=x"], ["--column", "ma_expires=a", "--column", "ma_expires=b"],
            ["--delimiter", "|"], ["--output-delimiter", "::"], ["--date-format", "D/M/YYYY"],
        ])
    func badFlags(arguments: [String]) throws {
        let run = try Self.run("id,ma_expires,nr_expires\n", arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Usage: rulecheck batch"), "\(run.stderr)")
    }

    @Test("--date-format M/D/YYYY reads US dates; an impossible one is a bad row with its reason")
    func usDates() throws {
        let roster = "id,ma_expires,nr_expires,as_of\n1,2026,2027,1/10/2026\n2,2027,2026,\n3,2026,2027,2/30/2026\n"
        let run = try Self.run(roster, ["--date-format", "M/D/YYYY"])
        #expect(run.status == 1)
        let rows = CSV.parse(run.stdout)
        #expect(rows.prefix(3).map { Array($0.dropFirst(4)) } == (try Self.reference()))
        #expect(run.stderr.contains(":4: error: as_of: `2/30/2026` is not a valid date: February 2026 has 28 days"))
        let iso = try Self.run(roster, [])
        #expect(iso.stderr.contains(":2: error: as_of: `1/10/2026` is not a valid date"))
    }

    @Test("a UTF-16 roster is refused, saying so, with exit 2 and no output", arguments: [true, false])
    func utf16(byteOrderMark: Bool) throws {
        let text = "id,ma_expires,nr_expires\n1,2026,2027\n"
        var bytes: [UInt8] = byteOrderMark ? [0xFF, 0xFE] : []
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let run = try CLI.run(["batch", "-"] + Self.rules, stdin: Data(bytes))
        #expect(run.status == 2)
        #expect(run.stderr.contains("<stdin>: the file is UTF-16, not UTF-8"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
