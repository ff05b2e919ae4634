import Foundation
import Testing

/// What reaches the terminal from hostile tables and rosters.
@Suite("rulecheck hostile text")
struct HostileTextCLITests {
    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\r", "\u{0}", "\u{7}", "\u{202E}"]

    static func hasForbidden(_ text: String) -> Bool { text.unicodeScalars.contains { forbidden.contains($0) } }

    @Test("a roster cell cannot clear the screen or forge a `file:line: error:` line on stderr")
    func badRowMessages() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try BatchCLITests.write(
            "ma_expires,nr_expires\n\"\u{1B}[2J\u{7}\r\nforged.csv:1: error: boom\u{202E}\",2027\n", in: folder)
        let run = try CLI.run(["batch", roster, "--as-of", "2026-01-15"] + BatchCLITests.rules + ["--excel-safe"])
        #expect(run.status == 1)
        #expect(!Self.hasForbidden(run.stderr))
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.allSatisfy { $0.hasPrefix("\(roster):2: error:") }, "\(run.stderr)")
        #expect(run.stdout.contains("\u{1B}[2J"), "CSV keeps the bytes")
    }

    @Test("eval's text shows a hostile title's controls escaped")
    func evalText() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: CLI.path("rules/2026.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "  title: One-year alignment with NREMT", with: #"  title: "T \e[2J\r\0\a \u202E""#)
        let table = try BatchCLITests.write(text, in: folder, name: "t.yaml")
        let arguments = ["eval", "--rules", table, "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-16"]
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!Self.hasForbidden(run.stdout))
        #expect(run.stdout.hasPrefix("T \\u{1B}[2J\\u{D}\\u{0}\\u{7} \\u{202E} (version"))
    }
}
