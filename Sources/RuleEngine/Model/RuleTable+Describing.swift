/// How a table's inputs and derived outputs are put into words, shared by every renderer.
extension RuleTable {
    /// The derived outputs' values for a decision's bits, in declaration order.
    public func derivedValues(flags: UInt32) -> [(name: String, value: Bool)] {
        derived.enumerated().map { ($1.name, flags & (1 << UInt32($0)) != 0) }
    }

    /// Year values with the inputs' names: `ma_expires 2026, nr_expires none`.
    public func describe(years: YearValues) -> String {
        yearInputs.enumerated().map { index, input in "\(input.name) \(input.text(years[index]))" }
            .joined(separator: ", ")
    }

    /// The same values `years` later: year inputs move, `none` and other kinds stay.
    public func shifted(_ values: YearValues, by years: Int) -> YearValues {
        var result = values
        for (index, input) in yearInputs.enumerated() where input.isYear && index < values.count {
            result[index] = values[index].map { $0 + years }
        }
        return result
    }

    /// One input as assignments: `ma_expires=2026, nr_expires=none, as_of=2026-01-10`.
    public func assignments(years: YearValues, asOf: LocalDate) -> String {
        var parts = yearInputs.enumerated().map { index, input in
            "\(input.name)=\(input.text(years[index]))"
        }
        parts.append("\(dateInputName)=\(asOf)")
        return parts.joined(separator: ", ")
    }
}
