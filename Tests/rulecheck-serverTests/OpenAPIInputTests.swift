import Foundation
import Testing

@testable import rulecheck_server

/// `/openapi.json` describes the inputs of the tables in force, whatever their types.
@Suite("OpenAPI inputs")
struct OpenAPIInputTests {
    static func inputSchema(_ server: TestServer) async throws -> [String: Any] {
        let document = try await server.get("/openapi.json").object()
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        return try #require(schemas["Input"] as? [String: Any])
    }

    @Test("a table with enum, boolean, integer and year inputs: each with its type, values or domain")
    func typedInputs() async throws {
        var settings = TestServer.shippedSettings
        settings.rules = TestServer.path("Tests/Fixtures/policies/levels-state.yaml")
        try await TestServer.with(settings) { server in
            let input = try await Self.inputSchema(server)
            #expect(input["required"] as? [String] == ["level", "employed", "years_of_service", "cert_expires"])
            #expect(input["additionalProperties"] as? Bool == false)
            let properties = try #require(input["properties"] as? [String: [String: Any]])
            #expect(properties["level"]?["type"] as? String == "string")
            #expect(properties["level"]?["enum"] as? [String] == ["emr", "emt", "aemt", "paramedic"])
            #expect(properties["employed"]?["type"] as? String == "boolean")
            #expect(properties["years_of_service"]?["type"] as? String == "integer")
            #expect(properties["years_of_service"]?["minimum"] as? Int == 0)
            #expect(properties["years_of_service"]?["maximum"] as? Int == 40)
            #expect(properties["cert_expires"]?["type"] as? String == "integer")
            #expect(properties["as_of"]?["format"] as? String == "date")
            #expect(properties["ma_expires"] == nil)
        }
    }

    @Test("a history: the union of the tables' domains, null where none is a value")
    func historyDomains() async throws {
        try await HistoryAPITests.withHistory { server in
            let properties = try #require(try await Self.inputSchema(server)["properties"] as? [String: [String: Any]])
            #expect(properties["ma_expires"]?["minimum"] as? Int == 2022)
            #expect(properties["ma_expires"]?["maximum"] as? Int == 2033)
            #expect(properties["ma_expires"]?["type"] as? String == "integer")
            #expect(properties["nr_expires"]?["type"] as? [String] == ["integer", "null"])
        }
    }

    @Test("per-person dates are strings in date format, their domain in the description")
    func personDates() async throws {
        try await TestServer.with(PersonDateAPITests.settings) { server in
            let properties = try #require(try await Self.inputSchema(server)["properties"] as? [String: [String: Any]])
            #expect(properties["certified_on"]?["type"] as? String == "string")
            #expect(properties["certified_on"]?["format"] as? String == "date")
            #expect((properties["certified_on"]?["description"] as? String)?.contains("a date from") == true)
            #expect(properties["level"]?["enum"] != nil)
        }
    }
}
