import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The JUnit report's cases, without the XML: which case fails, and with what.
@Suite("JUnit report cases")
struct JUnitReportTests {
    static func expectations() throws -> String {
        try String(contentsOfFile: TestSupport.path("rules/2026.expect.yaml"), encoding: .utf8)
    }

    @Test("inputs that match no expectation fail the coverage case, with their regions")
    func uncovered() throws {
        let text = try Self.expectations()
        let cut = String(text[..<(text.range(of: "  - id: other-pairings")?.lowerBound ?? text.endIndex)])
        let report = try HarnessTests.report(tableText: TestSupport.table2026Text(), expectationsText: cut)
        let cases = report.junitCases()
        let coverage = try #require(cases.last)
        #expect(coverage.name == "every input is decided and matches an expectation")
        #expect(coverage.failure?.type == "uncovered")
        #expect(coverage.failure?.message.hasPrefix("UNCOVERED: ") == true)
        #expect(coverage.failure?.text.contains("  inputs: ") == true)
        #expect(cases.filter { $0.name.hasPrefix("expectation ") }.count == report.expectations.rows.count)
        #expect(cases.filter { $0.name.hasPrefix("rule ") }.count == report.table.definition.rules.count)
    }

    @Test("a passing report has no failing case, and the document counts its cases")
    func passing() throws {
        let report = try HarnessTests.report(tableText: TestSupport.table2026Text())
        #expect(report.junitCases().allSatisfy { $0.failure == nil })
        let xml = HarnessReport.junit([report, report])
        let cases = report.junitCases().count
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(xml.contains(#"<testsuites name="rulecheck test" tests="\#(2 * cases)" failures="0" errors="0">"#))
        #expect(xml.components(separatedBy: "<testsuite ").count == 3)
    }
}
