import Foundation
import Testing

/// `rulecheck batch` and `rulecheck generate-roster` run as a user would.
@Suite("rulecheck batch")
struct BatchCLITests {
    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, in folder: URL, name: String = "roster.csv") throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    static let rules = ["--rules", CLI.path("rules/2026.yaml")]

    @Test("bad rows: ROSTER:LINE on stderr, the error column in the output, exit 1; the rest decided")
    func badRows() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try Self.write(
            """
            id,ma_expires,nr_expires,as_of
            1,2026,2027,2026-01-01
            2,,2027,
            "three
            lines",2O26,2027,
            4,2026,2027,2026-02-30
            5,2026,2027,2028-01-01
            6,2040,2027,

            7,2027,2026,
            """, in: folder)
        let run = try CLI.run(["batch", roster, "--as-of", "2026-01-15"] + Self.rules)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").map(String.init)
        #expect(
            errors == [
                "\(roster):3: error: missing value for `ma_expires`",
                "\(roster):4: error: ma_expires: `2O26` is not a year (four digits) or `none`",
                "\(roster):6: error: as_of: `2026-02-30` is not a valid date: February 2026 has 28 days, not 30",
                "\(roster):7: error: as-of date 2028-01-01 is outside the table's window 2025-12-01 to 2027-03-31",
                "\(roster):8: error: ma_expires 2040 is outside the table's domain (2022–2032)",
            ])
        let rows = CSV.parse(run.stdout)
        #expect(rows.count == 8)
        #expect(
            rows[0].suffix(8) == [
                "cohort", "status", "can_staff_ambulance", "fee", "next_deadline", "next_deadline_date", "rule",
                "error",
            ])
        #expect(
            rows[1].suffix(8) == [
                "one-year-alignment", "action-required", "true", "62.50 USD", "recommended", "2026-02-15",
                "alignment-due", "",
            ])
        #expect(rows[3][0] == "three\nlines")
        #expect(
            rows[3].suffix(8) == [
                "", "", "", "", "", "", "", "ma_expires: `2O26` is not a year (four digits) or `none`",
            ])
        #expect(rows[7].suffix(8).first == "reverse-off-cycle" && rows[7].last == "")
    }

    @Test("an unclosed quote: reported at its line, exit 1, and --output is not written")
    func unclosedQuote() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try Self.write(
            "ma_expires,nr_expires,note\n2026,2027,ok\n2026,2027,\"open\n\n2026,2027,x\n", in: folder)
        let run = try CLI.run(["batch", roster, "--as-of", "2026-01-15"] + Self.rules)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(roster):3: error: unclosed quote"), "\(run.stderr)")
        #expect(CSV.parse(run.stdout).count == 2, "the rows before the broken record are written")
        let output = folder.appendingPathComponent("out.csv").path
        let toFile = try CLI.run(["batch", roster, "--as-of", "2026-01-15", "--output", output] + Self.rules)
        #expect(toFile.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["roster.csv"])
        let stray = try Self.write("ma_expires,nr_expires\n2026,20\"27\n", in: folder, name: "stray.csv")
        let strayRun = try CLI.run(["batch", stray, "--as-of", "2026-01-15"] + Self.rules)
        #expect(strayRun.status == 1 && strayRun.stderr.contains("stray.csv:2: error: stray quote"))
    }

    @Test("a required column missing from the header is a usage error naming it")
    func missingColumn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = try Self.write("id,ma_expires,as_of\n1,2026,\n", in: folder)
        let run = try CLI.run(["batch", roster] + Self.rules)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no column `nr_expires`"), "\(run.stderr)")
        #expect(try CLI.run(["batch", folder.appendingPathComponent("none.csv").path]).status == 2)
    }

    @Test("CRLF, a byte-order mark, quoting and column order survive; standard input with `-`")
    func passThrough() throws {
        let input = "\u{FEFF}note,nr_expires,id,ma_expires\r\n\"a, \"\"b\"\"\",2027,7,2026\r\n"
        let run = try CLI.run(["batch", "-", "--as-of", "2026-01-15"] + Self.rules, stdin: Data(input.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("note,nr_expires,id,ma_expires,cohort,"))
        #expect(lines[1].hasPrefix("\"a, \"\"b\"\"\",2027,7,2026,one-year-alignment,"))
    }

    @Test("--output: complete content, same as standard output, no temporary file left; --summary on stdout")
    func atomicOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try CLI.run(["generate-roster", "--rows", "300", "--seed", "9"] + Self.rules)
        let roster = try Self.write(generated.stdout, in: folder)
        let output = folder.appendingPathComponent("out.csv").path
        let run = try CLI.run(["batch", roster, "--as-of", "2026-01-15", "--output", output, "--summary"] + Self.rules)
        #expect(run.status == 0, "\(run.stderr)")
        let printed = try CLI.run(["batch", roster, "--as-of", "2026-01-15"] + Self.rules)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.csv", "roster.csv"])
        #expect(run.stdout.hasPrefix("cohort") && run.stdout.contains("bad rows") && run.stdout.hasSuffix("300\n"))
        let summaryOnStderr = try CLI.run(["batch", roster, "--as-of", "2026-01-15", "--summary"] + Self.rules)
        #expect(summaryOnStderr.stderr.contains("total") && summaryOnStderr.stdout == printed.stdout)
    }

    @Test("--format jsonl: eval's object plus fields; bad rows have line, error and fields")
    func jsonl() throws {
        let input = "id,ma_expires,nr_expires,as_of\n1,2026,2027,2026-02-16\n2,2026,x,\n"
        let run = try CLI.run(["batch", "-", "--format", "jsonl"] + Self.rules, stdin: Data(input.utf8))
        #expect(run.status == 1)
        let objects = try run.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        let eval = try CLI.run(
            ["eval", "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-16", "--format", "json"] + Self.rules)
        let expected = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(Set(objects[0].keys) == Set(expected.keys).union(["fields"]))
        var decision = objects[0]
        decision["fields"] = nil
        func canonical(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        #expect(try canonical(decision) == canonical(expected))
        #expect(
            objects[0]["fields"] as? [String: String] == [
                "id": "1", "ma_expires": "2026", "nr_expires": "2027", "as_of": "2026-02-16",
            ])
        #expect(Set(objects[1].keys) == ["line", "error", "fields"])
        #expect(objects[1]["line"] as? Int == 3)
    }

    @Test("with a folder, each row uses the table in force on its own date")
    func folderOfTables() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: CLI.path("rules/2026.yaml"), encoding: .utf8)
        _ = try Self.write(text, in: folder, name: "2026.yaml")
        let later = try String(
            contentsOfFile: CLI.path("Tests/Fixtures/policies/2027-example.yaml"), encoding: .utf8)
        _ = try Self.write(later, in: folder, name: "later.yaml")
        let input = "ma_expires,nr_expires,as_of\n2026,2027,2026-01-01\n2026,2027,2027-06-01\n2026,2027,2029-01-01\n"
        let run = try CLI.run(
            ["batch", "-", "--rules", folder.path, "--format", "jsonl"], stdin: Data(input.utf8))
        #expect(run.status == 1)
        let objects = try run.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect((objects[0]["policy"] as? [String: Any])?["version"] as? String == "2026")
        #expect(objects.count == 3)
        guard objects.count == 3 else { return }
        #expect((objects[1]["policy"] as? [String: Any])?["version"] as? String == "2027-example")
        #expect(run.stderr.hasPrefix("<stdin>:4: error: no table is in force on 2029-01-01"), "\(run.stderr)")
    }

    @Test("generate-roster is deterministic for a seed")
    func generateRoster() throws {
        let first = try CLI.run(["generate-roster", "--rows", "50", "--seed", "4"] + Self.rules)
        let again = try CLI.run(["generate-roster", "--rows", "50", "--seed", "4"] + Self.rules)
        let other = try CLI.run(["generate-roster", "--rows", "50", "--seed", "5"] + Self.rules)
        #expect(first.status == 0 && first.stdout == again.stdout && first.stdout != other.stdout)
        #expect(first.stdout.hasPrefix("id,name,ma_expires,nr_expires,as_of\n"))
        #expect(CSV.parse(first.stdout).count == 51)
    }
}

/// A small RFC 4180 parser, independent of the one under test, to read the command's output.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if character != "\r" {
                field.unicodeScalars.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
