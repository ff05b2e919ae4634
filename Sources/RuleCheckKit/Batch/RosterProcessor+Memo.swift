import RuleEngine

extension RosterProcessor {
    /// The most bytes a memo of decisions takes (one per deciding thread).
    static let memoBytes = 2 << 20

    /// The memo of `cache`, made on first use when rows can be written from one: CSV output with
    /// the input's delimiter, no `--excel-safe`, and every input a year (read by
    /// ``RosterFastCells``); `nil` otherwise, and then every row is decided.
    func memo(for reader: CSVReader, cache: inout RosterOutcomeCache) -> RosterDecisionMemo? {
        if cache.memoChosen { return cache.memo }
        cache.memoChosen = true
        guard usesMemo, format == .csv, !excelSafe, reader.delimiter == options.outputDelimiter,
            tables.isYear.allSatisfy({ $0 }), tables.isYear.count <= RosterDecisionMemo.maxInputs,
            let first = tables.tables.map(\.policy.windowStart.dayNumber).min(),
            let last = tables.tables.map(\.policy.windowEnd.dayNumber).max(), last - first < 1 << 16
        else { return nil }
        cache.memo = RosterDecisionMemo(firstDay: first, lastDay: last, bytes: Self.memoBytes)
        return cache.memo
    }

    /// ``decideRows(reader:layout:writer:cache:tally:onBadRow:onProgress:onDecision:)`` with a
    /// memo: runs of plain rows that the memo knows are written by
    /// ``RosterFastRows/writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)``; the
    /// record it stops at is read the general way, written from the memo when its cells and day
    /// are known, and decided (teaching the memo) when not.
    func decideRows(
        reader: CSVReader, layout: RosterLayout, writer: BufferedWriter, memo: RosterDecisionMemo,
        cache: inout RosterOutcomeCache, tally: inout RosterTally, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void
    ) throws(RosterError) {
        let errorPrefix = [UInt8](repeating: options.outputDelimiter, count: layout.resultColumnNames.count)
        let interval = max(progressInterval, 1)
        var untilProgress = interval - tally.rows % interval
        let columnCount = layout.columnCount
        let rows = RosterFastRows(processor: self, layout: layout, reader: reader)
        defer { rows.deallocate() }
        while true {
            let written = try writeKnownRows(
                rows, reader: reader, memo: memo, cache: cache, tally: &tally, writer: writer, limit: untilProgress)
            tally.rows &+= written
            untilProgress &-= written
            if untilProgress > 0 {
                guard try Self.advance(reader) else { break }
                tally.rows &+= 1
                untilProgress &-= 1
                var day = 0
                var record: UnsafeBufferPointer<UInt8>?
                var key: RosterDecisionMemo.Key?
                if reader.fieldCount == columnCount {
                    record = reader.plainRecord
                    key = rows.key(reader, day: &day, dates: memo.dates)
                }
                var slot = key.map { memo.slot(of: $0) } ?? -1
                let entry = memo.entry(slot: slot, day: day)
                if entry >= 0 {
                    tally.counts[entry] &+= 1
                    try Self.writing { () throws(BufferedWriter.WriteError) in
                        if let record {
                            try cache.writeLine(record, entry: entry, to: writer)
                        } else {
                            try Self.writeFields(
                                reader, count: columnCount, delimiter: options.outputDelimiter, excelSafe: false,
                                to: writer)
                            try cache.writeSuffix(entry, to: writer)
                        }
                    }
                } else if let decided = try decideRow(
                    reader: reader, layout: layout, record: record, writer: writer, cache: &cache, tally: &tally,
                    errorPrefix: errorPrefix, onBadRow: onBadRow, onDecision: nil)
                {
                    // Inputs get a slot once they are decided, so that bad rows do not fill the memo.
                    if slot < 0, let key { slot = memo.insert(key) }
                    if slot >= 0 { learn(decided, slot: slot, memo: memo, cache: &cache, tally: &tally) }
                }
            }
            if untilProgress == 0 {
                untilProgress = interval
                onProgress(tally.rows, reader.bytesRead)
            }
        }
    }

    /// ``RosterFastRows/writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)`` with
    /// the cache's result columns and the tally's counts.
    private func writeKnownRows(
        _ rows: RosterFastRows, reader: CSVReader, memo: RosterDecisionMemo, cache: RosterOutcomeCache,
        tally: inout RosterTally, writer: BufferedWriter, limit: Int
    ) throws(RosterError) -> Int {
        do {
            return try cache.withSuffixes { (suffixes, starts) throws(BufferedWriter.WriteError) in
                try tally.counts.withUnsafeMutableBufferPointer { (counts) throws(BufferedWriter.WriteError) in
                    guard let suffixes = suffixes.baseAddress, let starts = starts.baseAddress,
                        let counts = counts.baseAddress
                    else { return 0 }
                    return try rows.writeKnownRows(
                        reader, memo: memo, suffixes: suffixes, suffixStarts: starts, counts: counts, writer: writer,
                        limit: limit)
                }
            }
        } catch {
            throw .write("cannot write the output: \(error.description)")
        }
    }

    /// Remembers a decision in `slot`, from its day through the last day its entry holds, and
    /// then the decisions of the days after it for the same inputs, interval by interval, until a
    /// day the memo knows, a day no table decides, or the memo's last day.
    private func learn(
        _ decided: RosterDecided, slot: Int, memo: RosterDecisionMemo, cache: inout RosterOutcomeCache,
        tally: inout RosterTally
    ) {
        var decision = decided.decision
        var table = decided.table
        var deadline = decided.deadline
        var entry = decided.entry
        var from = decision.asOf.dayNumber
        while true {
            let through = min(
                decision.validThrough.dayNumber,
                tables.nextDeadlineHolds(table: table, rule: decision.ruleIndex, deadline: deadline))
            guard through >= from else { return }
            memo.fill(slot: slot, from: from, through: through, entry: entry)
            guard through < Int.max, memo.isUnknown(slot: slot, day: through + 1) else { return }
            from = through + 1
            let date = LocalDate(dayNumber: from)
            guard tables.hasTable(for: date), let next = try? tables.history.evaluate(decision.years, asOf: date)
            else { return }
            decision = next
            table = tables.position(of: next.table)
            deadline = tables.nextDeadline(table: table, rule: next.ruleIndex, day: from)
            entry = self.entry(of: next, table: table, deadline: deadline, cache: &cache, tally: &tally)
        }
    }
}
