import Foundation
import RuleEngine
import Testing

@testable import rulecheck_server

extension BrowserTests {
    /// The shipped table with two mistakes: a misspelt key and an impossible date.
    static func badTable() throws -> String {
        let text = try String(contentsOfFile: TestServer.path("rules/2026.yaml"), encoding: .utf8)
        let broken =
            text
            .replacingOccurrences(of: "hit_policy: unique", with: "hit_polcy: unique")
            .replacingOccurrences(of: "to: 2027-03-31}", with: "to: 2027-02-30}")
        #expect(broken != text)
        return broken
    }

    @Test(
        "staff paste a bad table into the validate box and read each diagnostic beside its line",
        arguments: [(1280, 900, false), (390, 844, true)])
    func staffValidate(_ screen: (width: Int, height: Int, mobile: Bool)) async throws {
        let table = try Self.badTable()
        let diagnostics = TableLoader.load(yaml: table, file: "pasted.yaml").diagnostics
        let placed = diagnostics.filter { $0.location != nil }
        try #require(placed.count >= 2)
        try await Chromium.withScreenshotFolder { shots in
            let overview = shots.appendingPathComponent("staff-\(screen.width).png")
            let report = shots.appendingPathComponent("staff-validate-\(screen.width).png")
            let run = try await TestServer.with { server in
                try await Chromium.run([
                    Step.viewport(screen.width, screen.height, mobile: screen.mobile),
                    Step.navigate(server.base.absoluteString + "/staff?as_of=2026-02-20"),
                    Step.scrollWidth("overviewWidth"),
                    Step.unlabelled("overviewUnlabelled"),
                    Step.screenshot("overviewShot", overview),
                    Step.click("#table"), Step.focused("focus"), Step.insert(table),
                    Step.navigates(Step.click("form[action^='/staff/validate'] button")),
                    Step.eval("summary", "(document.querySelector('main > p') || {}).textContent || ''"),
                    Step.eval(
                        "flagged",
                        "[...document.querySelectorAll('tr.flagged')].map(r => [r.id, r.cells[2].textContent])"),
                    Step.eval("echoed", "document.getElementById('table').value"),
                    Step.scrollWidth("reportWidth"),
                    Step.screenshot("reportShot", report),
                ])
            }
            #expect(try run.value("focus", as: String.self) == "table")
            #expect(try run.value("overviewUnlabelled", as: [String].self) == [])
            let errors = diagnostics.filter { $0.severity == .error }.count
            #expect(try run.value("summary", as: String.self).hasPrefix("\(errors) errors"))
            let flagged = try run.value("flagged", as: [[String]].self)
            let rows = Dictionary(flagged.map { ($0[0], $0[1]) }, uniquingKeysWith: { $0 + $1 })
            #expect(Set(rows.keys) == Set(placed.compactMap { $0.location.map { "L\($0.line)" } }))
            for diagnostic in placed {
                let line = try #require(diagnostic.location).line
                let shown = rows["L\(line)"] ?? ""
                #expect(shown.contains("[\(diagnostic.code.rawValue)]"), "line \(line): \(shown)")
                #expect(shown.contains(diagnostic.message), "line \(line): \(shown)")
            }
            // The pasted text comes back whole (the browser sends CRLF; the page shows LF).
            #expect(try run.value("echoed", as: String.self) == table)
            #expect(try run.value("overviewWidth", as: Int.self) <= screen.width)
            #expect(try run.value("reportWidth", as: Int.self) <= screen.width)
            #expect(Chromium.pngWidth(overview) == screen.width)
            #expect(Chromium.pngWidth(report) == screen.width)
        }
    }
}
