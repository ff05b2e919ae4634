/// The bytes of one source file with a table of line starts, to turn libyaml's marks and
/// byte offsets into positions, and to print source lines under diagnostics.
public struct SourceText: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The file's bytes as read.
    public let bytes: [UInt8]
    /// Byte offset of the first character of each line; line 1 is at index 0.
    private let lineStarts: [Int]
    /// Whether the file starts with a UTF-8 byte-order mark, which libyaml counts as a column.
    private let hasByteOrderMark: Bool

    /// Creates the line table for `bytes`. A UTF-8 byte-order mark is skipped on line 1.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let bomLength = hasByteOrderMark ? 3 : 0
        var starts = [bomLength]
        var index = bomLength
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.lineStarts = starts
    }

    /// Creates the line table for a string's UTF-8 bytes.
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// `SourceText(123 bytes, 4 lines)`: never the bytes themselves.
    public var description: String { "SourceText(\(bytes.count) bytes, \(lineCount) lines)" }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the bytes, so that test failures stay readable.
    public var customMirror: Mirror { Mirror(self, children: ["bytes": bytes.count, "lines": lineCount]) }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The position of a 0-based line and a 0-based column counted in Unicode scalars,
    /// as libyaml's marks give them. This is the one place that converts libyaml marks.
    /// `hint`, an earlier position on the same line, lets the walk start there, so that a
    /// long line costs linear time overall rather than quadratic.
    public func position(libyamlLine line: Int, column: Int, hint: SourcePosition? = nil) -> SourcePosition {
        let lineIndex = min(max(line, 0), lineStarts.count - 1)
        let column = max(lineIndex == 0 && hasByteOrderMark ? column - 1 : column, 0)
        var offset = lineStarts[lineIndex]
        var remaining = column
        if let hint, hint.line == lineIndex + 1, hint.column - 1 <= column {
            offset = hint.offset
            remaining = column - (hint.column - 1)
        }
        while remaining > 0, offset < bytes.count, !isLineBreak(bytes[offset]) {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return SourcePosition(line: lineIndex + 1, column: column + 1, offset: offset)
    }

    /// The position of a byte offset.
    public func position(offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if clamped < bytes.count, bytes[clamped] & 0xC0 == 0x80 { column -= 1 }
        return SourcePosition(line: low + 1, column: max(column, 1), offset: clamped)
    }

    /// The text of a 1-based line without its line break, or `nil` past the end.
    /// Invalid UTF-8 is shown with replacement characters.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, isLineBreak(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The first byte that is not part of valid UTF-8, with its position, or `nil`.
    public func firstInvalidUTF8() -> (position: SourcePosition, byte: UInt8)? {
        var index = 0
        while index < bytes.count {
            let length = UTF8Validation.sequenceLength(bytes, at: index)
            if length == 0 { return (position(offset: index), bytes[index]) }
            index += length
        }
        return nil
    }

    /// The position of the first tab in the leading whitespace of each line that has
    /// content after it. Blank lines and comment lines are skipped.
    public func leadingTabs() -> [SourcePosition] {
        var found: [SourcePosition] = []
        for (lineIndex, start) in lineStarts.enumerated() {
            var index = start
            var tabOffset: Int?
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 {
                if bytes[index] == 0x09, tabOffset == nil { tabOffset = index }
                index += 1
            }
            guard let tab = tabOffset, index < bytes.count else { continue }
            if isLineBreak(bytes[index]) || bytes[index] == UInt8(ascii: "#") { continue }
            found.append(SourcePosition(line: lineIndex + 1, column: tab - start + 1, offset: tab))
        }
        return found
    }

    private func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
}

/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The length of the valid sequence starting at `index`, or 0 when it is invalid.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            highest = 0x9F
        case 0xF0:
            length = 4
            lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            highest = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let low: UInt8 = offset == 1 ? lowest : 0x80
            let high: UInt8 = offset == 1 ? highest : 0xBF
            if byte < low || byte > high { return 0 }
        }
        return length
    }
}
