import RuleEngine

extension RosterFastRows {
    /// Finds the fields of the record at `recordStart` in `ends` and returns its LF's offset,
    /// when it is a record that writing back as it is gives the same as writing each field
    /// quoted as needed: the header's number of fields, unquoted fields without a quote or a
    /// control byte, and quoted fields that need their quotes (they hold the delimiter or a
    /// doubled quote, and no control byte). `nil` for any other record, or one that runs past
    /// the buffer's bytes. The masks are those of the block at `blockBase` not yet consumed, and
    /// are left so for the next record.
    @inline(__always)
    func scanRecord(
        _ base: UnsafeMutablePointer<UInt8>, end: Int, delimiter: UInt8, from recordStart: Int,
        blockBase: inout Int, delimiters: inout UInt64, stops: inout UInt64
    ) -> Int? {
        let lastField = columnCount &- 1
        ends[0] = recordStart &- 1
        var found = 0
        // The last block the record may load: within the buffer's bytes, and few enough that
        // `ends` holds every delimiter they can have.
        let lastBlock = min(end, recordStart &+ Self.maxRecordBytes) &- Self.step
        while true {
            if stops != 0 {
                let at = stops.trailingZeroBitCount
                var before = delimiters & ((1 << UInt64(at)) &- 1)
                while before != 0 {
                    found &+= 1
                    ends[found] = blockBase &+ before.trailingZeroBitCount
                    before &= before &- 1
                }
                let stop = blockBase &+ at
                if base[stop] == 0x0A {
                    guard found == lastField, stop != recordStart else { return nil }
                    let consumed = ~((2 as UInt64) << UInt64(at) &- 1)
                    delimiters &= consumed
                    stops &= consumed
                    ends[columnCount] = stop
                    return stop
                }
                // A quote that opens a field: the scan goes on after its closing quote, which
                // must be followed by the delimiter or the LF.
                guard base[stop] == 0x22, found <= lastField, stop == ends[found] &+ 1,
                    let closing = closingQuote(base, end: end, delimiter: delimiter, after: stop)
                else { return nil }
                blockBase = closing &+ 1
                guard blockBase <= lastBlock else { return nil }
                (delimiters, stops) = Self.masks(base + blockBase, delimiter: delimiter)
                guard (delimiters | stops) & 1 != 0 else { return nil }
                continue
            }
            while delimiters != 0 {
                found &+= 1
                ends[found] = blockBase &+ delimiters.trailingZeroBitCount
                delimiters &= delimiters &- 1
            }
            blockBase &+= Self.step
            guard blockBase <= lastBlock else { return nil }
            (delimiters, stops) = Self.masks(base + blockBase, delimiter: delimiter)
        }
    }

    /// The closing quote of the quoted field opened at `open`, when the field needs its quotes
    /// (it holds the delimiter or a doubled quote) and holds no control byte; `nil` otherwise,
    /// or when the field runs past the buffer's bytes.
    @inline(never)
    func closingQuote(_ base: UnsafeMutablePointer<UInt8>, end: Int, delimiter: UInt8, after open: Int) -> Int? {
        var position = open &+ 1
        var needsQuotes = false
        while position &+ RecordScanner.width <= end {
            let (delimiters, stops) = RecordScanner.delimitersAndStops(base + position, delimiter: delimiter)
            guard stops != 0 else {
                if delimiters != 0 { needsQuotes = true }
                position &+= RecordScanner.width
                continue
            }
            let at = stops.trailingZeroBitCount
            if delimiters & ((1 << UInt32(at)) &- 1) != 0 { needsQuotes = true }
            let quote = position &+ at
            guard base[quote] == 0x22, quote &+ 1 < end else { return nil }
            guard base[quote &+ 1] == 0x22 else { return needsQuotes ? quote : nil }
            needsQuotes = true
            position = quote &+ 2
        }
        return nil
    }

    /// The bytes one step of the record scan reads: two of ``RecordScanner``'s blocks.
    static let step = 2 * RecordScanner.width

    /// ``RecordScanner/delimitersAndStops(_:delimiter:)`` of the `step` bytes at `bytes`, bit `i`
    /// for byte `i`.
    @inline(__always)
    static func masks(_ bytes: UnsafePointer<UInt8>, delimiter: UInt8) -> (delimiters: UInt64, stops: UInt64) {
        let low = RecordScanner.delimitersAndStops(bytes, delimiter: delimiter)
        let high = RecordScanner.delimitersAndStops(bytes + RecordScanner.width, delimiter: delimiter)
        return (
            UInt64(low.delimiters) | UInt64(high.delimiters) &<< 16, UInt64(low.stops) | UInt64(high.stops) &<< 16
        )
    }
}
