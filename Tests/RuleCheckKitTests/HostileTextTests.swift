import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// Text from a table or roster that tries to inject markup, forge lines or drive the terminal.
@Suite("Hostile text")
struct HostileTextTests {
    /// A quote with a combining acute accent, a closing script tag, ESC, CR, NUL and a
    /// right-to-left override.
    static let hostile = "Q\"\u{301} x=1 </script> \u{1B}[2J\r\u{0} \u{202E} end"
    static let yamlHostile = #""Q\"\u0301 x=1 </script> \e[2J\r\0 \u202E end""#

    /// The shipped table with its title replaced by the hostile string.
    static func hostileTable() throws -> CompiledTable {
        let text = try TestSupport.table2026Text()
            .replacingOccurrences(
                of: "  title: One-year alignment with NREMT", with: "  title: \(yamlHostile)")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "hostile.yaml"))
        #expect(table.policy.title == hostile)
        return table
    }

    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\r", "\u{0}", "\u{202E}"]

    static func hasForbidden(_ text: String) -> Bool {
        text.unicodeScalars.contains { forbidden.contains($0) }
    }

    /// Whether a `"` is followed by a combining mark anywhere (an escape done by Character misses it).
    static func hasQuoteBeforeCombiningMark(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return zip(scalars, scalars.dropFirst()).contains { $0 == "\"" && $1 == "\u{301}" }
    }

    @Test("HTML escapes by scalar: a quote before a combining mark is escaped; controls are shown")
    func htmlEscape() {
        let escaped = HTML.escape(Self.hostile)
        #expect(!Self.hasQuoteBeforeCombiningMark(escaped))
        #expect(escaped.contains("&quot;\u{301}"))
        #expect(escaped.contains("&lt;/script&gt;"))
        #expect(!Self.hasForbidden(escaped))
        #expect(escaped.contains("\\u{1B}[2J\\u{D}\\u{0}"))
        #expect(HTML.attribute("a\"\u{301}\nb") == "a&quot;\u{301}&#10;b")
    }

    @Test("the HTML page of a hostile table holds no raw quote, tag or control from it")
    func htmlPage() throws {
        let page = try MatrixHTML(matrix: DecisionMatrix(table: Self.hostileTable()))
            .render(asOf: TestSupport.date("2026-02-20"))
        #expect(!Self.hasQuoteBeforeCombiningMark(page))
        #expect(!page.contains("</script> "))
        #expect(!Self.hasForbidden(page))
    }

    @Test("Markdown: line ends cannot break the structure, controls are shown, active characters escaped")
    func markdown() throws {
        #expect(MatrixMarkdown.escape("a\r\nb|c\u{1B}") == "a  b\\|c\\u{1B}")
        let document = try MatrixMarkdown(matrix: DecisionMatrix(table: Self.hostileTable()))
            .render(asOf: TestSupport.date("2026-02-20"))
        #expect(!Self.hasForbidden(document))
        let first = document.split(separator: "\n", omittingEmptySubsequences: false)[0]
        #expect(first.hasPrefix("# Q\"\u{301} x=1 \\</script\\> \\u{1B}\\[2J \\u{0} \\u{202E} end (version"))
    }

    @Test("terminal text: every control shown escaped; line feeds only when asked to keep them")
    func terminal() {
        let line = UntrustedText.terminal(Self.hostile + "\nforged.yaml:1:1: error: x")
        #expect(!Self.hasForbidden(line) && !line.contains("\n"))
        #expect(line.contains("\\u{A}forged.yaml"))
        #expect(UntrustedText.terminal("a\n\u{1B}b", keepingLineBreaks: true) == "a\n\\u{1B}b")
        #expect(UntrustedText.terminal("tab\tplain é") == "tab\tplain é")
    }

    @Test("diagnostics: a key made of controls cannot colour, clear or forge a line")
    func diagnostics() throws {
        let text = try TestSupport.table2026Text()
            .replacingOccurrences(of: "\nrules:", with: "\n\"\\e[2Jbad\\nx.yaml:1:1: error: forged\": 1\nrules:")
        let result = TableLoader.load(yaml: text, file: "bad.yaml")
        let rendered = DiagnosticRenderer(colored: false, sources: ["bad.yaml": result.source])
            .render(result.diagnostics)
        #expect(!rendered.isEmpty)
        #expect(!Self.hasForbidden(rendered))
        #expect(!rendered.split(separator: "\n").contains { $0.hasPrefix("x.yaml:1:1") })
    }

    @Test("CSV keeps the bytes; --excel-safe puts a quote mark before formula-like cells")
    func excelSafe() throws {
        let roster = "id,name,ma_expires,nr_expires\n=1+1,\"@SUM(A1)\",2026,2027\n-2,\"\u{1B}[2J\",2026,2027\n"
        let plain = try RosterProcessorTests.run(roster)
        #expect(plain.lines[1].hasPrefix("=1+1,@SUM(A1),2026"))
        #expect(plain.lines[2].hasPrefix("-2,\u{1B}[2J,2026"))
        let safe = try RosterProcessorTests.run(roster, excelSafe: true)
        #expect(safe.lines[1].hasPrefix("'=1+1,'@SUM(A1),2026"))
        #expect(safe.lines[2].hasPrefix("'-2,\u{1B}[2J,2026"))
        let tab = try RosterProcessorTests.run("ma_expires,nr_expires,x\n2026,2027,\"\tcmd\"\n", excelSafe: true)
        #expect(tab.lines[1].hasPrefix("2026,2027,'\tcmd,"))
    }

    @Test("JSON keeps the text exactly, escaped as JSON requires")
    func json() throws {
        let table = try TestSupport.compiled(TableLoader.load(yaml: TestSupport.table2026Text(), file: Self.hostile))
        let decision = try table.evaluate(YearValues(2026, 2027), asOf: TestSupport.date("2026-02-16"))
        let rendered = decision.json.rendered()
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 })
        let object = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any]
        let policy = object?["policy"] as? [String: Any]
        #expect(policy?["file"] as? String == Self.hostile)
    }

    @Test("JSONL keeps a hostile roster cell exactly, escaped as JSON requires")
    func jsonl() throws {
        let cell = "\u{1B}[2J\r\nforged.csv:1: error: x\u{202E}\u{0}\"\u{301}</script>"
        // Quotes doubled scalar by scalar: a Character-wise replace would miss the quote under U+0301.
        var encoded = "\""
        for scalar in cell.unicodeScalars {
            encoded.unicodeScalars.append(scalar)
            if scalar == "\"" { encoded.unicodeScalars.append(scalar) }
        }
        encoded += "\""
        let run = try RosterProcessorTests.run("id,ma_expires,nr_expires\n\(encoded),2026,2027\n", format: .jsonl)
        let line = try #require(run.lines.first)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 })
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect((object?["fields"] as? [String: Any])?["id"] as? String == cell)
    }

    @Test("SARIF keeps a hostile key's text exactly, escaped as JSON requires")
    func sarif() throws {
        let text = try TestSupport.table2026Text()
            .replacingOccurrences(of: "\nrules:", with: "\n\"\\e[2Jbad\\r\\u202E\": 1\nrules:")
        let result = TableLoader.load(yaml: text, file: "bad.yaml")
        let log = SARIFLog(toolVersion: "test", workingDirectory: "/").document(
            files: ["bad.yaml"], diagnostics: result.diagnostics
        ).pretty()
        #expect(!log.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != " " })
        #expect(log.contains("\\u001b[2Jbad\\r"), "the control characters are JSON escapes")
        let object = try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any]
        let runs = object?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]]
        let messages = (results ?? []).compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(messages.contains { $0.contains("\u{1B}[2Jbad\r\u{202E}") })
    }
}
