import Foundation
import NIOCore
import RuleEngine
import Testing

@testable import rulecheck_server

/// The service writes JSON straight into the response buffer; the bytes are exactly those of
/// `rendered()`, which `eval --format json` prints.
@Suite("response bytes")
struct ResponseBytesTests {
    static func bytes(_ write: (inout ByteBuffer) -> Void) -> String {
        var buffer = ByteBuffer()
        write(&buffer)
        return String(buffer: buffer)
    }

    @Test("every decision of the shipped table and the 2027 example, twice (rendered, then cached)")
    func decisionsEqualRendered() throws {
        let folder = try TestServer.historyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .loaded(let snapshot, _) = TableFolder(path: folder.path).load() else {
            Issue.record("the folder did not load")
            return
        }
        var compared = 0
        for _ in 0..<2 {
            for date in ["2025-12-01", "2026-02-16", "2026-07-01", "2027-01-10", "2027-03-31", "2028-01-01"] {
                guard let day = LocalDate(iso: date) else { continue }
                let inputs = snapshot.history.inputs(on: day)
                for ma in inputs[0].input.values {
                    for nr in inputs[1].input.values {
                        guard let decision = try? snapshot.history.evaluate(YearValues(ma, nr), asOf: day) else {
                            continue
                        }
                        let written = Self.bytes { snapshot.body.write(decision, into: &$0) }
                        #expect(
                            written == decision.json.rendered(),
                            "\(date) \(String(describing: ma)) \(String(describing: nr))")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 500)
    }

    @Test("every class of a table with enum, year and per-person date inputs")
    func typedDecisionsEqualRendered() throws {
        guard
            case .loaded(let snapshot, _) = TableFolder(
                path: TestServer.path("Tests/Fixtures/policies/dates-state.yaml")
            ).load()
        else {
            Issue.record("the table did not load")
            return
        }
        var compared = 0
        for date in ["2026-01-01", "2026-04-15", "2026-12-31"] {
            guard let day = LocalDate(iso: date) else { continue }
            var combinations: [[Int?]] = [[]]
            for input in snapshot.history.inputs(on: day) {
                combinations = combinations.flatMap { prefix in input.input.values.map { prefix + [$0] } }
            }
            for values in combinations.prefix(4000) {
                guard let decision = try? snapshot.history.evaluate(YearValues(values), asOf: day) else { continue }
                for _ in 0..<2 {
                    #expect(Self.bytes { snapshot.body.write(decision, into: &$0) } == decision.json.rendered())
                }
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test(
        "JSON values with escapes, controls and non-ASCII text",
        arguments: [
            JSONValue.string("plain"), .string("quote \" and \\ back"), .string("tab\tnew\nline\r\u{01}\u{1F}"),
            .string("é – 😀"), .int(-42), .null, .bool(true), .array([]), .object([]),
            .object([("k\"ey", .array([.int(1), .string("x"), .object([("n", .null)])])), ("b", .bool(false))]),
        ])
    func valuesEqualRendered(_ value: JSONValue) {
        #expect(Self.bytes { value.write(into: &$0) } == value.rendered())
    }
}
