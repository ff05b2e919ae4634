/// The finite space of value combinations ("cells") of a table, numbered in mixed radix: the
/// first axis varies slowest. Value index `domain.count` of an input means `none`. A
/// per-person date is an axis of classes of days (``DiscreteInput/classStarts``), and each
/// compared pair of per-person dates adds a hidden axis after the inputs, of classes of their
/// difference (``DatePair``); evaluation finds a value's class by a search over a small sorted
/// array, so a domain of tens of thousands of days stays a handful of cells.
public struct CellSpace: Sendable, Hashable {
    /// Each axis's lowest value.
    let lowerBounds: [Int]
    /// Each axis's number of values without `none` (for an axis of classes, its classes).
    let yearCounts: [Int]
    /// Each axis's number of values (plus one for `none` when allowed).
    let valueCounts: [Int]
    /// Each axis's highest value.
    let upperBounds: [Int]
    /// For each axis of classes, the first value of each class; empty for the other axes.
    let classStarts: [[Int]]
    /// The compared pairs of per-person dates, one hidden axis each after the inputs.
    package let pairs: [DatePair]
    /// The number of inputs (the axes before the hidden ones).
    let inputCount: Int
    /// Whether some axis is one of classes, which evaluation then searches.
    let hasClasses: Bool

    /// Creates the space of a table's discrete inputs and compared pairs of per-person dates.
    package init(_ inputs: [YearInput], pairs: [DatePair] = []) {
        inputCount = inputs.count
        self.pairs = pairs
        lowerBounds = inputs.map(\.domain.lowerBound) + pairs.map { $0.differenceStarts.first ?? 0 }
        upperBounds = inputs.map(\.domain.upperBound) + pairs.map(\.maxDifference)
        yearCounts =
            inputs.map { $0.isDate ? $0.classStarts.count : $0.domain.count } + pairs.map(\.differenceStarts.count)
        valueCounts = inputs.map(\.valueCount) + pairs.map(\.differenceStarts.count)
        classStarts = inputs.map(\.classStarts) + pairs.map(\.differenceStarts)
        hasClasses = classStarts.contains { !$0.isEmpty }
    }

    /// The number of cells.
    public var count: Int { valueCounts.reduce(1, *) }

    /// The cell of these values, or the index of the first input whose value is outside its domain.
    @inline(__always)
    package func cell(of values: YearValues) -> Result<Int, InputIndexError> {
        guard !hasClasses else { return classCell(of: values) }
        var cell = 0
        for input in 0..<valueCounts.count {
            let valueIndex: Int
            if let year = values[input] {
                let offset = year - lowerBounds[input]
                guard offset >= 0, offset < yearCounts[input] else { return .failure(InputIndexError(input: input)) }
                valueIndex = offset
            } else {
                guard valueCounts[input] > yearCounts[input] else { return .failure(InputIndexError(input: input)) }
                valueIndex = yearCounts[input]
            }
            cell = cell * valueCounts[input] + valueIndex
        }
        return .success(cell)
    }

    /// The cell of these values when some axis is one of classes.
    private func classCell(of values: YearValues) -> Result<Int, InputIndexError> {
        var cell = 0
        for input in 0..<inputCount {
            let valueIndex: Int
            if let value = values[input] {
                guard value >= lowerBounds[input], value <= upperBounds[input] else {
                    return .failure(InputIndexError(input: input))
                }
                valueIndex =
                    classStarts[input].isEmpty
                    ? value - lowerBounds[input] : DiscreteInput.classIndex(of: value, in: classStarts[input])
            } else {
                guard valueCounts[input] > yearCounts[input] else { return .failure(InputIndexError(input: input)) }
                valueIndex = yearCounts[input]
            }
            cell = cell * valueCounts[input] + valueIndex
        }
        for (offset, pair) in pairs.enumerated() {
            let difference = (values[pair.first] ?? 0) - (values[pair.second] ?? 0)
            let index = DiscreteInput.classIndex(of: difference, in: pair.differenceStarts)
            cell = cell * valueCounts[inputCount + offset] + index
        }
        return .success(cell)
    }

    /// The value indices of a cell, one per axis.
    func valueIndices(of cell: Int) -> [Int] {
        var indices = Array(repeating: 0, count: valueCounts.count)
        var rest = cell
        for input in stride(from: valueCounts.count - 1, through: 0, by: -1) {
            indices[input] = rest % valueCounts[input]
            rest /= valueCounts[input]
        }
        return indices
    }

    /// Values that fall in a cell: the first value of each input's class, moved inside its
    /// class where a compared pair's difference class requires it. Values that cannot meet a
    /// pair's difference class (no pair of dates of those classes has such a difference) fall
    /// back to each class's first value.
    package func values(of cell: Int) -> YearValues {
        let indices = valueIndices(of: cell)
        return representative(indices) ?? YearValues((0..<inputCount).map { value(input: $0, index: indices[$0]) })
    }

    /// Values of each input that realise these value indices, every hidden axis included, or
    /// `nil` when no values do (two classes of dates whose difference cannot be in the class).
    func representative(_ indices: [Int]) -> YearValues? {
        var values = (0..<inputCount).map { value(input: $0, index: indices[$0]) }
        for (offset, pair) in pairs.enumerated() {
            let first = classRange(pair.first, indices[pair.first])
            let second = classRange(pair.second, indices[pair.second])
            let difference = classRange(inputCount + offset, indices[inputCount + offset])
            let low = max(difference.lowerBound, first.lowerBound - second.upperBound)
            let high = min(difference.upperBound, first.upperBound - second.lowerBound)
            guard low <= high else { return nil }
            let day = max(first.lowerBound, second.lowerBound + low)
            values[pair.first] = day
            values[pair.second] = day - low
        }
        return YearValues(values)
    }

    /// The first value of each class of an axis (empty for an axis of single values).
    package func classStarts(of axis: Int) -> [Int] { classStarts[axis] }

    /// Whether some values fall in a cell (see ``representative(_:)``).
    package func isRealisable(_ cell: Int) -> Bool { pairs.isEmpty || representative(valueIndices(of: cell)) != nil }

    /// The values of an axis's class (or single value) at a value index.
    func classRange(_ axis: Int, _ index: Int) -> ClosedRange<Int> {
        guard !classStarts[axis].isEmpty else {
            let value = lowerBounds[axis] + index
            return value...value
        }
        let starts = classStarts[axis]
        return starts[index]...(index + 1 < starts.count ? starts[index + 1] - 1 : upperBounds[axis])
    }

    /// The value of an input at a value index (`nil` for `none`); for an axis of classes, the
    /// first value of the class.
    func value(input: Int, index: Int) -> Int? {
        guard index < yearCounts[input] else { return nil }
        return classStarts[input].isEmpty ? lowerBounds[input] + index : classStarts[input][index]
    }
}

/// The position of the year input whose value is outside its domain.
package struct InputIndexError: Error {
    package let input: Int
}
