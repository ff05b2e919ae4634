import Foundation
import RuleEngine

/// A streaming reader of comma-separated values as RFC 4180 writes them: fields may be
/// quoted, quoted fields may hold commas, line ends and doubled quotes (`""`), records end in
/// CRLF or LF, and a UTF-8 byte-order mark at the very start is skipped. Blank lines are
/// skipped by default. The field delimiter is a comma unless ``Options/delimiter`` says
/// otherwise (`;` or a tab, as spreadsheets in some locales write), with the same rules.
/// Input that starts with a UTF-16 byte-order mark or a NUL byte is rejected as UTF-16.
///
/// It reads its source in chunks (64 KiB by default) into one reusable buffer and parses the
/// bytes in place: a record's fields are views into that buffer, with quotes already
/// removed, and stay valid until the next call to ``next()``. Runs of unquoted fields are
/// scanned 16 bytes at a time (``RecordScanner``); the byte-at-a-time state machine takes over
/// from the first quote of a record to its end, and near the end of the buffer. Memory stays bounded by the
/// longest record (at most ``Options/maxRecordBytes``) whatever the input's size.
///
/// Off-the-shelf readers do not fit this job: SwiftCSV loads the whole file into one
/// `String` and CSV.swift decodes every field into a `String`, while a roster of a million
/// rows must stream and parse years and dates straight from bytes.
public final class CSVReader {
    /// How the reader reads.
    public struct Options: Sendable {
        /// The most bytes asked of the source at once.
        public var chunkSize: Int
        /// The longest record accepted; a longer one is a ``CSVError/Kind/recordTooLong(limit:)``.
        public var maxRecordBytes: Int
        /// Whether lines with nothing on them are skipped rather than read as one empty field.
        public var skipsBlankLines: Bool
        /// The byte between fields: `,` by default; a quote, CR or LF falls back to `,`.
        public var delimiter: UInt8
        /// Whether unquoted records are scanned many bytes at a time (the default); when
        /// `false`, every byte goes through the state machine (the reference that tests compare with).
        public var vectorized = true

        /// Chunks of 64 KiB, records up to 1 MiB, blank lines skipped, fields split at `delimiter`.
        public init(
            chunkSize: Int = 65_536, maxRecordBytes: Int = 1 << 20, skipsBlankLines: Bool = true,
            delimiter: UInt8 = UInt8(ascii: ",")
        ) {
            self.chunkSize = max(chunkSize, 16)
            self.maxRecordBytes = max(maxRecordBytes, 16)
            self.skipsBlankLines = skipsBlankLines
            self.delimiter = [0x22, 0x0D, 0x0A].contains(delimiter) ? UInt8(ascii: ",") : delimiter
        }
    }

    private enum State {
        case fieldStart
        case unquoted
        case quoted
        case afterQuote
        case afterQuoteCR
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private var source: any ByteSource
    let options: Options
    @exclusivity(unchecked) var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    // The reader is used from one thread at a time (it is not `Sendable`), so the hot stored
    // properties skip the runtime's dynamic exclusivity checks, which cost about a sixth of
    // the time of `rulecheck batch`.
    /// The first byte not yet parsed, and the end of the bytes read.
    @exclusivity(unchecked) var start = 0
    @exclusivity(unchecked) var end = 0
    @exclusivity(unchecked) private var sourceEnded = false
    @exclusivity(unchecked) private var checkedByteOrderMark = false
    /// Each field's start and end in `buffer`, two entries per field.
    @exclusivity(unchecked) var bounds = FieldBounds(fields: 32)
    @exclusivity(unchecked) var nextLine = 1
    @exclusivity(unchecked) var blank = false
    /// The current record's bytes before its line end when no field is quoted and no CR is
    /// inside a field (`plainEnd` is -1 otherwise).
    @exclusivity(unchecked) var plainStart = 0
    @exclusivity(unchecked) var plainEnd = -1

    /// The 1-based physical line on which the current record starts.
    @exclusivity(unchecked) public private(set) var line = 0
    /// The bytes read from the source so far.
    @exclusivity(unchecked) public private(set) var bytesRead = 0

