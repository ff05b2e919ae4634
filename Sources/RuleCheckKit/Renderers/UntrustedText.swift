/// The one place that makes text taken from tables and rosters safe for each medium a person
/// reads: a terminal or log, an HTML page, a Markdown document. Control characters (C0, DEL,
/// C1), bidirectional controls and line or paragraph separators are shown as `\u{1B}` and the
/// like, so nothing from a file can move the cursor, clear the screen, reorder what is shown or
/// start a forged line. Work is done by Unicode scalar, never by `Character`, so a combining
/// mark cannot hide a quote or a bracket from the escaping. JSON, JSONL, CSV and SARIF keep the
/// bytes and escape them as their formats require; they do not come here.
public enum UntrustedText {
    /// Whether `scalar` is shown escaped rather than passed on (a tab is passed on).
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\u{1B}` for ESC.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// Text for a terminal or a log line: hazards shown escaped; with `keepingLineBreaks`, line
    /// feeds pass (for multi-line text the program itself composed around the values).
    public static func terminal(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isHazard) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if isHazard(scalar), !(keepingLineBreaks && scalar == "\n") {
                output += visible(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'`
    /// as character references, hazards shown escaped, line feeds kept.
    public static func html(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\n": output += "\n"
            default:
                if isHazard(scalar) { output += visible(scalar) } else { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    /// Free text for Markdown, safe inside a table cell: Markdown's active characters
    /// backslash-escaped, line ends (CR, LF) as spaces, other hazards shown escaped.
    public static func markdown(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if "\\`*_[]<>|#".unicodeScalars.contains(scalar) {
                output += "\\"
                output.unicodeScalars.append(scalar)
            } else if scalar == "\n" || scalar == "\r" {
                output += " "
            } else if isHazard(scalar) {
                output += visible(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Text for a Markdown code span: backticks and pipes, which would end the span or the
    /// cell, replaced; line ends as spaces; other hazards shown escaped.
    public static func markdownCode(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "`": output += "'"
            case "|": output += "\\|"
            case "\n", "\r": output += " "
            default:
                if isHazard(scalar) { output += visible(scalar) } else { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }
}
