/// A JSON value whose objects keep their keys in the order given, so that output reads the
/// same on every run and every platform.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object with ordered keys.
    case object([(String, JSONValue)])

    /// Compares values; object keys compare in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// Hashes the rendered form.
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// A string, or `null` when `value` is `nil`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// Renders compact JSON on one line.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Renders JSON indented by two spaces.
    public func pretty() -> String {
        var output = ""
        write(to: &output, indent: "  ", level: 0)
        return output
    }

    private func write(to output: inout String, indent: String?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let items):
            writeContainer(
                items.map { (nil as String?, $0) }, open: "[", close: "]", to: &output, indent: indent, level: level)
        case .object(let members):
            writeContainer(
                members.map { (Optional($0.0), $0.1) }, open: "{", close: "}", to: &output, indent: indent, level: level
            )
        }
    }

    private func writeContainer(
        _ members: [(String?, JSONValue)], open: String, close: String, to output: inout String, indent: String?,
        level: Int
    ) {
        output += open
        guard !members.isEmpty else {
            output += close
            return
        }
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: indent, count: level + 1) }
            if let key = member.0 {
                JSONValue.escape(key, into: &output)
                output += indent == nil ? ":" : ": "
            }
            member.1.write(to: &output, indent: indent, level: level + 1)
        }
        if let indent { output += "\n" + String(repeating: indent, count: level) }
        output += close
    }

    private static func escape(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            if let sequence = escapeSequence(scalar.value) {
                output += sequence
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// The escape for a character that JSON strings may not hold as it is (`"`, `\` and
    /// controls), or `nil` for any other character. The one table of escapes the project uses.
    package static func escapeSequence(_ value: UInt32) -> String? {
        switch value {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0..<0x20:
            let hex = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return nil
        }
    }
}
