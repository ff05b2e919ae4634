import RuleEngine

extension CSVReader {
    /// Reads the current record 16 bytes at a time for as long as it holds no quote: each
    /// step finds the delimiters, quotes, CRs and LFs of 16 bytes at once, and only those bytes
    /// are looked at. Returns `true` when the record ended (with ``plainRecord`` set when no
    /// field holds a CR); otherwise `position` and `fieldStart` say where the state machine
    /// takes over: at the record's first quote, or when fewer than 16 bytes are left in the buffer.
    @inline(__always)
    func scanPlainRecord(position: inout Int, fieldStart: inout Int) -> Bool {
        let delimiter = options.delimiter
        let recordStart = start
        var returns = 0
        while position &+ RecordScanner.width <= end {
            var mask = RecordScanner.specials(buffer + position, delimiter: delimiter)
            while mask != 0 {
                let at = position &+ mask.trailingZeroBitCount
                mask &= mask &- 1
                let byte = buffer[at]
                if byte == delimiter {
                    if returns == 0 {
                        bounds.append(fieldStart, at)
                    } else {
                        appendUnquoted(from: fieldStart, to: at)
                    }
                    fieldStart = at &+ 1
                } else if byte == 0x0A {
                    appendUnquoted(from: fieldStart, to: at)
                    blank = isBlank(from: recordStart, to: at)
                    let contentEnd = at > recordStart && buffer[at &- 1] == 0x0D ? at &- 1 : at
                    // Plain when the only CR is the one of a CRLF line end.
                    if returns == at &- contentEnd {
                        plainStart = recordStart
                        plainEnd = contentEnd
                    }
                    return finish(at: at &+ 1)
                } else if byte == 0x0D {
                    returns &+= 1
                } else {
                    position = at
                    return false
                }
            }
            position &+= RecordScanner.width
        }
        return false
    }
}
