/// Cutting per-person dates into classes of days once every condition is read: a class is a
/// run of days on which every condition of the table is constant, so the analysis and the
/// decision index treat a per-person date as an axis of a few classes, not of every day.
extension RuleTableLoader {
    /// Sets each per-person date's classes and the table's compared pairs, or reports why the
    /// conditions cut them past the limits (RC225, RC226).
    mutating func cutDateClasses(_ table: inout RuleTable) {
        let inputs = table.yearInputs
        guard inputs.contains(where: \.isDate) else { return }
        var cuts = DateCuts(
            inputs: inputs, window: table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber)
        cuts.add(
            table.rules.flatMap(\.conditions) + table.derived.flatMap(\.conditions),
            certifications: table.certifications)
        for (index, input) in inputs.enumerated() where input.isDate {
            let starts = cuts.classStarts(of: index)
            guard starts.count <= InputType.maxDateClasses else {
                reader.report(
                    Diagnostic(
                        .dateClassLimit(input.name, classes: starts.count, limit: InputType.maxDateClasses),
                        at: input.location))
                continue
            }
            table.yearInputs[index].classStarts = starts
        }
        let pairs = cuts.pairs()
        for refused in pairs.refused {
            let names = refused.inputs.map { "`\(inputs[$0].name)`" }.joined(separator: ", ")
            reader.report(
                Diagnostic(
                    .dateComparisonLimit(
                        "per-person dates \(names) are compared in more than one pair; a per-person date may be compared with one other at most"
                    ), at: refused.location))
        }
        for pair in pairs.kept where pair.differenceStarts.count > InputType.maxDateClasses {
            reader.report(
                Diagnostic(
                    .dateClassLimit(
                        "\(inputs[pair.first].name) − \(inputs[pair.second].name)",
                        classes: pair.differenceStarts.count,
                        limit: InputType.maxDateClasses), at: inputs[pair.first].location))
        }
        table.datePairs = pairs.kept
        // The product stops growing past the limit, so that it cannot overflow.
        let counts = CellSpace(table.yearInputs, pairs: table.datePairs).valueCounts
        let cells = counts.reduce(1) { min($0 * $1, 1_000_001) }
        if cells > 1_000_000, let location = inputs.first(where: \.isDate)?.location {
            reader.report(
                Diagnostic(
                    .limitExceeded(
                        "the inputs and the classes of their per-person dates have more than 1,000,000 combinations"),
                    at: location))
        }
    }
}
