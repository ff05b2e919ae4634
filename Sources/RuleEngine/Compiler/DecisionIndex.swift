/// The compiled decision tree, flat for `evaluate`: each input's value code becomes its value
/// index by one step per axis, the indices become a cell in mixed radix (the first input
/// varies slowest), and each cell points at a sorted run of date-interval starts with the leaf
/// that applies from each one. Cells of one region share its run. A decision is a few loads
/// and multiplications and a branch-free binary search over a handful of days.
package struct DecisionIndex: Sendable {
    /// The leaf value for an interval no rule covers.
    static let gap: Int32 = -1

    package let space: CellSpace
    /// One step per input, in input order (none when the space has classes).
    let axes: [Axis]
    /// Each cell's run in ``days`` and ``leaves``.
    let runs: [Run]
    /// Each run's interval starts in order, followed by the day after the window, so that an
    /// interval always ends the day before the next entry.
    let days: [Int32]
    /// The leaf of each entry of ``days`` (a gap for the entries closing the runs).
    let leaves: [Leaf]
    /// The number of intervals over all cells, counting shared runs once per cell.
    let intervalCount: Int
    /// The window's first and last day.
    let windowStart: Int32
    let windowEnd: Int32

    /// Builds the tree from the coverage: the winner of each interval under the hit policy,
    /// falling back to `otherwise`, with neighbouring intervals of equal leaves merged. Each
    /// region's leaves are worked out and stored once; its cells point at them.
    init(coverage: Coverage, otherwise: Int32?, windowStart: Int32) {
        space = coverage.space
        self.windowStart = windowStart
        windowEnd = coverage.windowEnd
        axes = coverage.space.hasClasses ? [] : Axis.steps(of: coverage.space)
        var days: [Int32] = []
        var leaves: [Leaf] = []
        let regionRuns = coverage.regions.map { region in
            let first = days.count
            for index in region.starts.indices {
                let rule = coverage.matchSets[Int(region.matchSets[index])].first ?? otherwise ?? DecisionIndex.gap
                let leaf = Leaf(rule: rule, flags: region.flags[index])
                if days.count > first, leaves.last == leaf { continue }
                days.append(region.starts[index])
                leaves.append(leaf)
            }
            let run = Run(first: Int32(first), count: Int32(days.count - first))
            days.append(coverage.windowEnd + 1)
            leaves.append(Leaf(rule: DecisionIndex.gap, flags: 0))
            return run
        }
        runs = coverage.regionOfCell.map { regionRuns[Int($0)] }
        intervalCount = runs.reduce(0) { $0 + Int($1.count) }
        self.days = days
        self.leaves = leaves
    }

    /// The leaf that decides these values on a day, or `nil` when the number of values is not
    /// the number of inputs, a value is outside its input's domain or the day outside the window
    /// (``CompiledTable/evaluate(_:asOf:)`` then works out which, in its documented order).
    @inline(__always)
    func hit(_ values: YearValues, dayNumber: Int) -> Hit? {
        // One unsigned comparison for both ends of the window.
        let offset = UInt(bitPattern: dayNumber &- Int(windowStart))
        guard offset <= UInt(bitPattern: Int(windowEnd) &- Int(windowStart)), let cell = cell(of: values) else {
            return nil
        }
        return hit(cell: cell, day: Int32(truncatingIfNeeded: dayNumber))
    }

    /// The cell of the values, or `nil` when their number is wrong or one is outside its domain.
    /// A space with an axis of classes (a per-person date) or hidden axes (compared pairs of
    /// them) takes the cell space's own search; the others take the flat steps.
    @inline(__always)
    func cell(of values: YearValues) -> Int? {
        guard values.count == space.inputCount else { return nil }
        guard !space.hasClasses else {
            guard case .success(let cell) = space.cell(of: values) else { return nil }
            return cell
        }
        return values.withCodes { codes in
            axes.withUnsafeBufferPointer { axes in
                // Without classes there is one axis per input, and `codes` holds at least as many
                // entries as `values.count`, checked equal to the number of inputs above.
                var cell = 0
                for input in axes.indices {
                    let index = axes[input].index(of: codes[input])
                    guard index != Axis.outside else { return nil }
                    cell &+= Int(index) &* axes[input].stride
                }
                return cell
            }
        }
    }

    /// The leaf of a cell that holds a day of the window.
    ///
    /// Safe without bounds checks: a cell from ``cell(of:)`` is below `runs.count` (every value
    /// index is below its axis's count, and the strides are the products of the later counts),
    /// and every run lies in `days` and `leaves` with its closing entry after it (see `init`).
    @inline(__always)
    private func hit(cell: Int, day: Int32) -> Hit {
        runs.withUnsafeBufferPointer { runs in
            days.withUnsafeBufferPointer { days in
                leaves.withUnsafeBufferPointer { leaves in
                    let run = runs[cell]
                    var base = Int(run.first)
                    var count = Int(run.count)
                    // The last start on or before the day. A long run is halved first (keeping the
                    // upper half when its first start is not after the day); the last few starts
                    // are counted, with no branch on the day: the starts are sorted, so the number
                    // of them after the first that are on or before the day is the leaf's offset.
                    while count > 8 {
                        let half = count >> 1
                        let after = (Int(day) &- Int(days[base &+ half])) >> (Int.bitWidth - 1)
                        base &+= half & ~after
                        count &-= half
                    }
                    var offset = 0
                    var next = 1
                    while next < count {
                        offset &+= days[base &+ next] <= day ? 1 : 0
                        next &+= 1
                    }
                    base &+= offset
                    let leaf = leaves[base]
                    return Hit(rule: leaf.rule, flags: leaf.flags, lastDay: days[base &+ 1] &- 1)
                }
            }
        }
    }

    /// The intervals of one cell: first day, last day, rule and flags.
    package func intervals(of cell: Int) -> [(first: Int, last: Int, rule: Int32, flags: UInt32)] {
        let run = runs[cell]
        return (Int(run.first)..<Int(run.first + run.count)).map { index in
            (Int(days[index]), Int(days[index + 1]) - 1, leaves[index].rule, leaves[index].flags)
        }
    }
}
