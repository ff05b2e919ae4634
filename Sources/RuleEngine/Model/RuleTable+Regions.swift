/// Regions of a table's inputs in words, with their size and an example: per-person dates as
/// runs of days, and compared pairs of per-person dates as ranges of their difference.
extension RuleTable {
    /// A region of this table's inputs as compact ranges with the inputs' names:
    /// `level emt, certified_on 1970-01-01 to 2013-06-30, as_of 2026-01-01 to 2026-12-31`.
    public func describe(region: InputRegion) -> String {
        guard !datePairs.isEmpty else { return region.describe(inputs: yearInputs, dateName: dateInputName) }
        var parts = zip(yearInputs, region.values).map { input, values in "\(input.name) \(input.describe(values))" }
        for (offset, pair) in datePairs.enumerated() where region.values.count > yearInputs.count + offset {
            let ranges = differences(region, pair: offset)
            guard ranges != [pair.differenceStarts[0]...pair.maxDifference] else { continue }
            let text = ranges.map { range in
                range.lowerBound == range.upperBound
                    ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            }
            parts.append(
                "\(yearInputs[pair.first].name) − \(yearInputs[pair.second].name) \(text.joined(separator: ", ")) days")
        }
        parts.append("\(dateInputName) " + region.dates.map(InputRegion.describe).joined(separator: ", "))
        return parts.joined(separator: ", ")
    }

    /// The number of inputs in a region: every day of each class of a per-person date, and of
    /// a compared pair only the pairs of days whose difference is in the region's classes.
    public func count(of region: InputRegion) -> Int {
        guard yearInputs.contains(where: \.isDate) else { return region.count }
        let days = region.dates.reduce(0) { $0 + $1.upperBound.dayNumber - $1.lowerBound.dayNumber + 1 }
        var paired = Set<Int>()
        var total = days
        for (offset, pair) in datePairs.enumerated() where region.values.count > yearInputs.count + offset {
            paired.formUnion([pair.first, pair.second])
            let allowed = differences(region, pair: offset)
            let seconds = dayRanges(region, input: pair.second)
            var count = 0
            for first in dayRanges(region, input: pair.first).joined() {
                for second in seconds {
                    for difference in allowed {
                        let low = max(second.lowerBound, first - difference.upperBound)
                        let high = min(second.upperBound, first - difference.lowerBound)
                        count += max(0, high - low + 1)
                    }
                }
            }
            total *= count
        }
        for (index, input) in yearInputs.enumerated() where !paired.contains(index) && index < region.values.count {
            total *=
                input.isDate ? dayRanges(region, input: index).reduce(0) { $0 + $1.count } : region.values[index].count
        }
        return total
    }

    /// One input of the region, with compared per-person dates moved inside their classes so
    /// that their difference is one the region holds.
    public func example(of region: InputRegion) -> (years: YearValues, asOf: LocalDate) {
        let base = region.example
        guard !datePairs.isEmpty else { return base }
        var values = (0..<yearInputs.count).map { base.years[$0] }
        for (offset, pair) in datePairs.enumerated() where region.values.count > yearInputs.count + offset {
            search: for first in dayRanges(region, input: pair.first) {
                for second in dayRanges(region, input: pair.second) {
                    for difference in differences(region, pair: offset) {
                        let low = max(difference.lowerBound, first.lowerBound - second.upperBound)
                        guard low <= min(difference.upperBound, first.upperBound - second.lowerBound) else { continue }
                        let day = max(first.lowerBound, second.lowerBound + low)
                        values[pair.first] = day
                        values[pair.second] = day - low
                        break search
                    }
                }
            }
        }
        return (YearValues(values), base.asOf)
    }

    /// The runs of days of a per-person date's values in a region (each value is a class's
    /// first day).
    private func dayRanges(_ region: InputRegion, input: Int) -> [ClosedRange<Int>] {
        let date = yearInputs[input]
        return region.values[input].compactMap { value in
            guard let value else { return nil }
            return date.index(of: value).map { date.classDays($0) } ?? value...value
        }
    }

    /// The ranges of differences of a compared pair in a region, merged.
    private func differences(_ region: InputRegion, pair offset: Int) -> [ClosedRange<Int>] {
        let pair = datePairs[offset]
        return region.values[yearInputs.count + offset].compactMap { start in
            start.flatMap { pair.differenceStarts.firstIndex(of: $0) }.map { pair.classDays($0) }
        }
        .mergedRanges()
    }
}
