import Foundation
import Testing

@testable import RuleEngine

/// Several fees, typed outputs and action placeholders, on the outcomes fixture.
@Suite("Outcomes")
struct OutcomeTests {
    static func table() throws -> CompiledTable {
        let result = try TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/outcomes-example.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return try #require(result.table)
    }

    static func decide(_ ma: Int?, _ nr: Int?, _ date: String) throws -> Decision {
        try table().evaluate(YearValues(ma, nr), asOf: try #require(LocalDate(iso: date)))
    }

    static func member(_ name: String, of decision: Decision) -> JSONValue? {
        guard case .object(let members) = decision.json else { return nil }
        return members.first { $0.0 == name }?.1
    }

    @Test("several fees: each in order, totalled, and in the JSON as total plus items")
    func severalFees() throws {
        let decision = try Self.decide(2026, 2027, "2026-02-10")
        #expect(decision.outcome.fees.map(\.id) == ["alignment", "background-check"])
        #expect(decision.outcome.feeTotal == Money(minorUnits: 11250, currency: "USD"))
        #expect(decision.outcome.feeText == "112.50 USD (alignment 62.50 + background-check 50.00)")
        #expect(decision.outcome.feeItemsText == "alignment 62.50;background-check 50.00")
        #expect(
            Self.member("fee", of: decision)?.rendered()
                == #"{"amount":"112.50","currency":"USD","items":[{"id":"alignment","amount":"62.50"},{"id":"background-check","amount":"50.00"}]}"#
        )
    }

    @Test("one fee or none keeps today's JSON shape")
    func oneFeeOrNone() throws {
        let one = try Self.decide(2026, 2027, "2026-03-01")
        #expect(Self.member("fee", of: one)?.rendered() == #"{"amount":"62.50","currency":"USD"}"#)
        #expect(one.outcome.feeText == "62.50 USD")
        let none = try Self.decide(2026, 2026, "2026-03-01")
        #expect(Self.member("fee", of: none) == JSONValue.null)
        #expect(none.outcome.feeTotal == nil)
    }

