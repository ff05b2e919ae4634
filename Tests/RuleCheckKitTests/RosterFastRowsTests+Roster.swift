import RuleEngine

@testable import RuleCheckKit

/// The rosters of ``RosterFastRowsTests``: seeded, mostly rows the fast loop writes, mixed with
/// every kind of record it must leave to the general path, and at most one malformed record.
extension RosterFastRowsTests {
    /// A generated roster, the line of its malformed record (0 when it has none) and its rows.
    struct Roster {
        var bytes: [UInt8] = []
        var malformedLine = 0
        var rows = 0
    }

    /// The headers: the usual columns (the layout the AVX2 loop reads with one look), the date
    /// first with a column more, the name first without a date column, the years and the date
    /// first, and the usual three after the id alone.
    static let headers = [
        ["id", "name", "ma_expires", "nr_expires", "as_of"],
        ["as_of", "ma_expires", "name", "nr_expires", "id", "note"],
        ["name", "nr_expires", "id", "ma_expires"],
        ["ma_expires", "nr_expires", "as_of", "id", "name"],
        ["id", "ma_expires", "nr_expires", "as_of"],
    ]

    /// Cells that break the CSV structure: a stray quote (some before a quoted run that would need
    /// its quotes), and text or a lone CR after a closing quote (some of fields that need their
    /// quotes). A quote never closed is put after the last row (``roster(seed:rows:delimiter:malformed:)``).
    static let malformedCells = [
        "Da\"na", "\"Doe\"x", "\"Doe\" ", "\"Doe, Jane\"\rx", "20\"26", "\"Doe\"\"x\"y", "\"Doe, Jane\"x",
        "\"Doe; Jane\" ", "\"Doe, Jane\"\"\"x", "Doe, \"Jane\"", "Da\"n,a\"", "D\"a\"\"n\"",
    ]

