import RuleEngine

extension CSVReader {
    /// Reads the current record 16 bytes at a time: each step finds the delimiters, quotes,
    /// CRs and LFs of 16 bytes at once, and only those bytes are looked at. A quoted field
    /// without doubled quotes is read here too (its fields are views into the buffer, as the
    /// state machine's are). Returns `true` when the record ended (with ``plainRecord`` set when
    /// writing its fields back quoted as needed gives its bytes: only fields that need quotes
    /// are quoted, and no unquoted field holds a CR); otherwise `position` and `fieldStart` say where the
    /// state machine takes over: at a quote it must read itself (a doubled quote, a stray quote,
    /// text after a closing quote, a quoted field running past the buffer), or when fewer than
    /// 16 bytes are left in the buffer.
    @inline(__always)
    func scanPlainRecord(position: inout Int, fieldStart: inout Int) -> Bool {
        let delimiter = options.delimiter
        let recordStart = start
        let base = buffer
        let limit = end
        var returns = 0
        // Whether every quoted field so far needs its quotes (holds a delimiter, CR or LF).
        var copyable = true
        // The field bounds in a local copy, written back on the way out and around the quoted
        // field reader (which records its field itself): stores through the buffer's pointer
        // would otherwise make the compiler reload the reader's properties after each one.
        var fields = bounds
        defer { bounds = fields }
        scan: while position &+ RecordScanner.width <= limit {
            var mask = RecordScanner.specials(base + position, delimiter: delimiter)
            // At most one field ends at each byte of the step.
            fields.reserve(fields: RecordScanner.width)
            while mask != 0 {
                let at = position &+ mask.trailingZeroBitCount
                mask &= mask &- 1
                let byte = base[at]
                if byte == delimiter {
                    // A CR before the delimiter is the field's own unless it ends a CRLF line.
                    let last = returns != 0 && at > fieldStart && base[at &- 1] == 0x0D ? at &- 1 : at
                    fields.appendReserved(fieldStart, last)
                    fieldStart = at &+ 1
                } else if byte == 0x0A {
                    let contentEnd = at > recordStart && base[at &- 1] == 0x0D ? at &- 1 : at
                    fields.appendReserved(fieldStart, max(contentEnd, fieldStart))
                    blank = contentEnd == recordStart
                    // Plain when no quotes are extra and the only CR outside quotes ends a CRLF line.
                    if copyable && returns == at &- contentEnd {
                        plainStart = recordStart
                        plainEnd = contentEnd
                    }
                    return finish(at: at &+ 1)
                } else if byte == 0x0D {
                    returns &+= 1
                } else {
                    position = at
                    guard at == fieldStart else { return false }
                    bounds = fields
                    let next = scanQuotedField(
                        at: at, fieldStart: &fieldStart, copyable: &copyable, plain: returns == 0)
                    fields = bounds
                    guard let next else { return false }
                    if next < 0 { return true }
                    position = next
                    continue scan
                }
            }
            position &+= RecordScanner.width
        }
        return false
    }

    /// Reads the quoted field whose opening quote is at `at`, when it has no doubled quote and
    /// ends, in the buffer, in a closing quote followed by the delimiter, an LF or a CRLF.
    /// Returns the position after the delimiter (the next field's start, also put in
    /// `fieldStart`), -1 when the record ended, or `nil` to leave the field to the state machine.
    /// `copyable` becomes `false` when the field does not need its quotes; a record it ends is
    /// plain when it stays `true` and `plain` says no unquoted field held a CR.
    @inline(__always)
    private func scanQuotedField(at quote: Int, fieldStart: inout Int, copyable: inout Bool, plain: Bool) -> Int? {
        let delimiter = options.delimiter
        var closing = quote &+ 1
        var lineFeeds = 0
        var needsQuotes = false
        while closing < end {
            let byte = buffer[closing]
            if byte == 0x22 { break }
            if byte == 0x0A {
                lineFeeds &+= 1
                needsQuotes = true
            } else if byte == delimiter || byte == 0x0D {
                needsQuotes = true
            }
            closing &+= 1
        }
        guard closing &+ 1 < end else { return nil }
        let after = buffer[closing &+ 1]
        if after == delimiter {
            if !needsQuotes { copyable = false }
            bounds.append(quote &+ 1, closing)
            nextLine &+= lineFeeds
            fieldStart = closing &+ 2
            return fieldStart
        }
        var lineEnd = closing &+ 1
        if after == 0x0D {
            lineEnd &+= 1
            guard lineEnd < end, buffer[lineEnd] == 0x0A else { return nil }
        } else if after != 0x0A {
            return nil
        }
        bounds.append(quote &+ 1, closing)
        nextLine &+= lineFeeds
        blank = false
        if copyable && needsQuotes && plain {
            plainStart = start
            plainEnd = closing &+ 1
        }
        _ = finish(at: lineEnd &+ 1)
        return -1
    }
}
