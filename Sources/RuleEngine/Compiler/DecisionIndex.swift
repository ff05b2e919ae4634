/// The compiled decision tree, flat for `evaluate`: each input's value code becomes its value
/// index by one step per axis (an offset, or for a per-person date a search of its class
/// starts), the indices become a cell in mixed radix (the first input varies slowest), and each
/// cell points at a sorted run of date-interval starts with the leaf that applies from each one.
/// Cells of one region share its run. A decision is a few loads and multiplications and
/// searches whose steps depend on the table only, never on the values or the day.
@usableFromInline
package struct DecisionIndex: Sendable {
    /// The leaf value for an interval no rule covers.
    static let gap: Int32 = -1
    /// The entries of a run compared at once, after halving: its blocks are at least this long.
    static let searchWidth = 8

    package let space: CellSpace
    /// One step per input, in input order.
    let axes: [Axis]
    /// One hidden axis per compared pair of per-person dates, after the inputs.
    let pairAxes: [PairAxis]
    /// The class starts of every per-person date and pair, each list padded for its search.
    let cuts: [Int]
    /// Each cell's run in ``days`` and ``leaves``.
    let runs: [Run]
    /// Each run's interval starts in order, followed by the day after the window, so that an
    /// interval always ends the day before the next entry, and padding to its block.
    let days: [Int32]
    /// The leaf of each entry of ``days`` (a gap for the closing and padding entries).
    let leaves: [Leaf]
    /// The number of intervals over all cells, counting shared runs once per cell.
    let intervalCount: Int
    /// The window's first and last day.
    let windowStart: Int32
    let windowEnd: Int32

    /// Builds the tree from the coverage: each region's run is worked out and stored once; its
    /// cells point at it.
    init(coverage: Coverage, otherwise: Int32?, windowStart: Int32, layout: RunLayout = .automatic) {
        space = coverage.space
        self.windowStart = windowStart
        windowEnd = coverage.windowEnd
        var cuts: [Int] = []
        (axes, pairAxes) = Self.axes(of: coverage.space, cuts: &cuts)
        self.cuts = cuts
        let (regionRuns, days, leaves) = Self.runs(of: coverage, otherwise: otherwise, layout: layout)
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
    @inline(__always)
    func cell(of values: YearValues) -> Int? {
        guard values.count == axes.count else { return nil }
        return values.withCodes { codes in
            axes.withUnsafeBufferPointer { axes in
                cuts.withUnsafeBufferPointer { cuts in
                    // `codes` holds at least as many entries as `values.count`, checked equal to the
                    // number of axes above; every class search stays in its padded list.
                    var cell = 0
                    for input in axes.indices {
                        let axis = axes[input]
                        let code = codes[input]
                        let offset = UInt32(bitPattern: code &- axis.lower)
                        var index = offset < axis.span ? offset : Axis.outside
                        if axis.classes.first >= 0, index != Axis.outside {
                            index = UInt32(truncatingIfNeeded: Self.classIndex(of: Int(code), axis.classes, cuts))
                        }
                        index = code == YearValues.noneCode ? axis.noneIndex : index
                        guard index != Axis.outside else { return nil }
                        cell &+= Int(index) &* axis.stride
                    }
                    guard !pairAxes.isEmpty else { return cell }
                    return pairAxes.withUnsafeBufferPointer { pairs in
                        for pair in pairs {
                            let difference = Self.value(codes[pair.first]) &- Self.value(codes[pair.second])
                            cell &+= Self.classIndex(of: difference, pair.classes, cuts) &* pair.stride
                        }
                        return cell
                    }
                }
            }
        }
    }

    /// A code as a compared pair's difference takes it: `none` counts as 0.
    @inline(__always)
    private static func value(_ code: Int32) -> Int {
        code == YearValues.noneCode ? 0 : Int(code)
    }

    /// The position of the last start at or before `value` in a padded list of starts (0 when
    /// the first start is after it): halvings whose number depends on the list only.
    @inline(__always)
    private static func classIndex(of value: Int, _ search: CutSearch, _ cuts: UnsafeBufferPointer<Int>) -> Int {
        let first = Int(search.first)
        var base = first
        var half = (1 << Int(search.steps)) >> 1
        while half > 0 {
            base &+= cuts[base &+ half] <= value ? half : 0
            half >>= 1
        }
        return base &- first
    }

    /// The leaf of a cell that holds a day of the window.
    ///
    /// Safe without bounds checks: a cell from ``cell(of:)`` is below `runs.count` (every value
    /// index is below its axis's count, and the strides are the products of the later counts),
    /// and every run's block lies in `days` and `leaves` (see ``runs(of:otherwise:)``).
    @inline(__always)
    private func hit(cell: Int, day: Int32) -> Hit {
        runs.withUnsafeBufferPointer { runs in
            days.withUnsafeBufferPointer { days in
                leaves.withUnsafeBufferPointer { leaves in
                    let run = runs[cell]
                    var base = Int(run.first)
                    // The last start on or before the day. The block is halved down to
                    // `searchWidth` entries (keeping the upper half when its first start is not
                    // after the day); those are counted, a fixed number of comparisons. The first entry of the block
                    // is the window's start, so the first of those is on or before the day, and
                    // the closing entry is after it, so the next entry is in the block.
                    var half = Int(run.halfBlock)
                    while half >= DecisionIndex.searchWidth {
                        base &+= days[base &+ half] <= day ? half : 0
                        half >>= 1
                    }
                    var offset = 0
                    for next in 1..<DecisionIndex.searchWidth {
                        offset &+= days[base &+ next] <= day ? 1 : 0
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
