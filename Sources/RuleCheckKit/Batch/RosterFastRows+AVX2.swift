import CRosterRows
import RuleEngine

extension RosterFastRows {
    /// Whether this processor runs the C loop of `CRosterRows` (x86-64 with AVX2, BMI1, BMI2,
    /// POPCNT and PCLMULQDQ) and the memo's keys are laid out as it reads them: three 64-bit
    /// words each.
    static let avx2Available =
        RecordScanner.hasAVX2 && MemoryLayout<RosterDecisionMemo.Key>.stride == 24
        && MemoryLayout<RosterDecisionMemo.Key>.size == 24

    /// ``writeKnownRows(_:memo:suffixes:suffixStarts:counts:writer:limit:)`` by the C loop
    /// `CRosterRowsWrite`, which writes the same rows with 32-byte compares and moves and stops
    /// where the Swift loop stops (a record that loop would not write, or `limit` rows);
    /// between calls, the writer is flushed when its room is full.
    func writeKnownRowsAVX2(
        _ reader: CSVReader, memo: RosterDecisionMemo, suffixes: UnsafePointer<UInt8>,
        suffixStarts: UnsafePointer<Int>, counts: UnsafeMutablePointer<Int>, writer: BufferedWriter, limit: Int
    ) throws(BufferedWriter.WriteError) -> Int {
        guard reader.checkedByteOrderMark, limit > 0, reader.start < reader.end else { return 0 }
        let tables = memo.tables
        var job = CRosterRowsJob()
        job.base = UnsafePointer(reader.buffer)
        job.start = reader.start
        job.end = reader.end
        job.delimiter = reader.delimiter
        job.columnCount = columnCount
        job.maxRecordBytes = Self.maxRecordBytes
        job.ends = ends
        job.inputCount = inputCount
        job.columns = UnsafePointer(columns)
        job.dateColumn = dateColumn
        job.defaultDay = defaultDay
        job.keys = UnsafeRawPointer(tables.keys).assumingMemoryBound(to: UInt64.self)
        job.entries = UnsafePointer(tables.entries)
        job.firstDay = tables.firstDay
        job.days = tables.days
        job.slotMask = tables.slotMask
        job.hashShift = UInt32(truncatingIfNeeded: tables.hashShift)
        job.dateSlots = UnsafePointer(memo.dates.slots)
        job.dateSlotMask = RosterDateCache.slotCount - 1
        job.suffixes = suffixes
        job.suffixStarts = suffixStarts
        job.counts = counts
        var rows = 0
        defer { reader.skipRecords(rows, nextStart: job.start) }
        var flushed = false
        while true {
            let (outputStart, room) = writer.freeSpace
            job.output = outputStart
            job.outputRoom = room &- Self.overrun
            job.limit = limit &- rows
            CRosterRowsWrite(&job)
            writer.advance(by: job.output - outputStart)
            rows &+= job.rows
            // A line that does not fit an empty writer is left to the general path.
            guard job.stop == CRosterRowsStopOutputFull, !(flushed && job.rows == 0) else { return rows }
            try writer.flush()
            flushed = true
        }
    }
}
