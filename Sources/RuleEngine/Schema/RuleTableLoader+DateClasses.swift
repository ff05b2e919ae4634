/// Cutting per-person dates into classes of days once every condition is read: a class is a
/// run of days on which every condition of the table is constant, so the analysis and the
/// decision index treat a per-person date as an axis of a few classes, not of every day.
extension RuleTableLoader {
    /// Sets each per-person date's classes and the table's compared pairs, or reports why the
    /// conditions cut them past the limits (RC225, RC226).
    mutating func cutDateClasses(_ table: inout RuleTable) {
        let inputs = table.yearInputs
        guard inputs.contains(where: \.isDate) else { return }
        var cuts = inputs.map { _ in Set<Int>() }
        var pairCuts: [[Int]: Set<Int>] = [:]
        var pairLocations: [[Int]: SourceLocation] = [:]
        let window = table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber
        for condition in table.rules.flatMap(\.conditions) + table.derived.flatMap(\.conditions) {
            switch condition.test {
            case .year:
                continue
            case .date(let bound):
                // The question's date against a per-person date: every day whose shifted
                // value falls in the window is a class of its own.
                guard case .input(let input) = bound.operand else { continue }
                cuts[input].formUnion((window.lowerBound - bound.shift)...(window.upperBound + 1 - bound.shift))
            case .personDate(let input, let bound):
                switch bound.operand {
                case .fixed(let date):
                    cuts[input].insert(date.dayNumber + bound.shift)
                case .expiry(let index):
                    let certification = table.certifications[index]
                    for year in inputs[certification.inputIndex].domain {
                        cuts[input].insert(certification.expires.date(in: year).dayNumber + bound.shift)
                    }
                case .input(let other):
                    // value(input) - value(other) >= shift, cut in the pair's own order.
                    let key = [min(input, other), max(input, other)]
                    pairCuts[key, default: []].insert(input < other ? bound.shift : 1 - bound.shift)
                    pairLocations[key] = pairLocations[key] ?? condition.location
                }
            }
        }
        for (index, input) in inputs.enumerated() where input.isDate {
            let starts = [input.domain.lowerBound] + cuts[index].filter { input.domain.contains($0) && $0 > input.domain.lowerBound }.sorted()
            guard starts.count <= InputType.maxDateClasses else {
                reader.report(
                    Diagnostic(
                        .dateClassLimit(input.name, classes: starts.count, limit: InputType.maxDateClasses),
                        at: input.location))
                continue
            }
            table.yearInputs[index].classStarts = starts
        }
        var paired: [Int: [Int]] = [:]
        for key in pairCuts.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if let other = paired[key[0]] ?? paired[key[1]], let location = pairLocations[key] {
                let names = (Set(other + key)).sorted().map { "`\(inputs[$0].name)`" }.joined(separator: ", ")
                reader.report(
                    Diagnostic(
                        .dateComparisonLimit(
                            "per-person dates \(names) are compared in more than one pair; a per-person date may be compared with one other at most"
                        ), at: location))
                continue
            }
            paired[key[0]] = key
            paired[key[1]] = key
            let first = inputs[key[0]].domain
            let second = inputs[key[1]].domain
            let range = (first.lowerBound - second.upperBound)...(first.upperBound - second.lowerBound)
            let starts = [range.lowerBound] + (pairCuts[key] ?? []).filter { range.contains($0) && $0 > range.lowerBound }.sorted()
            table.datePairs.append(
                DatePair(first: key[0], second: key[1], differenceStarts: starts, maxDifference: range.upperBound))
        }
        let cells = CellSpace(table.yearInputs, pairs: table.datePairs).count
        if cells > 1_000_000, let location = inputs.first(where: \.isDate)?.location {
            reader.report(
                Diagnostic(
                    .limitExceeded("the inputs and the classes of their per-person dates have \(cells) combinations, more than 1,000,000"),
                    at: location))
        }
    }
}
