/// How long a certification counted from a per-person date stays valid, as in
/// `valid_for: 2 years`: its expiry is that date plus the months (clamped to the target month's
/// last day), then the days.
public struct ValidityPeriod: Sendable, Hashable, CustomStringConvertible {
    /// Calendar months, applied first (a year is twelve).
    public let months: Int
    /// Days, applied after the months.
    public let days: Int
    /// The period as written, such as `2 years`.
    public let text: String

    /// Creates a period.
    public init(months: Int, days: Int, text: String) {
        self.months = months
        self.days = days
        self.text = text
    }

    /// The period as written.
    public var description: String { text }

    /// The expiry of a certification first held on `start`: the months, then the days.
    public func expiry(from start: LocalDate) -> LocalDate {
        start.adding(months: months).adding(days: days)
    }
}
