import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The golden harness passes on every shipped table, and fails, naming the right input, when
/// the table or the expectations are wrong.
@Suite("Golden harness")
struct HarnessTests {
    /// Every shipped table that has an expectations file.
    static let shippedTables: [String] = {
        let folder = TestSupport.path("rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expect.yaml") }
            .filter { names.contains(String($0.dropLast(5)) + ".expect.yaml") }.sorted().map { "rules/" + $0 }
    }()

    static func expectations(for table: CompiledTable, path: String = "rules/2026.expect.yaml") throws
        -> ExpectationsFile
    {
        let loaded = try ExpectationsLoader.load(path: TestSupport.path(path), for: table.definition)
        return try #require(loaded.expectations, "\(loaded.diagnostics.map(\.message))")
    }

    static func report(tableText: String, expectationsText: String? = nil) throws -> HarnessReport {
        let table = try TestSupport.compiled(TableLoader.load(yaml: tableText, file: "mutated.yaml"))
        let text =
            try expectationsText ?? String(contentsOfFile: TestSupport.path("rules/2026.expect.yaml"), encoding: .utf8)
        let loaded = ExpectationsLoader.load(bytes: Array(text.utf8), file: "expect.yaml", for: table.definition)
        let file = try #require(loaded.expectations, "\(loaded.diagnostics.map(\.message))")
        return Harness.run(table: table, expectations: file)
    }

    @Test("there is at least one shipped table with expectations")
    func shippedTablesExist() {
        #expect(Self.shippedTables.contains("rules/2026.yaml"))
    }

    @Test("every shipped table passes its expectations with full coverage", arguments: shippedTables)
    func shippedTablePasses(_ file: String) throws {
        let table = try TestSupport.compiled(TableLoader.load(path: TestSupport.path(file)))
        let path = ExpectationsLoader.defaultPath(forTable: file)
        let report = Harness.run(table: table, expectations: try Self.expectations(for: table, path: path))
        #expect(report.isSuccess, "\(report.text())")
        #expect(
            report.inputCount == table.definition.yearInputs.reduce(1) { $0 * $1.valueCount }
                * Harness.asOfDates(table: table.definition, expectations: report.expectations).count)
        #expect(report.passed == report.inputCount)
    }

    @Test("the as-of dates include each named date, its neighbours and the window's ends")
    func asOfDates() throws {
        let table = try TestSupport.table2026()
        let dates = Set(Harness.asOfDates(table: table.definition, expectations: nil).map(\.description))
        for date in [
            "2025-12-01", "2026-02-14", "2026-02-15", "2026-02-16", "2026-03-31", "2026-04-01", "2027-03-30",
            "2027-03-31",
        ] {
            #expect(dates.contains(date), "\(date)")
        }
        #expect(!dates.contains("2027-04-01"))
    }

    /// A mutation of the 2026 table, and an input the harness must name as failing.
    struct Mutation: CustomTestStringConvertible, Sendable {
        let name: String
        let from: String
        let to: String
        let ma: Int
        let nr: Int?
        let day: String
        var testDescription: String { name }
    }

    static let mutations = [
        Mutation(
            name: "shift a year", from: "      ma_expires: cycle + 1\n      nr_expires: cycle\n",
            to: "      ma_expires: cycle + 1\n      nr_expires: cycle - 1\n", ma: 2027, nr: 2026, day: "2025-12-01"),
        Mutation(
            name: "move a deadline by a day", from: "date: 2026-02-15", to: "date: 2026-02-16", ma: 2026, nr: 2027,
            day: "2026-02-16"),
        Mutation(
            name: "change the fee", from: "amount: 62.50", to: "amount: 62.00", ma: 2026, nr: 2027, day: "2025-12-01"),
        Mutation(
            name: "swap two statuses", from: "status: action-required\n      fee",
            to: "status: action-overdue\n      fee", ma: 2026,
            nr: 2027, day: "2025-12-01"),
        Mutation(
            name: "read late renewal as inclusive", from: "kind: closes\n    inclusive: false",
            to: "kind: closes\n    inclusive: true",
            ma: 2026, nr: 2027, day: "2027-03-31"),
        Mutation(
            name: "staff after expiry", from: "as_of: {on_or_before: ma.expiry}\n\nactions",
            to: "as_of: {on_or_before: nr.expiry}\n\nactions",
            ma: 2026, nr: 2027, day: "2026-04-01"),
    ]

    @Test("every mutation of the 2026 table fails the harness at the right input", arguments: mutations)
    func mutationFails(_ mutation: Mutation) throws {
        let original = try TestSupport.table2026Text()
        #expect(original.contains(mutation.from), "mutation does not apply")
        let report = try Self.report(tableText: original.replacingFirst(mutation.from, with: mutation.to))
        #expect(!report.isSuccess)
        #expect(report.failed > 0)
        let input = HarnessInput(years: YearValues(mutation.ma, mutation.nr), asOf: TestSupport.date(mutation.day))
        let named = report.failures.contains { failure in
            failure.regions.contains { region in
                region.values[0].contains(input.years[0]) && region.values[1].contains(input.years[1])
                    && region.dates.contains { $0.contains(input.asOf) }
            }
        }
        #expect(named, "the failures do not include \(input): \(report.text())")
        #expect(report.text().contains("FAIL expectation"))
    }

    @Test("a wrong expectations file is caught: wrong value, a gap in coverage, and a dead row")
    func wrongExpectations() throws {
        let text = try String(contentsOfFile: TestSupport.path("rules/2026.expect.yaml"), encoding: .utf8)
        let table = try TestSupport.table2026Text()
        let wrongValue = try Self.report(
            tableText: table,
            expectationsText: text.replacingFirst("status: no-action-yet", with: "status: action-required"))
        #expect(wrongValue.failures.contains { if case .mismatch = $0.kind { return true } else { return false } })
        #expect(wrongValue.text().contains("status: expected action-required, got no-action-yet"))

        let uncovered = try Self.report(
            tableText: table,
            expectationsText: String(text[..<(text.range(of: "  - id: other-pairings")?.lowerBound ?? text.endIndex)]))
        #expect(uncovered.failures.contains { $0.kind == .uncovered })

        let dead = try Self.report(
            tableText: table,
            expectationsText: text.replacingFirst(
                "  - id: reverse-off-cycle",
                with:
                    "  - id: shadowed\n    when: {ma_expires: 2027, nr_expires: 2026, as_of: {on: 2026-01-01}}\n    expect: {}\n  - id: dead\n    when: {ma_expires: 2027, nr_expires: 2026, as_of: {on: 2026-01-01}}\n    expect: {}\n  - id: reverse-off-cycle"
            ))
        #expect(dead.unusedRows.map { dead.expectations.rows[$0].id } == ["dead"])
        #expect(!dead.isSuccess)
    }

    @Test("a rule that no input reaches is reported as unexercised")
    func unexercisedRule() throws {
        let table = try TestSupport.table2026Text().replacingFirst(
            "  - id: aligned\n",
            with:
                "  - id: never\n    when: {ma_expires: 2022, nr_expires: 2032, as_of: {after: 2030-01-01}}\n    then: {cohort: x, status: y, actions: [renew-as-usual]}\n\n  - id: aligned\n"
        )
        let report = try Self.report(tableText: table)
        #expect(report.unexercisedRules.map { report.table.definition.rules[$0].id } == ["never"])
        #expect(report.text().contains("UNEXERCISED rule `never`"))
    }

    @Test("the timeline of each shipped table matches its reviewed golden snapshot", arguments: shippedTables)
    func timelineSnapshot(_ file: String) throws {
        let table = try TestSupport.compiled(TableLoader.load(path: TestSupport.path(file)))
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let goldenPath = TestSupport.path("Tests/Golden/\(name).timeline.txt")
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        let actual = DecisionMatrix(table: table).timelineText()
        #expect(
            actual == golden,
            """
            the timeline drifted from \(goldenPath); review the diff, then run
            `swift run rulecheck matrix \(file) --timeline --update-golden Tests/Golden/\(name).timeline.txt`
            \(LineDiff.render(old: golden, new: actual))
            """)
    }
}

/// A small line diff for snapshot failures: `-` lines only in the old text, `+` only in the new.
enum LineDiff {
    static func render(old: String, new: String) -> String {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = after.difference(from: before)
        var lines: [String] = []
        for change in difference {
            switch change {
            case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
