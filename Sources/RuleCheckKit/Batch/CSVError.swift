import RuleEngine

/// A malformed CSV structure, or input that cannot be read. The reader cannot tell where the
/// next record starts after one of these, so reading stops.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A quoted field is still open at the end of the input.
        case unclosedQuote
        /// A `"` inside a field that does not start with one.
        case strayQuote
        /// A character other than `,`, `"` or a line end right after a closing quote.
        case textAfterClosingQuote(UInt8)
        /// A record longer than the reader's limit (usually an unclosed quote mid-file).
        case recordTooLong(limit: Int)
        /// Reading failed.
        case readFailed(String)
        /// The input is UTF-16 (a byte-order mark or NUL bytes at the start), not UTF-8.
        case utf16
    }

    /// What went wrong.
    public let kind: Kind
    /// The 1-based physical line of the problem: where the unclosed quote opens, where the
    /// stray character is, or where the over-long record starts.
    public let line: Int
    /// The reader's field delimiter, named in the message about text after a closing quote.
    public var delimiter: UInt8 = UInt8(ascii: ",")

    /// One line for the user, lowercase, without the position.
    public var description: String {
        switch kind {
        case .unclosedQuote:
            return "unclosed quote: the quoted field opened here is still open at the end of the input"
        case .strayQuote:
            return "stray quote in an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")"
        case .textAfterClosingQuote(let byte):
            let shown = byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte 0x\(String(byte, radix: 16))"
            let expected = delimiter == 0x09 ? "a tab" : "`\(String(UnicodeScalar(delimiter)))`"
            return
                "unexpected `\(shown)` after the closing quote of a field (expected \(expected) or the end of the line)"
        case .recordTooLong(let limit):
            let size = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return "the record starting here is longer than \(size) (is a quote left unclosed?)"
        case .readFailed(let reason):
            return "cannot read: \(reason)"
        case .utf16:
            return "the file is UTF-16, not UTF-8: save it as CSV UTF-8 (or convert it: iconv -f UTF-16 -t UTF-8)"
        }
    }
}
