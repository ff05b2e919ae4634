import Foundation
import RuleEngine

/// Cuts a roster file into parts that each start at a record boundary, for deciding them in
/// parallel. A line feed ends a record only outside quotes, and whether a byte is inside
/// quotes is the parity of the quotes before it (in well-formed CSV, a quote opens a field,
/// closes it, or is one of a doubled pair); so the splitter reads the file once, 16 bytes at a
/// time, counting quotes and line feeds, and cuts after the first line feed at even parity past
/// each part's target size. Where the CSV is malformed the parity may be wrong after the first
/// error, but the part holding that error starts at a true boundary, and its reader stops at
/// the same byte and line as a sequential run would, so nothing after it is used.
struct RosterSplitter {
    /// One part: the bytes `start ..< end` of the file, and the physical line `start` is on.
    struct Part: Sendable, Equatable {
        /// The first byte.
        let start: Int
        /// The byte after the last.
        let end: Int
        /// The 1-based physical line of `start` (one more than the line feeds before it).
        let line: Int
    }

    private let fileDescriptor: Int32
    private let end: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// The file offset of `buffer[0]`, and the bytes of the file held from there.
    private var bufferOffset: Int
    private var held = 0
    /// The offset where the next part starts and its line.
    private var partStart: Int
    private var partLine: Int
    /// Whether the bytes scanned so far hold an odd number of quotes.
    private var insideQuotes = false

    /// Splits the bytes `start ..< end` of the file open at `fileDescriptor`, `start` being a
    /// record boundary on physical line `line`.
    init(fileDescriptor: Int32, start: Int, end: Int, line: Int, blockSize: Int = 65_536) {
        self.fileDescriptor = fileDescriptor
        self.end = end
        capacity = max(blockSize, RecordScanner.width)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bufferOffset = start
        partStart = start
        partLine = line
    }

    /// Frees the read buffer.
    func close() { buffer.deallocate() }

    /// The next part, at least `target` bytes unless the file ends first, or `nil` at the end.
    mutating func next(target: Int) throws(ByteSourceError) -> Part? {
        guard partStart < end else { return nil }
        var scanned = partStart  // every byte before this offset is counted
        var lineFeeds = 0
        let cutFrom = partStart + max(target, 1)
        while scanned < end {
            if scanned >= bufferOffset + held { try refill(at: scanned) }
            // Blocks that end before the target byte cannot hold the cut: only their line feeds
            // and the parity of their quotes count.
            let skipped = scanned - bufferOffset
            let stop = min(held, cutFrom - 1 - bufferOffset) - RecordScanner.width
            if skipped <= stop {
                let blocks = (stop - skipped) / RecordScanner.width + 1
                let counts = RecordScanner.countQuotesAndLineFeeds(buffer + skipped, blocks: blocks)
                lineFeeds += counts.lineFeeds
                if counts.quotes & 1 == 1 { insideQuotes.toggle() }
                scanned += blocks * RecordScanner.width
                continue
            }
            let index = scanned - bufferOffset
            let available = held - index
            if available >= RecordScanner.width {
                let (quotes, feeds) = RecordScanner.quotesAndLineFeeds(buffer + index)
                var inside = Self.prefixParity(quotes)
                if insideQuotes { inside = ~inside }
                let ends = feeds & ~inside & 0xFFFF
                if scanned + RecordScanner.width >= cutFrom, ends != 0 {
                    // The first record end at or after the target (bits below cutFrom excluded).
                    let from = max(cutFrom - scanned - 1, 0)
                    let candidates = ends & ~((1 << UInt32(from)) &- 1)
                    if candidates != 0 {
                        let bit = candidates.trailingZeroBitCount
                        let below = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bit + 1)) &- 1)
                        lineFeeds += (feeds & below).nonzeroBitCount
                        if (quotes & below).nonzeroBitCount & 1 == 1 { insideQuotes.toggle() }
                        return cut(at: scanned + bit + 1, lineFeeds: lineFeeds)
                    }
                }
                lineFeeds += feeds.nonzeroBitCount
                if quotes.nonzeroBitCount & 1 == 1 { insideQuotes.toggle() }
                scanned += RecordScanner.width
            } else {
                let byte = buffer[index]
                scanned += 1
                if byte == 0x22 {
                    insideQuotes.toggle()
                } else if byte == 0x0A {
                    lineFeeds += 1
                    if !insideQuotes && scanned >= cutFrom { return cut(at: scanned, lineFeeds: lineFeeds) }
                }
            }
        }
        return cut(at: end, lineFeeds: lineFeeds)
    }

    private mutating func cut(at offset: Int, lineFeeds: Int) -> Part {
        let part = Part(start: partStart, end: offset, line: partLine)
        partStart = offset
        partLine += lineFeeds
        return part
    }

    /// Bit `i` set when an odd number of the bits `0...i` of `quotes` are set.
    @inline(__always)
    private static func prefixParity(_ quotes: UInt32) -> UInt32 {
        var parity = quotes
        parity ^= parity << 1
        parity ^= parity << 2
        parity ^= parity << 4
        parity ^= parity << 8
        return parity
    }

    /// Reads the block of the file that starts at `offset`.
    private mutating func refill(at offset: Int) throws(ByteSourceError) {
        bufferOffset = offset
        held = 0
        let wanted = min(capacity, end - offset)
        while held < wanted {
            let count = pread(fileDescriptor, buffer + held, wanted - held, off_t(offset + held))
            if count < 0 {
                if errno == EINTR { continue }
                throw .fromErrno()
            }
            if count == 0 { break }
            held += count
        }
        if held == 0 { throw ByteSourceError(description: "the file ended early (was it truncated?)") }
    }
}
