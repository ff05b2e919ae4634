/// Under the UNIQUE hit policy, reports each pair of rules that match the same input, with
/// both rules' lines and a counterexample.
struct OverlapCheck: AnalysisPass {
    /// For each pair of rules that match a common input, where they do.
    static func pairs(_ context: AnalysisContext) -> [[Int32]: [(cell: Int, days: ClosedRange<Int>)]] {
        var piecesByPair: [[Int32]: [(cell: Int, days: ClosedRange<Int>)]] = [:]
        for cell in context.coverage.cells.indices {
            for interval in context.coverage.intervals(of: cell) where interval.matches.count > 1 {
                for (position, first) in interval.matches.enumerated() {
                    for second in interval.matches[(position + 1)...] {
                        piecesByPair[[first, second], default: []].append((cell, interval.days))
                    }
                }
            }
        }
        return piecesByPair
    }

    func run(_ context: AnalysisContext) -> [Diagnostic] {
        guard context.table.hitPolicy == .unique else { return [] }
        let piecesByPair = Self.pairs(context)
        let table = context.table
        return piecesByPair.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            let regions = InputRegion.compact(piecesByPair[pair] ?? [], space: context.coverage.space)
            let first = Int(pair[0])
            let second = Int(pair[1])
            let described = regions.prefix(3).map { table.describe(region: $0) }
            let example = regions.first.map { describeExample($0, table: table) } ?? ""
            return Diagnostic(
                .overlap(
                    table.rules[second].id, table.rules[first].id, regions: described,
                    more: max(regions.count - 3, 0), count: regions.reduce(0) { $0 + $1.count }, example: example),
                at: context.location(of: second),
                notes: [
                    DiagnosticNote(
                        DiagnosticMessage.overlappingRule(table.rules[first].id), at: context.location(of: first))
                ])
        }
    }
}
