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
        }
    }
}

extension DateBound {
    /// The day number the bound compares with, or `nil` for the expiry of a certification
    /// whose input is `none`.
    func day(years: YearValues, certifications: [Certification]) -> Int? {
        let base: LocalDate
        switch operand {
        case .fixed(let date):
            base = date
        case .expiry(let index):
            guard let expiry = certifications[index].expiry(for: years) else { return nil }
            base = expiry
        }
        return limit(from: base)
    }

    /// The day number the bound compares with when its operand is `base`: the months, then the days.
    package func limit(from base: LocalDate) -> Int {
        base.adding(months: months).dayNumber + shift
    }
}

extension Array where Element == Condition {
    /// Whether every condition holds.
    package func allHold(_ years: YearValues, on day: LocalDate, certifications: [Certification]) -> Bool {
        allSatisfy { $0.holds(years, on: day, certifications: certifications) }
    }
}
