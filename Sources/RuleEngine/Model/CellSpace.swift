/// The finite space of year-value combinations ("cells") of a table, numbered in mixed radix:
/// the first input varies slowest. Value index `domain.count` of an input means `none`.
public struct CellSpace: Sendable, Hashable {
    /// Each input's lowest year.
    let lowerBounds: [Int]
    /// Each input's number of years.
    let yearCounts: [Int]
    /// Each input's number of values (years, plus one for `none` when allowed).
    let valueCounts: [Int]

    /// Creates the space of a table's year inputs.
    package init(_ inputs: [YearInput]) {
        lowerBounds = inputs.map(\.domain.lowerBound)
        yearCounts = inputs.map(\.domain.count)
        valueCounts = inputs.map(\.valueCount)
    }

    /// The number of cells.
    public var count: Int { valueCounts.reduce(1, *) }

    /// The cell of these values, or the index of the first input whose value is outside its domain.
    package func cell(of values: YearValues) -> Result<Int, InputIndexError> {
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

    /// The value indices of a cell, one per input.
    func valueIndices(of cell: Int) -> [Int] {
        var indices = Array(repeating: 0, count: valueCounts.count)
        var rest = cell
        for input in stride(from: valueCounts.count - 1, through: 0, by: -1) {
            indices[input] = rest % valueCounts[input]
            rest /= valueCounts[input]
        }
        return indices
    }

    /// The year values of a cell.
    package func values(of cell: Int) -> YearValues {
        YearValues(valueIndices(of: cell).enumerated().map { input, index in value(input: input, index: index) })
    }

    /// The value of an input at a value index (`nil` for `none`).
    func value(input: Int, index: Int) -> Int? {
        index < yearCounts[input] ? lowerBounds[input] + index : nil
    }
}

/// The position of the year input whose value is outside its domain.
package struct InputIndexError: Error {
    package let input: Int
}
