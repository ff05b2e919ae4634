import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The splitter cuts only where a record ends: every part starts where the sequential reader
/// starts a record (or at a blank line it skips), on the same physical line, even when quoted
/// fields with line ends sit right next to the cut.
@Suite("Roster splitter")
struct RosterSplitterTests {
    /// The offsets where the sequential reader's records end, with the line after each.
    static func recordEnds(_ text: [UInt8]) throws -> [Int: Int] {
        let reader = CSVReader(
            source: MemorySource(text), options: CSVReader.Options(skipsBlankLines: false))
        var ends: [Int: Int] = [0: 1]
        while try reader.next() { ends[reader.consumedBytes] = reader.nextLineNumber }
        return ends
    }

    static func parts(_ text: [UInt8], target: Int) throws -> [RosterSplitter.Part] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        try Data(text).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var splitter = RosterSplitter(fileDescriptor: descriptor, start: 0, end: text.count, line: 1, blockSize: 32)
        defer { splitter.close() }
        var parts: [RosterSplitter.Part] = []
        while let part = try splitter.next(target: target) { parts.append(part) }
        return parts
    }

    static let texts = [
        "a,\"x\ny\"\n\"\n\",b\n\"\"\"\n\",\"\"\nplain,row\r\n\"q\r\n\",\n\n\"\n\n\n\"\n",
        String(repeating: "P1,\"Doe, Jane\",2026,\"two\nlines\"\n\"\"\"\",x\n", count: 6),
        String(repeating: "0123456789abcdef,\"0123456789\nabcdef\"\n", count: 5),
    ]

    @Test("every cut is a record end on the right line, at every target size", arguments: texts.indices)
    func cutsAtRecordEnds(index: Int) throws {
        let text = Array(Self.texts[index].utf8)
        let ends = try Self.recordEnds(text)
        for target in 1...text.count + 1 {
            let parts = try Self.parts(text, target: target)
            #expect(parts.first?.start == 0)
            #expect(parts.last?.end == text.count)
            for (part, next) in zip(parts, parts.dropFirst()) { #expect(part.end == next.start) }
            for part in parts {
                #expect(ends[part.start] == part.line, "target \(target): part \(part) starts inside a record")
                #expect(part.end - part.start >= target || part.end == text.count, "target \(target): \(part)")
            }
        }
    }
}
