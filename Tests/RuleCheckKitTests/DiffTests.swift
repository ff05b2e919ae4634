import RuleEngine
import Testing

@testable import RuleCheckKit

@Suite("Semantic diff")
struct DiffTests {
    static func compile(_ text: String, _ name: String = "edited.yaml") throws -> CompiledTable {
        try TestSupport.compiled(TableLoader.load(yaml: text, file: name))
    }

    static func diff2026(_ change: (String) -> String) throws -> TableDiff {
        let original = try TestSupport.table2026Text()
        let edited = change(original)
        #expect(edited != original, "the edit changed nothing")
        return try TableDiffer.diff(old: compile(original, "old.yaml"), new: compile(edited, "new.yaml"))
    }

    @Test("a table against itself is equivalent")
    func selfDiff() throws {
        let table = try TestSupport.table2026()
        let diff = try TableDiffer.diff(old: table, new: table)
        #expect(diff.isEquivalent)
        #expect(diff.decisionChanges.isEmpty && diff.itemChanges.isEmpty)
        #expect(diff.comparedInputs == 11 * 12 * 486)
    }

    @Test("2026 against the 2027 example, shifted one year, reports exactly the fee change")
    func nextYear() throws {
        let old = try TestSupport.table2026()
        let new = try TestSupport.compiled(
            TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml")))
        let diff = try TableDiffer.diff(old: old, new: new, shiftYears: 1)
        #expect(diff.decisionChanges.map { "\($0.field): \($0.old) → \($0.new)" } == ["fee: 62.50 USD → 65.00 USD"])
        let change = try #require(diff.decisionChanges.first)
        #expect(change.regions.count == 1)
        #expect(
            change.regions.first?.describe(names: ["ma", "nr"], dateName: "d")
                == "ma 2026, nr 2027, d 2025-12-01 to 2026-03-31")
        let items = diff.itemChanges.filter { !$0.isMetadata }
        #expect(items.map { "\($0.item) \($0.id) \($0.detail)" } == ["fee alignment 62.50 USD → 65.00 USD"])
        let feeLine = try TestSupport.table2026Text().lineNumber(of: "  alignment:\n")
        #expect(items.first?.oldLocation?.line == feeLine)
        #expect(diff.itemChanges.filter(\.isMetadata).map(\.id) == ["version", "title"])
        #expect(!diff.isEquivalent)
    }

    @Test("a moved deadline changes the statuses of the days between, and the deadline item")
    func movedDeadline() throws {
        let diff = try Self.diff2026 { $0.replacingFirst("date: 2026-02-15", with: "date: 2026-02-20") }
        let status = try #require(diff.decisionChanges.first { $0.field == "status" })
        #expect(status.old == "action-overdue" && status.new == "action-required")
        #expect(status.count == 5)
        #expect(status.regions.first?.dates == [TestSupport.date("2026-02-16")...TestSupport.date("2026-02-20")])
        #expect(diff.decisionChanges.contains { $0.field == "deadlines" })
        #expect(
            diff.itemChanges.contains {
                $0.item == "deadline" && $0.id == "recommended" && $0.detail.contains("2026-02-15 → 2026-02-20")
            })
    }

    @Test("a changed fee is reported on exactly the inputs that pay it")
    func changedFee() throws {
        let diff = try Self.diff2026 { $0.replacingFirst("amount: 62.50", with: "amount: 70.00") }
        #expect(diff.decisionChanges.map(\.field) == ["fee"])
        #expect(diff.decisionChanges.first?.count == 121)
        #expect(diff.itemChanges.map(\.id) == ["alignment"])
    }

    @Test("a new cohort is reported where it replaces `not-covered`, with the added rule")
    func newCohort() throws {
        let diff = try Self.diff2026 { text in
            text.replacingFirst(
                "  - id: aligned\n",
                with: """
                      - id: nr-two-years-ahead
                        when: {ma_expires: cycle, nr_expires: cycle + 2, as_of: {on_or_before: nr.expiry}}
                        then: {cohort: two-year-gap, status: refer-to-oems, actions: [refer-to-oems]}

                      - id: aligned

                    """)
        }
        let cohort = try #require(diff.decisionChanges.first { $0.field == "cohort" })
        #expect(cohort.old == "not-covered" && cohort.new == "two-year-gap")
        #expect(cohort.regions.first?.values[0] == [2026] && cohort.regions.first?.values[1] == [2028])
        #expect(!diff.decisionChanges.contains { $0.field == "status" })
        #expect(
            diff.itemChanges.contains { $0.kind == .added && $0.id == "nr-two-years-ahead" && $0.newLocation != nil })
    }

    @Test("a removed rule sends its inputs to `otherwise`, and is listed as removed")
    func removedRule() throws {
        let diff = try Self.diff2026 { text in
            let start = text.range(of: "  - id: alignment-not-yet-due\n")
            let end = text.range(of: "  - id: aligned\n")
            guard let start, let end else { return text }
            // The labels of the cohort and status only that rule decides go with it.
            return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("    alignment-not-yet-due:") && !$0.hasPrefix("    no-action-yet:") }
                .joined(separator: "\n")
        }
        let cohort = try #require(diff.decisionChanges.first { $0.field == "cohort" })
        #expect(cohort.old == "alignment-not-yet-due" && cohort.new == "not-covered")
        let ruleLine = try TestSupport.table2026Text().lineNumber(of: "  - id: alignment-not-yet-due\n")
        #expect(
            diff.itemChanges.contains {
                $0.kind == .removed && $0.id == "alignment-not-yet-due" && $0.oldLocation?.line == ruleLine
            })
    }

    @Test("windows that do not overlap are an error, not an empty diff")
    func noCommonDates() throws {
        let old = try TestSupport.table2026()
        #expect(throws: TableDiffError.self) { try TableDiffer.diff(old: old, new: old, shiftYears: 5) }
    }
}
