/// The expiry day of a certification chosen by the value of an enum input, as in
/// `expires: {by: level, emr: 09-30, otherwise: 03-31}`.
public struct ExpiryChoice: Sendable, Hashable {
    /// The index of the enum input whose value chooses the day.
    public let input: Int
    /// The day for each value of the input, by value code.
    public let days: [MonthDay]
    /// For each value code, whether its day is the `otherwise` day (the value is not listed).
    public let byOtherwise: [Bool]

    /// Creates a choice.
    public init(input: Int, days: [MonthDay], byOtherwise: [Bool]) {
        self.input = input
        self.days = days
        self.byOtherwise = byOtherwise
    }
}

extension Certification {
    /// The day of the year it expires for these input values: the day its enum input's value
    /// chooses, when it has one (``expiresBy``), else ``expires``; `nil` for a certification
    /// counted from a per-person date, whose day of the year depends on that date.
    public func monthDay(for values: YearValues) -> MonthDay? {
        guard let choice = expiresBy, let code = values[choice.input], choice.days.indices.contains(code) else {
            return expires
        }
        return choice.days[code]
    }

    /// The day it expires for these input values, or `nil` when its year input is `none`. For
    /// a certification counted from a per-person date, that date plus ``validFor``.
    public func expiry(for values: YearValues) -> LocalDate? {
        guard let value = values[inputIndex] else { return nil }
        if let validFor { return validFor.expiry(from: LocalDate(dayNumber: value)) }
        return monthDay(for: values)?.date(in: value)
    }

    /// Whether it counts from a per-person date (`valid_for`) rather than a year input.
    public var countsFromDate: Bool { validFor != nil }

    /// Every day of the year it may expire on, each once, in the order of the enum's values;
    /// empty for a certification counted from a per-person date.
    public var possibleDays: [MonthDay] {
        guard let choice = expiresBy else { return expires.map { [$0] } ?? [] }
        var days: [MonthDay] = []
        for day in choice.days where !days.contains(day) { days.append(day) }
        return days
    }
}
