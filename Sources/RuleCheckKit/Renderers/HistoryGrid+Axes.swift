import RuleEngine

/// The axes of a history's grid in the inputs' own terms: an enum's words, a boolean's
/// `true`/`false`, and for a per-person date one row (or column) per class of days of the
/// tables in force, never one per day, with neighbouring classes of the same decisions merged.
extension HistoryGrid {
    /// One axis: its input (for a per-person date, over the union of the domains, cut into the
    /// classes of every table in force), its values and the values each row or column stands for.
    struct Axis {
        let input: DiscreteInput
        let values: [Int?]

        /// A row's or column's header: a value, or a per-person date's runs of days.
        func label(_ group: [Int?]) -> String {
            input.isDate ? input.describe(group) : input.text(group.first ?? nil)
        }
    }

    /// The axis of one input, from that input of every table in force (newest first).
    static func axis(_ inputs: [DiscreteInput]) -> Axis? {
        guard let newest = inputs.first else { return nil }
        guard newest.isDate else {
            let codes = Set(inputs.flatMap { Array($0.domain) }).sorted()
            return Axis(
                input: newest, values: codes.map { Optional($0) } + (inputs.contains { $0.allowsNone } ? [nil] : []))
        }
        let lower = inputs.map(\.domain.lowerBound).min() ?? newest.domain.lowerBound
        let upper = inputs.map(\.domain.upperBound).max() ?? newest.domain.upperBound
        // Each table's decisions are constant on its classes; where a domain starts and ends
        // too, so that a class is inside each domain or outside it.
        let starts = Set(inputs.flatMap { $0.classStarts + [$0.domain.lowerBound, $0.domain.upperBound + 1] })
            .filter { $0 >= lower && $0 <= upper }.sorted()
        var input = DiscreteInput(
            name: newest.name, label: newest.label, kind: newest.kind, domain: lower...upper,
            allowsNone: newest.allowsNone, location: newest.location)
        input.classStarts = starts
        return Axis(input: input, values: starts.map { Optional($0) })
    }

    /// Neighbouring lines of a per-person date with the same cells merged: each line's value
    /// groups and cells.
    static func mergedLines(_ values: [Int?], _ cells: [[String]], merges: Bool) -> (
        groups: [[Int?]], cells: [[String]]
    ) {
        var groups: [[Int?]] = []
        var merged: [[String]] = []
        for (value, line) in zip(values, cells) {
            if merges, let last = merged.last, last == line {
                groups[groups.count - 1].append(value)
            } else {
                groups.append([value])
                merged.append(line)
            }
        }
        return (groups, merged)
    }

    /// The grid's lines with neighbouring rows, then columns, of a per-person date merged.
    static func merged(rows: Axis, columns: Axis?, values: [Int?], cells: [[String]]) -> (
        rowGroups: [[Int?]], columnGroups: [[Int?]], cells: [[String]]
    ) {
        let byRow = mergedLines(rows.values, cells, merges: rows.input.isDate)
        let transposed = values.indices.map { column in byRow.cells.map { $0[column] } }
        let byColumn = mergedLines(values, transposed, merges: columns?.input.isDate == true)
        let cells = byRow.groups.indices.map { row in byColumn.cells.map { $0[row] } }
        return (byRow.groups, byColumn.groups, cells)
    }
}
