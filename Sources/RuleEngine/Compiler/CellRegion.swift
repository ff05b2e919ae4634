/// A box of cells: for each year input, a closed range of value indices.
typealias CellBox = [ClosedRange<Int>]

/// A set of cells on which every year test of the table has the same result and every date
/// bound resolves to the same day inside the window, so that one representative decides for
/// all of them. Regions partition the cell space.
struct CellRegion: Sendable {
    /// The value indices of one cell of the region.
    let representative: [Int]
    /// The class of the first year input that the region lies in (see ``AxisPartition``).
    let firstClass: Int
    /// Disjoint boxes whose union is the region.
    let boxes: [CellBox]

    /// The number of cells.
    var cellCount: Int { boxes.reduce(0) { $0 + $1.reduce(1) { $0 * $1.count } } }

    /// Every region of a partition: the product of each input's classes, where a pair of
    /// inputs related by `equals` is split along the diagonals `index(p) - index(q) = d` for
    /// each compared difference `d` and the rest of each pair of classes, instead of into cells.
    static func regions(_ partition: AxisPartition, space: CellSpace) -> [CellRegion] {
        let axes = space.valueCounts.count
        var paired: [Int: AxisPartition.InputPair] = [:]
        for pair in partition.differences.keys {
            paired[pair.first] = pair
            paired[pair.second] = pair
        }
        // Each group (one input, or a related pair) contributes its own pieces; regions are
        // their products, in input order.
        var groups: [[Piece]] = []
        for axis in 0..<axes {
            if let pair = paired[axis] {
                guard pair.first == axis else { continue }
                groups.append(
                    diagonalPieces(
                        pair, differences: partition.differences[pair] ?? [], partition: partition, space: space))
            } else {
                groups.append(
                    partition.classes[axis].enumerated().map { index, range in
                        Piece(axes: [axis], classes: [index], representative: [range.lowerBound], boxes: [[range]])
                    })
            }
        }
        var regions: [CellRegion] = []
        var current: [Piece] = []
        func combine(_ group: Int) {
            guard group < groups.count else {
                regions.append(product(current, axes: axes))
                return
            }
            for piece in groups[group] {
                current.append(piece)
                combine(group + 1)
                current.removeLast()
            }
        }
        combine(0)
        return regions
    }

    /// Part of a region over some of the inputs.
    private struct Piece {
        let axes: [Int]
        let classes: [Int]
        let representative: [Int]
        let boxes: [CellBox]
    }

    /// The region that is the product of one piece of each group.
    private static func product(_ pieces: [Piece], axes: Int) -> CellRegion {
        var representative = Array(repeating: 0, count: axes)
        var firstClass = 0
        var boxes: [CellBox] = [Array(repeating: 0...0, count: axes)]
        for piece in pieces {
            for (position, axis) in piece.axes.enumerated() {
                representative[axis] = piece.representative[position]
                if axis == 0 { firstClass = piece.classes[position] }
            }
            boxes = boxes.flatMap { box in
                piece.boxes.map { part in
                    var combined = box
                    for (position, axis) in piece.axes.enumerated() { combined[axis] = part[position] }
                    return combined
                }
            }
        }
        return CellRegion(representative: representative, firstClass: firstClass, boxes: boxes)
    }

    /// The pieces of a related pair: for each pair of classes, one diagonal piece per compared
    /// difference that meets it, and one for the rest. A class that is `none` meets no diagonal.
    private static func diagonalPieces(
        _ pair: AxisPartition.InputPair, differences: [Int], partition: AxisPartition, space: CellSpace
    ) -> [Piece] {
        var pieces: [Piece] = []
        let axes = [pair.first, pair.second]
        for (firstIndex, first) in partition.classes[pair.first].enumerated() {
            for (secondIndex, second) in partition.classes[pair.second].enumerated() {
                let classes = [firstIndex, secondIndex]
                let isNone =
                    first.lowerBound == space.yearCounts[pair.first]
                    || second.lowerBound == space.yearCounts[pair.second]
                guard !isNone else {
                    pieces.append(
                        Piece(
                            axes: axes, classes: classes, representative: [first.lowerBound, second.lowerBound],
                            boxes: [[first, second]]))
                    continue
                }
                for difference in differences {
                    // x - y = difference with x in `first` and y in `second`.
                    let low = max(first.lowerBound, second.lowerBound + difference)
                    let high = min(first.upperBound, second.upperBound + difference)
                    guard low <= high else { continue }
                    pieces.append(
                        Piece(
                            axes: axes, classes: classes, representative: [low, low - difference],
                            boxes: (low...high).map { [$0...$0, ($0 - difference)...($0 - difference)] }))
                }
                // The rest, one box per run of the first input's values for each value of the
                // second, so that compaction sweeps it row by row.
                var rest: [CellBox] = []
                for y in second {
                    var start = first.lowerBound
                    for x in differences.map({ y + $0 }).sorted() where first.contains(x) {
                        if start < x { rest.append([start...(x - 1), y...y]) }
                        start = x + 1
                    }
                    if start <= first.upperBound { rest.append([start...first.upperBound, y...y]) }
                }
                if let box = rest.first {
                    pieces.append(
                        Piece(
                            axes: axes, classes: classes, representative: [box[0].lowerBound, box[1].lowerBound],
                            boxes: rest))
                }
            }
        }
        return pieces
    }
}
