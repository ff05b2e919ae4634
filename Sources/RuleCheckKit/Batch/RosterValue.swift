import RuleEngine

/// Reading a roster cell's year or date straight from its bytes, without making a `String`.
enum RosterValue {
    /// What a year cell holds.
    enum Year: Equatable {
        /// Nothing (after trimming spaces).
        case empty
        /// `none`, in any case.
        case none
        /// Four digits.
        case year(Int)
        /// Anything else.
        case invalid
    }

    /// What a date cell holds.
    enum Date: Equatable {
        /// Nothing (after trimming spaces).
        case empty
        /// A possible `YYYY-MM-DD` date.
        case date(LocalDate)
        /// Anything else, including impossible dates such as `2026-02-30`.
        case invalid
    }

    /// The cell without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var first = 0
        var last = bytes.count
        while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[first..<last])
    }

    /// Reads a year cell: four ASCII digits, `none` or nothing.
    @inline(__always)
    static func year(_ cell: UnsafeBufferPointer<UInt8>) -> Year {
        let bytes = trimmed(cell)
        if bytes.isEmpty { return .empty }
        guard bytes.count == 4 else { return .invalid }
        if let value = digits(bytes, 0, 4) { return .year(value) }
        let lowered = (bytes[0] | 0x20, bytes[1] | 0x20, bytes[2] | 0x20, bytes[3] | 0x20)
        return lowered == (0x6E, 0x6F, 0x6E, 0x65) ? .none : .invalid
    }

    /// Reads a date cell written in `format`, or nothing.
    @inline(__always)
    static func date(_ cell: UnsafeBufferPointer<UInt8>, format: RosterDateFormat) -> Date {
        switch format {
        case .iso: date(cell)
        case .monthDayYear: monthDayYear(cell)
        }
    }

    /// Reads a date cell written `M/D/YYYY` (one or two digits for the month and the day).
    static func monthDayYear(_ cell: UnsafeBufferPointer<UInt8>) -> Date {
        let bytes = trimmed(cell)
        if bytes.isEmpty { return .empty }
        guard let firstSlash = bytes.firstIndex(of: 0x2F), (1...2).contains(firstSlash),
            let secondSlash = bytes[(firstSlash + 1)...].firstIndex(of: 0x2F),
            (1...2).contains(secondSlash - firstSlash - 1), bytes.count - secondSlash - 1 == 4,
            let month = digits(bytes, 0, firstSlash),
            let day = digits(bytes, firstSlash + 1, secondSlash - firstSlash - 1),
            let year = digits(bytes, secondSlash + 1, 4), let date = LocalDate(year: year, month: month, day: day)
        else { return .invalid }
        return .date(date)
    }

    /// Reads a date cell written `YYYY-MM-DD`, or nothing.
    @inline(__always)
    static func date(_ cell: UnsafeBufferPointer<UInt8>) -> Date {
        let bytes = trimmed(cell)
        if bytes.isEmpty { return .empty }
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = digits(bytes, 0, 4),
            let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
            let date = LocalDate(year: year, month: month, day: day)
        else { return .invalid }
        return .date(date)
    }

    /// The number written by `count` ASCII digits from `offset`, or `nil`.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> Int? {
        var value = 0
        for index in offset..<offset + count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
