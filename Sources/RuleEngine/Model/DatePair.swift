/// Two per-person dates that some condition compares, such as
/// `nr_certified_on: {after: ma_certified_on + 30 days}`: a hidden axis of the input space whose
/// value is the class of their difference in days, so that the comparison is constant on each
/// combination of classes (see ``CellSpace``).
public struct DatePair: Sendable, Hashable {
    /// The index of the input whose value comes first in the difference.
    public let first: Int
    /// The index of the input subtracted.
    public let second: Int
    /// The first difference (`first - second`, in days) of each class, ascending; the first
    /// element is the least difference the two domains allow.
    public let differenceStarts: [Int]
    /// The greatest difference the two domains allow.
    public let maxDifference: Int

    /// Creates a pair.
    package init(first: Int, second: Int, differenceStarts: [Int], maxDifference: Int) {
        self.first = first
        self.second = second
        self.differenceStarts = differenceStarts
        self.maxDifference = maxDifference
    }

    /// The differences of a class.
    public func classDays(_ index: Int) -> ClosedRange<Int> {
        let last = index + 1 < differenceStarts.count ? differenceStarts[index + 1] - 1 : maxDifference
        return differenceStarts[index]...last
    }
}
