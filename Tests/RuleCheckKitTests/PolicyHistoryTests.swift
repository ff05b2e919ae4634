import Foundation
import Testing

@testable import RuleCheckKit
@testable import RuleEngine

/// The 2026 table and the 2027 example (made from it by moving a year on, window from
/// 2026-12-01) decide together as one policy history.
@Suite("Policy history")
struct PolicyHistoryTests {
    static let table2027Path = "Tests/Fixtures/policies/2027-example.yaml"

    static func tables() throws -> (old: CompiledTable, new: CompiledTable) {
        (try TestSupport.table2026(), try TestSupport.compiled(TableLoader.load(path: TestSupport.path(table2027Path))))
    }

    static func history() throws -> PolicyHistory {
        let (old, new) = try tables()
        return try PolicyHistory([old, new])
    }

    @Test(
        "the required answers",
        arguments: [
            (2026, 2027, "2027-01-10", "one-year-alignment", "expired-late-renewal-open", "2026"),
            (2027, 2028, "2027-01-10", "one-year-alignment", "action-required", "2027-example"),
            (2026, 2027, "2027-03-31", "one-year-alignment", "late-renewal-closed", "2026"),
        ])
    func requiredAnswers(
        ma: Int, nr: Int, date: String, cohort: String, status: String, version: String
    ) throws {
        let decision = try Self.history().evaluate(YearValues(ma, nr), asOf: TestSupport.date(date))
        #expect(decision.outcome.cohort == cohort)
        #expect(decision.outcome.status == status)
        #expect(decision.table.policy.version == version)
    }

    @Test("MA 2027 / NR 2028 in the overlap gets the 2027 fee and deadlines")
    func newFeeAndDeadlines() throws {
        let decision = try Self.history().evaluate(YearValues(2027, 2028), asOf: TestSupport.date("2027-01-10"))
        #expect(decision.outcome.feeTotal?.description == "65.00 USD")
        #expect(decision.outcome.deadlines.map(\.date.description) == ["2027-02-15", "2027-03-31", "2028-03-31"])
        #expect(decision.policyJSON.rendered().contains("2027-example.yaml"))
    }

    /// What the history must decide, written from the semantics over the two hand-written
    /// expectations files (never from the tables): on a date, the versions whose window holds it
    /// and whose domains hold the years are asked newest first; the first whose expectation is
    /// something other than the policies' catch-all (`not-covered`, what `otherwise` gives)
    /// decides; else the newest one asked gives its catch-all.
    static func expected(
        _ years: YearValues, on day: LocalDate, versions: [(table: CompiledTable, expectations: ExpectationsFile)]
    ) -> (fields: ExpectedFields, file: ExpectationsFile, version: String)? {
        var fallback: (fields: ExpectedFields, file: ExpectationsFile, version: String)?
        for (table, file) in versions {
            let policy = table.policy
            guard policy.windowStart <= day, day <= policy.windowEnd else { continue }
            let inDomain = table.definition.yearInputs.enumerated().allSatisfy { $1.index(of: years[$0]) != nil }
            guard inDomain,
                let row = file.rows.first(where: { row in
                    row.conditions.allSatisfy { $0.holds(years, on: day, certifications: file.certifications) }
                })
            else { continue }
            if row.expected.cohort != "not-covered" { return (row.expected, file, policy.version) }
            fallback = fallback ?? (row.expected, file, policy.version)
        }
        return fallback
    }

