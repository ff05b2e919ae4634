/// The compiled decision tree: the year axes index a cell directly (mixed radix), and each
/// cell holds a sorted run of date-interval starts with the leaf that applies from each one.
/// Evaluation is index arithmetic plus a binary search over a handful of dates.
package struct DecisionIndex: Sendable {
    /// The leaf value for an interval no rule covers.
    static let gap: Int32 = -1

    package let space: CellSpace
    /// `cellStart[c] ..< cellStart[c + 1]` are cell `c`'s intervals in the arrays below.
    let cellStart: [Int32]
    /// The first day of each interval.
    let dayStart: [Int32]
    /// The rule that decides each interval, or ``gap``.
    let leafRule: [Int32]
    /// The derived outputs' bits for each interval.
    let leafFlags: [UInt32]
    /// The window's first and last day.
    let windowStart: Int32
    let windowEnd: Int32

    /// Builds the tree from the coverage: the winner of each interval under the hit policy,
    /// falling back to `otherwise`, with neighbouring intervals of equal leaves merged. Each
    /// region's leaves are worked out once and copied to each of its cells.
    init(coverage: Coverage, otherwise: Int32?, windowStart: Int32) {
        space = coverage.space
        self.windowStart = windowStart
        windowEnd = coverage.windowEnd
        let leaves = coverage.regions.map { region in
            var leaves: [(start: Int32, rule: Int32, flags: UInt32)] = []
            for index in region.starts.indices {
                let rule = coverage.matchSets[Int(region.matchSets[index])].first ?? otherwise ?? DecisionIndex.gap
                let flags = region.flags[index]
                if let last = leaves.last, last.rule == rule, last.flags == flags { continue }
                leaves.append((region.starts[index], rule, flags))
            }
            return leaves
        }
        var cellStart: [Int32] = [0]
        var dayStart: [Int32] = []
        var leafRule: [Int32] = []
        var leafFlags: [UInt32] = []
        cellStart.reserveCapacity(coverage.regionOfCell.count + 1)
        for region in coverage.regionOfCell {
            for leaf in leaves[Int(region)] {
                dayStart.append(leaf.start)
                leafRule.append(leaf.rule)
                leafFlags.append(leaf.flags)
            }
            cellStart.append(Int32(dayStart.count))
        }
        self.cellStart = cellStart
        self.dayStart = dayStart
        self.leafRule = leafRule
        self.leafFlags = leafFlags
    }

    /// The leaf position for a cell and a day inside the window.
    @inline(__always)
    func leaf(cell: Int, day: Int32) -> Int {
        var low = Int(cellStart[cell])
        var high = Int(cellStart[cell + 1]) - 1
        while low < high {
            let middle = (low + high + 1) >> 1
            if dayStart[middle] <= day { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The intervals of one cell: first day, last day, rule and flags.
    package func intervals(of cell: Int) -> [(first: Int, last: Int, rule: Int32, flags: UInt32)] {
        let range = Int(cellStart[cell])..<Int(cellStart[cell + 1])
        return range.map { index in
            let last = index + 1 < range.upperBound ? Int(dayStart[index + 1]) - 1 : Int(windowEnd)
            return (Int(dayStart[index]), last, leafRule[index], leafFlags[index])
        }
    }
}
