/// A calendar date without a time, stored as a day number (days since 1970-01-01), so that
/// comparisons and day arithmetic are single integer operations.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    /// Creates the date with this day number.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Creates a date from its parts, or returns `nil` for an impossible date such as
    /// `2026-02-30`. Years 1 to 9999 only.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        dayNumber = LocalDate.days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` exactly (four, two and two digits), or returns `nil`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day.
    public var parts: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The year.
    public var year: Int { parts.year }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The same month and day `years` later; February 29 becomes February 28 in a common year.
    public func adding(years: Int) -> LocalDate {
        let (year, month, day) = parts
        let target = year + years
        let clampedDay = min(day, LocalDate.daysInMonth(year: target, month: month))
        return LocalDate(dayNumber: LocalDate.days(year: target, month: month, day: clampedDay))
    }

    /// The same day of the month `months` later (earlier when negative), clamped to the last
    /// day of the target month: January 31 + 1 month is February 28, or 29 in a leap year.
    public func adding(months: Int) -> LocalDate {
        guard months != 0 else { return self }
        let (year, month, day) = parts
        let (quotient, remainder) = (year * 12 + month - 1 + months).quotientAndRemainder(dividingBy: 12)
        let targetYear = remainder < 0 ? quotient - 1 : quotient
        let targetMonth = (remainder < 0 ? remainder + 12 : remainder) + 1
        let clamped = min(day, LocalDate.daysInMonth(year: targetYear, month: targetMonth))
        return LocalDate(dayNumber: LocalDate.days(year: targetYear, month: targetMonth, day: clamped))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = parts
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(width - text.count, 0)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders dates in time.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// The number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether the year is a leap year in the proleptic Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    fileprivate static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension LocalDate {
    /// Why a text is not a valid `YYYY-MM-DD` date, in words for a message.
    public static func problem(with value: String) -> String {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return "not in the form YYYY-MM-DD" }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        guard year >= 1 else { return "there is no year \(year)" }
        return "\(monthName(month)) \(year) has \(LocalDate.daysInMonth(year: year, month: month)) days, not \(day)"
    }

    static func monthName(_ month: Int) -> String {
        [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ][min(max(month, 1), 12) - 1]
    }

}

/// A month and day that recur every year, such as a certification's expiry day (`03-31`).
public struct MonthDay: Sendable, Hashable, CustomStringConvertible {
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Creates a month-day, or `nil` when no year has it (February 29 is allowed and falls
    /// back to February 28 in common years).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...LocalDate.daysInMonth(year: 2000, month: month)).contains(day) else {
            return nil
        }
        self.month = month
        self.day = day
    }

    /// The date in `year`.
    public func date(in year: Int) -> LocalDate {
        let clamped = min(day, LocalDate.daysInMonth(year: year, month: month))
        return LocalDate(dayNumber: LocalDate.days(year: year, month: month, day: clamped))
    }

    /// `MM-DD`.
    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }
}
