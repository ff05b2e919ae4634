import RuleCheckKit
import RuleEngine

/// A pasted table's diagnostics shown beside its lines: each source line with its number, and
/// in the next column every diagnostic that starts on it. Escaped throughout.
struct ValidationReport {
    let result: LoadResult
    let text: String

    var html: [String] {
        let diagnostics = result.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var lines = [
            errors == 0
                ? "<p class=\"notice\" role=\"status\">No errors (\(warnings) warnings): this table would load.</p>"
                : "<p class=\"error\" role=\"alert\">\(errors) errors, \(warnings) warnings: this table would not load.</p>"
        ]
        var byLine: [Int: [Diagnostic]] = [:]
        var unplaced: [Diagnostic] = []
        for diagnostic in diagnostics {
            if let location = diagnostic.location {
                byLine[location.line, default: []].append(diagnostic)
            } else {
                unplaced.append(diagnostic)
            }
        }
        if !unplaced.isEmpty {
            lines.append("<ul>")
            lines += unplaced.map { "<li>\(describe($0))</li>" }
            lines.append("</ul>")
        }
        lines += [
            "<div class=\"scroll\"><table class=\"source\">",
            "<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Source</th><th scope=\"col\">Diagnostics</th></tr></thead>",
            "<tbody>",
        ]
        let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in sourceLines.enumerated() {
            let found = byLine[index + 1] ?? []
            let flagged = found.isEmpty ? "" : " class=\"flagged\""
            let notes = found.map(describe).joined(separator: "<br>")
            lines.append(
                "<tr\(flagged) id=\"L\(index + 1)\"><td class=\"line\">\(index + 1)</td>"
                    + "<td class=\"code\">\(HTML.escape(String(line)))</td><td>\(notes)</td></tr>")
        }
        lines += ["</tbody>", "</table></div>"]
        return lines
    }

    private func describe(_ diagnostic: Diagnostic) -> String {
        let column = diagnostic.location.map { ":\($0.column)" } ?? ""
        let help = diagnostic.help.map { " — help: \(HTML.escape($0))" } ?? ""
        return
            "<span class=\"diag-\(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]"
            + "\(column)</span> \(HTML.escape(diagnostic.message))\(help)"
    }
}
