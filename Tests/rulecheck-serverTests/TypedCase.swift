import Foundation
import RuleCheckKit
import RuleEngine
import Testing

@testable import rulecheck_server

/// A random person for a table with typed inputs: a value of each input (a year or none, an
/// integer, a boolean, an enum word, a day of a per-person date's domain) and a day of the
/// window, as the page's query and as the API's JSON body.
struct TypedCase {
    /// Each input's value as text, in input order.
    let texts: [String]
    /// `name=value&...`, the question's date last.
    let query: String
    /// The same values as a `POST /v1/decisions` body.
    let json: String

    init(table: RuleTable, using random: inout SeededGenerator) {
        var texts: [String] = []
        var members: [String] = []
        for input in table.yearInputs {
            var values = input.values
            // A per-person date: a day where its conditions change, or any day of its domain.
            if input.isDate { values.append(Int.random(in: input.domain, using: &random)) }
            let value = values.randomElement(using: &random) ?? nil
            let text = input.text(value)
            texts.append(text)
            let json: String
            switch input.kind {
            case .year, .integer: json = value.map(String.init) ?? "null"
            case .boolean: json = text
            case .enumeration, .date: json = "\"\(text)\""
            }
            members.append("\"\(input.name)\": \(json)")
        }
        let window = table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber
        let asOf = LocalDate(dayNumber: Int.random(in: window, using: &random)).description
        self.texts = texts
        query = (zip(table.yearInputs, texts).map { "\($0.name)=\($1)" } + ["\(table.dateInputName)=\(asOf)"])
            .joined(separator: "&")
        json = "{" + (members + ["\"\(table.dateInputName)\": \"\(asOf)\""]).joined(separator: ", ") + "}"
    }

    /// Checks that the page's answer shows the API's decision: rule, cohort and status (in the
    /// table's words), derived values, the fee, each deadline's date and the steps in order.
    static func expectSameAnswer(_ page: String, as decision: [String: Any], table: RuleTable, query: String) throws {
        let rule = try #require((decision["rule"] as? [String: Any])?["id"] as? String)
        #expect(page.contains("Decided by rule <code>\(HTML.escape(rule))</code>"), "\(query)")
        let cohort = try #require(decision["cohort"] as? String)
        let status = try #require(decision["status"] as? String)
        let cohortWords = table.labels.cohort(cohort) ?? PageLayout.words(cohort)
        let statusWords = table.labels.status(status) ?? PageLayout.words(status)
        #expect(page.contains("<dt>Cohort</dt><dd>\(HTML.escape(cohortWords))</dd>"), "\(query)")
        #expect(page.contains("<dt>Status</dt><dd>\(HTML.escape(statusWords))</dd>"), "\(query)")
        for derived in table.derived {
            let value = try #require(decision[derived.name] as? Bool)
            let words = PageLayout.words(derived.name)
            let shown = words.prefix(1).uppercased() + words.dropFirst()
            #expect(page.contains("<dt>\(shown)</dt><dd>\(value ? "yes" : "no")</dd>"), "\(query)")
        }
        if let fee = decision["fee"] as? [String: Any], let amount = fee["amount"] as? String {
            #expect(page.contains("\(amount) \(fee["currency"] as? String ?? "")"), "\(query)")
        } else {
            #expect(page.contains("<dt>Fee</dt><dd>none</dd>"), "\(query)")
        }
        for deadline in decision["deadlines"] as? [[String: Any]] ?? [] {
            #expect(page.contains(": \(deadline["date"] as? String ?? "?") ("), "\(query)")
        }
        var position = page.startIndex
        for action in decision["actions"] as? [String] ?? [] {
            let found = page.range(of: "<li>\(HTML.escape(action))</li>", range: position..<page.endIndex)
            #expect(found != nil, "\(query): step \(action)")
            position = found?.upperBound ?? position
        }
    }
}
