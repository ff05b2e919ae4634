import RuleEngine
import Testing

@testable import RuleCheckKit

/// The vectorized record scanner against the byte-at-a-time state machine: every special byte
/// (delimiter, quote, CR, LF) at every offset around the 16-byte step, at chunk sizes that
/// put the buffer's end anywhere, must give the same records, lines and errors.
@Suite("Record scanner")
struct RecordScannerTests {
    /// What a reader makes of a text: each record's line, fields and plain bytes, or the error.
    struct Reading: Equatable, CustomStringConvertible {
        var records: [[String]] = []
        var plain: [String?] = []
        var error: CSVError?
        var description: String { "\(records) plain \(plain) error \(String(describing: error))" }
    }

    static func reading(_ text: [UInt8], chunkSize: Int, delimiter: UInt8 = 0x2C, vectorized: Bool) -> Reading {
        var options = CSVReader.Options(delimiter: delimiter)
        options.vectorized = vectorized
        let reader = CSVReader(source: MemorySource(text, chunkSize: chunkSize), options: options)
        var result = Reading()
        do {
            while try reader.next() {
                result.records.append(["\(reader.line)"] + reader.record)
                result.plain.append(reader.plainRecord.map { String(decoding: $0, as: UTF8.self) })
            }
        } catch {
            result.error = error
        }
        return result
    }

    /// Checks that the vectorized reader agrees with the state machine on `text`, and that
    /// every plain record it reports is exactly its fields written back, each quoted as needed.
    static func check(_ text: [UInt8], chunkSize: Int, delimiter: UInt8 = 0x2C) {
        let reference = reading(text, chunkSize: chunkSize, delimiter: delimiter, vectorized: false)
        let fast = reading(text, chunkSize: chunkSize, delimiter: delimiter, vectorized: true)
        #expect(fast.records == reference.records, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        #expect(fast.error == reference.error, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        #expect(reference.plain.allSatisfy { $0 == nil })
        for (record, plain) in zip(fast.records, fast.plain) {
            guard let plain else { continue }
            var written: [UInt8] = []
            for (index, field) in record.dropFirst().enumerated() {
                if index > 0 { written.append(delimiter) }
                CSVField.append(field, to: &written, delimiter: delimiter)
            }
            #expect(Array(plain.utf8) == written, "\(record)")
        }
    }

    static let base = Array("alpha,bravo,charlie,delta-echo\n".utf8)
    static let tokens = [",", "\"", "\n", "\r", "\r\n", "\"\"", "\"q,\r\nq\"\"x\",", ",\"\",", "\n\n", "é"]

    @Test("one special token at every offset of three records", arguments: tokens)
    func tokenAtEveryOffset(token: String) {
        let text = Self.base + Self.base + Self.base
        for offset in 0...text.count {
            var mutated = text
            mutated.insert(contentsOf: Array(token.utf8), at: offset)
            for chunkSize in [1, 15, 16, 17, 31, 33, 65_536] { Self.check(mutated, chunkSize: chunkSize) }
        }
    }

    @Test(
        "a quoted field with a line end at every offset, for each delimiter", arguments: [0x2C, 0x3B, 0x09] as [UInt8])
    func quotedLineEnds(delimiter: UInt8) {
        let plain = Array("id\u{1}name\u{1}ma_expires\u{1}nr_expires\u{1}as_of\n".utf8).map { $0 == 1 ? delimiter : $0 }
        for offset in 0..<48 {
            let quoted = Array("\"x\ny\"".utf8) + [delimiter]
            var text = plain + Array(repeating: UInt8(ascii: "z"), count: offset) + [delimiter] + quoted + plain
            text += plain
            for chunkSize in [16, 17, 64, 65_536] { Self.check(text, chunkSize: chunkSize, delimiter: delimiter) }
        }
    }

