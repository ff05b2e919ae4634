import Foundation
import RuleCheckKit
import RuleEngine
import Testing

@testable import rulecheck_server

extension TypedPageTests {
    /// A history of two levels tables: the fixture, and a newer one (from February) whose
    /// `years_of_service` takes 50 to 60 instead of 0 to 40.
    static func typedHistory() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-typed-history-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(
            contentsOfFile: TestServer.path("Tests/Fixtures/policies/levels-state.yaml"), encoding: .utf8)
        let newer = [
            ("version: \"2026-levels\"", "version: \"2026-levels-wide\""),
            ("window: {from: 2026-01-01,", "window: {from: 2026-02-01,"),
            ("domain: {from: 0, to: 40}", "domain: {from: 50, to: 60}"),
            ("years_of_service: {from: 20}", "years_of_service: {from: 55}"),
            ("years_of_service: {to: 19}", "years_of_service: {to: 54}"),
        ].reduce(text) { text, change in
            #expect(text.contains(change.0), "the fixture still says \(change.0)")
            return text.replacingOccurrences(of: change.0, with: change.1)
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("levels.yaml"))
        try Data(newer.utf8).write(to: folder.appendingPathComponent("levels-wide.yaml"))
        return folder
    }

    @Test("across a history the form offers what any table takes, and the API's table decides")
    func history() async throws {
        let folder = try Self.typedHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = TestServer.shippedSettings
        settings.rules = folder.path
        try await TestServer.with(settings) { server in
            let form = try await server.get("/").body
            #expect(form.contains("Whole years of service (0 to 40, 50 to 60)</label>"))
            #expect(form.contains("name=\"years_of_service\" min=\"0\" max=\"60\""))
            for years in [5, 55, 45] {
                let query = "level=emt&employed=true&years_of_service=\(years)&cert_expires=2026&as_of=2026-03-01"
                let json =
                    #"{"level": "emt", "employed": true, "years_of_service": \#(years), "cert_expires": 2026, "as_of": "2026-03-01"}"#
                let api = try await server.post("/v1/decisions", json)
                let page = try await server.get("/?" + query)
                #expect(page.status == api.status, "\(years)")
                if api.status == 200 {
                    let version = try #require((try api.object()["policy"] as? [String: Any])?["version"] as? String)
                    #expect(page.body.contains("version \(version). "), "\(years)")
                } else {
                    let reason = try #require(try api.object()["error"] as? String)
                    #expect(page.body.contains("role=\"alert\">\(HTML.escape(reason))</p>"), "\(years)")
                }
            }
        }
    }
}
