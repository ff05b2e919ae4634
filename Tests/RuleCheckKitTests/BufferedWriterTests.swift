import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The buffered writer and its CSV and JSON field writers.
@Suite("Buffered writer")
struct BufferedWriterTests {
    /// What `body` writes through a writer with a small buffer.
    static func written(capacity: Int = 64, _ body: (BufferedWriter) throws -> Void) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        let output = try AtomicOutputFile(path: file.path)
        defer { try? FileManager.default.removeItem(at: file) }
        let writer = BufferedWriter(fileDescriptor: output.fileDescriptor, capacity: capacity)
        try body(writer)
        try writer.flush()
        try output.commit()
        return try String(contentsOf: file, encoding: .utf8)
    }

    static let samples = [
        "", "plain", "a,b", "say \"hi\"", "two\nlines", "crlf\r\n", "tab\there", "back\\slash",
        "\u{01}\u{1F}\u{08}\u{0C}",
        "José Ñúñez", "日本", String(repeating: "long, \"quoted\" text ", count: 20),
    ]

    @Test("CSV fields are quoted exactly when RFC 4180 needs it", arguments: samples)
    func csvField(text: String) throws {
        let output = try Self.written { writer in
            var bytes = Array(text.utf8)
            try bytes.withUnsafeMutableBufferPointer { try writer.writeCSVField(UnsafeBufferPointer($0)) }
        }
        #expect(output == CSVField.encoded(text))
        let quoted = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        #expect(output.hasPrefix("\"") == quoted)
    }

    @Test("JSON strings are escaped as JSONValue escapes them", arguments: samples)
    func jsonString(text: String) throws {
        let output = try Self.written { writer in
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { try writer.writeJSONString($0) }
        }
        #expect(output == JSONValue.string(text).rendered())
    }

    @Test("writes larger than the buffer, and many small ones, arrive whole and in order")
    func largeWrites() throws {
        let big = String(repeating: "0123456789", count: 100)
        let output = try Self.written { writer in
            try writer.write("start,")
            try writer.write(big)
            for index in 0..<500 { try writer.write(byte: UInt8(ascii: "a") + UInt8(index % 26)) }
        }
        #expect(output.count == 6 + 1000 + 500)
        #expect(output.hasPrefix("start,0123456789") && output.hasSuffix("xyzabcdef"))
    }
}
