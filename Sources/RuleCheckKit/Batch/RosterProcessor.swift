import RuleEngine

/// How ``RosterProcessor`` writes its results.
public enum RosterFormat: String, Sendable, CaseIterable {
    /// The input's columns followed by the result columns (see ``RosterLayout/resultColumnNames``).
    case csv
    /// One JSON object per row: the decision as `eval --format json` prints it, plus `fields`.
    case jsonl
}

/// A row's decision, the table that made it, its next deadline (the rule's `deadline`-th, or
/// -1) and its outcome-cache entry.
struct RosterDecided {
    let decision: Decision
    let table: Int
    let deadline: Int
    let entry: Int
}

/// A row that could not be decided; the run goes on without it.
public struct RosterBadRow: Sendable, Hashable {
    /// The physical line on which the row starts.
    public let line: Int
    /// Why, in one line.
    public let message: String
}

/// Classifies a roster: reads it as CSV one record at a time, decides each row through the
/// policy history on its as-of date, and streams one output row per input row. Years and dates are
/// read from the bytes, evaluation allocates nothing, and each distinct outcome's result
/// columns are formatted once, so a row costs a parse, a tree walk and two copies.
public struct RosterProcessor: Sendable {
    /// The tables to decide with.
    public let tables: RosterTables
    /// The as-of date of rows without one.
    public let defaultAsOf: LocalDate
    /// The output format.
    public let format: RosterFormat
    /// The delimiters, the header of each input and the date format.
    public let options: RosterOptions
    /// How many rows pass between two progress reports.
    public var progressInterval = 4096
    /// Whether CSV cells that a spreadsheet would read as a formula (starting with `=`, `+`,
    /// `-`, `@`, TAB or CR) are written with a `'` in front (OWASP's advice on CSV injection).
    public var excelSafe = false
    /// Whether CSV rows whose inputs and day were decided before are written from a memo of
    /// their outcome (``RosterDecisionMemo``) instead of being decided again; tests turn it off
    /// to compare.
    var usesMemo = true
    /// Whether those rows are written by the AVX2 loop (``RosterFastRows/writeKnownRowsAVX2(_:memo:suffixes:suffixStarts:counts:writer:limit:)``)
    /// where the processor has it; tests turn it off to run the Swift loop.
    var usesAVX2Rows = true

    /// Every input's value `none`, which each row's values start from.
    let emptyYears: YearValues

    /// Decides with `tables`; rows without an as-of date are decided on `defaultAsOf`.
    public init(
        tables: RosterTables, defaultAsOf: LocalDate, format: RosterFormat = .csv,
        options: RosterOptions = RosterOptions()
    ) {
        self.tables = tables
        self.defaultAsOf = defaultAsOf
        self.format = format
        self.options = options
        emptyYears = YearValues(Array(repeating: nil, count: tables.yearInputNames.count))
    }

    /// What became of one row.
    enum RowResult {
        case decided(Decision, table: Int)
        case bad(String)
    }

    /// Reads the header and every row from `reader` and writes the results to `writer`,
    /// reporting each bad row to `onBadRow` and, every ``progressInterval`` rows and at the end,
    /// the rows done and bytes read to `onProgress`. Throws when the header is unusable, the CSV
    /// structure is broken or the output cannot be written; flushes `writer` before returning.
    /// A stream learns from `onHeader` that the header was accepted (before anything is written)
    /// and sees each decision in `onDecision` before its row is written.
    public func run(
        reader: CSVReader, writer: BufferedWriter, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void = { _, _ in },
        onHeader: (RosterLayout) -> Void = { _ in }, onDecision: ((Decision) -> Void)? = nil
    ) throws(RosterError) -> RosterSummary {
        do throws(RosterError) {
            return try process(
                reader: reader, writer: writer, onBadRow: onBadRow, onProgress: onProgress, onHeader: onHeader,
                onDecision: onDecision)
        } catch {
            // What was decided before a broken record still goes out; the caller decides its fate.
            if case .malformed = error { try? writer.flush() }
            throw error
        }
    }

    private func process(
        reader: CSVReader, writer: BufferedWriter, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void, onHeader: (RosterLayout) -> Void,
        onDecision: ((Decision) -> Void)?
    ) throws(RosterError) -> RosterSummary {
        let layout = try readHeader(reader, writer: writer, onHeader: onHeader)
        var cache = RosterOutcomeCache(delimiter: options.outputDelimiter, format: format)
        var tally = RosterTally()
        try decideRows(
            reader: reader, layout: layout, writer: writer, cache: &cache, tally: &tally, onBadRow: onBadRow,
            onProgress: onProgress, onDecision: onDecision)
        try Self.writing { () throws(BufferedWriter.WriteError) in try writer.flush() }
        onProgress(tally.rows, reader.bytesRead)
        return Self.summary(rows: tally.rows, badRows: tally.badRows, counts: [(tally.counts, cache.outcomes)])
    }

    /// Reads the header row, finds the columns, tells `onHeader` and writes the output's header
    /// (CSV only).
    func readHeader(
        _ reader: CSVReader, writer: BufferedWriter, onHeader: (RosterLayout) -> Void = { _ in }
    ) throws(RosterError) -> RosterLayout {
        guard try Self.advance(reader) else { throw .header(RosterMessages.emptyInput) }
        let layout = try RosterLayout(header: reader.record, tables: tables, options: options)
        onHeader(layout)
        if format == .csv {
            try Self.writing { () throws(BufferedWriter.WriteError) in
                try writer.write(layout.csvHeader(delimiter: options.outputDelimiter, excelSafe: excelSafe))
            }
        }
        return layout
    }