    /// Reads `source` with `options`.
    public init(source: any ByteSource, options: Options = Options()) {
        self.source = source
        self.options = options
        capacity = options.chunkSize * 2
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    /// Reads `source`, a part of a file that starts at a record boundary on physical line
    /// `startingLine` (after the header), so no byte-order mark is looked for.
    convenience init(source: any ByteSource, options: Options, startingLine: Int) {
        self.init(source: source, options: options)
        nextLine = startingLine
        checkedByteOrderMark = true
    }

    /// Reads `source` next, a part of a file that starts at a record boundary on physical line
    /// `startingLine`, keeping the buffer (and forgetting the current record).
    func restart(source: any ByteSource, startingLine: Int) {
        self.source = source
        start = 0
        end = 0
        sourceEnded = false
        checkedByteOrderMark = true
        bytesRead = 0
        nextLine = startingLine
        line = 0
        bounds.removeAll()
        plainEnd = -1
    }

    /// The field delimiter.
    var delimiter: UInt8 { options.delimiter }

    /// The bytes of the source consumed up to the end of the current record.
    var consumedBytes: Int { bytesRead - (end - start) }

    /// The physical line after the current record.
    var nextLineNumber: Int { nextLine }

    /// The current record's bytes without its line end, when writing them back as they are is
    /// the same as writing each field quoted per RFC 4180 as needed: no field was quoted and no
    /// field holds a CR. Valid until the next call to ``next()``.
    var plainRecord: UnsafeBufferPointer<UInt8>? {
        plainEnd < 0 ? nil : UnsafeBufferPointer(start: buffer + plainStart, count: plainEnd - plainStart)
    }

    deinit {
        buffer.deallocate()
        bounds.deallocate()
    }

    /// The number of fields in the current record.
    public var fieldCount: Int { bounds.fieldCount }

    /// A field's bytes, without quotes; valid until the next call to ``next()``.
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < bounds.fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
        let first = bounds.start(index)
        return UnsafeBufferPointer(start: buffer + first, count: bounds.end(index) - first)
    }

    /// A field as text (invalid UTF-8 is replaced with U+FFFD).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Every field of the current record as text.
    public var record: [String] { (0..<fieldCount).map(string) }

    /// Moves to the next record. Returns `false` at the end of the input.
    public func next() throws(CSVError) -> Bool {
        while try readRecord() {
            if !(options.skipsBlankLines && blank) { return true }
        }
        return false
    }

    /// Parses one record, refilling the buffer as needed; keeps every position relative to the
    /// buffer so that a refill can move the partial record to the front.
    private func readRecord() throws(CSVError) -> Bool {
        if !checkedByteOrderMark { try skipByteOrderMark() }
        bounds.removeAll()
        let delimiter = options.delimiter
        line = nextLine
        plainEnd = -1
        var recordStart = start
        var position = start
        var fieldStart = start
        if options.vectorized, scanPlainRecord(position: &position, fieldStart: &fieldStart) { return true }
        var write = start
        var quoteLine = 0
        var state = position == fieldStart ? State.fieldStart : State.unquoted
        while true {
            if position == end {
                if sourceEnded {
                    start = position
                    switch state {
                    case .quoted: throw CSVError(kind: .unclosedQuote, line: quoteLine)
                    case .fieldStart where position == recordStart && bounds.count == 0: return false
                    case .fieldStart, .unquoted: appendUnquoted(from: fieldStart, to: position)
                    case .afterQuote, .afterQuoteCR:
                        bounds.append(fieldStart, write)
                    }
                    blank = isBlank(from: recordStart, to: position)
                    return true
                }
                let shift = try refill(keepingFrom: recordStart)
                recordStart -= shift
                position -= shift
                fieldStart -= shift
                write -= shift
                continue
            }
            switch state {
            case .fieldStart:
                let byte = buffer[position]
                position += 1
                if byte == Self.quote {
                    state = .quoted
                    quoteLine = nextLine
                    fieldStart = position
                    write = position
                } else if byte == delimiter {
                    bounds.append(position - 1, position - 1)
                    fieldStart = position
                } else if byte == Self.lineFeed {
                    blank = isBlank(from: recordStart, to: position - 1)
                    bounds.append(position - 1, position - 1)
                    return finish(at: position)
                } else {
                    state = .unquoted
                    fieldStart = position - 1
                }
            case .unquoted:
                while position < end {
                    let byte = buffer[position]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.quote { break }
                    position += 1
                }
                guard position < end else { continue }
                let byte = buffer[position]
                if byte == Self.quote { throw CSVError(kind: .strayQuote, line: nextLine) }
                appendUnquoted(from: fieldStart, to: position)
                position += 1
                if byte == Self.lineFeed {
                    blank = isBlank(from: recordStart, to: position - 1)
                    return finish(at: position)
                }
                state = .fieldStart
                fieldStart = position
            case .quoted:
                while position < end {
                    let byte = buffer[position]
                    if byte == Self.quote { break }
                    if byte == Self.lineFeed { nextLine += 1 }
                    buffer[write] = byte
                    write += 1
                    position += 1
                }
                guard position < end else { continue }
                position += 1
                state = .afterQuote
            case .afterQuote:
                let byte = buffer[position]
                position += 1
                if byte == Self.quote {
                    buffer[write] = byte
                    write += 1
                    state = .quoted
                } else if byte == delimiter {
                    bounds.append(fieldStart, write)
                    state = .fieldStart
                    fieldStart = position
                } else if byte == Self.lineFeed {
                    bounds.append(fieldStart, write)
                    blank = false
                    return finish(at: position)
                } else if byte == Self.carriageReturn {
                    state = .afterQuoteCR
                } else {
                    throw CSVError(kind: .textAfterClosingQuote(byte), line: nextLine, delimiter: delimiter)
                }
            case .afterQuoteCR:
                let byte = buffer[position]
                position += 1
                guard byte == Self.lineFeed else {
                    throw CSVError(
                        kind: .textAfterClosingQuote(Self.carriageReturn), line: nextLine, delimiter: delimiter)
                }
                bounds.append(fieldStart, write)
                blank = false
                return finish(at: position)
            }
        }
    }

