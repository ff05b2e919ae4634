import RuleEngine

extension CSVReader {
    /// Where the byte-at-a-time state machine is within a record.
    enum State {
        case fieldStart
        case unquoted
        case quoted
        case afterQuote
        case afterQuoteCR
    }

    /// Parses one record, refilling the buffer as needed; keeps every position relative to the
    /// buffer so that a refill can move the partial record to the front. The vector scan reads
    /// most records here; the state machine, with its many live variables, is a call apart.
    @inline(__always)
    func readRecord() throws(CSVError) -> Bool {
        if !checkedByteOrderMark { try skipByteOrderMark() }
        bounds.removeAll()
        line = nextLine
        plainEnd = -1
        var position = start
        var fieldStart = start
        if options.vectorized, scanPlainRecord(position: &position, fieldStart: &fieldStart) { return true }
        return try readRecord(from: position, fieldStart: fieldStart)
    }

    /// Reads the rest of the current record byte by byte, from `position` (in a field that
    /// starts at `fieldStart`, or at a field's start when they are equal).
    @inline(never)
    private func readRecord(from position: Int, fieldStart: Int) throws(CSVError) -> Bool {
        let delimiter = options.delimiter
        var recordStart = start
        var position = position
        var fieldStart = fieldStart
        var write = start
        var quoteLine = 0
        var state = position == fieldStart ? State.fieldStart : State.unquoted
        while true {
            if position == end {
                if sourceEnded {
                    start = position
                    switch state {
                    case .quoted: throw CSVError(kind: .unclosedQuote, line: quoteLine)
                    case .fieldStart where position == recordStart && bounds.count == 0: return false
                    case .fieldStart, .unquoted: appendUnquoted(from: fieldStart, to: position)
                    case .afterQuote, .afterQuoteCR:
                        bounds.append(fieldStart, write)
                    }
                    blank = isBlank(from: recordStart, to: position)
                    return true
                }
                let shift = try refill(keepingFrom: recordStart)
                recordStart -= shift
                position -= shift
                fieldStart -= shift
                write -= shift
                continue
            }
            switch state {
            case .fieldStart:
                let byte = buffer[position]
                position += 1
                if byte == Self.quote {
                    state = .quoted
                    quoteLine = nextLine
                    fieldStart = position
                    write = position
                } else if byte == delimiter {
                    bounds.append(position - 1, position - 1)
                    fieldStart = position
                } else if byte == Self.lineFeed {
                    blank = isBlank(from: recordStart, to: position - 1)
                    bounds.append(position - 1, position - 1)
                    return finish(at: position)
                } else {
                    state = .unquoted
                    fieldStart = position - 1
                }
            case .unquoted:
                while position < end {
                    let byte = buffer[position]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.quote { break }
                    position += 1
                }
                guard position < end else { continue }
                let byte = buffer[position]
                if byte == Self.quote { throw CSVError(kind: .strayQuote, line: nextLine) }
                appendUnquoted(from: fieldStart, to: position)
                position += 1
                if byte == Self.lineFeed {
                    blank = isBlank(from: recordStart, to: position - 1)
                    return finish(at: position)
                }
                state = .fieldStart
                fieldStart = position
            case .quoted:
                while position < end {
                    let byte = buffer[position]
                    if byte == Self.quote { break }
                    if byte == Self.lineFeed { nextLine += 1 }
                    buffer[write] = byte
                    write += 1
                    position += 1
                }
                guard position < end else { continue }
                position += 1
                state = .afterQuote
            case .afterQuote:
                let byte = buffer[position]
                position += 1
                if byte == Self.quote {
                    buffer[write] = byte
                    write += 1
                    state = .quoted
                } else if byte == delimiter {
                    bounds.append(fieldStart, write)
                    state = .fieldStart
                    fieldStart = position
                } else if byte == Self.lineFeed {
                    bounds.append(fieldStart, write)
                    blank = false
                    return finish(at: position)
                } else if byte == Self.carriageReturn {
                    state = .afterQuoteCR
                } else {
                    throw CSVError(kind: .textAfterClosingQuote(byte), line: nextLine, delimiter: delimiter)
                }
            case .afterQuoteCR:
                let byte = buffer[position]
                position += 1
                guard byte == Self.lineFeed else {
                    throw CSVError(
                        kind: .textAfterClosingQuote(Self.carriageReturn), line: nextLine, delimiter: delimiter)
                }
                bounds.append(fieldStart, write)
                blank = false
                return finish(at: position)
            }
        }
    }

    /// Records an unquoted field, leaving out the CR of a CRLF line end.
    @inline(__always)
    func appendUnquoted(from first: Int, to last: Int) {
        let trimmed = last > first && buffer[last - 1] == Self.carriageReturn ? last - 1 : last
        bounds.append(first, trimmed)
    }

    /// Whether a record's bytes before its line feed are nothing, or only a CR.
    func isBlank(from first: Int, to last: Int) -> Bool {
        last == first || (last == first + 1 && buffer[first] == Self.carriageReturn)
    }

    @inline(__always)
    func finish(at position: Int) -> Bool {
        nextLine += 1
        start = position
        return true
    }
}
