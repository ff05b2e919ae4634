import RuleEngine
import Testing

@testable import RuleCheckKit

/// The streaming CSV reader against RFC 4180, at every chunk size from one byte up, so that
/// each case also crosses chunk boundaries inside fields, quotes and line ends.
@Suite("CSV reader")
struct CSVReaderTests {
    struct Record: Equatable, CustomStringConvertible {
        let line: Int
        let fields: [String]
        var description: String { "\(line): \(fields)" }
    }

    static let chunkSizes = [1, 2, 3, 7, 65_536]

    static func read(_ text: String, chunkSize: Int, options: CSVReader.Options = .init()) throws -> [Record] {
        let reader = CSVReader(source: MemorySource(text, chunkSize: chunkSize), options: options)
        var records: [Record] = []
        while try reader.next() { records.append(Record(line: reader.line, fields: reader.record)) }
        return records
    }

    static func fields(_ text: String, chunkSize: Int) throws -> [[String]] {
        try read(text, chunkSize: chunkSize).map(\.fields)
    }

    @Test("plain records", arguments: chunkSizes)
    func plain(chunkSize: Int) throws {
        #expect(try Self.fields("a,b,c\n1,2,3\n", chunkSize: chunkSize) == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test("an embedded comma", arguments: chunkSizes)
    func embeddedComma(chunkSize: Int) throws {
        #expect(try Self.fields("a,\"b,c\",d\n", chunkSize: chunkSize) == [["a", "b,c", "d"]])
    }

    @Test("doubled quotes", arguments: chunkSizes)
    func doubledQuotes(chunkSize: Int) throws {
        let text = "\"say \"\"hi\"\"\",\"\"\"\"\n"
        #expect(try Self.fields(text, chunkSize: chunkSize) == [["say \"hi\"", "\""]])
    }

    @Test("a newline inside quotes; the next record starts on its physical line", arguments: chunkSizes)
    func newlineInQuotes(chunkSize: Int) throws {
        let records = try Self.read("h1,h2\n\"line 1\nline 2\",x\ny,z\n", chunkSize: chunkSize)
        #expect(
            records == [
                Record(line: 1, fields: ["h1", "h2"]), Record(line: 2, fields: ["line 1\nline 2", "x"]),
                Record(line: 4, fields: ["y", "z"]),
            ])
    }

    @Test("CRLF line ends, after plain and quoted fields", arguments: chunkSizes)
    func crlf(chunkSize: Int) throws {
        let text = "a,b\r\n1,\"2\"\r\n\"x\r\ny\",\r\n"
        #expect(try Self.fields(text, chunkSize: chunkSize) == [["a", "b"], ["1", "2"], ["x\r\ny", ""]])
    }

    @Test("a UTF-8 byte-order mark is skipped", arguments: chunkSizes)
    func byteOrderMark(chunkSize: Int) throws {
        #expect(try Self.fields("\u{FEFF}a,b\n1,2\n", chunkSize: chunkSize) == [["a", "b"], ["1", "2"]])
        #expect(try Self.fields("\u{FEFF}\"a\",b\n", chunkSize: chunkSize) == [["a", "b"]])
    }

