/// The regions of a table's inputs on which the set of matching rules is constant: for every
/// region of cells (see ``CellRegion``), the date intervals of the window and which rules
/// match on each. Built once per table; the decision tree and every analysis pass read it, so
/// that they agree by construction. Its size grows with the number of distinct regions, not
/// with rules × cells.
struct Coverage: Sendable {
    /// The date intervals of one region.
    struct Region: Sendable {
        /// The cells of the region.
        let cells: CellRegion
        /// The first day of each interval; the first is the window's start, and each interval
        /// runs to the day before the next start (the last to the window's end).
        var starts: [Int32]
        /// For each interval, the index in ``Coverage/matchSets`` of the rules that match.
        var matchSets: [Int32]
        /// For each interval, bit `k` set when derived output `k` is true.
        var flags: [UInt32]
        /// Whether some input falls in the region; one that no pair of per-person dates
        /// realises decides nothing and is left out of every analysis pass.
        var isRealisable = true
    }

    let space: CellSpace
    let regions: [Region]
    /// Each distinct set of matching non-`otherwise` rules, as indices in file order.
    let matchSets: [[Int32]]
    /// For every cell, the index of its region.
    let regionOfCell: [Int32]
    /// The last day of the window, as a day number.
    let windowEnd: Int32

    /// The day ranges of each interval of a region, with their match sets and flags.
    func intervals(of region: Int) -> [(days: ClosedRange<Int>, matchSet: Int, flags: UInt32)] {
        let data = regions[region]
        return data.starts.indices.map { index in
            let end = index + 1 < data.starts.count ? Int(data.starts[index + 1]) - 1 : Int(windowEnd)
            return (Int(data.starts[index])...end, Int(data.matchSets[index]), data.flags[index])
        }
    }

    /// The boxes and day ranges of every interval whose match set passes the filter.
    func pieces(where include: (Int) -> Bool) -> [(box: CellBox, days: ClosedRange<Int>)] {
        var pieces: [(box: CellBox, days: ClosedRange<Int>)] = []
        for region in regions.indices where regions[region].isRealisable {
            for interval in intervals(of: region) where include(interval.matchSet) {
                for box in regions[region].cells.boxes { pieces.append((box, interval.days)) }
            }
        }
        return pieces
    }
}