    @Test("typed outputs are JSON members after the derived outputs, with their types")
    func typedOutputs() throws {
        let decision = try Self.decide(2026, 2027, "2026-03-01")
        guard case .object(let members) = decision.json else { throw NotAnObject() }
        let names = members.map(\.0)
        #expect(
            names == [
                "policy", "input", "cohort", "status", "can_staff_ambulance", "ce_hours", "track", "card_by",
                "needs_review", "fee", "deadlines", "actions", "rule",
            ])
        #expect(Self.member("ce_hours", of: decision) == .int(24))
        #expect(Self.member("track", of: decision) == .string("bridge"))
        #expect(Self.member("card_by", of: decision) == .string("2026-04-30"))
        #expect(Self.member("needs_review", of: decision) == .bool(true))
        let other = try Self.decide(2025, nil, "2026-03-01")
        #expect(Self.member("ce_hours", of: other) == .int(0))
        #expect(Self.member("card_by", of: other) == .string("2026-12-31"), "the declared default")
        #expect(Self.member("needs_review", of: other) == .bool(false), "the declared default")
    }

    @Test("placeholders: fees, deadlines and the cycle at load time, inputs per decision")
    func placeholders() throws {
        let due = try Self.decide(2026, 2027, "2026-02-10")
        #expect(
            due.actionTexts == [
                "Pay 62.50 USD for the alignment and 50.00 USD for the background check.",
                "Finish by 2026-02-15; your Massachusetts certification expires at the end of 2026-03-31.",
                "Your Massachusetts certification expires in 2026 and your NREMT in 2027, as of 2026-02-10.",
            ])
        let other = try Self.decide(2025, nil, "2026-05-01")
        #expect(
            other.actionTexts.last
                == "Your Massachusetts certification expires in 2025 and your NREMT in none, as of 2026-05-01.")
        let action = try #require(other.outcome.actions.last)
        #expect(action.dependsOnInput)
        #expect(
            action.text
                == "Your Massachusetts certification expires in {ma_expires} and your NREMT in {nr_expires}, as of {as_of}."
        )
        let aligned = try Self.decide(2026, 2026, "2026-05-01")
        #expect(aligned.actionTexts == ["Renew as usual for the 2027 cycle."])
        #expect(aligned.outcome.actions.allSatisfy { !$0.dependsOnInput })
    }

    @Test(
        "a bad placeholder is reported with the caret on it",
        arguments: [
            ("Pay {fee.bsae} now.", "{fee.bsae}", "did you mean `{fee.base}`?"),
            ("By {deadline.erly}.", "{deadline.erly}", "did you mean `{deadline.early}`?"),
            ("Yours: {ma_expries}.", "{ma_expries}", "did you mean `{ma_expires}`?"),
            ("In {cycle * 2}.", "{cycle * 2}", nil),
        ])
    func badPlaceholder(text: String, placeholder: String, help: String?) throws {
        let yaml = try String(
            contentsOfFile: TestSupport.path("Tests/RuleEngineTests/Fixtures/minimal.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "  act: Do the thing.", with: "  act: \"{cycle} and \(text)\"")
        let result = TableLoader.load(yaml: yaml, file: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .invalidPlaceholder)
        let line = try #require(
            yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) })
        let column = try #require(
            yaml.split(separator: "\n", omittingEmptySubsequences: false)[line].range(of: placeholder))
        let lineText = yaml.split(separator: "\n", omittingEmptySubsequences: false)[line]
        #expect(diagnostic.location?.line == line + 1)
        #expect(diagnostic.location?.column == lineText.distance(from: lineText.startIndex, to: column.lowerBound) + 1)
        #expect(diagnostic.location?.range.end.column == (diagnostic.location?.column ?? 0) + placeholder.count)
        if let help { #expect(diagnostic.help == help) }
    }

    @Test("fees of one outcome in different currencies are an error at the fee")
    func mixedCurrencies() throws {
        let yaml = try String(
            contentsOfFile: TestSupport.path("Tests/RuleEngineTests/Fixtures/minimal.yaml"), encoding: .utf8
        )
        .replacingOccurrences(
            of: "  base: {amount: 10.00, currency: USD}",
            with:
                "  base: {amount: 10.00, currency: USD}\n  other: {amount: 1.00, currency: USD}\n  euro: {amount: 5.00, currency: EUR}"
        )
        .replacingOccurrences(of: "      fee: base", with: "      fee: [base, other, euro]")
        let result = TableLoader.load(yaml: yaml, file: "t.yaml")
        #expect(result.diagnostics.map(\.code) == [.mixedCurrencies])
        #expect(result.diagnostics.first?.location?.column == 26)
        #expect(result.diagnostics.first?.notes.count == 1)
    }

    @Test("at most 32 typed outputs")
    func outputLimit() throws {
        let minimal = try String(
            contentsOfFile: TestSupport.path("Tests/RuleEngineTests/Fixtures/minimal.yaml"), encoding: .utf8)
        func table(outputs count: Int) -> LoadResult {
            let declarations = (0..<count).map { "  o\($0): {type: integer, default: \($0)}" }.joined(separator: "\n")
            let yaml = minimal.replacingOccurrences(of: "actions:\n", with: "outputs:\n\(declarations)\nactions:\n")
            return TableLoader.load(yaml: yaml, file: "t.yaml")
        }
        #expect(table(outputs: 32).diagnostics.isEmpty)
        #expect(table(outputs: 33).diagnostics.map(\.code) == [.tableLimit])
        let decision = try #require(table(outputs: 32).table).evaluate(
            YearValues(2026, nil), asOf: try #require(LocalDate(iso: "2026-01-05")))
        #expect(decision.outcome.outputs.last == .integer(31))
    }

    struct NotAnObject: Error {}
}
