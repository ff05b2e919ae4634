import YAMLReader

/// A certification's `valid_for:` (`2 years`, `18 months`, `730 days`): how long a
/// certification counted from a per-person date stays valid.
extension SchemaReader {
    /// The units a period is written in, each with the months and days one of it counts.
    enum PeriodUnit: String, CaseIterable {
        case day, days, month, months, year, years

        /// Months and days one unit counts.
        var size: (months: Int, days: Int) {
            switch self {
            case .day, .days: (0, 1)
            case .month, .months: (1, 0)
            case .year, .years: (12, 0)
            }
        }
    }

    /// The most days a period may span (100 years, as a date offset).
    static let maxPeriodDays = 36_500
    /// The most months a period may span (100 years).
    static let maxPeriodMonths = 1_200

    /// The period at a cell, or `nil` after reporting it (RC238) with the caret on the part that
    /// is wrong: the unit (with "did you mean"), or the whole period.
    mutating func validityPeriod(_ node: Node) -> ValidityPeriod? {
        guard let text = text(node, what: "a period such as `2 years`") else { return nil }
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unitText = String(trimmed.dropFirst(digits.count)).trimmingSpaces()
        func fail(_ reason: String, at written: String? = nil, suggestion: String? = nil) -> ValidityPeriod? {
            var cursor = node.range.start
            let place = written.map { location(of: $0, in: node, after: &cursor) } ?? location(node)
            report(Diagnostic(.invalidValidity(reason, suggestion: suggestion), at: place))
            return nil
        }
        guard !digits.isEmpty else { return fail("expected a number of days, months or years") }
        guard !unitText.isEmpty else { return fail("`\(digits)` has no unit: write days, months or years") }
        guard let unit = PeriodUnit(rawValue: unitText) else {
            let suggestion = Suggestion.closest(to: unitText, in: PeriodUnit.allCases.map(\.rawValue))
            return fail(
                "unknown unit `\(unitText)`: write days, months or years", at: unitText, suggestion: suggestion)
        }
        guard digits.count <= 6, let amount = Int(digits),
            amount * unit.size.months <= Self.maxPeriodMonths, amount * unit.size.days <= Self.maxPeriodDays
        else { return fail("a period spans at most 36,500 days or 1,200 months (100 years)") }
        guard amount > 0 else { return fail("a certification is valid for at least one day") }
        return ValidityPeriod(months: amount * unit.size.months, days: amount * unit.size.days, text: trimmed)
    }
}
