import Foundation
import Testing

@testable import RuleEngine

/// The catalogue of codes covers every code the sources raise, and the README lists them.
@Suite("Diagnostic code catalogue")
struct DiagnosticCodeTests {
    /// Every `code: "RCnnn"` in the library's message catalogue.
    static func raisedCodes() throws -> Set<String> {
        let folder = TestSupport.path("Sources/RuleEngine/Diagnostics")
        var codes: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            for match in text.matches(of: /code: "(RC[0-9]{3})"/) { codes.insert(String(match.output.1)) }
        }
        return codes
    }

    @Test("every raised code has an entry, and every entry is raised")
    func catalogueIsComplete() throws {
        let raised = try Self.raisedCodes()
        let catalogued = Set(DiagnosticCode.all.map(\.id))
        #expect(raised.count > 30)
        #expect(raised == catalogued)
    }

    @Test("entries have unique ids and names and lowercase summaries without a final period")
    func entriesAreWellFormed() {
        #expect(Set(DiagnosticCode.all.map(\.id)).count == DiagnosticCode.all.count)
        #expect(Set(DiagnosticCode.all.map(\.name)).count == DiagnosticCode.all.count)
        for code in DiagnosticCode.all {
            #expect(code.summary.first?.isLowercase == true, "\(code.id)")
            #expect(!code.summary.hasSuffix("."), "\(code.id)")
        }
        #expect(DiagnosticCode.named("RC999").summary == "rulecheck diagnostic")
    }
}
