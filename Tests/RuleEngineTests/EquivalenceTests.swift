import Testing

@testable import RuleEngine

/// The decision tree and the linear scan agree on every input of the domain: every year
/// combination on every day of the window.
@Suite("Tree and linear scan agree")
struct EquivalenceTests {
    static let tables = ["rules/2026.yaml", "Tests/RuleEngineTests/Fixtures/minimal.yaml"]

    @Test("on every input of the domain", arguments: tables)
    func everyInput(_ file: String) throws {
        let table = try TestSupport.compiled(TableLoader.load(path: TestSupport.path(file)))
        let reference = ReferenceEvaluator(table: table.definition)
        let space = CellSpace(table.definition.yearInputs)
        var mismatches = 0
        var overlaps = 0
        var checked = 0
        for cell in 0..<space.count {
            let years = space.values(of: cell)
            var day = table.policy.windowStart
            while day <= table.policy.windowEnd {
                let decision = try table.evaluate(years, asOf: day)
                let expected = reference.decide(years, on: day)
                if expected?.rule != decision.ruleIndex || expected?.flags != decision.flags {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record(
                            "cell \(cell) day \(day): tree \(decision.ruleIndex), scan \(String(describing: expected))")
                    }
                }
                if reference.matchCount(years, on: day) > 1 { overlaps += 1 }
                checked += 1
                day = day.adding(days: 1)
            }
        }
        #expect(mismatches == 0)
        #expect(overlaps == 0)
        #expect(checked == space.count * (table.policy.windowEnd.dayNumber - table.policy.windowStart.dayNumber + 1))
    }
}
