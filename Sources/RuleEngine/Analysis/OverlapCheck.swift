/// Under the UNIQUE hit policy, reports each pair of rules that match the same input, once
/// per pair, with both rules' lines, the compact regions where they overlap and a counterexample.
struct OverlapCheck: AnalysisPass {
    /// Two rules, in file order.
    struct RulePair: Hashable {
        let first: Int32
        let second: Int32
    }

    /// For each pair of rules that match a common input, where they do, as compact regions.
    static func pairs(_ context: AnalysisContext) -> [RulePair: [InputRegion]] {
        let found = overlaps(context)
        return found.groupOfPair.mapValues { found.regions[$0] }
    }

    /// The pairs of rules that match a common input, each with the index of its group in
    /// `regions`: the compact regions where they overlap.
    ///
    /// Works on the coverage's distinct match sets, never on cells: a pair overlaps exactly on
    /// the intervals of the match sets that hold both rules, so pairs with the same match sets
    /// (all of them, when every rule matches everywhere) share one group and one compaction.
    static func overlaps(_ context: AnalysisContext) -> (groupOfPair: [RulePair: Int], regions: [[InputRegion]]) {
        let coverage = context.coverage
        var setsOfPair: [RulePair: [Int32]] = [:]
        var piecesOfSet: [Int: [(box: CellBox, days: ClosedRange<Int>)]] = [:]
        for (index, rules) in coverage.matchSets.enumerated() where rules.count > 1 {
            piecesOfSet[index] = []
            for (position, first) in rules.enumerated() {
                for second in rules[(position + 1)...] {
                    setsOfPair[RulePair(first: first, second: second), default: []].append(Int32(index))
                }
            }
        }
        for region in coverage.regions.indices {
            for interval in coverage.intervals(of: region) where piecesOfSet[interval.matchSet] != nil {
                for box in coverage.regions[region].cells.boxes {
                    piecesOfSet[interval.matchSet, default: []].append((box, interval.days))
                }
            }
        }
        var groupOfSets: [[Int32]: Int] = [:]
        var regions: [[InputRegion]] = []
        var groupOfPair: [RulePair: Int] = [:]
        groupOfPair.reserveCapacity(setsOfPair.count)
        for (pair, sets) in setsOfPair {
            if let group = groupOfSets[sets] {
                groupOfPair[pair] = group
                continue
            }
            let pieces = sets.flatMap { piecesOfSet[Int($0)] ?? [] }
            groupOfSets[sets] = regions.count
            groupOfPair[pair] = regions.count
            regions.append(InputRegion.compact(boxes: pieces, space: coverage.space))
        }
        return (groupOfPair, regions)
    }

    func run(_ context: AnalysisContext) -> [Diagnostic] {
        guard context.table.hitPolicy == .unique else { return [] }
        let found = Self.overlaps(context)
        let table = context.table
        // Each group's regions are put into words once, and shared by every pair in the group.
        let summaries = found.regions.map { regions in
            (
                described: regions.prefix(3).map { table.describe(region: $0) }, more: max(regions.count - 3, 0),
                count: regions.reduce(0) { $0 + table.count(of: $1) },
                example: regions.first.map { describeExample($0, table: table) } ?? ""
            )
        }
        let pairs = found.groupOfPair.keys.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        return pairs.map { pair in
            let summary = summaries[found.groupOfPair[pair] ?? 0]
            let first = Int(pair.first)
            let second = Int(pair.second)
            return Diagnostic(
                .overlap(
                    table.rules[second].id, table.rules[first].id, regions: summary.described,
                    more: summary.more, count: summary.count, example: summary.example),
                at: context.location(of: second),
                notes: [
                    DiagnosticNote(
                        DiagnosticMessage.overlappingRule(table.rules[first].id), at: context.location(of: first))
                ])
        }
    }
}
