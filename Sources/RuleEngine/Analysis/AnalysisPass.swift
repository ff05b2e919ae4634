/// What every analysis pass sees: the table, its coverage, and where to report.
struct AnalysisContext {
    let table: RuleTable
    let coverage: Coverage
    /// The `otherwise` rule's index, if the table has one.
    var otherwise: Int? { table.rules.lastIndex { $0.isOtherwise } }

    func location(of rule: Int) -> SourceLocation { table.rules[rule].location }
}

/// One check over a compiled table. Each pass lives in its own file and can be tested alone.
protocol AnalysisPass: Sendable {
    /// The diagnostics this pass finds.
    func run(_ context: AnalysisContext) -> [Diagnostic]
}

/// The passes every table goes through, in reporting order.
enum Analysis {
    static let passes: [any AnalysisPass] = [DateOrderCheck(), GapCheck(), OverlapCheck(), UnreachableCheck()]

    /// Runs every pass.
    static func run(_ context: AnalysisContext) -> [Diagnostic] {
        passes.flatMap { $0.run(context) }
    }

    /// The most regions a single finding lists before summarising the rest.
    static let maxRegionsListed = 20
}
