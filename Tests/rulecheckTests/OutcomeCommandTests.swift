import Foundation
import Testing

/// The outcomes fixture (several fees, typed outputs, action placeholders) through the commands.
@Suite("Outcomes through the commands")
struct OutcomeCommandTests {
    static let table = "Tests/Fixtures/policies/outcomes-example.yaml"

    @Test("eval text lists each fee with the total, the typed outputs and filled texts")
    func evalText() throws {
        let run = try CLI.run(["eval", "--rules", Self.table, "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-10"])
        #expect(run.status == 0)
        let expected = [
            "  Fees:    112.50 USD in total",
            "           62.50 USD  prorated recertification payment",
            "           50.00 USD  background check",
            "  can staff ambulance: yes",
            "  ce hours: 24",
            "  track: bridge",
            "  card by: 2026-03-15",
            "  needs review: false",
        ].joined(separator: "\n")
        #expect(run.stdout.contains(expected), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "  3. Your Massachusetts certification expires in 2026 and your NREMT in 2027, as of 2026-02-10."))
    }

    @Test("explain text adds the typed outputs and the several fees")
    func explainText() throws {
        let run = try CLI.run(
            ["explain", "--rules", Self.table, "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-10"])
        #expect(run.status == 0)
        let expected = [
            "  can_staff_ambulance: yes", "  ce_hours: 24", "  track: bridge", "  card_by: 2026-03-15",
            "  needs_review: false", "  fees: 112.50 USD (alignment 62.50 + background-check 50.00)",
        ].joined(separator: "\n")
        #expect(run.stdout.contains(expected), "\(run.stdout)")
    }

    @Test("validate, test, matrix and batch run clean on the fixture")
    func commands() throws {
        #expect(try CLI.run(["validate", Self.table]).status == 0)
        let test = try CLI.run(["test", Self.table])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.hasSuffix("156 passed, 0 failed\n"))
        let matrix = try CLI.run(["matrix", Self.table, "--as-of", "2026-02-10", "--format", "html"])
        #expect(matrix.status == 0)
        #expect(matrix.stdout.contains("fee 112.50 USD (alignment 62.50 + background-check 50.00) · ce_hours=24"))
        let roster = "ma_expires,nr_expires,as_of\n2026,2027,2026-02-10\n"
        let batch = try CLI.run(["batch", "-", "--rules", Self.table], stdin: Data(roster.utf8))
        #expect(batch.status == 0)
        #expect(batch.stdout.contains(",112.50 USD,alignment 62.50;background-check 50.00,"))
    }
}
