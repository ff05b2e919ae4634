import RuleEngine
import Testing

@testable import RuleCheckKit

/// The CSV reader's rules hold for every delimiter; UTF-16 input is refused; roster dates are
/// read in the documented formats only.
@Suite("CSV delimiters, UTF-16 and roster date formats")
struct CSVDelimiterTests {
    static func fields(_ text: String, delimiter: UInt8, chunkSize: Int) throws -> [[String]] {
        try CSVReaderTests.read(text, chunkSize: chunkSize, options: .init(delimiter: delimiter)).map(\.fields)
    }

    @Test(
        "quoting, embedded delimiters, quotes and line ends work with `;` and tab",
        arguments: [(UInt8(ascii: ";"), ";"), (0x09, "\t")], CSVReaderTests.chunkSizes)
    func delimiters(delimiter: (byte: UInt8, text: String), chunkSize: Int) throws {
        let d = delimiter.text
        let text = "a\(d)\"b\(d)c\"\(d)\"say \"\"hi\"\"\"\r\n1,5\(d)\"two\nlines\"\(d)\n"
        let expected = [["a", "b\(d)c", "say \"hi\""], ["1,5", "two\nlines", ""]]
        #expect(try Self.fields(text, delimiter: delimiter.byte, chunkSize: chunkSize) == expected)
    }

    @Test("with `;` a comma is an ordinary character, and a stray quote is still an error")
    func semicolonKeepsCommas() throws {
        #expect(try Self.fields("a,b;c\n", delimiter: UInt8(ascii: ";"), chunkSize: 3) == [["a,b", "c"]])
        #expect(throws: CSVError(kind: .strayQuote, line: 1)) {
            try Self.fields("a\"b;c\n", delimiter: UInt8(ascii: ";"), chunkSize: 65_536)
        }
    }

    @Test("text after a closing quote: the message names the delimiter in use")
    func textAfterQuoteNamesDelimiter() {
        for (delimiter, expected) in [
            (UInt8(ascii: ";"), "expected `;`"), (0x09, "expected a tab"), (0x2C, "expected `,`"),
        ] {
            let reader = CSVReader(source: MemorySource("\"a\"x\n"), options: .init(delimiter: delimiter))
            #expect {
                _ = try reader.next()
            } throws: { error in
                (error as? CSVError)?.description.contains(expected) == true
            }
        }
    }

    @Test("a quote or a line end cannot be the delimiter: the reader falls back to a comma")
    func invalidDelimiter() {
        #expect(CSVReader.Options(delimiter: 0x22).delimiter == UInt8(ascii: ","))
        #expect(CSVReader.Options(delimiter: 0x0A).delimiter == UInt8(ascii: ","))
        #expect(CSVReader.Options(delimiter: 0x09).delimiter == 0x09)
    }

    @Test(
        "UTF-16 (either byte order, with or without a byte-order mark) is refused at line 1",
        arguments: [[0xFF, 0xFE, 0x69, 0x00], [0xFE, 0xFF, 0x00, 0x69], [0x69, 0x00, 0x64, 0x00], [0x00, 0x69]])
    func utf16(bytes: [UInt8]) {
        let reader = CSVReader(source: MemorySource(bytes + [0x0A, 0x00], chunkSize: 1))
        #expect(throws: CSVError(kind: .utf16, line: 1)) { _ = try reader.next() }
        #expect(CSVError(kind: .utf16, line: 1).description.contains("UTF-16"))
    }

    @Test("a UTF-8 byte-order mark is still skipped")
    func utf8ByteOrderMark() throws {
        let reader = CSVReader(source: MemorySource([0xEF, 0xBB, 0xBF] + Array("a;b\n".utf8), chunkSize: 2))
        #expect(try reader.next())
        #expect(reader.record == ["a;b"])
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> RosterValue.Date {
        LocalDate(year: year, month: month, day: day).map { .date($0) } ?? .invalid
    }

    static func date(_ text: String, _ format: RosterDateFormat) -> RosterValue.Date {
        Array(text.utf8).withUnsafeBufferPointer { RosterValue.date($0, format: format) }
    }

    @Test(
        "M/D/YYYY: one or two digits for month and day, four for the year; nothing else",
        arguments: [
            ("3/31/2026", Self.day(2026, 3, 31)),
            ("03/01/2026", Self.day(2026, 3, 1)),
            (" 12/9/2027 ", Self.day(2027, 12, 9)), ("", RosterValue.Date.empty),
            ("2/30/2026", .invalid), ("13/1/2026", .invalid), ("3/31/26", .invalid), ("2026-03-31", .invalid),
            ("031/1/2026", .invalid), ("3//2026", .invalid), ("3/1/2026/", .invalid), ("a/b/cdef", .invalid),
        ])
    func monthDayYear(text: String, expected: RosterValue.Date) {
        #expect(Self.date(text, .monthDayYear) == expected)
    }

    @Test("YYYY-MM-DD stays the default and does not read M/D/YYYY")
    func isoDefault() {
        #expect(Self.date("2026-03-31", .iso) == Self.day(2026, 3, 31))
        #expect(Self.date("3/31/2026", .iso) == .invalid)
    }

    @Test("an impossible M/D/YYYY date says why, as ISO dates do")
    func monthDayYearMessage() {
        #expect(
            RosterMessages.notADate("as_of", "2/30/2026", format: .monthDayYear)
                == "as_of: `2/30/2026` is not a valid date: February 2026 has 28 days, not 30")
        #expect(
            RosterMessages.notADate("as_of", "2026-03-31", format: .monthDayYear)
                == "as_of: `2026-03-31` is not a date written M/D/YYYY (--date-format)")
    }
}
