/// How the flat decision tree lays out its axes, date cuts and runs.
extension DecisionIndex {
    /// How runs take their blocks: each the longest run's (the search takes the same steps in
    /// every cell), each its own, or the first when it at most doubles the room. Tests choose
    /// one to check both; tables take the automatic choice.
    enum RunLayout {
        case automatic
        case fitted
        case uniform
    }

    /// The steps of a cell space: one per input, in input order, then one per compared pair of
    /// per-person dates; every class list is appended to `cuts`, padded for its search. A
    /// domain that 32-bit codes cannot hold gets no codes here, so that its inputs take the
    /// checked path (and its error).
    static func axes(of space: CellSpace, cuts: inout [Int]) -> (inputs: [Axis], pairs: [PairAxis]) {
        var strides = Array(repeating: 1, count: space.valueCounts.count)
        for axis in space.valueCounts.indices.dropLast().reversed() {
            strides[axis] = strides[axis + 1] * space.valueCounts[axis + 1]
        }
        let inputs = (0..<space.inputCount).map { input in
            let lower = space.lowerBounds[input]
            let upper = space.upperBounds[input]
            let fits = lower > Int(Int32.min) && upper < Int(Int32.max)
            let classes = space.classStarts[input]
            return Axis(
                lower: fits ? Int32(lower) : 0, span: fits ? UInt32(upper - lower + 1) : 0,
                noneIndex: space.valueCounts[input] > space.yearCounts[input]
                    ? UInt32(space.yearCounts[input]) : Axis.outside,
                classes: classes.isEmpty ? CutSearch(first: -1, steps: 0) : append(classes, to: &cuts),
                stride: strides[input])
        }
        let pairs = space.pairs.enumerated().map { offset, pair in
            PairAxis(
                first: pair.first, second: pair.second, classes: append(pair.differenceStarts, to: &cuts),
                stride: strides[space.inputCount + offset])
        }
        return (inputs, pairs)
    }

    /// Appends sorted starts padded with `Int.max` to the next power of two, and says where they are.
    private static func append(_ starts: [Int], to cuts: inout [Int]) -> CutSearch {
        let steps = starts.count > 1 ? Int.bitWidth - (starts.count - 1).leadingZeroBitCount : 0
        let search = CutSearch(first: Int32(cuts.count), steps: Int32(steps))
        cuts += starts
        cuts += Array(repeating: Int.max, count: (1 << steps) - starts.count)
        return search
    }

    /// The number of entries a run of `count` intervals takes in ``days`` and ``leaves``: its
    /// starts and the closing day after the window, padded to a power of two of at least
    /// ``searchWidth``, so that the search halves it to one load of that many entries.
    static func block(of count: Int) -> Int {
        max(searchWidth, 1 << (Int.bitWidth - count.leadingZeroBitCount))
    }

    /// The runs of a coverage's regions: each region's leaves worked out once (the winner of
    /// each interval under the hit policy, falling back to `otherwise`, neighbouring intervals
    /// of equal leaves merged), closed by the day after the window and padded with days that
    /// no search reaches (``Int32/max``). Every run takes the block of the longest when that
    /// costs at most twice the room of blocks fitted to each run, so that the search takes the
    /// same steps whatever the cell; else each run takes its own block.
    static func runs(of coverage: Coverage, otherwise: Int32?, layout: RunLayout = .automatic) -> (
        runs: [Run], days: [Int32], leaves: [Leaf]
    ) {
        let gapLeaf = Leaf(rule: DecisionIndex.gap, flags: 0)
        let leafRuns = coverage.regions.map { region in
            var starts: [Int32] = []
            var leaves: [Leaf] = []
            for index in region.starts.indices {
                let rule = coverage.matchSets[Int(region.matchSets[index])].first ?? otherwise ?? DecisionIndex.gap
                let leaf = Leaf(rule: rule, flags: region.flags[index])
                if !leaves.isEmpty, leaves.last == leaf { continue }
                starts.append(region.starts[index])
                leaves.append(leaf)
            }
            return (starts: starts, leaves: leaves)
        }
        let fitted = leafRuns.reduce(0) { $0 + block(of: $1.starts.count) }
        let longest = block(of: leafRuns.map(\.starts.count).max() ?? 1)
        let uniform: Bool
        switch layout {
        case .automatic: uniform = leafRuns.count * longest <= 2 * fitted
        case .fitted: uniform = false
        case .uniform: uniform = true
        }
        var days: [Int32] = []
        var leaves: [Leaf] = []
        days.reserveCapacity(uniform ? leafRuns.count * longest : fitted)
        leaves.reserveCapacity(days.capacity)
        let runs = leafRuns.map { run in
            let first = days.count
            let count = run.starts.count
            let block = uniform ? longest : block(of: count)
            days += run.starts
            days.append(coverage.windowEnd + 1)
            days += Array(repeating: Int32.max, count: block - count - 1)
            leaves += run.leaves
            leaves += Array(repeating: gapLeaf, count: block - count)
            return Run(first: Int32(first), count: Int32(count), halfBlock: Int32(block >> 1))
        }
        return (runs, days, leaves)
    }
}
