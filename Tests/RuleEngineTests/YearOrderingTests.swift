import Foundation
import Testing

@testable import RuleEngine

/// Orderings between year inputs (`b: {after: a}`, `{on_or_before: a + 1}`, ...) and against a
/// year: decisions on every pair of values against arithmetic written here, and the exact
/// analysis (no false gap, the real gap and overlap found with a counterexample).
@Suite("Orderings between year inputs")
struct YearOrderingTests {
    static func table(_ rules: String) -> String {
        """
        format: rulecheck/1
        policy: {id: t, version: "1", title: t, source: test, time_zone: UTC, window: {from: 2026-01-01, to: 2026-12-31}}
        cycle: 2026
        hit_policy: unique
        inputs:
          a: {type: year, domain: {from: 2020, to: 2032}}
          b: {type: year, domain: {from: 2022, to: 2034}, none: true}
          as_of: {type: date}
        actions: {z: Z.}
        rules:
        \(rules)
        """
    }

    static let threeWays = """
          - {id: later, when: {b: {after: a + 1}}, then: {cohort: later, status: s, actions: [z]}}
          - {id: close, when: {b: {on_or_after: a, on_or_before: a + 1}}, then: {cohort: close, status: s, actions: [z]}}
          - {id: earlier, when: {b: {before: a}}, then: {cohort: earlier, status: s, actions: [z]}}
          - {id: never, when: {b: none}, then: {cohort: never, status: s, actions: [z]}}
        """

    static func load(_ rules: String) -> LoadResult {
        TableLoader.load(yaml: table(rules), file: "order.yaml")
    }

    @Test("every pair of values is decided as the arithmetic says")
    func decidesEveryPair() throws {
        let table = try TestSupport.compiled(Self.load(Self.threeWays))
        let day = TestSupport.date("2026-06-01")
        for a in 2020...2032 {
            for b in [nil] + (2022...2034).map(Optional.some) {
                let expected: String
                if let b { expected = b > a + 1 ? "later" : b >= a ? "close" : "earlier" } else { expected = "never" }
                let values = try table.values(["a": .year(a), "b": b.map { .year($0) } ?? .none])
                #expect(try table.evaluate(values, asOf: day).rule.id == expected, "a \(a), b \(String(describing: b))")
            }
        }
    }

    @Test("three orderings that cover every pair leave no gap and no overlap")
    func analysisIsClean() {
        let result = Self.load(Self.threeWays)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test("the missing diagonal b = a + 1 is reported once; two equal orderings overlap once")
    func gapAndOverlap() throws {
        let gapped = Self.load(
            """
              - {id: later, when: {b: {after: a + 1}}, then: {cohort: later, status: s, actions: [z]}}
              - {id: same, when: {b: {on_or_before: a}}, then: {cohort: same, status: s, actions: [z]}}
              - {id: never, when: {b: none}, then: {cohort: never, status: s, actions: [z]}}
            """)
        // The missing diagonal b = a + 1 holds twelve pairs of the domains (a 2021 ... 2032); a
        // diagonal is not a box, but it is reported once, as the diagonal.
        let gaps = gapped.diagnostics.filter { $0.code == .gap }.map(\.message)
        #expect(gaps.count == 1, "\(gaps)")
        #expect(gaps.first?.contains(": a 2021–2032, b = a + 1, as_of ") == true, "\(gaps)")
        let example = gapped.diagnostics.first { $0.code == .gap }?.help ?? ""
        #expect(example.contains("a=2021, b=2022"), "\(example)")

        let overlapping = Self.load(
            """
              - {id: later, when: {b: {after: a}}, then: {cohort: later, status: s, actions: [z]}}
              - {id: later-too, when: {b: {on_or_after: a + 1}}, then: {cohort: later, status: s, actions: [z]}}
              - {id: rest, when: {b: {on_or_before: a}}, then: {cohort: rest, status: s, actions: [z]}}
              - {id: never, when: {b: none}, then: {cohort: never, status: s, actions: [z]}}
            """)
        let overlaps = overlapping.diagnostics.filter { $0.code == .overlap }
        #expect(overlaps.count == 1, "\(overlapping.diagnostics.map(\.message))")
    }

    @Test("an ordering against a year is the range of years that satisfies it")
    func againstAYear() throws {
        let table = try TestSupport.compiled(
            Self.load(
                """
                  - {id: late, when: {a: {after: 2030}}, then: {cohort: late, status: s, actions: [z]}}
                  - {id: early, when: {a: {on_or_before: 2030}}, then: {cohort: early, status: s, actions: [z]}}
                """))
        let day = TestSupport.date("2026-06-01")
        for a in 2020...2032 {
            let values = try table.values(["a": .year(a), "b": .none])
            #expect(try table.evaluate(values, asOf: day).rule.id == (a > 2030 ? "late" : "early"))
        }
    }

    @Test("an unknown input in an ordering is named with a suggestion, at the cell")
    func unknownInput() {
        let result = Self.load(
            """
              - {id: later, when: {b: {after: aa}}, then: {cohort: later, status: s, actions: [z]}}
            """)
        let undefined = result.diagnostics.filter { $0.code == .undefinedReference }
        #expect(undefined.count == 1, "\(result.diagnostics.map(\.message))")
        #expect(undefined.first?.location?.line == 11)
    }

    @Test("explain shows the comparison with the other input's value")
    func explains() throws {
        let table = try TestSupport.compiled(Self.load(Self.threeWays))
        let values = try table.values(["a": .year(2026), "b": .year(2030)])
        let explanation = try table.explain(values, asOf: TestSupport.date("2026-06-01"))
        let details = explanation.matched.map(\.detail) + explanation.misses.compactMap { $0.failed?.detail }
        #expect(details.contains("b 2030 ≥ a + 2 (2028)"), "\(details)")
    }
}