    @Test("every day of the overlap × every MA/NR pair equals the expectation written from the semantics")
    func overlapMatchesExpectations() throws {
        let (old, new) = try Self.tables()
        // The folder as staff lay it out, decided as one history.
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let history = try #require(try PolicyHistory.load(path: folder).history)
        #expect(history.tables.map(\.policy.version) == ["2027-example", "2026"])
        let versions = [
            (new, try HarnessTests.expectations(for: new, path: "Tests/Fixtures/policies/2027-example.expect.yaml")),
            (old, try HarnessTests.expectations(for: old)),
        ]
        let years: [Int?] = Array(2022...2033).map { Optional($0) } + [nil]
        var day = new.policy.windowStart
        var checked = 0
        var failures: [String] = []
        while day <= old.policy.windowEnd {
            for ma in years.compactMap({ $0 }) {
                for nr in years {
                    let input = YearValues(ma, nr)
                    let expected = Self.expected(input, on: day, versions: versions)
                    let decision = try? history.evaluate(input, asOf: day)
                    checked += 1
                    guard let expected, let decision else {
                        if (expected == nil) != (decision == nil) {
                            failures.append(
                                "MA \(ma) NR \(nr.map(String.init) ?? "none") on \(day): decided \(decision != nil), expected \(expected != nil)"
                            )
                        }
                        continue
                    }
                    let mismatches = Harness.compare(decision, expected.fields, expected.file)
                    if !mismatches.isEmpty || decision.table.policy.version != expected.version {
                        failures.append(
                            "MA \(ma) NR \(nr.map(String.init) ?? "none") on \(day): version \(decision.table.policy.version) (expected \(expected.version)) "
                                + mismatches.map { "\($0.field) \($0.actual) ≠ \($0.expected)" }.joined(separator: ", ")
                        )
                    }
                }
            }
            day = day.adding(days: 1)
        }
        #expect(checked == 121 * 12 * 13)
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test("a history's decision holds until a newer table could start deciding")
    func validThrough() throws {
        let history = try Self.history()
        // The 2026 table decides until its late renewal closes; the 2027 table only defers.
        let late = try history.evaluate(YearValues(2026, 2027), asOf: TestSupport.date("2027-01-10"))
        #expect(late.validThrough == TestSupport.date("2027-03-30"))
        // Before the 2027 window opens, the 2026 answer holds at most until the day before.
        let early = try history.evaluate(YearValues(2027, 2028), asOf: TestSupport.date("2026-11-15"))
        #expect(early.table.policy.version == "2026")
        #expect(early.validThrough == TestSupport.date("2026-11-30"))
        let next = try history.evaluate(YearValues(2027, 2028), asOf: TestSupport.date("2026-12-01"))
        #expect(next.table.policy.version == "2027-example")
        #expect(next.validThrough == TestSupport.date("2027-02-15"))
    }

    @Test("a newer table's window start decides which is newer, whatever the order given")
    func orderIndependent() throws {
        let (old, new) = try Self.tables()
        #expect(try PolicyHistory([old, new]).tables.map(\.policy.version) == ["2027-example", "2026"])
        #expect(try PolicyHistory([new, old]).tables.map(\.policy.version) == ["2027-example", "2026"])
    }

    @Test("two tables with the same version, or windows starting the same day, are an error")
    func tiesAndDuplicates() throws {
        let text = try String(contentsOfFile: TestSupport.path(Self.table2027Path), encoding: .utf8)
        let old = try TestSupport.table2026()
        let sameVersion = try TestSupport.compiled(
            TableLoader.load(
                yaml: text.replacingFirst("version: \"2027-example\"", with: "version: \"2026\""), file: "copy.yaml"))
        #expect(throws: PolicyHistoryError.duplicateVersion("2026", "copy.yaml", TestSupport.path("rules/2026.yaml"))) {
            try PolicyHistory([old, sameVersion])
        }
        let sameStart = try TestSupport.compiled(
            TableLoader.load(yaml: text.replacingFirst("from: 2026-12-01", with: "from: 2025-12-01"), file: "b.yaml"))
        #expect(
            throws: PolicyHistoryError.sameWindowStart(
                TestSupport.path("rules/2026.yaml"), "b.yaml", TestSupport.date("2025-12-01"))
        ) {
            try PolicyHistory([old, sameStart])
        }
    }

    @Test("a folder skips hidden files, expectations files and files that are not tables")
    func folderSkipsOtherFiles() throws {
        let folder = try Self.folder(extra: [".#2026.yaml": "garbage: [", "notes.txt": "x", "2026.yaml.bak": "x"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try PolicyHistory.tableFiles(at: folder).map { ($0 as NSString).lastPathComponent }
        #expect(files == ["2026.yaml", "2027.yaml"])
        let loaded = try PolicyHistory.load(path: folder)
        #expect(loaded.history?.tables.count == 2)
    }

    @Test("TableStore holds a history and reloads a folder")
    func tableStore() throws {
        let store = TableStore(try TestSupport.table2026())
        let date = TestSupport.date("2027-01-10")
        #expect(try store.evaluate(YearValues(2027, 2028), asOf: date).outcome.status == "no-action-yet")
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try store.reload(folder: folder)
        #expect(result.history != nil)
        #expect(try store.evaluate(YearValues(2027, 2028), asOf: date).outcome.status == "action-required")
        #expect(try store.evaluate(YearValues(2026, 2027), asOf: date).outcome.status == "expired-late-renewal-open")
        #expect(store.current.policy.version == "2027-example")
    }

    @Test("explain says which newer table deferred, and why")
    func explainDeferral() throws {
        let explanation = try Self.history().explain(YearValues(2026, 2027), asOf: TestSupport.date("2027-01-10"))
        #expect(explanation.inForce.map(\.policy.version) == ["2027-example", "2026"])
        #expect(explanation.deferrals.map(\.table.policy.version) == ["2027-example"])
        #expect(!explanation.isFallback)
        guard case .otherwise(let miss)? = explanation.deferrals.first?.reason else {
            Issue.record("the 2027 table should defer because only its otherwise matches")
            return
        }
        #expect(miss != nil)
        let fallback = try Self.history().explain(YearValues(2026, nil), asOf: TestSupport.date("2027-01-10"))
        #expect(fallback.isFallback)
        #expect(fallback.explanation.decision.table.policy.version == "2027-example")
    }

    /// A temporary folder holding the 2026 table and the 2027 example as `2027.yaml`, and `extra` files.
    static func folder(extra: [String: String] = [:]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.path("rules/2026.yaml"), toPath: folder + "/2026.yaml")
        try FileManager.default.copyItem(atPath: TestSupport.path(table2027Path), toPath: folder + "/2027.yaml")
        for (name, text) in extra { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }
}

/// The hand-over report for the 2026 table and the 2027 example.
@Suite("Hand-over report")
struct HandOverTests {
    @Test("the regions where the 2027 table takes over a decision the 2026 table makes differently")
    func regions() throws {
        let (old, new) = try PolicyHistoryTests.tables()
        let notes = HistoryCheck.run([old, new], verbose: true).filter { $0.code == .handOver }
        let regions = notes.dropFirst().map(\.message)
        // Written from the two policies: in the overlap (2026-12-01 to 2027-03-31) the 2027 table
        // names MA 2027 / NR 2028 (the 2026 table's "not yet due"), MA 2028 / NR 2027 and
        // MA 2028 / NR 2029, which the 2026 table refers to the office.
        let expected = [
            "ma_expires 2027, nr_expires 2028, as_of 2026-12-01 to 2027-02-15: alignment-not-yet-due / no-action-yet",
            "ma_expires 2027, nr_expires 2028, as_of 2027-02-16 to 2027-03-31: alignment-not-yet-due / no-action-yet",
            "ma_expires 2028, nr_expires 2027, as_of 2026-12-01 to 2027-03-31: not-covered / refer-to-oems",
            "ma_expires 2028, nr_expires 2029, as_of 2026-12-01 to 2027-03-31: not-covered / refer-to-oems",
        ]
        #expect(regions.count == expected.count)
        for text in expected { #expect(regions.contains { $0.contains(text) }, "\(text)") }
        #expect(regions.contains { $0.contains("→ one-year-alignment / action-required, fee 65.00 USD") })
        #expect(regions.contains { $0.contains("→ one-year-alignment / action-overdue, fee 65.00 USD") })
        #expect(regions.contains { $0.contains("→ reverse-off-cycle / action-required") })
        #expect(regions.contains { $0.contains("→ alignment-not-yet-due / no-action-yet") })
        #expect(notes.first?.message.contains("from 2026-12-01 to 2027-03-31") == true)
        #expect(notes.first?.message.contains("in 4 regions") == true)
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(HistoryCheck.run([old, new]).filter { $0.code == .handOver }.count == 1)
    }
}
