import Foundation

extension LocalDate {
    /// Today's date in an IANA time zone, or `nil` when the zone is unknown.
    public static func today(inTimeZone identifier: String, now: Date = Date()) -> LocalDate? {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
