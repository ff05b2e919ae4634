import Foundation
import Testing

@testable import rulecheck_server

/// `/v1/tables`, the matrix, health, readiness, metrics and the OpenAPI document.
@Suite("table and service routes")
struct TableAPITests {
    @Test("/v1/tables lists id, version, window, file and the SHA-256 of the file's bytes")
    func tables() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/v1/tables")
            #expect(reply.status == 200)
            let tables = try #require(try reply.object()["tables"] as? [[String: Any]])
            let table = try #require(tables.first)
            #expect(tables.count == 1)
            #expect(table["id"] as? String == "ma-oems-nremt-alignment")
            #expect(table["version"] as? String == "2026")
            #expect(table["file"] as? String == TestServer.path("rules/2026.yaml"))
            let window = try #require(table["window"] as? [String: String])
            #expect(window == ["from": "2025-12-01", "to": "2027-03-31"])
            let bytes = try Data(contentsOf: URL(fileURLWithPath: TestServer.path("rules/2026.yaml")))
            #expect(table["sha256"] as? String == SHA256.hex(Array(bytes)))
            if let tool = ["/usr/bin/sha256sum", "/bin/sha256sum"].first(where: FileManager.default.isExecutableFile) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = [TestServer.path("rules/2026.yaml")]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(output.hasPrefix(try #require(table["sha256"] as? String)))
            }
        }
    }

    @Test("SHA-256 of the standard test vectors")
    func sha256Vectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the matrix of a table for a date, in HTML and Markdown")
    func matrix() async throws {
        try await TestServer.with { server in
            let html = try await server.get("/v1/tables/2026/matrix?as_of=2026-02-16")
            #expect(html.status == 200)
            #expect(html.contentType.hasPrefix("text/html"))
            #expect(html.body.contains("<table"))
            let markdown = try await server.get("/v1/tables/2026/matrix?as_of=2026-02-16&format=markdown")
            #expect(markdown.status == 200)
            #expect(markdown.body.contains("|"))
            #expect(try await server.get("/v1/tables/1999/matrix").status == 404)
            let badDate = try await server.get("/v1/tables/2026/matrix?as_of=soon")
            #expect(badDate.status == 400)
            #expect(try badDate.object()["input"] as? String == "as_of")
            #expect(try await server.get("/v1/tables/2026/matrix?format=pdf").status == 400)
        }
    }

    @Test("/healthz, /readyz and /metrics")
    func healthAndMetrics() async throws {
        try await TestServer.with { server in
            #expect(try await server.get("/healthz").status == 200)
            let ready = try await server.get("/readyz")
            #expect(ready.status == 200)
            #expect(try ready.object()["tables"] as? Int == 1)
            _ = try await server.post(
                "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#)
            _ = try await server.post("/v1/decisions", "nonsense")
            let metrics = try await server.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"rulecheck_decisions_total{route="/v1/decisions",status="200"} 1"#))
            #expect(metrics.body.contains(#"rulecheck_decisions_total{route="/v1/decisions",status="400"} 1"#))
            #expect(metrics.body.contains("rulecheck_http_request_duration_seconds_bucket"))
            #expect(
                metrics.body.contains(#"rulecheck_table_in_force_info{id="ma-oems-nremt-alignment",version="2026""#))
        }
    }

    @Test("/openapi.json serves the committed schemas/openapi.json byte for byte")
    func openAPI() async throws {
        let committed = try String(contentsOfFile: TestServer.path("schemas/openapi.json"), encoding: .utf8)
        try await TestServer.with { server in
            let reply = try await server.get("/openapi.json")
            #expect(reply.status == 200)
            #expect(reply.body == committed, "run scripts/embed-openapi.sh after editing schemas/openapi.json")
            let document = try reply.object()
            #expect(document["openapi"] as? String == "3.1.0")
        }
    }
}
