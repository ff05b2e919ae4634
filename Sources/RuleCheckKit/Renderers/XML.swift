/// Escaping for text placed in XML 1.0 documents (JUnit reports).
public enum XML {
    /// Whether a scalar may appear in an XML 1.0 document: tab, line feed, carriage return,
    /// and U+0020 to U+FFFD less the surrogates (which a Swift string cannot hold), and above.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Element content: `&`, `<`, `>`, `"` and `'` as character references, and the characters
    /// that XML 1.0 forbids (control characters, U+FFFE, U+FFFF) left out.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A quoted attribute value: escaped, with tab, line feed and carriage return as character
    /// references so that a reader's attribute-value normalisation keeps them.
    public static func attribute(_ text: String) -> String {
        var output = ""
        for scalar in escape(text).unicodeScalars {
            switch scalar {
            case "\t": output += "&#9;"
            case "\n": output += "&#10;"
            case "\r": output += "&#13;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
