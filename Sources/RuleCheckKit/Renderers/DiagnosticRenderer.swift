import RuleEngine
import YAMLReader

/// Renders diagnostics for people, in the compiler convention
/// `path:line:col: error[RC101]: message`, then the source line and a caret.
public struct DiagnosticRenderer: Sendable {
    /// Whether to decorate the output with ANSI colours.
    public let colored: Bool
    /// Source texts by file path, for the snippets.
    public let sources: [String: SourceText]

    /// Creates a renderer.
    public init(colored: Bool, sources: [String: SourceText]) {
        self.colored = colored
        self.sources = sources
    }

    /// Renders many diagnostics, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var text = ""
        render(diagnostics) { text += $0 }
        return text
    }

    /// Renders many diagnostics one at a time, each ending in a newline, and hands each
    /// to `write`, so that a table with many findings is never held as one string. A source
    /// line that many diagnostics point at is laid out once.
    public func render(_ diagnostics: [Diagnostic], each write: (String) -> Void) {
        var snippets: [SourceLocation: [String]] = [:]
        for diagnostic in diagnostics { write(render(diagnostic, snippets: &snippets) + "\n") }
    }

    /// Renders one diagnostic with its notes and help.
    public func render(_ diagnostic: Diagnostic) -> String {
        var snippets: [SourceLocation: [String]] = [:]
        return render(diagnostic, snippets: &snippets)
    }

    private func render(_ diagnostic: Diagnostic, snippets: inout [SourceLocation: [String]]) -> String {
        var lines: [String] = []
        let label = paint(
            "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]", color(for: diagnostic.severity))
        lines.append(
            "\(prefix(diagnostic.location))\(label): \(paint(UntrustedText.terminal(diagnostic.message), "1"))")
        lines.append(contentsOf: snippet(diagnostic.location, cache: &snippets))
        for note in diagnostic.notes {
            lines.append("\(prefix(note.location))\(paint("note", "36")): \(UntrustedText.terminal(note.message))")
            lines.append(contentsOf: snippet(note.location, cache: &snippets))
        }
        if let help = diagnostic.help { lines.append("  \(paint("help", "32")): \(UntrustedText.terminal(help))") }
        return lines.joined(separator: "\n")
    }

    /// The snippet of a location, laid out once per location.
    private func snippet(_ location: SourceLocation?, cache: inout [SourceLocation: [String]]) -> [String] {
        guard let location else { return [] }
        if let lines = cache[location] { return lines }
        let lines = snippet(location)
        cache[location] = lines
        return lines
    }

    private func prefix(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        return paint("\(UntrustedText.terminal(location.file)):\(location.line):\(location.column)", "1") + ": "
    }

    /// The most characters of a source line shown; longer lines are cut around the column.
    static let maxSnippetWidth = 100

    private func snippet(_ location: SourceLocation?) -> [String] {
        guard let location, let text = sources[location.file]?.line(location.line) else { return [] }
        // One column per scalar, so the caret stays aligned; hazards show as U+FFFD.
        var characters = Array(
            text.unicodeScalars.map { $0 == "\t" ? " " : UntrustedText.isHazard($0) ? "\u{FFFD}" : Character($0) })
        var caretColumn = min(max(location.column - 1, 0), characters.count)
        var width = 1
        if location.range.end.line == location.line, location.range.end.column > location.column {
            width = location.range.end.column - location.column
        }
        if characters.count > Self.maxSnippetWidth {
            let start = max(0, min(caretColumn - Self.maxSnippetWidth / 2, characters.count - Self.maxSnippetWidth))
            let end = min(characters.count, start + Self.maxSnippetWidth)
            let head: [Character] = start > 0 ? ["…"] : []
            let tail: [Character] = end < characters.count ? ["…"] : []
            characters = head + Array(characters[start..<end]) + tail
            caretColumn = caretColumn - start + head.count
        }
        width = max(1, min(width, characters.count - caretColumn))
        let gutter = String(repeating: " ", count: String(location.line).count)
        let pad = String(repeating: " ", count: caretColumn)
        return [
            "\(gutter) |",
            "\(location.line) | \(String(characters))",
            "\(gutter) | \(pad)\(paint(String(repeating: "^", count: width), "31;1"))",
        ]
    }

    private func color(for severity: Severity) -> String {
        switch severity {
        case .error: return "31;1"
        case .warning: return "33;1"
        case .note: return "36;1"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