    @Test("empty fields, quoted and not", arguments: chunkSizes)
    func emptyFields(chunkSize: Int) throws {
        #expect(
            try Self.fields("a,,c\n,,\n\"\",x\n", chunkSize: chunkSize) == [["a", "", "c"], ["", "", ""], ["", "x"]])
    }

    @Test("the last record with or without a line end", arguments: chunkSizes)
    func trailingNewline(chunkSize: Int) throws {
        let expected = [["a", "b"], ["1", "2"]]
        #expect(try Self.fields("a,b\n1,2", chunkSize: chunkSize) == expected)
        #expect(try Self.fields("a,b\n1,2\n", chunkSize: chunkSize) == expected)
        #expect(try Self.fields("a,b\r\n1,2\r\n", chunkSize: chunkSize) == expected)
        #expect(try Self.fields("a,b\n1,\"2\"", chunkSize: chunkSize) == expected)
        #expect(try Self.fields("a,b\n1,", chunkSize: chunkSize) == [["a", "b"], ["1", ""]])
    }

    @Test("blank lines are skipped but counted", arguments: chunkSizes)
    func blankLines(chunkSize: Int) throws {
        let records = try Self.read("a\n\n\r\nb\n\n", chunkSize: chunkSize)
        #expect(records == [Record(line: 1, fields: ["a"]), Record(line: 4, fields: ["b"])])
        let kept = try Self.read("a\n\nb\n", chunkSize: chunkSize, options: .init(skipsBlankLines: false))
        #expect(kept.map(\.fields) == [["a"], [""], ["b"]])
    }

    @Test("an empty input has no records", arguments: ["", "\u{FEFF}", "\n\n"])
    func emptyInput(text: String) throws {
        #expect(try Self.read(text, chunkSize: 1).isEmpty)
    }

    @Test("a CR inside an unquoted field is data", arguments: chunkSizes)
    func loneCarriageReturn(chunkSize: Int) throws {
        #expect(try Self.fields("a\rb,c\n", chunkSize: chunkSize) == [["a\rb", "c"]])
    }

    @Test("an unclosed quote is reported at the line where it opens", arguments: chunkSizes)
    func unclosedQuote(chunkSize: Int) throws {
        #expect(throws: CSVError(kind: .unclosedQuote, line: 3)) {
            try Self.read("a,b\n1,2\n3,\"four\nfive\n", chunkSize: chunkSize)
        }
    }

    @Test("a stray quote in an unquoted field is reported at its line", arguments: chunkSizes)
    func strayQuote(chunkSize: Int) throws {
        #expect(throws: CSVError(kind: .strayQuote, line: 4)) {
            try Self.read("a,b\n\"x\ny\",2\n3,fo\"ur\n", chunkSize: chunkSize)
        }
    }

    @Test("text after a closing quote is an error", arguments: chunkSizes)
    func textAfterClosingQuote(chunkSize: Int) throws {
        #expect(throws: CSVError(kind: .textAfterClosingQuote(UInt8(ascii: "x")), line: 2)) {
            try Self.read("a\n\"b\"x\n", chunkSize: chunkSize)
        }
        #expect(throws: CSVError(kind: .textAfterClosingQuote(UInt8(ascii: "\r")), line: 1)) {
            try Self.read("\"b\"\rx\n", chunkSize: chunkSize)
        }
    }

    @Test("a record longer than the limit stops the reader instead of growing without bound")
    func recordTooLong() throws {
        let options = CSVReader.Options(chunkSize: 16, maxRecordBytes: 256)
        let text = "a,b\n1,\"open\n" + String(repeating: "x,y\n", count: 500)
        #expect(throws: CSVError(kind: .recordTooLong(limit: 256), line: 2)) {
            try Self.read(text, chunkSize: 16, options: options)
        }
        let long = String(repeating: "z", count: 200)
        #expect(try Self.read("\(long),\(long)\n", chunkSize: 16, options: .init(chunkSize: 16)).count == 1)
    }

    @Test("fields written with CSVField read back the same", arguments: [1, 5, 64, 65_536])
    func roundTrip(chunkSize: Int) throws {
        var random = SplitMix64(seed: UInt64(chunkSize))
        let alphabet: [String] = ["a", "Z", "9", " ", ",", "\"", "\n", "\r\n", "é", "-"]
        var rows: [[String]] = []
        for _ in 0..<300 {
            let count = 1 + random.next(5)
            rows.append(
                (0..<count).map { _ in (0..<random.next(8)).map { _ in alphabet[random.next(alphabet.count)] }.joined()
                })
        }
        rows = rows.filter { $0 != [""] }
        let text = rows.map { $0.map(CSVField.encoded).joined(separator: ",") }.joined(separator: "\n")
        #expect(try Self.fields(text, chunkSize: chunkSize) == rows)
    }
}
