import RuleEngine

/// Escaping for text placed in HTML documents.
public enum HTML {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by character references (scalar by
    /// scalar) and control characters shown escaped: see ``UntrustedText/html(_:)``.
    public static func escape(_ text: String) -> String {
        UntrustedText.html(text)
    }

    /// An attribute value: escaped, with line breaks kept as `&#10;` (tooltips show them).
    public static func attribute(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: "&#10;")
    }
}
