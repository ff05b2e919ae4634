import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// Several fees, typed outputs and per-decision action texts in the kit's outputs: batch CSV
/// and JSONL, the harness, diff and the matrix.
@Suite("Outcomes in every output")
struct OutcomeOutputTests {
    static let fixture = "Tests/Fixtures/policies/outcomes-example.yaml"

    static func table(_ text: String? = nil) throws -> CompiledTable {
        if let text { return try TestSupport.compiled(TableLoader.load(yaml: text, file: "changed.yaml")) }
        return try TestSupport.compiled(TableLoader.load(path: TestSupport.path(fixture)))
    }

    static func text() throws -> String {
        try String(contentsOfFile: TestSupport.path(fixture), encoding: .utf8)
    }

    static func batch(_ roster: String, format: RosterFormat, tables: [CompiledTable]) throws -> [String] {
        let processor = RosterProcessor(
            tables: try RosterTables(tables), defaultAsOf: TestSupport.date("2026-02-10"), format: format)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("outcomes-\(UUID().uuidString).out")
        let output = try AtomicOutputFile(path: file.path)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try processor.run(
            reader: CSVReader(source: MemorySource(roster, chunkSize: 64)),
            writer: BufferedWriter(fileDescriptor: output.fileDescriptor), onBadRow: { _ in })
        try output.commit()
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("batch CSV: a column per typed output, `fee` the total and `fees` the pairs")
    func batchCSV() throws {
        let lines = try Self.batch(
            "id,ma_expires,nr_expires,as_of\n1,2026,2027,\n2,2026,2027,2026-03-01\n3,2026,2026,\n",
            format: .csv, tables: [Self.table()])
        #expect(
            lines[0]
                == "id,ma_expires,nr_expires,as_of,cohort,status,can_staff_ambulance,ce_hours,track,card_by,needs_review,fee,fees,next_deadline,next_deadline_date,rule,error"
        )
        #expect(
            lines[1]
                == "1,2026,2027,,one-year-alignment,action-required,true,24,bridge,2026-03-15,false,112.50 USD,alignment 62.50;background-check 50.00,recommended,2026-02-15,alignment-due,"
        )
        #expect(
            lines[2]
                == "2,2026,2027,2026-03-01,one-year-alignment,action-overdue,true,24,bridge,2026-04-30,true,62.50 USD,alignment 62.50,ma-expiry,2026-03-31,alignment-late,"
        )
        #expect(lines[3] == "3,2026,2026,,aligned,standard-renewal,true,40,standard,2026-12-31,false,,,,,aligned,")
    }

    @Test("batch CSV of a table without several fees has no `fees` column")
    func noFeesColumn() throws {
        let single = try Self.text().replacingFirst("fee: [alignment, background-check]", with: "fee: alignment")
        let lines = try Self.batch("ma_expires,nr_expires\n2026,2027\n", format: .csv, tables: [Self.table(single)])
        #expect(!lines[0].contains(",fees,"))
        #expect(lines[0].contains(",needs_review,fee,next_deadline,"))
    }

    @Test("batch JSONL: rows of one outcome get their own input values in action texts")
    func jsonlPerRowTexts() throws {
        let lines = try Self.batch(
            "ma_expires,nr_expires,as_of\n2025,none,2026-05-01\n2027,2025,2026-06-02\n", format: .jsonl,
            tables: [Self.table()])
        #expect(lines.count == 2)
        #expect(lines[0].contains("expires in 2025 and your NREMT in none, as of 2026-05-01."))
        #expect(lines[1].contains("expires in 2027 and your NREMT in 2025, as of 2026-06-02."))
        let table = try Self.table()
        let decision = try table.evaluate(YearValues(2027, 2025), asOf: TestSupport.date("2026-06-02"))
        var expected = decision.json.rendered()
        expected.removeLast()
        #expect(lines[1].hasPrefix(expected + ",\"fields\":"), "a JSONL line is the eval JSON plus fields")
    }

    @Test("the harness compares each fee, the total and the typed outputs")
    func harness() throws {
        let table = try Self.table()
        let path = TestSupport.path("Tests/Fixtures/policies/outcomes-example.expect.yaml")
        let loaded = try ExpectationsLoader.load(path: path, for: table.definition)
        let expectations = try #require(loaded.expectations, "\(loaded.diagnostics.map(\.message))")
        #expect(Harness.run(table: table, expectations: expectations).isSuccess)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let wrongItem = text.replacingFirst(
            #"{amount: "50.00", currency: USD}]"#, with: #"{amount: "40.00", currency: USD}]"#)
        let wrongTotal = text.replacingFirst(
            #"fee: [{amount: "62.50", currency: USD}, {amount: "50.00", currency: USD}]"#,
            with: #"fee: {amount: "62.50", currency: USD}"#)
        let wrongOutput = text.replacingFirst("ce_hours: 40", with: "ce_hours: 41")
        for (changed, field) in [(wrongItem, "fees"), (wrongTotal, "fee"), (wrongOutput, "ce_hours")] {
            let result = ExpectationsLoader.load(bytes: Array(changed.utf8), file: path, for: table.definition)
            let file = try #require(result.expectations)
            let report = Harness.run(table: table, expectations: file)
            let fields = report.failures.flatMap { failure -> [FieldMismatch] in
                if case .mismatch(_, _, let fields) = failure.kind { return fields }
                return []
            }
            #expect(fields.contains { $0.field == field }, "\(fields)")
            #expect(!report.isSuccess)
        }
    }

    @Test("diff reports a changed fee list and a changed typed output")
    func diff() throws {
        let changed = try Self.text()
            .replacingFirst("fee: [alignment, background-check]", with: "fee: alignment")
            .replacingFirst("ce_hours: 40", with: "ce_hours: 36")
            .replacingFirst("values: [standard, bridge, refer]", with: "values: [standard, bridge, refer, other]")
        let diff = try TableDiffer.diff(old: Self.table(), new: Self.table(changed))
        let fee = try #require(diff.decisionChanges.first { $0.field == "fee" })
        #expect(fee.old == "112.50 USD (alignment 62.50 + background-check 50.00)")
        #expect(fee.new == "62.50 USD")
        let hours = try #require(diff.decisionChanges.first { $0.field == "ce_hours" })
        #expect((hours.old, hours.new) == ("40", "36"))
        #expect(diff.itemChanges.contains { $0.detail.contains("fee [alignment, background-check] → alignment") })
        #expect(diff.itemChanges.contains { $0.item == "output" && $0.id == "track" && $0.detail.contains("values") })
        #expect(diff.itemChanges.contains { $0.detail.contains("ce_hours=40") && $0.detail.contains("ce_hours=36") })
    }

    @Test("the matrix legend shows the total, each fee and the typed outputs")
    func matrix() throws {
        let matrix = DecisionMatrix(table: try Self.table())
        let text = try matrix.gridText(asOf: TestSupport.date("2026-02-10"))
        #expect(
            text.contains(
                "one-year-alignment / action-required, fee 112.50 USD (alignment 62.50 + background-check 50.00), ce_hours=24, track=bridge, card_by=2026-03-15, needs_review=false  [alignment-due]"
            ))
        let markdown = try MatrixMarkdown(matrix: matrix).render(asOf: TestSupport.date("2026-02-10"))
        #expect(markdown.contains("| Key | Cohort | Status | Fee | Outputs | Rule | Cells |"))
        #expect(matrix.timelineText().contains("ce_hours=24"))
    }
}