    /// Decides every row left in `reader` and writes each one's output; `cache` and `tally`
    /// carry over from one call to the next (one per thread in a parallel run).
    func decideRows(
        reader: CSVReader, layout: RosterLayout, writer: BufferedWriter, cache: inout RosterOutcomeCache,
        tally: inout RosterTally, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void, onDecision: ((Decision) -> Void)? = nil
    ) throws(RosterError) {
        if onDecision == nil, let memo = memo(for: reader, cache: &cache) {
            try decideRows(
                reader: reader, layout: layout, writer: writer, memo: memo, cache: &cache, tally: &tally,
                onBadRow: onBadRow, onProgress: onProgress)
            return
        }
        // A record whose fields need no quotes goes out as the bytes it came in, in one copy,
        // when the delimiters agree and no cell needs the `'` of `--excel-safe`.
        let copiesRecords = reader.delimiter == options.outputDelimiter
        let errorPrefix = [UInt8](repeating: options.outputDelimiter, count: layout.resultColumnNames.count)
        let interval = max(progressInterval, 1)
        var untilProgress = interval - tally.rows % interval
        while try Self.advance(reader) {
            tally.rows += 1
            let record = copiesRecords ? plainRecord(reader, layout) : nil
            _ = try decideRow(
                reader: reader, layout: layout, record: record, writer: writer, cache: &cache, tally: &tally,
                errorPrefix: errorPrefix, onBadRow: onBadRow, onDecision: onDecision)
            untilProgress -= 1
            if untilProgress == 0 {
                untilProgress = interval
                onProgress(tally.rows, reader.bytesRead)
            }
        }
    }

    /// Decides the current record and writes its output line (its input columns from `record`
    /// when given); returns the decision, its next deadline (as ``RosterTables/nextDeadline(table:rule:day:)``
    /// gives it) and its outcome-cache entry, or `nil` for a bad row.
    @inline(__always)
    func decideRow(
        reader: CSVReader, layout: RosterLayout, record: UnsafeBufferPointer<UInt8>?, writer: BufferedWriter,
        cache: inout RosterOutcomeCache, tally: inout RosterTally, errorPrefix: [UInt8],
        onBadRow: (RosterBadRow) -> Void, onDecision: ((Decision) -> Void)?
    ) throws(RosterError) -> RosterDecided? {
        switch decide(reader, layout) {
        case .decided(let decision, let table):
            if let onDecision { onDecision(decision) }
            let deadline = tables.nextDeadline(table: table, rule: decision.ruleIndex, day: decision.asOf.dayNumber)
            let entry = entry(of: decision, table: table, deadline: deadline, cache: &cache, tally: &tally)
            tally.counts[entry] += 1
            try Self.writing { () throws(BufferedWriter.WriteError) in
                switch format {
                case .csv:
                    try writeInputColumns(record, reader, layout, to: writer)
                    try cache.writeSuffix(entry, to: writer)
                case .jsonl:
                    var parts = cache.jsonParts[entry]
                    if cache.jsonPerRow[entry] { parts.tail = RosterOutcomeCache.tail(of: decision) }
                    try Self.writeJSONLine(
                        decision: decision, parts: parts, reader: reader, layout: layout, to: writer)
                }
            }
            return RosterDecided(decision: decision, table: table, deadline: deadline, entry: entry)
        case .bad(let message):
            tally.badRows += 1
            onBadRow(RosterBadRow(line: reader.line, message: message))
            try Self.writing { () throws(BufferedWriter.WriteError) in
                switch format {
                case .csv:
                    try writeInputColumns(record, reader, layout, to: writer)
                    try writer.write(errorPrefix)
                    try writer.writeCSVField(message, delimiter: options.outputDelimiter, excelSafe: excelSafe)
                    try writer.write(byte: 0x0A)
                case .jsonl:
                    try Self.writeJSONLine(error: message, reader: reader, layout: layout, to: writer)
                }
            }
            return nil
        }
    }

    /// The outcome-cache entry of a decision made by table `table` whose next deadline is the
    /// rule's `deadline`-th (made on first use, with a count of 0 in `tally`).
    @inline(__always)
    func entry(
        of decision: Decision, table: Int, deadline: Int, cache: inout RosterOutcomeCache, tally: inout RosterTally
    ) -> Int {
        let entry = cache.entry(for: decision, table: table, deadline: deadline, listsFees: tables.listsFees)
        while entry >= tally.counts.count { tally.counts.append(0) }
        return entry
    }

    static func advance(_ reader: CSVReader) throws(RosterError) -> Bool {
        do { return try reader.next() } catch { throw .malformed(error) }
    }

    static func writing(_ body: () throws(BufferedWriter.WriteError) -> Void) throws(RosterError) {
        do { try body() } catch { throw .write("cannot write the output: \(error.description)") }
    }

    /// The counts per cohort and status, from each cache's counts per outcome.
    static func summary(
        rows: Int, badRows: Int, counts: [(counts: [Int], outcomes: [(cohort: String, status: String)])]
    ) -> RosterSummary {
        var totals: [String: (cohort: String, status: String, rows: Int)] = [:]
        for (entries, outcomes) in counts {
            // An entry a memo made for days no row had has no rows.
            for (entry, count) in entries.enumerated() where count > 0 {
                let (cohort, status) = outcomes[entry]
                totals["\(cohort)\u{0}\(status)", default: (cohort, status, 0)].rows += count
            }
        }
        let groups = totals.values.sorted { ($0.cohort, $0.status) < ($1.cohort, $1.status) }
            .map { RosterSummary.Group(cohort: $0.cohort, status: $0.status, rows: $0.rows) }
        return RosterSummary(rows: rows, badRows: badRows, groups: groups)
    }
}
