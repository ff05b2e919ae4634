import Testing

@testable import RuleEngine

@Suite("Year expressions")
struct YearExpressionTests {
    @Test(
        "what parses, and to what",
        arguments: [
            ("2026", YearExpression.literal(2026)), ("cycle", .relative("cycle", 0)),
            ("cycle + 1", .relative("cycle", 1)),
            ("cycle-4", .relative("cycle", -4)), ("cycle + 1 - 2", .relative("cycle", -1)),
            ("ma_expires + 1", .relative("ma_expires", 1)),
        ])
    func parses(text: String, expected: YearExpression) {
        #expect(YearExpression.parse(text) == expected)
    }

    @Test(
        "what does not parse",
        arguments: [
            "", "0o17", "20266", "2026 + 1", "cycle +", "cycle + x", "cycle * 2", "cycle + 1001", "+ 1", "1cycle",
        ])
    func rejects(text: String) {
        #expect(YearExpression.parse(text) == nil)
    }

    @Test("a year past 9999 or before 1 is an error at its cell, not a silent wrong date")
    func calendarRange() throws {
        let minimal = try String(
            contentsOf: TestSupport.fixtures.appendingPathComponent("minimal.yaml"), encoding: .utf8)
        // Cycle 9999 puts `cycle + 1` in year 10000, where no date exists.
        let text = minimal.replacingFirst("cycle: 2026", with: "cycle: 9999")
        #expect(text != minimal)
        let result = TableLoader.load(yaml: text, file: "far.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.code == .invalidYear })
        #expect(diagnostic.location?.line == text.lineNumber(of: "    domain: {from: cycle - 1, to: cycle + 1}\n"))
        #expect(diagnostic.message == "`cycle + 1` is not a year")
        #expect(result.table == nil)
    }
}
