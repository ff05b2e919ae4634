import RuleEngine

/// Escaping for text placed in HTML documents.
public enum HTML {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by character references, safe both in
    /// element content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// An attribute value: escaped, with line breaks kept as `&#10;` (tooltips show them).
    public static func attribute(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: "&#10;")
    }
}
