import NIOCore
import RuleEngine

extension JSONValue {
    /// Writes the compact rendering, the same bytes as `rendered()`, straight into `buffer`
    /// (no intermediate `String`; each string is copied whole when it needs no escape).
    func write(into buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("null")
        case .bool(let value): buffer.writeStaticString(value ? "true" : "false")
        case .int(let value): buffer.writeString(String(value))
        case .string(let value): Self.writeEscaped(value, into: &buffer)
        case .array(let items):
            buffer.writeInteger(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                item.write(into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "]"))
        case .object(let members):
            buffer.writeInteger(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                Self.writeEscaped(member.0, into: &buffer)
                buffer.writeInteger(UInt8(ascii: ":"))
                member.1.write(into: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: quotes, and the escapes of `escapeSequence` for `"`, `\` and controls
    /// (every other byte of the UTF-8 is copied as it is, as `rendered()` copies each scalar).
    private static func writeEscaped(_ text: String, into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            buffer.writeString(text)
        } else {
            for byte in text.utf8 {
                if let sequence = escapeSequence(UInt32(byte)) {
                    buffer.writeString(sequence)
                } else {
                    buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
