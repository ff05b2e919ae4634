extension Sequence where Element == ClosedRange<Int> {
    /// The ranges sorted and joined wherever they overlap or touch: disjoint, non-adjacent
    /// ranges in ascending order.
    package func mergedRanges() -> [ClosedRange<Int>] {
        var merged: [ClosedRange<Int>] = []
        for range in sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...Swift.max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
