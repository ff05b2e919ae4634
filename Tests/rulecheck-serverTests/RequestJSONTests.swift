import Foundation
import Testing

@testable import rulecheck_server

/// The fast reader of request bodies gives exactly what `JSONDecoder` gives, or leaves the
/// body to it.
@Suite("request JSON")
struct RequestJSONTests {
    static let takenBodies: [String] = [
        #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#,
        #"{"ma_expires":2026,"nr_expires":null}"#,
        " \t\r\n[{\"a\": -12}, {}, [], [true, false, null], \"x y\", 0, -1, 999999999999999999] \n",
        "42", "\"text\"", "true", "null", "{\"level\": \"paramedic\", \"exempt\": false}",
    ]

    static let otherBodies: [String] = [
        "", " ", "{", "}", "[", "]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a: 1}", "01", "-", "-0", "1.5", "1e3",
        "2026.0", "1E3", "1234567890123456789", "[99999999999999999999999999999]", "-92233720368547758080", "\"a\\nb\"",
        "\"é\"", "tru", "truex", "nul", "[1 2]",
        "{\"a\": 1, \"a\": 2}", "\"\u{01}\"", "{\"a\":1}x",
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
    ]

    @Test("the usual bodies are read without JSONDecoder, to the same value", arguments: takenBodies)
    func takenEqualsDecoder(_ body: String) throws {
        let fast = try #require(FastRequestReader.read(Array(body.utf8)))
        #expect(fast == (try RequestJSON.decode(Array(body.utf8))))
        #expect((try RequestJSON.parse(Array(body.utf8))) == fast)
    }

    @Test("anything else is left to JSONDecoder, with its value or its error", arguments: otherBodies)
    func leftToDecoder(_ body: String) {
        #expect(FastRequestReader.read(Array(body.utf8)) == nil)
        let decoded = Result { () throws(APIError) in try RequestJSON.decode(Array(body.utf8)) }
        let parsed = Result { () throws(APIError) in try RequestJSON.parse(Array(body.utf8)) }
        switch (decoded, parsed) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a.message == b.message)
        default: Issue.record("parse and JSONDecoder disagree on \(body)")
        }
    }

    @Test("random bodies: whenever the fast reader answers, JSONDecoder answers the same")
    func randomBodies() {
        var generator = SeededGenerator(seed: 12)
        let pieces = [
            "{", "}", "[", "]", ",", ":", " ", "\"a\"", "\"b\"", "1", "-", "0", "2026", ".", "e", "true", "null",
            "false", "\"", "\\", "x", "\n", "9999999999", "123456789012345678",
        ]
        var answered = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 1...12, using: &generator)
            let body = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            guard let fast = FastRequestReader.read(Array(body.utf8)) else { continue }
            answered += 1
            #expect(fast == (try? RequestJSON.decode(Array(body.utf8))), "\(body)")
        }
        #expect(answered > 50)
    }
}
