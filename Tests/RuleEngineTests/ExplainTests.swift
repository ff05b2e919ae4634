import Testing

@testable import RuleEngine

@Suite("Explanations")
struct ExplainTests {
    @Test("the deciding rule's conditions all hold and each names its line")
    func matched() throws {
        let table = try TestSupport.table2026()
        let explanation = try table.explain(YearValues(2026, 2027), asOf: TestSupport.date("2026-02-20"))
        #expect(explanation.decision.rule.id == "alignment-overdue")
        #expect(explanation.matched.count == 4)
        #expect(explanation.matched.allSatisfy { $0.holds })
        #expect(explanation.matched.allSatisfy { $0.condition.location.line > explanation.decision.rule.location.line })
    }

    @Test("every other rule has a failing condition, nearest miss first and `otherwise` last")
    func whyNot() throws {
        let table = try TestSupport.table2026()
        let explanation = try table.explain(YearValues(2026, 2027), asOf: TestSupport.date("2026-02-20"))
        #expect(explanation.misses.count == table.definition.rules.count - 1)
        let ordinary = explanation.misses.filter { !table.definition.rules[$0.rule].isOtherwise }
        #expect(ordinary.allSatisfy { $0.failed != nil && $0.failed?.holds == false })
        let failing = ordinary.map { $0.total - $0.satisfied }
        #expect(failing == failing.sorted())
        let last = try #require(explanation.misses.last)
        #expect(table.definition.rules[last.rule].isOtherwise)
        let nearest = try #require(ordinary.first)
        #expect(nearest.failed?.detail.contains("2026-02-20") == true)
    }

    @Test("the explanation agrees with the tree on every boundary input")
    func agreesWithTree() throws {
        let table = try TestSupport.table2026()
        for ma in 2022...2032 {
            for nr in (2022...2032).map({ Optional($0) }) + [nil] {
                for day in PolicyContractTests.boundaryDates {
                    let explanation = try table.explain(YearValues(ma, nr), asOf: day)
                    #expect(explanation.matched.allSatisfy { $0.holds })
                    if table.definition.hitPolicy == .unique {
                        let others = explanation.misses.filter { !table.definition.rules[$0.rule].isOtherwise }
                        #expect(others.allSatisfy { $0.failed != nil })
                    }
                }
            }
        }
    }
}
