/// Warns about rules that decide no input: under UNIQUE they match nothing; under FIRST,
/// earlier rules shadow them. Also warns when `otherwise` is never needed.
struct UnreachableCheck: AnalysisPass {
    func run(_ context: AnalysisContext) -> [Diagnostic] {
        var decides = Array(repeating: false, count: context.table.rules.count)
        for region in context.coverage.regions {
            for matchSet in region.matchSets {
                if let first = context.coverage.matchSets[Int(matchSet)].first {
                    decides[Int(first)] = true
                } else if let otherwise = context.otherwise {
                    decides[otherwise] = true
                }
            }
        }
        return decides.indices.filter { !decides[$0] }.map { index in
            let rule = context.table.rules[index]
            return Diagnostic(
                rule.isOtherwise ? .otherwiseUnreachable(rule.id) : .unreachable(rule.id), at: rule.location)
        }
    }
}
