import RuleEngine

extension DecisionMatrix {
    /// A timeline region's values, named: each input's in its own terms (`level aemt, paramedic`),
    /// then, for a table that compares two per-person dates, each compared pair's difference in
    /// days (`cpr_on − check_on -730 to -1 days`), which the inputs' values alone do not show.
    public func regionParts(_ region: InputRegion) -> [(name: String, values: String)] {
        let inputs = table.definition.yearInputs
        var parts = zip(inputs, region.values).map { (name: $0.name, values: $0.describe($1)) }
        for (offset, pair) in table.decisionIndex.space.pairs.enumerated()
        where inputs.count + offset < region.values.count && pair.first < inputs.count && pair.second < inputs.count {
            // The region holds each difference class by its first difference.
            let classes = region.values[inputs.count + offset].compactMap { start in
                start.flatMap { pair.differenceStarts.firstIndex(of: $0) }.map(pair.classDays)
            }
            parts.append(
                (name: "\(inputs[pair.first].name) − \(inputs[pair.second].name)", values: Self.describe(days: classes))
            )
        }
        return parts
    }

    /// Ranges of days, merged where they touch: `-730 to -1 days, 30 days`.
    static func describe(days ranges: [ClosedRange<Int>]) -> String {
        ranges.mergedRanges()
            .map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound) to \($0.upperBound)" }
            .joined(separator: ", ") + " days"
    }
}
