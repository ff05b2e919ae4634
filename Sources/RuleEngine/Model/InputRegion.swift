/// A box of inputs: a set of values for each year input and a set of date ranges, printed
/// as compact ranges such as `ma_expires 2022–2025, nr_expires none, as_of 2025-12-01 to 2027-03-31`.
public struct InputRegion: Sendable, Hashable {
    /// For each year input, its values (`nil` is `none`), ascending with `none` last.
    public let values: [[Int?]]
    /// The date ranges, ascending and disjoint.
    public let dates: [ClosedRange<LocalDate>]
    /// The number of input combinations in the region (year combinations × days).
    public var count: Int {
        values.reduce(1) { $0 * $1.count }
            * dates.reduce(0) { $0 + $1.upperBound.dayNumber - $1.lowerBound.dayNumber + 1 }
    }

    /// One concrete input of the region: the first value of each input and the first day.
    public var example: (years: YearValues, asOf: LocalDate) {
        (YearValues(values.map { $0.first ?? nil }), dates.first?.lowerBound ?? LocalDate(dayNumber: 0))
    }

    /// Renders the region with the inputs' names.
    public func describe(names: [String], dateName: String) -> String {
        var parts = zip(names, values).map { name, values in "\(name) \(InputRegion.describe(values))" }
        parts.append("\(dateName) " + dates.map(InputRegion.describe).joined(separator: ", "))
        return parts.joined(separator: ", ")
    }

    /// Renders the region in the inputs' own terms: `level aemt, paramedic, as_of 2026-01-01`.
    public func describe(inputs: [DiscreteInput], dateName: String) -> String {
        var parts = zip(inputs, values).map { input, values in "\(input.name) \(input.describe(values))" }
        parts.append("\(dateName) " + dates.map(InputRegion.describe).joined(separator: ", "))
        return parts.joined(separator: ", ")
    }

    /// `2022–2025, 2027, none`.
    public static func describe(_ values: [Int?]) -> String {
        var parts: [String] = []
        var years = values.compactMap { $0 }.sorted()
        while let first = years.first {
            var last = first
            while years.count > last - first + 1, years[last - first + 1] == last + 1 { last += 1 }
            parts.append(first == last ? "\(first)" : "\(first)–\(last)")
            years.removeFirst(last - first + 1)
        }
        if values.contains(where: { $0 == nil }) { parts.append("none") }
        return parts.joined(separator: ", ")
    }

    /// `2026-02-16 to 2026-03-31`, or one date.
    public static func describe(_ range: ClosedRange<LocalDate>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    }

    var sortKey: [Int] {
        values.map { $0.first.map { $0 ?? Int.max } ?? Int.max } + [dates.first?.lowerBound.dayNumber ?? 0]
    }
}
