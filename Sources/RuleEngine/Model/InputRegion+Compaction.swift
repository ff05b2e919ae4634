extension InputRegion {
    /// Compacts (cell, day-range) pieces into few boxes (see ``compact(boxes:space:)``).
    package static func compact(_ pieces: [(cell: Int, days: ClosedRange<Int>)], space: CellSpace) -> [InputRegion] {
        compact(boxes: pieces.map { (space.valueIndices(of: $0.cell).map { $0...$0 }, $0.days) }, space: space)
    }

    /// Compacts (box of cells, day-range) pieces into few boxes: pieces with equal date sets
    /// are grouped, then merged along each year axis in turn.
    ///
    /// The work is not done cell by cell. The first input's values stay in ranges, swept once
    /// per row; the other inputs are cut into the coarsest grid that every piece's box is a
    /// union of (each axis cut where some box starts or ends). Because the merge only ever
    /// compares whole sets of values, the result is the same as merging cell by cell.
    static func compact(boxes pieces: [(box: CellBox, days: ClosedRange<Int>)], space: CellSpace) -> [InputRegion] {
        let axes = space.valueCounts.count
        let grid = Grid(pieces.map { Array($0.box.dropFirst()) }, axes: axes - 1)
        var segmentsByRow: [Int: [(values: ClosedRange<Int>, days: ClosedRange<Int>)]] = [:]
        for piece in pieces {
            grid.forEachCell(in: Array(piece.box.dropFirst())) { row in
                segmentsByRow[row, default: []].append((piece.box[0], piece.days))
            }
        }
        // For each set of dates, each row with the first input's values (as bounds) that have it.
        var byDates: [[ClosedRange<Int>]: [(row: Int, bounds: [Int])]] = [:]
        for (row, segments) in segmentsByRow {
            for (dates, bounds) in firstInputByDates(segments) { byDates[dates, default: []].append((row, bounds)) }
        }
        var regions: [InputRegion] = []
        for (ranges, rows) in byDates {
            var boxes = rows.sorted { $0.row < $1.row }.map { [$0.bounds] + grid.partIndices(of: $0.row).map { [$0] } }
            for axis in 1..<axes {
                var merged: [[[Int]]: [Int]] = [:]
                var order: [[[Int]]] = []
                for box in boxes {
                    var key = box
                    key[axis] = []
                    if merged[key] == nil { order.append(key) }
                    merged[key, default: []] += box[axis]
                }
                boxes = order.map { key in
                    var box = key
                    box[axis] = Array(Set(merged[key] ?? [])).sorted()
                    return box
                }
            }
            let dates = ranges.map { LocalDate(dayNumber: $0.lowerBound)...LocalDate(dayNumber: $0.upperBound) }
            for box in boxes {
                let first = stride(from: 0, to: box[0].count - 1, by: 2).flatMap { box[0][$0]...box[0][$0 + 1] }
                let values =
                    [first.map { space.value(input: 0, index: $0) }]
                    + box.dropFirst().enumerated().map { offset, parts in
                        parts.flatMap { part in
                            grid.values(input: offset, part: part).map { space.value(input: offset + 1, index: $0) }
                        }
                    }
                regions.append(InputRegion(values: values, dates: dates))
            }
        }
        return regions.sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
    }

    /// Sweeps one row's ranges of the first input: for each set of dates, the values (as
    /// ascending `[low, high, low, high, ...]` bounds) whose covering pieces have those dates.
    private static func firstInputByDates(
        _ segments: [(values: ClosedRange<Int>, days: ClosedRange<Int>)]
    ) -> [[ClosedRange<Int>]: [Int]] {
        let cuts = Set(segments.flatMap { [$0.values.lowerBound, $0.values.upperBound + 1] }).sorted()
        let starting = segments.sorted { $0.values.lowerBound < $1.values.lowerBound }
        var next = 0
        var active: [(values: ClosedRange<Int>, days: ClosedRange<Int>)] = []
        var result: [[ClosedRange<Int>]: [Int]] = [:]
        for (start, end) in zip(cuts, cuts.dropFirst()) {
            active.removeAll { $0.values.upperBound < start }
            while next < starting.count, starting[next].values.lowerBound == start {
                active.append(starting[next])
                next += 1
            }
            guard !active.isEmpty else { continue }
            let dates = active.map(\.days).mergedRanges()
            var bounds = result.removeValue(forKey: dates) ?? []
            if let last = bounds.last, last + 1 == start {
                bounds[bounds.count - 1] = end - 1
            } else {
                bounds += [start, end - 1]
            }
            result[dates] = bounds
        }
        return result
    }
}

/// The coarsest grid of value-index ranges that a set of boxes is a union of: on each axis,
/// part `k` runs from cut `k` to the value before cut `k + 1`.
private struct Grid {
    /// For each axis, the sorted value indices where some box starts or ends (one past).
    let cuts: [[Int]]
    /// For each axis, the position of each cut.
    private let position: [[Int: Int]]

    init(_ boxes: [CellBox], axes: Int) {
        var cuts = Array(repeating: Set<Int>(), count: axes)
        for box in boxes {
            for (axis, range) in box.enumerated() {
                cuts[axis].insert(range.lowerBound)
                cuts[axis].insert(range.upperBound + 1)
            }
        }
        self.cuts = cuts.map { $0.sorted() }
        position = self.cuts.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1, $0) }) }
    }

    /// The value indices of a part.
    func values(input: Int, part: Int) -> Range<Int> { cuts[input][part]..<cuts[input][part + 1] }

    /// The part indices of a grid cell (mixed radix, the first axis slowest).
    func partIndices(of cell: Int) -> [Int] {
        var indices = Array(repeating: 0, count: cuts.count)
        var rest = cell
        for axis in stride(from: cuts.count - 1, through: 0, by: -1) {
            let parts = max(cuts[axis].count - 1, 1)
            indices[axis] = rest % parts
            rest /= parts
        }
        return indices
    }

    /// Calls `body` with every grid cell inside a box.
    func forEachCell(in box: CellBox, _ body: (Int) -> Void) {
        let ranges = box.enumerated().map { axis, range in
            (position[axis][range.lowerBound] ?? 0)..<(position[axis][range.upperBound + 1] ?? 0)
        }
        guard ranges.allSatisfy({ !$0.isEmpty }) else { return }
        var indices = ranges.map(\.lowerBound)
        while true {
            var cell = 0
            for axis in indices.indices { cell = cell * max(cuts[axis].count - 1, 1) + indices[axis] }
            body(cell)
            var axis = indices.count - 1
            while axis >= 0, indices[axis] == ranges[axis].upperBound - 1 {
                indices[axis] = ranges[axis].lowerBound
                axis -= 1
            }
            guard axis >= 0 else { return }
            indices[axis] += 1
        }
    }
}
