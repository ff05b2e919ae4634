import RuleEngine

extension RosterProcessor {
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
        cache.memo = RosterDecisionMemo(firstDay: first, lastDay: last)
        return cache.memo
    }

    /// ``decideRows(reader:layout:writer:cache:tally:onBadRow:onProgress:onDecision:)`` with a
    /// memo: a row whose cells the fast path reads and whose inputs and day the memo knows is
    /// written from its entry; any other row is decided (and teaches the memo).
    func decideRows(
        reader: CSVReader, layout: RosterLayout, writer: BufferedWriter, memo: RosterDecisionMemo,
        cache: inout RosterOutcomeCache, tally: inout RosterTally, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void
    ) throws(RosterError) {
        let errorPrefix = [UInt8](repeating: options.outputDelimiter, count: layout.resultColumnNames.count)
        let interval = max(progressInterval, 1)
        var untilProgress = interval - tally.rows % interval
        let columnCount = layout.columnCount
        let keys = RosterMemoKeys(processor: self, layout: layout, cells: memo.cells)
        defer { keys.deallocate() }
        while try Self.advance(reader) {
            tally.rows &+= 1
            var slot = -1
            var day = 0
            var newKey: RosterDecisionMemo.Key?
            let record = reader.fieldCount == columnCount ? reader.plainRecord : nil
            if reader.fieldCount == columnCount, let key = keys.key(reader, day: &day) {
                slot = memo.slot(of: key)
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
                    untilProgress &-= 1
                    if untilProgress == 0 {
                        untilProgress = interval
                        onProgress(tally.rows, reader.bytesRead)
                    }
                    continue
                }
                if slot < 0 { newKey = key }
            }
            let decided = try decideRow(
                reader: reader, layout: layout, record: record, writer: writer, cache: &cache, tally: &tally,
                errorPrefix: errorPrefix, onBadRow: onBadRow, onDecision: nil)
            // Inputs get a slot once they are decided, so that bad rows do not fill the memo.
            if decided != nil, let newKey { slot = memo.insert(newKey) }
            if slot >= 0, let decided { learn(decided, slot: slot, memo: memo, cache: &cache, tally: &tally) }
            untilProgress &-= 1
            if untilProgress == 0 {
                untilProgress = interval
                onProgress(tally.rows, reader.bytesRead)
            }
        }
    }

    /// Remembers a decision in `slot`, from its day through the last day its entry holds, and
    /// then the decisions of the days after it for the same inputs, interval by interval, until a
    /// day the memo knows, a day no table decides, or the memo's last day.
    private func learn(
        _ decided: (decision: Decision, table: Int, entry: Int), slot: Int, memo: RosterDecisionMemo,
        cache: inout RosterOutcomeCache, tally: inout RosterTally
    ) {
        var decision = decided.decision
        var table = decided.table
        var entry = decided.entry
        var from = decision.asOf.dayNumber
        while true {
            let deadline = tables.nextDeadline(table: table, rule: decision.ruleIndex, day: from)
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
            entry = count(next, table: table, cache: &cache, tally: &tally)
        }
    }
}

/// Reads a record's memo key: the columns and facts of the run laid out in a few words, so that
/// the row loop reads them without array bounds checks or retains.
private struct RosterMemoKeys {
    let count: Int
    let columns: UnsafeMutablePointer<Int>
    let allowsNone: UnsafeMutablePointer<Bool>
    /// The date column, or -1.
    let dateColumn: Int
    let defaultDay: Int
    let dateFormat: RosterDateFormat
    let cells: RosterFastCells

    init(processor: RosterProcessor, layout: RosterLayout, cells: RosterFastCells) {
        count = layout.yearColumns.count
        columns = .allocate(capacity: max(count, 1))
        allowsNone = .allocate(capacity: max(count, 1))
        for input in 0..<count {
            columns[input] = layout.yearColumns[input]
            allowsNone[input] = processor.tables.allowsNone[input]
        }
        dateColumn = layout.dateColumn ?? -1
        defaultDay = processor.defaultAsOf.dayNumber
        dateFormat = processor.options.dateFormat
        self.cells = cells
    }

    func deallocate() {
        columns.deallocate()
        allowsNone.deallocate()
    }

    /// The current record's inputs' codes and its day (the date cell's, or the default as-of
    /// date's when it is empty or absent), when the fast path reads every one of those cells;
    /// the record has the header's number of fields.
    @inline(__always)
    func key(_ reader: CSVReader, day: inout Int) -> RosterDecisionMemo.Key? {
        var key = RosterDecisionMemo.Key()
        for input in 0..<count {
            let cell = reader.fieldInRange(columns[input])
            guard let code = RosterFastCells.yearCode(cell, allowsNone: allowsNone[input]) else { return nil }
            key.set(input, code)
        }
        day = defaultDay
        guard dateColumn >= 0 else { return key }
        let cell = reader.fieldInRange(dateColumn)
        if cell.isEmpty { return key }
        switch dateFormat {
        case .iso:
            guard let value = cells.isoDay(cell) else { return nil }
            day = value
        case .monthDayYear:
            guard case .date(let value) = RosterValue.monthDayYear(cell) else { return nil }
            day = value.dayNumber
        }
        return key
    }
}
