import RuleEngine

/// Per-person dates on a grid's axes: one row (or column) per class of days, cut also where
/// the date's difference with a compared date fixed by `--input` changes class, and
/// neighbouring classes with the same decisions merged into one run of days.
extension DecisionMatrix {
    /// The values down (or across) an axis: every value, or for a per-person date the first day
    /// of each class of days on which its decisions cannot change.
    func axisValues(_ input: Int, fixed: YearValues) -> [Int?] {
        let definition = table.definition
        let discrete = definition.yearInputs[input]
        guard discrete.isDate else { return discrete.values }
        var starts = Set(discrete.classStarts)
        for pair in definition.datePairs where pair.first == input || pair.second == input {
            let other = pair.first == input ? pair.second : pair.first
            guard let value = fixed[other] else { continue }
            for start in pair.differenceStarts.dropFirst() {
                // first - second >= start: the input's days cut at `value + start` as the
                // first, at `value - start + 1` as the second.
                starts.insert(pair.first == input ? value + start : value - start + 1)
            }
        }
        return starts.filter { discrete.domain.contains($0) }.sorted().map { Optional($0) }
    }

    /// The grid with neighbouring rows (and columns) of a per-person date merged where every
    /// decision is the same.
    func merged(_ grid: DecisionGrid) -> DecisionGrid {
        let same = { (lhs: Decision, rhs: Decision) in lhs.ruleIndex == rhs.ruleIndex && lhs.flags == rhs.flags }
        var rows: [(value: Int?, group: [Int?], decisions: [Decision])] = []
        for (index, line) in grid.decisions.enumerated() {
            if grid.rowInput.isDate, let last = rows.last, zip(last.decisions, line).allSatisfy(same) {
                rows[rows.count - 1].group += grid.rowGroups[index]
            } else {
                rows.append((grid.rowValues[index], grid.rowGroups[index], line))
            }
        }
        var columns: [(value: Int?, group: [Int?], keep: Int)] = []
        for index in grid.columnValues.indices {
            let merges =
                grid.columnInput?.isDate == true && !columns.isEmpty
                && rows.allSatisfy { same($0.decisions[columns[columns.count - 1].keep], $0.decisions[index]) }
            if merges {
                columns[columns.count - 1].group += grid.columnGroups[index]
            } else {
                columns.append((grid.columnValues[index], grid.columnGroups[index], index))
            }
        }
        return DecisionGrid(
            rowInput: grid.rowInput, columnInput: grid.columnInput, rowValues: rows.map(\.value),
            columnValues: columns.map(\.value), decisions: rows.map { row in columns.map { row.decisions[$0.keep] } },
            legend: grid.legend, rowGroups: rows.map(\.group), columnGroups: columns.map(\.group))
    }
}
