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
        let base: LocalDate
        switch operand {
        case .fixed(let date):
            base = date
        case .expiry(let index):
            guard let expiry = certifications[index].expiry(for: years) else { return nil }
            base = expiry
        case .input(let index):
            guard let value = years[index] else { return nil }
            base = LocalDate(dayNumber: value)
        }
        return limit(from: base)
    }

    /// The day number the bound compares with when its operand is `base`: the months, then the days.
    package func limit(from base: LocalDate) -> Int {
        base.adding(months: months).dayNumber + shift
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
