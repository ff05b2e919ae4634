import Testing

@testable import RuleEngine

/// The outcome contract of `rules/2026.yaml`, written here from the issue's table and the
/// published page, independently of the YAML. Every input of the domain is checked on every
/// boundary date of the contract, the day before and the day after.
@Suite("2026 outcome contract")
struct PolicyContractTests {
    struct Expected: Equatable, CustomStringConvertible {
        let cohort: String
        let status: String
        let fee: String?
        let canStaff: Bool
        var description: String { "\(cohort)/\(status) fee=\(fee ?? "none") staff=\(canStaff)" }
    }

    static func march31(_ year: Int) -> LocalDate { TestSupport.date("\(year)-03-31") }

    /// The contract, row by row; the first row that applies wins.
    static func expected(ma: Int, nr: Int?, on day: LocalDate) -> Expected {
        let canStaff = day <= march31(ma)
        func outcome(_ cohort: String, _ status: String, fee: String? = nil) -> Expected {
            Expected(cohort: cohort, status: status, fee: fee, canStaff: canStaff)
        }
        if let nr, day > march31(nr) { return outcome("nremt-expired", "must-regain-nremt") }
        if ma == 2026, nr == 2027 {
            if day <= TestSupport.date("2026-02-15") {
                return outcome("one-year-alignment", "action-required", fee: "62.50")
            }
            if day <= TestSupport.date("2026-03-31") {
                return outcome("one-year-alignment", "action-overdue", fee: "62.50")
            }
            if day <= TestSupport.date("2027-03-30") {
                return outcome("one-year-alignment", "expired-late-renewal-open")
            }
            return outcome("one-year-alignment", "late-renewal-closed")
        }
        if nr == 2026, ma == 2027 { return outcome("reverse-off-cycle", "action-required") }
        if nr == 2028, ma == 2027 { return outcome("alignment-not-yet-due", "no-action-yet") }
        if let nr, nr == ma { return outcome("aligned", "standard-renewal") }
        return outcome("not-covered", "refer-to-oems")
    }

    /// Every date the contract names, with the day before and after, clipped to the window.
    static let boundaryDates: [LocalDate] = {
        let named = ["2025-12-01", "2026-02-15", "2026-02-16", "2026-03-31", "2026-04-01", "2027-03-30", "2027-03-31"]
        let days = named.map(TestSupport.date).flatMap { [$0.adding(days: -1), $0, $0.adding(days: 1)] }
        let window = TestSupport.date("2025-12-01")...TestSupport.date("2027-03-31")
        return Array(Set(days.filter { window.contains($0) })).sorted()
    }()

    @Test("every year pair on every boundary date matches the contract")
    func wholeDomain() throws {
        let table = try TestSupport.table2026()
        var checked = 0
        for ma in 2022...2032 {
            for nr in (2022...2032).map({ Optional($0) }) + [nil] {
                for day in Self.boundaryDates {
                    let decision = try table.evaluate(YearValues(ma, nr), asOf: day)
                    let actual = Expected(
                        cohort: decision.outcome.cohort, status: decision.outcome.status,
                        fee: decision.outcome.feeTotal?.amount,
                        canStaff: decision.derived("can_staff_ambulance") ?? false)
                    let expected = Self.expected(ma: ma, nr: nr, on: day)
                    #expect(actual == expected, "ma=\(ma) nr=\(nr.map(String.init) ?? "none") as_of=\(day)")
                    checked += 1
                }
            }
        }
        #expect(checked == 11 * 12 * Self.boundaryDates.count)
    }

    @Test(
        "each row of the contract, with its deadlines and fee currency",
        arguments: [
            (2026, 2027, "2026-02-15", "action-required"), (2026, 2027, "2026-02-16", "action-overdue"),
            (2026, 2027, "2026-04-01", "expired-late-renewal-open"), (2026, 2027, "2027-03-31", "late-renewal-closed"),
        ])
    func alignmentRows(ma: Int, nr: Int, day: String, status: String) throws {
        let decision = try TestSupport.table2026().evaluate(YearValues(ma, nr), asOf: TestSupport.date(day))
        #expect(decision.outcome.status == status)
        let deadlines = decision.outcome.deadlines.map { "\($0.date) \($0.inclusive)" }
        #expect(deadlines == ["2026-02-15 true", "2026-03-31 true", "2027-03-31 false"])
        if let fee = decision.outcome.feeTotal { #expect(fee.currency == "USD") }
        #expect(!decision.outcome.actions.isEmpty)
    }

    @Test("inputs outside the domain or window are clear errors")
    func outsideDomain() throws {
        let table = try TestSupport.table2026()
        #expect(throws: EvaluationError.self) {
            try table.evaluate(YearValues(2040, 2027), asOf: TestSupport.date("2026-01-01"))
        }
        #expect(throws: EvaluationError.self) {
            try table.evaluate(YearValues(2026, 2027), asOf: TestSupport.date("2027-04-01"))
        }
        #expect(throws: EvaluationError.self) {
            try table.evaluate(YearValues(nil, 2027), asOf: TestSupport.date("2026-01-01"))
        }
    }

    @Test("the decision's JSON has exactly the documented keys")
    func jsonShape() throws {
        let decision = try TestSupport.table2026().evaluate(YearValues(2026, nil), asOf: TestSupport.date("2026-01-01"))
        guard case .object(let members) = decision.json else {
            Issue.record("not an object")
            return
        }
        #expect(
            members.map(\.0) == [
                "policy", "input", "cohort", "status", "can_staff_ambulance", "fee", "deadlines", "actions", "rule",
            ])
        #expect(decision.json.rendered().contains("\"nr_expires\":null"))
        #expect(decision.json.rendered().contains("\"fee\":null"))
    }
}