    /// A roster of `rows` rows split at `delimiter`, from `seed`, some with a byte-order mark and
    /// some without a line end after the last row, with the columns of `moreYears` (year inputs)
    /// too; with `malformed`, one record somewhere breaks the CSV structure.
    static func roster(
        seed: UInt64, rows: Int, delimiter: UInt8, malformed: Bool, moreYears: [String] = []
    ) -> Roster {
        var random = SplitMix64(seed: seed)
        var header = headers[random.next(headers.count)]
        header.insert(contentsOf: moreYears, at: 1)
        var roster = Roster()
        let separator = [delimiter]
        roster.bytes = random.next(4) == 0 ? [0xEF, 0xBB, 0xBF] : []  // now and then a byte-order mark
        roster.bytes += Array(header.joined(separator: String(UnicodeScalar(delimiter))).utf8) + [0x0A]
        let brokenRow = malformed ? random.next(rows + 1) : -1
        for row in 0..<rows {
            switch random.next(60) {
            case 0: roster.bytes += [0x0A]  // a blank line
            case 1: roster.bytes += [0x0D, 0x0A]  // a line of only a CR
            default: break
            }
            var cells = header.map { cell(for: $0, row: row, delimiter: delimiter, random: &random) }
            switch random.next(50) {
            case 0: cells.removeLast()
            case 1: cells.append(Array("x".utf8))
            case 2: cells.append([])
            case 3: cells += Array(repeating: [], count: 20 + random.next(20))
            case 4: cells = Array(repeating: [], count: cells.count)
            default: break
            }
            if row == brokenRow {
                let column = random.next(cells.count)
                cells[column] = Array(malformedCells[random.next(malformedCells.count)].utf8)
                let before = roster.bytes + cells[..<column].joined()
                roster.malformedLine = 1 + before.filter { $0 == 0x0A }.count
            }
            for (index, cell) in cells.enumerated() {
                if index > 0 { roster.bytes += separator }
                roster.bytes += cell
            }
            roster.rows += 1
            if row == rows - 1, random.next(2) == 0 { break }  // the last row without its line end
            roster.bytes += random.next(25) == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        if brokenRow == rows {
            roster.malformedLine = 1 + roster.bytes.filter { $0 == 0x0A }.count
            roster.bytes += Array("\"never closed,\n2026,2027\n".utf8)
        }
        return roster
    }

    static func cell(for column: String, row: Int, delimiter: UInt8, random: inout SplitMix64) -> [UInt8] {
        switch column {
        case "id": Array("P\(row)".utf8)
        case _ where column.hasSuffix("_expires"): yearCell(delimiter: delimiter, random: &random)
        case "as_of": dateCell(delimiter: delimiter, random: &random)
        default: nameCell(delimiter: delimiter, random: &random)
        }
    }

    /// Mostly plain names; else names quoted because they must be (the delimiter, a doubled
    /// quote, both), quoted when they need not be, quoted with line ends or a tab inside,
    /// unquoted with control bytes, UTF-8, and names of hundreds of bytes.
    static func nameCell(delimiter: UInt8, random: inout SplitMix64) -> [UInt8] {
        let own = String(UnicodeScalar(delimiter))
        let other = delimiter == 0x2C ? ";" : ","
        let pick = random.next(100)
        if pick < 75 {
            return Array(["Jane Doe", "Zoë Ñúñez-Ørsted", "李小龍", "", "O'Brien", "=SUM(A1)"][pick % 6].utf8)
        }
        if pick < 83 {
            let long = longText(random: &random)
            switch pick {
            case 75, 76, 77: return long
            case 78, 79: return [0x22] + long + Array("\(own) Jr.\"".utf8)
            case 80: return [0x22] + long.prefix(long.count / 2) + Array("\"\"x\"\"".utf8) + long.suffix(5) + [0x22]
            case 81: return [0x22] + long + [0x22]
            default: return [0x22] + long + [0x0A] + long.prefix(20) + [0x22]
            }
        }
        let special = [
            "\"Doe\(own) Jane\"", "\"Say \"\"hi\"\"\"", "\"\"\"\"", "\"a \"\"b\"\"\(own) c\"", "\"\(own)\"",
            "\"Dana\"", "\"\"", "\"Doe\(other) Jane\"", "\"two\nlines\"", "\"cr\rin\(own)\"", "\"crlf\r\nend\"",
            "\"tab\tin\(own)x\"", "Ta\tb", "nul\u{0}x", "cr\rmid", "\u{1}start", "\"\u{0}\(own)\"",
            "\"x\(own)\r\n\"", "\"\n\"", "\"\"\"\(own)\"\"\"", " spaced ", "Ñ\(other)ú",
        ]
        return Array(special[(pick - 83) % special.count].utf8)
    }

    /// 100 to 1100 bytes of letters, spaces and two-byte and three-byte characters.
    static func longText(random: inout SplitMix64) -> [UInt8] {
        let pieces = ["a", "b", "Z", " ", "é", "→", "xyz", "0"]
        var text: [UInt8] = []
        let length = 100 + random.next(1000)
        while text.count < length { text += Array(pieces[random.next(pieces.count)].utf8) }
        return text
    }

    /// Mostly years around the tables' cycles; else cells the memo keys but cannot decide
    /// (`none` spelt three ways, `20x6`, ` 202`), cells of other lengths, quoted cells, four NULs.
    static func yearCell(delimiter: UInt8, random: inout SplitMix64) -> [UInt8] {
        let pick = random.next(100)
        if pick < 40 { return Array(String(2026 + random.next(2)).utf8) }
        if pick < 75 { return Array(String(2024 + random.next(5)).utf8) }
        if pick < 90 { return Array(String(2021 + random.next(13)).utf8) }
        let own = String(UnicodeScalar(delimiter))
        let special = [
            "", "none", "NONE", "None", "\u{0}\u{0}\u{0}\u{0}", "20x6", "2040", " 202", "2026 ", "\"2026\"",
            "\"20\(own)6\"", "\"a\(own)\"", "\"\"\"\"", "２０２６", "20\t6", "2018", "2034", "0000", "202",
            "02026", "\"\"\"a\(own)\"\"\"", "2026\r",
        ]
        return Array(special[(pick - 90) % special.count].utf8)
    }

    /// Mostly days from before the first window to after the last; else empty cells, invalid
    /// dates, cells of other lengths, quoted dates and far-away days.
    static func dateCell(delimiter: UInt8, random: inout SplitMix64) -> [UInt8] {
        let pick = random.next(100)
        if pick < 88 {
            let day = TestSupport.date("2025-11-01").dayNumber + random.next(pick < 80 ? 500 : 900)
            return Array(LocalDate(dayNumber: day).description.utf8)
        }
        let own = String(UnicodeScalar(delimiter))
        let special = [
            "", "", "2026-02-30", "2026-2-3", " 2026-03-31", "2026-03-31 ", "\"2026-03-01\"",
            "\"2026-03-1\(own)\"", "2031-06-01", "1899-12-31", "2026-03-011", "2026/03/01",
            String(repeating: "\u{0}", count: 10), "2027-03-31", "2026-12-01", "２０２６-01-15",
        ]
        return Array(special[(pick - 88) % special.count].utf8)
    }
}
