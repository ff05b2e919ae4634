import RuleEngine

/// The row loop of a roster run with a memo of decisions (``RosterDecisionMemo``), in two
/// parts: ``writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)`` writes the rows
/// ahead that need nothing but the memo straight from the reader's buffer, and
/// ``key(_:day:dates:)`` reads the memo's key of a record read the general way. The run's
/// columns are laid out in a few words, so that the loop reads them without array bounds
/// checks or retains. On x86-64 processors with AVX2 and BMI2 the rows ahead are written by
/// the C loop of `CRosterRows` instead (``writeKnownRowsAVX2(_:memo:suffixes:suffixStarts:counts:writer:limit:)``),
/// which writes the same rows. Call ``deallocate()`` when done.
struct RosterFastRows {
    /// The number of year inputs, and each one's column.
    let inputCount: Int
    let columns: UnsafeMutablePointer<Int>
    /// The date column, or -1.
    let dateColumn: Int
    let defaultDay: Int
    let dateFormat: RosterDateFormat
    /// The header's number of columns.
    let columnCount: Int
    /// Whether ``writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)`` may scan:
    /// ISO dates, a delimiter above `0x0D` and a reader that scans many bytes at a time.
    let scans: Bool
    /// Whether ``writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)`` runs the
    /// AVX2 loop (``writeKnownRowsAVX2(_:memo:suffixes:suffixStarts:counts:writer:limit:)``):
    /// it scans, the processor has AVX2 and BMI2, and the run has not turned it off.
    let usesAVX2: Bool
    /// The byte before each field and after the last, for the record being scanned: field `i`
    /// is `ends[i] + 1 ..< ends[i + 1]`. Room for a delimiter at every byte of the longest
    /// record the loop scans, and more.
    let ends: UnsafeMutablePointer<Int>

    /// The loop of `processor`'s run over rows laid out as `layout` says, read by `reader`.
    init(processor: RosterProcessor, layout: RosterLayout, reader: CSVReader) {
        inputCount = layout.yearColumns.count
        columns = .allocate(capacity: max(inputCount, 1))
        for input in 0..<inputCount { columns[input] = layout.yearColumns[input] }
        dateColumn = layout.dateColumn ?? -1
        defaultDay = processor.defaultAsOf.dayNumber
        dateFormat = processor.options.dateFormat
        columnCount = layout.columnCount
        scans = dateFormat == .iso && reader.delimiter > 0x0D && reader.options.vectorized
        usesAVX2 = scans && processor.usesAVX2Rows && Self.avx2Available
        ends = .allocate(capacity: Self.maxRecordBytes + columnCount + 2 * Self.step)
    }

    func deallocate() {
        columns.deallocate()
        ends.deallocate()
    }

    /// Writes the rows ahead in `reader` that the memo knows, each the record's bytes as they
    /// came in and its entry's result columns: records of the header's number of fields (at
    /// most ``maxRecordBytes``), ending in an LF, whose unquoted fields hold no quote or control
    /// byte and whose quoted fields need their quotes (``scanRecord(_:end:delimiter:from:blockBase:delimiters:stops:)``),
    /// with year cells of four bytes or none and a date cell of ten bytes or none. Stops before the first record that is not
    /// such a record or whose inputs and day the memo does not know (leaving `reader` at its
    /// start, for the caller to read the general way), after `limit` rows, or where the bytes
    /// in the reader's buffer run out. Returns the rows written, each counted in `counts` (by
    /// entry). `suffixes` and `suffixStarts` are the outcome cache's result columns.
    func writeKnownRows(
        _ reader: CSVReader, memo: RosterDecisionMemo, suffixes: UnsafePointer<UInt8>,
        suffixStarts: UnsafePointer<Int>, counts: UnsafeMutablePointer<Int>, writer: BufferedWriter, limit: Int
    ) throws(BufferedWriter.WriteError) -> Int {
        if usesAVX2 {
            return try writeKnownRowsAVX2(
                reader, memo: memo, suffixes: suffixes, suffixStarts: suffixStarts, counts: counts, writer: writer,
                limit: limit)
        }
        // One or two year inputs fit the key's first word, which alone is then mixed and compared.
        if inputCount <= 2 {
            return try writeKnownRows(
                reader, memo: memo, suffixes: suffixes, suffixStarts: suffixStarts, counts: counts, writer: writer,
                limit: limit, keys: RosterNarrowKeys.self)
        }
        return try writeKnownRows(
            reader, memo: memo, suffixes: suffixes, suffixStarts: suffixStarts, counts: counts, writer: writer,
            limit: limit, keys: RosterWideKeys.self)
    }

