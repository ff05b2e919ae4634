import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// `RollForward` edits only year and date cells, whatever their quoting, and finds what staff
/// must review.
@Suite("Roll-forward edits")
struct RollForwardKitTests {
    static func table2026() throws -> String { try TestSupport.table2026Text() }

    @Test("quoted dates and years move inside their quotes; everything else is byte-identical")
    func quotedCells() throws {
        let text = try Self.table2026()
            .replacingFirst("date: 2026-02-15", with: "date: \"2026-02-15\"")
            .replacingFirst("date: 2026-03-31", with: "date: '2026-03-31'")
            .replacingFirst("cycle: 2026", with: "cycle: \"2026\"")
        let rolled = RollForward.table(bytes: Array(text.utf8), file: "t.yaml", years: 1)
        #expect(rolled.diagnostics.isEmpty)
        let output = String(decoding: try #require(rolled.bytes), as: UTF8.self)
        #expect(output.contains("date: \"2027-02-15\""))
        #expect(output.contains("date: '2027-03-31'"))
        #expect(output.contains("cycle: \"2027\""))
        #expect(output.contains("version: \"2027\""))
        // Undo the moves by hand: the rest of the file must be what it was.
        let back = output.replacingFirst("date: \"2027-02-15\"", with: "date: \"2026-02-15\"")
            .replacingFirst("date: '2027-03-31'", with: "date: '2026-03-31'")
            .replacingFirst("date: 2028-03-31", with: "date: 2027-03-31")
            .replacingFirst("cycle: \"2027\"", with: "cycle: \"2026\"")
            .replacingFirst("version: \"2027\"", with: "version: \"2026\"")
            .replacingFirst("{from: 2026-12-01, to: 2028-03-31}", with: "{from: 2025-12-01, to: 2027-03-31}")
        #expect(back == text)
    }

    @Test("a version that is not a year stays; a `#` inside a quoted text is not a comment")
    func versionAndComments() throws {
        let text = try String(
            contentsOfFile: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml"), encoding: .utf8
        )
        .replacingFirst(
            "title: One-year alignment with NREMT (2027 example, not published policy)",
            with: "title: \"No. #1 in 2027: one-year alignment\"")
        let rolled = RollForward.table(bytes: Array(text.utf8), file: "t.yaml", years: 1)
        let output = String(decoding: try #require(rolled.bytes), as: UTF8.self)
        #expect(output.contains("version: \"2027-example\""))
        #expect(output.contains("cycle: 2028"))
        let texts = rolled.review.filter { $0.kind == .text }.map(\.text)
        #expect(texts.contains { $0.hasPrefix("No. #1 in 2027") })
        #expect(!rolled.review.contains { $0.kind == .comment && $0.text.hasPrefix("#1 in 2027") })
        #expect(rolled.review.contains { $0.kind == .fee && $0.text.contains("65.00 USD") })
    }

    @Test("literal years are found standing alone, from 1900 to 2199")
    func years() {
        #expect(ReviewFinder.containsYear("Fall 2026"))
        #expect(ReviewFinder.containsYear("(2013)"))
        #expect(!ReviewFinder.containsYear("20261"))
        #expect(!ReviewFinder.containsYear("version 1.0 of 1234"))
        #expect(!ReviewFinder.containsYear("{cycle + 1}"))
    }

    @Test("February 29 into a common year is an error at the cell, and nothing is produced")
    func leapDay() throws {
        let twoYears = RollForward.table(bytes: Array(try Self.table2026().utf8), file: "t.yaml", years: 2)
        let text = String(decoding: try #require(twoYears.bytes), as: UTF8.self)
            .replacingFirst("date: 2028-02-15", with: "date: 2028-02-29")
        let rolled = RollForward.table(bytes: Array(text.utf8), file: "t.yaml", years: 1)
        #expect(rolled.bytes == nil)
        #expect(rolled.diagnostics.map(\.code) == [.rollForwardDate])
        #expect(rolled.diagnostics.first?.location?.line == text.lineNumber(of: "date: 2028-02-29"))
    }
}
