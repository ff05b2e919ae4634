/// Reports inputs that no rule decides, as compact regions with a concrete counterexample.
/// A table with an `otherwise` rule has no gaps.
struct GapCheck: AnalysisPass {
    /// The inputs no rule decides, as compact regions.
    static func regions(_ context: AnalysisContext) -> [InputRegion] {
        guard context.otherwise == nil else { return [] }
        let coverage = context.coverage
        return InputRegion.compact(
            boxes: coverage.pieces { coverage.matchSets[$0].isEmpty }, space: coverage.space)
    }

    func run(_ context: AnalysisContext) -> [Diagnostic] {
        let regions = Self.regions(context)
        let table = context.table
        let anchor = SourceLocation(file: table.file, range: .init(at: .start))
        // A gap belongs to no rule: it is reported at the `rules:` key.
        let rulesLocation = table.rulesLocation ?? anchor
        let reports = Self.reports(regions, table: table)
        return reports.prefix(Analysis.maxRegionsListed).map { report in
            switch report {
            case .region(let region):
                return Diagnostic(
                    .gap(
                        table.describe(region: region), count: table.count(of: region),
                        example: describeExample(region, table: table)),
                    at: rulesLocation)
            case .diagonal(let regions, let first, let second, let offset):
                return Diagnostic(
                    .gap(
                        Self.describe(regions, first: first, second: second, offset: offset, table: table),
                        count: regions.reduce(0) { $0 + table.count(of: $1) },
                        example: describeExample(regions[0], table: table)),
                    at: rulesLocation)
            }
        }
            + (reports.count > Analysis.maxRegionsListed
                ? [Diagnostic(.moreRegions(reports.count - Analysis.maxRegionsListed), at: rulesLocation)] : [])
    }
}

/// The region's first input as assignments: `ma_expires=2026, nr_expires=none, as_of=2025-12-01`.
func describeExample(_ region: InputRegion, table: RuleTable) -> String {
    let example = table.example(of: region)
    return table.assignments(years: example.years, asOf: example.asOf)
}