    /// ``writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)`` with keys of the
    /// width `keys` says, specialized for each.
    @inline(never)
    private func writeKnownRows<Keys: RosterKeyWidth>(
        _ reader: CSVReader, memo: RosterDecisionMemo, suffixes: UnsafePointer<UInt8>,
        suffixStarts: UnsafePointer<Int>, counts: UnsafeMutablePointer<Int>, writer: BufferedWriter, limit: Int,
        keys: Keys.Type
    ) throws(BufferedWriter.WriteError) -> Int {
        let base = reader.buffer
        let end = reader.end
        let delimiter = reader.delimiter
        var start = reader.start
        var rows = 0
        defer { reader.skipRecords(rows, nextStart: start) }
        let tables = memo.tables
        let dates = memo.dates
        // The first two inputs' columns, for keys of one word (-1 for none).
        let firstColumn = inputCount > 0 ? columns[0] : -1
        let secondColumn = inputCount > 1 ? columns[1] : -1
        // The writer's free room, filled from `output` on, and counted as written on the way
        // out; a line fits while it ends `overrun` bytes before the room does.
        var (outputStart, room) = writer.freeSpace
        var output = outputStart
        var outputLimit = outputStart + (room &- Self.overrun)
        defer { writer.advance(by: output - outputStart) }
        var blockBase = start
        guard scans, reader.checkedByteOrderMark, limit > 0, blockBase &+ Self.step <= end else { return 0 }
        // The delimiters and stops of the block at `blockBase` not yet consumed: the bytes of
        // the records before are cleared, so that a block is loaded once however many records
        // it holds.
        var (delimiters, stops) = Self.masks(base + blockBase, delimiter: delimiter)
        while rows < limit {
            let recordStart = start
            guard
                let lineEnd = scanRecord(
                    base, end: end, delimiter: delimiter, from: recordStart, blockBase: &blockBase,
                    delimiters: &delimiters, stops: &stops)
            else { return rows }
            var key = RosterDecisionMemo.Key()
            if Keys.isWide {
                for input in 0..<inputCount {
                    guard let word = yearKey(base, column: columns[input]) else { return rows }
                    key.set(input, word)
                }
            } else {
                // Input `i`'s key in bits 32i ..< 32i + 32 of the first word, where `set` puts it.
                if firstColumn >= 0 {
                    guard let word = yearKey(base, column: firstColumn) else { return rows }
                    key.words.0 = UInt64(word)
                }
                if secondColumn >= 0 {
                    guard let word = yearKey(base, column: secondColumn) else { return rows }
                    key.words.0 |= UInt64(word) &<< 32
                }
            }
            var day = defaultDay
            if dateColumn >= 0 {
                let cellStart = ends[dateColumn] &+ 1
                let length = ends[dateColumn &+ 1] &- cellStart
                if length == 10 {
                    guard let value = dates.day(base + cellStart) else { return rows }
                    day = value
                } else if length != 0 {
                    return rows
                }
            }
            let entry = tables.entry(slot: tables.slot(of: key, wide: Keys.isWide), day: day)
            guard entry >= 0 else { return rows }
            let suffixStart = suffixStarts[entry]
            let recordLength = lineEnd &- recordStart
            let total = recordLength &+ (suffixStarts[entry &+ 1] &- suffixStart)
            if output + total > outputLimit {
                writer.advance(by: output - outputStart)
                outputStart = output  // counted, also if the flush fails
                try writer.flush()
                (outputStart, room) = writer.freeSpace
                output = outputStart
                outputLimit = outputStart + (room &- Self.overrun)
                guard output + total <= outputLimit else { return rows }
            }
            Self.copy(base + recordStart, to: output, count: recordLength)
            Self.copy(suffixes + suffixStart, to: output + recordLength, count: total &- recordLength)
            output += total
            counts[entry] &+= 1
            rows &+= 1
            start = lineEnd &+ 1
        }
        return rows
    }

    /// The key of the year cell in `column` of the record just scanned.
    @inline(__always)
    private func yearKey(_ base: UnsafeMutablePointer<UInt8>, column: Int) -> UInt32? {
        let cellStart = ends[column] &+ 1
        return RosterFastCells.yearKey(
            UnsafeBufferPointer(start: base + cellStart, count: ends[column &+ 1] &- cellStart))
    }

    /// How many bytes past its end ``copy(_:to:count:)`` may read and write: the reader's buffer
    /// and the outcome cache's result columns have that many more to read.
    static let overrun = 64

    /// The longest record ``writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)``
    /// scans; a longer one is left to the general path.
    static let maxRecordBytes = 1024

    /// Copies `count` bytes in 16-byte moves: three of them whatever `count` (most records and
    /// result columns are shorter than 48 bytes), then as many as the rest needs.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        to.storeBytes(
            of: from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), toByteOffset: 16,
            as: SIMD16<UInt8>.self)
        to.storeBytes(
            of: from.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self), toByteOffset: 32,
            as: SIMD16<UInt8>.self)
        var offset = 48
        while offset < count {
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self), toByteOffset: offset,
                as: SIMD16<UInt8>.self)
            offset &+= RecordScanner.width
        }
    }

    /// The memo's key of the current record (read the general way, with the header's number of
    /// fields) and its day (the date cell's, or the default as-of date's when it is empty or
    /// absent), when the fast readers read every one of those cells.
    @inline(__always)
    func key(_ reader: CSVReader, day: inout Int, dates: RosterDateCache) -> RosterDecisionMemo.Key? {
        var key = RosterDecisionMemo.Key()
        for input in 0..<inputCount {
            guard let word = RosterFastCells.yearKey(reader.fieldInRange(columns[input])) else { return nil }
            key.set(input, word)
        }
        day = defaultDay
        guard dateColumn >= 0 else { return key }
        let cell = reader.fieldInRange(dateColumn)
        if cell.isEmpty { return key }
        switch dateFormat {
        case .iso:
            guard cell.count == 10, let base = cell.baseAddress, let value = dates.day(base) else { return nil }
            day = value
        case .monthDayYear:
            guard case .date(let value) = RosterValue.monthDayYear(cell) else { return nil }
            day = value.dayNumber
        }
        return key
    }
}

/// Whether a run's memo keys use all three words (more than two year inputs) or the first
/// alone, which ``RosterFastRows`` specializes its loop for.
protocol RosterKeyWidth {
    /// Whether keys use every word.
    static var isWide: Bool { get }
}

/// Keys of one or two year inputs: the first word alone.
enum RosterNarrowKeys: RosterKeyWidth {
    static var isWide: Bool { false }
}

/// Keys of three to six year inputs: every word.
enum RosterWideKeys: RosterKeyWidth {
    static var isWide: Bool { true }
}
