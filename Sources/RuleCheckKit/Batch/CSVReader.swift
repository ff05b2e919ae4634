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

    /// Bytes allocated past the buffer's capacity, so that a record may be copied in 16-byte
    /// moves that read past its end (``RosterFastRows/overrun``).
    static let readSlack = RosterFastRows.overrun
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    var source: any ByteSource
    let options: Options
    @exclusivity(unchecked) var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) var capacity: Int
    // The reader is used from one thread at a time (it is not `Sendable`), so the hot stored
    // properties skip the runtime's dynamic exclusivity checks, which cost about a sixth of
    // the time of `rulecheck batch`.
    /// The first byte not yet parsed, and the end of the bytes read.
    @exclusivity(unchecked) var start = 0
    @exclusivity(unchecked) var end = 0
    @exclusivity(unchecked) var sourceEnded = false
    @exclusivity(unchecked) var checkedByteOrderMark = false
    /// Each field's start and end in `buffer`, two entries per field.
    @exclusivity(unchecked) var bounds = FieldBounds(fields: 32)
    @exclusivity(unchecked) var nextLine = 1
    @exclusivity(unchecked) var blank = false
    /// The current record's bytes before its line end when no field is quoted and no CR is
    /// inside a field (`plainEnd` is -1 otherwise).
    @exclusivity(unchecked) var plainStart = 0
    @exclusivity(unchecked) var plainEnd = -1

    /// The 1-based physical line on which the current record starts.
    @exclusivity(unchecked) public internal(set) var line = 0
    /// The bytes read from the source so far.
    @exclusivity(unchecked) public internal(set) var bytesRead = 0

    /// Reads `source` with `options`.
    public init(source: any ByteSource, options: Options = Options()) {
        self.source = source
        self.options = options
        capacity = options.chunkSize * 2
        // Zeroed once, so that reads past the bytes held (into the slack) read initialized memory.
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + Self.readSlack)
        buffer.initialize(repeating: 0, count: capacity + Self.readSlack)
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

    /// Field `index`'s bytes, for an index below ``fieldCount`` (not checked).
    @inline(__always)
    func fieldInRange(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let first = bounds.start(index)
        return UnsafeBufferPointer(start: buffer + first, count: bounds.end(index) &- first)
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
}
