/// For every cell, the date intervals on which the set of matching rules is constant, and
/// which rules match on each. Built once per table; the decision tree and every analysis
/// pass read it, so that they agree by construction.
struct Coverage: Sendable {
    /// The date intervals of one cell.
    struct Cell: Sendable {
        /// The first day of each interval; the first is the window's start, and each interval
        /// runs to the day before the next start (the last to the window's end).
        var starts: [Int32]
        /// For each interval, the indices of the non-`otherwise` rules that match, in file order.
        var matches: [[Int32]]
        /// For each interval, bit `k` set when derived output `k` is true.
        var flags: [UInt32]
    }

    let space: CellSpace
    let cells: [Cell]
    /// The last day of the window, as a day number.
    let windowEnd: Int32

    /// The day ranges of each interval of a cell, with their matches and flags.
    func intervals(of cell: Int) -> [(days: ClosedRange<Int>, matches: [Int32], flags: UInt32)] {
        let data = cells[cell]
        return data.starts.indices.map { index in
            let end = index + 1 < data.starts.count ? Int(data.starts[index + 1]) - 1 : Int(windowEnd)
            return (Int(data.starts[index])...end, data.matches[index], data.flags[index])
        }
    }
}
