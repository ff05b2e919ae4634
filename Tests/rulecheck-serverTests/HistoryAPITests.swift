import Foundation
import Testing

@testable import rulecheck_server

/// A rules folder with the 2026 table and the 2027 example: requests are read against every
/// table in force on their date, and decided as the policy history says.
@Suite("API over a policy history")
struct HistoryAPITests {
    /// Runs `body` against a server on a folder holding `2026.yaml` and `2027.yaml`.
    static func withHistory<T: Sendable>(_ body: (TestServer) async throws -> T) async throws -> T {
        let folder = try TestServer.historyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = TestServer.shippedSettings
        settings.rules = folder.path
        return try await TestServer.with(settings, body)
    }

    @Test("the EMT page offers the years of every table's domain, not the newest table's alone")
    func pageOffersEveryTablesYears() async throws {
        try await Self.withHistory { server in
            let reply = try await server.get("/")
            #expect(reply.status == 200)
            // 2022 is only in the 2026 table's domain, 2033 only in the 2027 example's.
            for year in [2022, 2033] { #expect(reply.body.contains("<option value=\"\(year)\">\(year)</option>")) }
        }
    }

    @Test(
        "a year of any table in force is decided by the table the history chooses",
        arguments: [
            (2026, 2027, "2027-01-10", "2026"), (2022, 2027, "2027-01-10", "2026"),
            (2033, 2033, "2027-01-10", "2027-example"), (2027, 2028, "2027-01-10", "2027-example"),
        ])
    func decidedThroughHistory(ma: Int, nr: Int, date: String, version: String) async throws {
        try await Self.withHistory { server in
            let reply = try await server.post(
                "/v1/decisions", #"{"ma_expires": \#(ma), "nr_expires": \#(nr), "as_of": "\#(date)"}"#)
            #expect(reply.status == 200, "\(reply.body)")
            let policy = try reply.object()["policy"] as? [String: Any]
            #expect(policy?["version"] as? String == version)
            if ma == 2026 { #expect(try reply.object()["cohort"] as? String == "one-year-alignment") }
        }
    }

    @Test(
        "a year outside every table in force is a 400 naming their domains",
        arguments: [
            (2021, "2027-01-10", "outside the domains of the tables in force (2022–2033)"),
            (2022, "2027-06-01", "outside the table's domain (2023–2033)"),
        ])
    func outsideEveryDomain(ma: Int, date: String, says: String) async throws {
        try await Self.withHistory { server in
            let reply = try await server.post(
                "/v1/decisions", #"{"ma_expires": \#(ma), "nr_expires": 2027, "as_of": "\#(date)"}"#)
            #expect(reply.status == 400)
            let object = try reply.object()
            #expect((object["error"] as? String)?.contains(says) == true, "\(reply.body)")
            #expect(object["input"] as? String == "ma_expires")
        }
    }
}
