import RuleEngine

extension CSVReader {
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

    /// Moves past `rows` one-line records that a caller read straight from ``buffer`` (the
    /// roster's fast loops), the next record starting at `start`: the last of them becomes the
    /// current record's line.
    @inline(__always)
    func skipRecords(_ rows: Int, nextStart: Int) {
        guard rows > 0 else { return }
        start = nextStart
        nextLine &+= rows
        line = nextLine &- 1
    }

    /// The current record's bytes without its line end, when writing them back as they are is
    /// the same as writing each field quoted per RFC 4180 as needed: the quoted fields (without
    /// doubled quotes) are those that hold the delimiter, a CR or an LF, and no unquoted field
    /// holds a CR. Valid until the next call to ``next()``.
    var plainRecord: UnsafeBufferPointer<UInt8>? {
        plainEnd < 0 ? nil : UnsafeBufferPointer(start: buffer + plainStart, count: plainEnd - plainStart)
    }
}
