import Foundation
import Testing

@testable import RuleEngine

/// A value is taken when the domain of some table in force holds it: the 2026 table takes
/// years 2022–2032, the 2027 example 2023–2033, and in their overlap both ranges are good.
@Suite("Inputs across a policy history")
struct HistoryInputTests {
    @Test(
        "the domains of the tables in force on a date",
        arguments: [
            ("2026-06-01", [2022...2032]),
            ("2027-01-10", [2022...2033]),
            ("2027-06-01", [2023...2033]),
        ])
    func domainsOnDate(date: String, domains: [ClosedRange<Int>]) throws {
        let inputs = try PolicyHistoryTests.history().inputs(on: TestSupport.date(date))
        #expect(inputs.map(\.name) == ["ma_expires", "nr_expires"])
        #expect(inputs.map(\.domains) == [domains, domains])
        #expect(inputs[1].contains(nil))
        #expect(!inputs[0].contains(nil))
    }

    @Test("in the overlap a year only the older table takes is decided by it, one only the newer takes by the newer")
    func decidedByTheTableWhoseDomainHoldsIt() throws {
        let history = try PolicyHistoryTests.history()
        let day = TestSupport.date("2027-01-10")
        let inputs = history.inputs(on: day)
        #expect(inputs[0].parse("2022") == .success(2022))
        #expect(inputs[0].parse(json: .int(2033)) == .success(2033))
        #expect(try history.evaluate(YearValues(2022, 2027), asOf: day).table.policy.version == "2026")
        #expect(try history.evaluate(YearValues(2033, 2033), asOf: day).table.policy.version == "2027-example")
        let both = try history.evaluate(YearValues(2026, 2027), asOf: day)
        #expect(both.table.policy.version == "2026")
        #expect(both.outcome.cohort == "one-year-alignment")
    }

    @Test("a value outside every table in force names the union of their domains")
    func refusalNamesTheUnion() throws {
        let history = try PolicyHistoryTests.history()
        let day = TestSupport.date("2027-01-10")
        let inputs = history.inputs(on: day)
        guard case .failure(let error) = inputs[0].parse("2021") else {
            Issue.record("2021 was taken")
            return
        }
        #expect(error.description == "ma_expires: `2021` is not a year from 2022 to 2033")
        #expect(inputs[1].allowedValues == "a year from 2022 to 2033 or none")
        #expect(throws: EvaluationError.self) { try history.evaluate(YearValues(2021, 2027), asOf: day) }
        do {
            _ = try history.evaluate(YearValues(2034, 2027), asOf: day)
            Issue.record("2034 was decided")
        } catch {
            #expect(error.description == "ma_expires: `2034` is not a year from 2022 to 2033")
        }
    }

    @Test("domains with a hole between them: a value in the hole is refused naming both ranges")
    func disjointDomains() throws {
        let location = try TestSupport.table2026().definition.yearInputs[0].location
        let newer = DiscreteInput(name: "n", label: "n", domain: 2027...2030, allowsNone: false, location: location)
        let older = DiscreteInput(name: "n", label: "n", domain: 2020...2025, allowsNone: false, location: location)
        let input = HistoryInput(newest: newer, older: [older])
        #expect(input.domains == [2020...2025, 2027...2030])
        #expect(input.rangeText == "2020–2025, 2027–2030")
        #expect(input.parse("2024") == .success(2024))
        #expect(input.parse("2028") == .success(2028))
        #expect(
            input.parse("2026")
                == .failure(
                    InputValueError(
                        input: "n", text: "2026", allowed: "a year from 2020 to 2025 or 2027 to 2030", suggestion: nil))
        )
        #expect(!input.contains(2031))
        let adjacent = HistoryInput(
            newest: newer,
            older: [DiscreteInput(name: "n", label: "n", domain: 2024...2026, allowsNone: false, location: location)])
        #expect(adjacent.domains == [2024...2030])
    }
}