    @Test("long plain records are scanned as plain, CRLF included")
    func plainRecords() {
        let text = Array("alpha,bravo,charlie,delta\r\nalpha,bravo,charlie,delta\nx\r,y,zzzzzzzzzzzzzzzzzzzzz\n".utf8)
        let fast = Self.reading(text + text, chunkSize: 65_536, vectorized: true)
        #expect(fast.plain.prefix(2) == ["alpha,bravo,charlie,delta", "alpha,bravo,charlie,delta"])
        #expect(fast.plain[2] == nil, "a CR inside a field must be written quoted, so the record is not plain")
        Self.check(text + text, chunkSize: 65_536)
    }

    @Test("a record whose quoted fields all need their quotes is plain, quotes included")
    func quotedPlainRecords() {
        let quoted = Array(
            "a,\"b,c\",d\n\"x\"\"y\",z\n\"plain\",q\n\"e\nf\",\"g\"\r\n\"h,i\"\r\nj,\"k\rl\"\n\"\",m\n".utf8)
        let padding = Array("alpha,bravo,charlie,delta\n".utf8)
        let fast = Self.reading(quoted + padding + padding, chunkSize: 65_536, vectorized: true)
        #expect(
            fast.plain.prefix(7) == [
                "a,\"b,c\",d", nil, nil, nil, "\"h,i\"", "j,\"k\rl\"", nil,
            ])
        Self.check(quoted + padding + padding, chunkSize: 65_536)
    }

    @Test("the delimiter and stop masks of 16 and 32 bytes agree with looking at each byte", arguments: [0x2C, 0x3B])
    func delimiterAndStopMasks(delimiter: UInt8) {
        // Every byte value at the ends and the middles of both blocks of a 32-byte step, among
        // random neighbours.
        var random = SplitMix64(seed: 1776)
        for value in 0...255 {
            for position in [0, 1, 7, 14, 15, 16, 17, 24, 30, 31] {
                var bytes = (0..<RosterFastRows.step).map { _ in UInt8(truncatingIfNeeded: random.next(256)) }
                bytes[position] = UInt8(value)
                var delimiters: UInt64 = 0
                var stops: UInt64 = 0
                for (index, byte) in bytes.enumerated() {
                    if byte == delimiter { delimiters |= 1 << UInt64(index) }
                    if byte <= 0x0D || byte == 0x22 { stops |= 1 << UInt64(index) }
                }
                let masks = bytes.withUnsafeBufferPointer { pointer in
                    pointer.baseAddress.map {
                        (
                            wide: RosterFastRows.masks($0, delimiter: delimiter),
                            block: RecordScanner.delimitersAndStops($0, delimiter: delimiter)
                        )
                    }
                }
                guard case (let wide, let block)? = masks, wide.delimiters == delimiters, wide.stops == stops,
                    UInt64(block.delimiters) == delimiters & 0xFFFF, UInt64(block.stops) == stops & 0xFFFF
                else {
                    Issue.record(
                        "byte \(value) at \(position): masks \(String(describing: masks)); by byte \(delimiters), \(stops)"
                    )
                    return
                }
            }
        }
    }

    @Test(
        "the word-at-a-time masks (the path off x86-64) agree with looking at each byte",
        arguments: [0x2C, 0x3B, 0x09, 0x7C])
    func portableMasks(delimiter: UInt8) {
        var random = SplitMix64(seed: 1861 + UInt64(delimiter))
        for value in 0...255 {
            for position in [0, 1, 6, 7, 8, 9, 14, 15] {
                var bytes = (0..<RecordScanner.width).map { _ in UInt8(truncatingIfNeeded: random.next(256)) }
                bytes[position] = UInt8(value)
                // A neighbour just above or below a threshold, to catch a borrow between bytes.
                bytes[(position + 1) % RecordScanner.width] = [0x0D, 0x0E, 0x80, 0x00, delimiter][value % 5]
                var want = (
                    delimiters: UInt32(0), stops: UInt32(0), specials: UInt32(0), quotes: UInt32(0), feeds: UInt32(0)
                )
                for (index, byte) in bytes.enumerated() {
                    let bit = UInt32(1) << UInt32(index)
                    if byte == delimiter { want.delimiters |= bit }
                    if byte <= 0x0D || byte == 0x22 { want.stops |= bit }
                    if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { want.specials |= bit }
                    if byte == 0x22 { want.quotes |= bit }
                    if byte == 0x0A { want.feeds |= bit }
                }
                let got = bytes.withUnsafeBufferPointer { pointer in
                    pointer.baseAddress.map {
                        (
                            RecordScanner.Portable.delimitersAndStops($0, delimiter: delimiter),
                            RecordScanner.Portable.specials($0, delimiter: delimiter),
                            RecordScanner.Portable.quotesAndLineFeeds($0)
                        )
                    }
                }
                guard let (masks, specials, quotes) = got,
                    specials == want.specials, quotes.quotes == want.quotes, quotes.lineFeeds == want.feeds,
                    delimiter <= 0x0D || (masks.delimiters == want.delimiters && masks.stops == want.stops)
                else {
                    Issue.record(
                        "byte \(value) at \(position) among \(bytes): \(String(describing: got)); want \(want)")
                    return
                }
            }
        }
    }

    @Test("counting quotes and line feeds over many blocks agrees with counting byte by byte")
    func countsOverBlocks() {
        var random = SplitMix64(seed: 4181)
        let bytes: [UInt8] = (0..<(RecordScanner.width * 1400)).map { _ in
            [0x22, 0x0A, 0x61, 0x2C, 0x0D, 0xFF][random.next(6)]
        }
        // Random bytes, and only quotes and line feeds, so that every byte counter passes 255.
        let runs =
            Array(repeating: UInt8(0x22), count: bytes.count / 2) + Array(repeating: 0x0A, count: bytes.count / 2)
        let blockCounts = [0, 1, 2, 3, 254, 255, 256, 511, 700, 1017, 1400]
        let cases = [bytes, runs].flatMap { text in blockCounts.map { (text, $0) } }
        // The AVX2 count where the processor has it (128 bytes a step, summed every 63 steps),
        // and the 16-byte one that runs elsewhere.
        let counters: [(String, (UnsafePointer<UInt8>, Int) -> (quotes: Int, lineFeeds: Int))] = [
            ("chosen", { RecordScanner.countQuotesAndLineFeeds($0, blocks: $1) }),
            ("SSE2", { RecordScanner.countQuotesAndLineFeedsSSE2($0, blocks: $1) }),
        ]
        for (name, count) in counters {
            for (bytes, blocks) in cases {
                let counted = bytes.withUnsafeBufferPointer { pointer in
                    pointer.baseAddress.map { count($0, blocks) } ?? (quotes: 0, lineFeeds: 0)
                }
                let prefix = bytes.prefix(blocks * RecordScanner.width)
                #expect(counted.quotes == prefix.filter { $0 == 0x22 }.count, "\(name), \(blocks) blocks")
                #expect(counted.lineFeeds == prefix.filter { $0 == 0x0A }.count, "\(name), \(blocks) blocks")
            }
        }
    }

    @Test("random texts read the same as through the state machine", arguments: [3, 16, 64, 65_536])
    func randomTexts(chunkSize: Int) {
        var random = SplitMix64(seed: 15 + UInt64(chunkSize))
        let alphabet: [[UInt8]] = [
            [0x61], [0x62], [0x63], [0x64], [0x65], [0x31], [0x20], [0x2C], [0x2C], [0x3B], [0x09], [0x22],
            [0x0A], [0x0D, 0x0A], [0x0D], [0xC3, 0xA9], [0x22, 0x22],
        ]
        for _ in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<random.next(200) {
                // Mostly letters, so that long unquoted runs reach the vector loop.
                let pick = random.next(3) == 0 ? random.next(alphabet.count) : random.next(5)
                text += alphabet[pick]
            }
            Self.check(text, chunkSize: chunkSize)
            Self.check(text, chunkSize: chunkSize, delimiter: 0x3B)
        }
    }
}