    /// Records an unquoted field, leaving out the CR of a CRLF line end.
    @inline(__always)
    func appendUnquoted(from first: Int, to last: Int) {
        let trimmed = last > first && buffer[last - 1] == Self.carriageReturn ? last - 1 : last
        bounds.append(first, trimmed)
    }

    /// Whether a record's bytes before its line feed are nothing, or only a CR.
    func isBlank(from first: Int, to last: Int) -> Bool {
        last == first || (last == first + 1 && buffer[first] == Self.carriageReturn)
    }

    @inline(__always)
    func finish(at position: Int) -> Bool {
        nextLine += 1
        start = position
        return true
    }

    /// Moves the partial record at `keepingFrom` to the front, grows the buffer when the
    /// record fills it, and reads more. Returns how far the bytes moved.
    private func refill(keepingFrom recordStart: Int) throws(CSVError) -> Int {
        let kept = end - recordStart
        if recordStart > 0 {
            if kept > 0 { memmove(buffer, buffer + recordStart, kept) }
            bounds.shift(by: recordStart)
            end = kept
            start = 0
        }
        if end == capacity {
            guard capacity < options.maxRecordBytes else {
                throw CSVError(kind: .recordTooLong(limit: options.maxRecordBytes), line: line)
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let room = UnsafeMutableRawBufferPointer(start: buffer + end, count: min(capacity - end, options.chunkSize))
        let count: Int
        do { count = try source.read(into: room) } catch {
            throw CSVError(kind: .readFailed(error.description), line: line)
        }
        if count == 0 { sourceEnded = true }
        end += count
        bytesRead += count
        return recordStart
    }

    /// Skips `EF BB BF` at the start of the input, reading until three bytes are in.
    private func skipByteOrderMark() throws(CSVError) {
        while end < 3 && !sourceEnded {
            let room = UnsafeMutableRawBufferPointer(start: buffer + end, count: min(capacity - end, options.chunkSize))
            let count: Int
            do { count = try source.read(into: room) } catch {
                throw CSVError(kind: .readFailed(error.description), line: 1)
            }
            if count == 0 { sourceEnded = true }
            end += count
            bytesRead += count
        }
        checkedByteOrderMark = true
        // UTF-16: a byte-order mark, or the NUL half of an ASCII character in the first two bytes.
        if end >= 2,
            (buffer[0], buffer[1]) == (0xFF, 0xFE) || (buffer[0], buffer[1]) == (0xFE, 0xFF)
                || buffer[0] == 0 || buffer[1] == 0
        {
            throw CSVError(kind: .utf16, line: 1)
        }
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
    }
}
