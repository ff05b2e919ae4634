import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The SARIF rule descriptors are the `DiagnosticCode` catalogue, one per code that occurs.
@Suite("SARIF rule descriptors")
struct SARIFRulesTests {
    @Test("each code that occurs gets its id, name, summary and default level from the enum")
    func descriptorsComeFromTheEnum() throws {
        let diagnostics = DiagnosticCode.allCases.reversed().map { code in
            Diagnostic(DiagnosticMessage(code: code, text: "a \(code.name) finding"), at: nil)
        }
        let log = SARIFLog(toolVersion: "0.0.0", workingDirectory: "/tmp")
        let text = log.document(files: [], diagnostics: diagnostics).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == DiagnosticCode.allCases.count)
        for (rule, code) in zip(rules, DiagnosticCode.allCases) {
            #expect(rule["id"] as? String == code.rawValue)
            #expect(rule["name"] as? String == code.name)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == code.summary)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == code.severity.rawValue, "\(code.rawValue)")
        }
        let results = try #require(run["results"] as? [[String: Any]])
        let ruleIDs = results.compactMap { $0["ruleId"] as? String }
        #expect(ruleIDs == DiagnosticCode.allCases.reversed().map(\.rawValue))
    }
}
