/// Warns about rules that decide no input: under UNIQUE they match nothing; under FIRST,
/// earlier rules shadow them. Also warns when `otherwise` is never needed.
struct UnreachableCheck: AnalysisPass {
    func run(_ context: AnalysisContext) -> [Diagnostic] {
        var decides = Array(repeating: false, count: context.table.rules.count)
        for cell in context.coverage.cells {
            for matches in cell.matches {
                if let first = matches.first {
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
