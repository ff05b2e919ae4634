import Foundation
import RuleCheckKit
import RuleEngine
import Testing

@testable import rulecheck_server

extension TypedPageTests {
    static let hostile = "level <script>alert(1)</script> & \"quoted\" 'x'"

    /// The levels fixture with hostile labels on its enum and integer inputs, in a folder of its own.
    static func hostileRules() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-typed-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let quoted = "'\(hostile.replacingOccurrences(of: "'", with: "''"))'"
        let text = try String(
            contentsOfFile: TestServer.path("Tests/Fixtures/policies/levels-state.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "label: certification level", with: "label: \(quoted)")
        .replacingOccurrences(of: "label: whole years of service", with: "label: \(quoted)")
        try Data(text.utf8).write(to: folder.appendingPathComponent("levels.yaml"))
        return folder
    }

    @Test("labels from the table and values from the query are escaped in the controls and the refusal")
    func escapes() async throws {
        let folder = try Self.hostileRules()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = TestServer.shippedSettings
        settings.rules = folder.path
        try await TestServer.with(settings) { server in
            let form = try await server.get("/").body
            #expect(form.contains("<label for=\"level\">\(HTML.escape("Level <script>alert(1)</script>"))"))
            #expect(form.contains(HTML.escape("Level <script>alert(1)</script> & \"quoted\" 'x' (0 to 40)")))
            #expect(!form.contains("<script>"))

            let value = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            let reply = try await server.get(
                "/?level=\(value)&employed=\(value)&years_of_service=\(value)&cert_expires=2026&as_of=2026-02-20")
            #expect(reply.status == 400)
            #expect(!reply.body.contains("<script>"))
            #expect(reply.body.contains("value=\"\(HTML.attribute("\"><script>alert(1)</script>"))\""))
            #expect(reply.body.contains("role=\"alert\">level: `\(HTML.escape("\"><script>alert(1)</script>"))`"))
        }
    }

    /// The pages of the shipped table, byte for byte as they were before typed controls:
    /// `Tests/Golden/pages/`, recorded from the previous build (`RECORD_SNAPSHOTS=1` rewrites them).
    @Test(
        "the shipped table's EMT pages are unchanged",
        arguments: [
            ("emt-2026-form", "/", 200),
            ("emt-2026-answer", "/?ma_expires=2026&nr_expires=2027&as_of=2026-02-16", 200),
            ("emt-2026-refused", "/?ma_expires=abc&nr_expires=2027&as_of=2026-02-16", 400),
        ])
    func shippedPagesUnchanged(_ name: String, _ path: String, _ status: Int) async throws {
        let golden = TestServer.path("Tests/Golden/pages/\(name).html")
        let reply = try await TestServer.with { server in try await server.get(path) }
        #expect(reply.status == status)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(reply.body.utf8).write(to: URL(fileURLWithPath: golden))
        }
        #expect(reply.body == (try String(contentsOfFile: golden, encoding: .utf8)))
    }
}
