extension Condition {
    /// Whether the condition holds for these values on this day, with expiry dates taken from
    /// `certifications`. Used for expectations, never on the decision tree's path.
    func holds(_ years: YearValues, on day: LocalDate, certifications: [Certification]) -> Bool {
        switch test {
        case .year(let input, let yearTest):
            return yearTest.holds(years[input], values: years)
        case .date(let bound):
            guard let limit = bound.day(years: years, certifications: certifications) else { return false }
            return bound.isLower ? day.dayNumber >= limit : day.dayNumber < limit
        case .personDate(let input, let bound):
            return bound.holds(years[input], years: years, certifications: certifications)
        }
    }
}

extension DateBound {
    /// The day number the bound compares with, or `nil` for the expiry of a certification
    /// whose input is `none`.
    package func day(years: YearValues, certifications: [Certification]) -> Int? {
        switch operand {
        case .fixed(let date):
            return date.dayNumber + shift
        case .expiry(let index):
            let certification = certifications[index]
            guard let year = years[certification.inputIndex] else { return nil }
            return certification.expires.date(in: year).dayNumber + shift
        case .input(let index):
            return years[index].map { $0 + shift }
        }
    }

    /// Whether a per-person date's value (a day number) meets the bound; `false` when the
    /// bound compares with the expiry of a certification held by no one.
    func holds(_ value: Int?, years: YearValues, certifications: [Certification]) -> Bool {
        guard let value, let limit = day(years: years, certifications: certifications) else { return false }
        return isLower ? value >= limit : value < limit
    }
}

extension Array where Element == Condition {
    /// Whether every condition holds.
    package func allHold(_ years: YearValues, on day: LocalDate, certifications: [Certification]) -> Bool {
        allSatisfy { $0.holds(years, on: day, certifications: certifications) }
    }
}
