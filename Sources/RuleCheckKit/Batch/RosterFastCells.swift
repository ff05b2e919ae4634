import RuleEngine

/// The fast path of ``RosterValue`` for the cells most rosters hold, untrimmed: a date as
/// `YYYY-MM-DD` of years 1900 to 2299 (and the memo's key of a year cell). The reader answers
/// `nil` for any other cell, and the caller then takes ``RosterValue``'s general path, so a
/// cell the fast path reads gets exactly the general path's value and any other cell its
/// message. The day numbers come from a table of the first day of each year instead of the
/// divisions of ``LocalDate``'s calendar arithmetic.
final class RosterFastCells {
    /// The first year of the date table.
    static let firstYear = 1900
    /// The number of years in the date table.
    static let years = 400

    /// The day number of January 1 of year `firstYear + i`, shifted left by one, and in bit 0
    /// whether it is a leap year.
    private let yearStart: UnsafeMutablePointer<Int64>
    /// Days before each month in a common year, then in a leap year (12 each).
    private let monthOffset: UnsafeMutablePointer<Int32>
    /// Each month's length in a common year, then in a leap year (12 each).
    private let monthLength: UnsafeMutablePointer<Int32>

    /// Builds the tables from ``LocalDate``'s own calendar.
    init() {
        yearStart = .allocate(capacity: Self.years)
        monthOffset = .allocate(capacity: 24)
        monthLength = .allocate(capacity: 24)
        for leap in 0..<2 {
            var before: Int32 = 0
            for month in 1...12 {
                let length = Int32(LocalDate.daysInMonth(year: leap == 1 ? 2000 : 2001, month: month))
                monthOffset[leap * 12 + month - 1] = before
                monthLength[leap * 12 + month - 1] = length
                before += length
            }
        }
        var day = LocalDate(year: Self.firstYear, month: 1, day: 1)?.dayNumber ?? 0
        for index in 0..<Self.years {
            let leap = LocalDate.isLeap(Self.firstYear + index)
            yearStart[index] = Int64(day) << 1 | (leap ? 1 : 0)
            day += leap ? 366 : 365
        }
    }

    deinit {
        yearStart.deallocate()
        monthOffset.deallocate()
        monthLength.deallocate()
    }

    /// A year cell's key in a memo of decisions: its four bytes as they are (never 0), or 0 for
    /// an empty cell; `nil` for a cell of another length, or of four NUL bytes. The bytes are
    /// not read as a year: two cells with the same key are the same bytes, which the general
    /// reader reads alike, so a memo keyed on them holds only what deciding such a row gave.
    @inline(__always)
    static func yearKey(_ cell: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard cell.count == 4, let base = cell.baseAddress else { return cell.isEmpty ? 0 : nil }
        let word = UnsafeRawPointer(base).loadUnaligned(as: UInt32.self)
        return word == 0 ? nil : word
    }

    /// The day number of a date cell of exactly `YYYY-MM-DD` with a year the table holds and a
    /// day the month has; `nil` for anything else, which ``RosterValue/date(_:)`` must read.
    @inline(__always)
    func isoDay(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard cell.count == 10, let base = cell.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let head = UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))
        let middle = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let tail = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        // `-MM-`: the dashes, and two digits between them.
        guard middle & 0xFF00_00FF == 0x2D00_002D, let year = Self.fourDigits(head) else { return nil }
        let monthTens = (middle >> 8) & 0xFF &- 0x30
        let monthOnes = (middle >> 16) & 0xFF &- 0x30
        let dayTens = UInt32(tail & 0xFF) &- 0x30
        let dayOnes = UInt32(tail >> 8) &- 0x30
        guard monthTens < 10, monthOnes < 10, dayTens < 10, dayOnes < 10 else { return nil }
        let yearIndex = year &- Self.firstYear
        let month = Int(monthTens &* 10 &+ monthOnes) &- 1
        let day = Int32(dayTens &* 10 &+ dayOnes)
        guard UInt(bitPattern: yearIndex) < UInt(Self.years), UInt(bitPattern: month) < 12 else { return nil }
        let start = yearStart[yearIndex]
        let slot = Int(start & 1) &* 12 &+ month
        guard day >= 1, day <= monthLength[slot] else { return nil }
        return Int(start >> 1) &+ Int(monthOffset[slot]) &+ Int(day) &- 1
    }

    /// The number four ASCII digits write, in memory order in `word`, or `nil` when a byte is
    /// not a digit.
    @inline(__always)
    static func fourDigits(_ word: UInt32) -> Int? {
        // Every byte in 0x30...0x3F, and still so after adding 6 (0x3A...0x3F become 0x40...).
        guard word & 0xF0F0_F0F0 == 0x3030_3030, (word &+ 0x0606_0606) & 0xF0F0_F0F0 == 0x3030_3030 else {
            return nil
        }
        var digits = word &- 0x3030_3030
        // Pairs: the first byte's digit times 10 plus the second's, twice; then the pairs.
        digits = (digits &* 10 &+ (digits >> 8)) & 0x00FF_00FF
        digits = (digits &* 100 &+ (digits >> 16)) & 0x0000_FFFF
        return Int(digits)
    }
}
