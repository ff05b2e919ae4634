import Foundation
import Testing

/// `rulecheck roll-forward`: next year's table from this year's, cell by cell.
@Suite("rulecheck roll-forward")
struct RollForwardTests {
    /// A temporary folder holding a copy of the shipped table and its expectations.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in ["2026.yaml", "2026.expect.yaml"] {
            try FileManager.default.copyItem(
                atPath: CLI.path("rules/" + name), toPath: url.appendingPathComponent(name).path)
        }
        return url
    }

    static func lines(_ path: URL) throws -> [String] {
        try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
    }

    @Test("rules/2026.yaml rolled one year: same decisions a year on, comments untouched, its expectations pass")
    func rollShippedTable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("2026.yaml")
        let new = folder.appendingPathComponent("2027.yaml")
        let run = try CLI.run(["roll-forward", old.path, "--years", "1"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("wrote \(new.path)"))
        #expect(run.stdout.contains("fee: fee `alignment` is still 62.50 USD"))
        #expect(run.stdout.contains("The tables are equivalent."))

        let diff = try CLI.run(["diff", old.path, new.path, "--shift-years", "1"])
        #expect(diff.status == 0, "\(diff.stdout)")
        #expect(diff.stdout.contains("No decision changes."))

        let before = try Self.lines(old)
        let after = try Self.lines(new)
        #expect(before.count == after.count)
        var comments = 0
        for (line, text) in before.enumerated() {
            guard let hash = text.firstIndex(of: "#") else { continue }
            comments += 1
            let rolled = after[line]
            #expect(
                rolled.firstIndex(of: "#").map { String(rolled[$0...]) } == String(text[hash...]), "line \(line + 1)")
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("#") { #expect(rolled == text) }
        }
        #expect(comments > 30)
        #expect(after.contains("cycle: 2027"))
        #expect(after.contains("  version: \"2027\""))
        #expect(after.contains("  window: {from: 2026-12-01, to: 2028-03-31}"))

        let expectations = try Self.lines(folder.appendingPathComponent("2027.expect.yaml"))
        #expect(expectations.contains("table: 2027.yaml"))
        let test = try CLI.run(["test", new.path])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.hasSuffix(", 0 failed\n"))
    }

    @Test("an existing file is not overwritten without --force")
    func refusesOverwrite() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("2027.yaml")
        try Data("keep me\n".utf8).write(to: target)
        let run = try CLI.run(["roll-forward", folder.appendingPathComponent("2026.yaml").path, "--years", "1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("exists; give --force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n")
        let forced = try CLI.run([
            "roll-forward", folder.appendingPathComponent("2026.yaml").path, "--years", "1", "--force",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("cycle: 2027"))
    }

    @Test("February 29 into a common year is an error naming the cell; nothing is written")
    func leapDay() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("2026.yaml")
        let leap = folder.appendingPathComponent("2028.yaml")
        #expect(try CLI.run(["roll-forward", source.path, "--years", "2", "--output", leap.path]).status == 0)
        let text = try String(contentsOf: leap, encoding: .utf8)
        try text.replacingOccurrences(of: "date: 2028-02-15", with: "date: 2028-02-29").write(
            to: leap, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("2028.expect.yaml"))
        let run = try CLI.run(["roll-forward", leap.path, "--years", "1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("2028.yaml:64:11: error[RC601]: date 2028-02-29 cannot be moved 1 year"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("2029.yaml").path))
    }

    @Test("--output names the new table; the expectations follow its name and point at it")
    func customOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("next.yaml")
        let run = try CLI.run([
            "roll-forward", folder.appendingPathComponent("2026.yaml").path, "--years", "1", "--output", target.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.lines(folder.appendingPathComponent("next.expect.yaml")).contains("table: next.yaml"))
        #expect(try CLI.run(["roll-forward", "--years", "0", target.path]).status == 2)
    }
}
