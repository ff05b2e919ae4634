import Foundation
import RuleEngine

extension CSVReader {
    /// Moves the partial record at `keepingFrom` to the front, grows the buffer when the
    /// record fills it, and reads more. Returns how far the bytes moved.
    func refill(keepingFrom recordStart: Int) throws(CSVError) -> Int {
        let kept = end - recordStart
        if recordStart > 0 {
            if kept > 0 { memmove(buffer, buffer + recordStart, kept) }
            bounds.shift(by: recordStart)
            end = kept
            start = 0
        }
        if end == capacity {
            guard capacity < options.maxRecordBytes else {
                throw CSVError(kind: .recordTooLong(limit: options.maxRecordBytes), line: line)
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + Self.readSlack)
            grown.initialize(repeating: 0, count: capacity * 2 + Self.readSlack)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let room = UnsafeMutableRawBufferPointer(start: buffer + end, count: min(capacity - end, options.chunkSize))
        let count: Int
        do { count = try source.read(into: room) } catch {
            throw CSVError(kind: .readFailed(error.description), line: line)
        }
        if count == 0 { sourceEnded = true }
        end += count
        bytesRead += count
        return recordStart
    }

    /// Skips `EF BB BF` at the start of the input, reading until three bytes are in.
    func skipByteOrderMark() throws(CSVError) {
        while end < 3 && !sourceEnded {
            let room = UnsafeMutableRawBufferPointer(start: buffer + end, count: min(capacity - end, options.chunkSize))
            let count: Int
            do { count = try source.read(into: room) } catch {
                throw CSVError(kind: .readFailed(error.description), line: 1)
            }
            if count == 0 { sourceEnded = true }
            end += count
            bytesRead += count
        }
        checkedByteOrderMark = true
        // UTF-16: a byte-order mark, or the NUL half of an ASCII character in the first two bytes.
        if end >= 2,
            (buffer[0], buffer[1]) == (0xFF, 0xFE) || (buffer[0], buffer[1]) == (0xFE, 0xFF)
                || buffer[0] == 0 || buffer[1] == 0
        {
            throw CSVError(kind: .utf16, line: 1)
        }
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
    }
}
