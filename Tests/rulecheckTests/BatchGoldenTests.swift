import Foundation
import Testing

/// `batch`'s output pinned byte for byte: every roster fixture with the options it is read with,
/// and a generated 1,000,000-row roster (by a digest of its output, too large to keep). A change
/// to the reader, the memo, the fast row loop or the parallel run that changes one byte, one
/// message or one exit code fails here. After a change meant to alter the output, rewrite the
/// files with `RULECHECK_UPDATE_GOLDEN=1 swift test --filter BatchGoldenTests` and review the diff.
@Suite("rulecheck batch: golden outputs")
struct BatchGoldenTests {
    /// One run on a fixture roster: its name in `Tests/Golden/batch/`, the roster and the arguments.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let roster: String
        let arguments: [String]
        var testDescription: String { name }
    }

    static let fixtures = "Tests/Fixtures/rosters/"
    static let shipped = ["--rules", "rules/2026.yaml"]
    static let spreadsheet = [
        "--delimiter", ";", "--date-format", "M/D/YYYY", "--column", "ma_expires=MA Expiration", "--column",
        "nr_expires=NREMT Expiration", "--column", "as_of=Date",
    ]
    static let levels = ["--rules", "Tests/Fixtures/policies/levels-state.yaml", "--as-of", "2026-03-01"]

    static let cases: [Case] = [
        Case(name: "roster-csv", roster: "2026-roster.csv", arguments: shipped + ["--as-of", "2026-02-16"]),
        Case(
            name: "roster-jobs1", roster: "2026-roster.csv",
            arguments: shipped + ["--as-of", "2026-02-16", "--jobs", "1"]
        ),
        Case(
            name: "roster-jsonl", roster: "2026-roster.csv",
            arguments: shipped + ["--as-of", "2026-02-16", "--format", "jsonl"]),
        Case(
            name: "roster-excel-tab", roster: "2026-roster.csv",
            arguments: shipped + ["--as-of", "2026-02-16", "--excel-safe", "--output-delimiter", "tab"]),
        Case(
            name: "roster-summary", roster: "2026-roster.csv",
            arguments: shipped + ["--as-of", "2026-12-31", "--summary"]),
        Case(
            name: "spreadsheet-csv", roster: "2026-spreadsheet.csv",
            arguments: shipped + ["--as-of", "2026-02-16"] + spreadsheet),
        Case(
            name: "spreadsheet-jsonl", roster: "2026-spreadsheet.csv",
            arguments: shipped + ["--as-of", "2026-02-16", "--format", "jsonl"] + spreadsheet),
        Case(name: "levels-csv", roster: "levels-roster.csv", arguments: levels),
        Case(name: "levels-jsonl", roster: "levels-roster.csv", arguments: levels + ["--format", "jsonl"]),
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["RULECHECK_UPDATE_GOLDEN"] == "1" }

    /// What a run wrote, as kept in a golden file.
    static func record(_ run: CLI.Result) -> String {
        "exit: \(run.status)\n--- stderr\n\(run.stderr)--- stdout\n\(run.stdout)"
    }

    /// Compares `text` with the golden file `name`, or writes it there when updating.
    static func check(_ text: String, golden name: String) throws {
        let path = CLI.path("Tests/Golden/batch/\(name)")
        if updating {
            try FileManager.default.createDirectory(
                atPath: CLI.path("Tests/Golden/batch"), withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "\(name) differs from its golden file (RULECHECK_UPDATE_GOLDEN=1 rewrites it)")
    }

    @Test("each roster fixture gives the output, messages and exit code kept for it", arguments: cases)
    func fixture(_ item: Case) throws {
        let run = try CLI.run(["batch", CLI.path(Self.fixtures + item.roster)] + item.arguments)
        // The roster's path differs between machines; messages name it.
        let text = Self.record(run).replacingOccurrences(of: CLI.path(Self.fixtures), with: "ROSTERS")
        try Self.check(text, golden: "\(item.name).txt")
    }

    /// FNV-1a, 64 bits: enough to tell two outputs apart, not a cryptographic digest.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
            }
        }
        return "\(data.count) bytes, fnv1a64 \(String(hash, radix: 16))"
    }

    /// (JSON lines of a million rows would be 564 MB; the fixtures pin that format.)
    @Test("a generated 1,000,000-row roster gives the output kept for it, on one thread and on two")
    func generated() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path
        let generate = try CLI.run(["generate-roster", "--rows", "1000000", "--seed", "2026", "--output", roster])
        try #require(generate.status == 0, "\(generate.stderr)")
        var lines = ["roster: \(Self.digest(try Data(contentsOf: URL(fileURLWithPath: roster))))"]
        let runs: [(String, [String])] = [
            ("default --jobs", []), ("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
        ]
        for (name, arguments) in runs {
            let output = folder.appendingPathComponent("out").path
            let run = try CLI.run(
                ["batch", roster, "--as-of", "2026-01-15", "--output", output] + Self.shipped + arguments)
            let written = try Data(contentsOf: URL(fileURLWithPath: output))
            lines.append("\(name): exit \(run.status), \(Self.digest(written)), stderr \(run.stderr.debugDescription)")
        }
        try Self.check(lines.joined(separator: "\n") + "\n", golden: "generated-1m.txt")
    }
}
