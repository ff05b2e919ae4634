import RuleEngine

/// A deliberately simple evaluator that scans the rules in order, used only to check the
/// decision tree. It shares nothing with the compiler but the typed table.
struct ReferenceEvaluator {
    let table: RuleTable

    /// The deciding rule's index and the derived outputs' bits, or `nil` for a gap.
    func decide(_ years: YearValues, on day: LocalDate) -> (rule: Int, flags: UInt32)? {
        var flags: UInt32 = 0
        for (bit, output) in table.derived.enumerated() where holds(output.conditions, years, day) {
            flags |= 1 << UInt32(bit)
        }
        for (index, rule) in table.rules.enumerated() where !rule.isOtherwise {
            if holds(rule.conditions, years, day) { return (index, flags) }
        }
        guard let otherwise = table.rules.firstIndex(where: { $0.isOtherwise }) else { return nil }
        return (otherwise, flags)
    }

    /// How many non-`otherwise` rules match.
    func matchCount(_ years: YearValues, on day: LocalDate) -> Int {
        matchingRules(years, on: day).count
    }

    /// The indices of the non-`otherwise` rules that match, in file order.
    func matchingRules(_ years: YearValues, on day: LocalDate) -> [Int] {
        table.rules.indices.filter { !table.rules[$0].isOtherwise && holds(table.rules[$0].conditions, years, day) }
    }

    /// `months` calendar months after `date`, counted one month at a time from its parts and
    /// clamped to the last day of the month (independent of `LocalDate.adding(months:)`).
    static func adding(months: Int, to date: LocalDate) -> LocalDate {
        var (year, month, day) = date.parts
        for _ in 0..<abs(months) {
            month += months > 0 ? 1 : -1
            if month == 13 { (year, month) = (year + 1, 1) }
            if month == 0 { (year, month) = (year - 1, 12) }
        }
        while LocalDate(year: year, month: month, day: day) == nil, day > 28 { day -= 1 }
        return LocalDate(year: year, month: month, day: day) ?? date
    }

    private func holds(_ conditions: [Condition], _ years: YearValues, _ day: LocalDate) -> Bool {
        conditions.allSatisfy { condition in
            switch condition.test {
            case .year(let input, let test):
                return test.holds(years[input], values: years)
            case .date(let bound):
                guard let limit = self.limit(bound, years) else { return false }
                return bound.isLower ? day >= limit : day < limit
            case .personDate(let input, let bound):
                guard let limit = self.limit(bound, years), let value = years[input] else { return false }
                let date = LocalDate(dayNumber: value)
                return bound.isLower ? date >= limit : date < limit
            }
        }
    }

    /// The day a bound compares with, or `nil` for the expiry of a certification held by no one.
    private func limit(_ bound: DateBound, _ years: YearValues) -> LocalDate? {
        let base: LocalDate
        switch bound.operand {
        case .fixed(let date): base = date
        case .expiry(let index):
            let certification = table.certifications[index]
            guard let value = years[certification.inputIndex] else { return nil }
            if let period = certification.validFor {
                // A per-person date plus the period: its months one at a time, then its days.
                base = Self.adding(months: period.months, to: LocalDate(dayNumber: value)).adding(days: period.days)
            } else {
                guard var expires = certification.expires else { return nil }
                if let choice = certification.expiresBy, let code = years[choice.input] { expires = choice.days[code] }
                base = expires.date(in: value)
            }
        case .input(let input):
            guard let value = years[input] else { return nil }
            base = LocalDate(dayNumber: value)
        }
        return Self.adding(months: bound.months, to: base).adding(days: bound.shift)
    }
}
