import Foundation
import Testing

/// `rulecheck matrix --format html|markdown [--output FILE]`.
@Suite("matrix formats")
struct MatrixCommandTests {
    @Test("--format html --output writes one page atomically")
    func htmlToFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matrix.html")
        let run = try CLI.run([
            "matrix", CLI.path("rules/2026.yaml"), "--as-of", "2026-02-20", "--format", "html", "--output", file.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(file.path)\n")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Decisions on 2026-02-20"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["matrix.html"])
    }

    @Test("--format markdown prints to standard output")
    func markdownToStdout() throws {
        let run = try CLI.run(["matrix", "rules/2026.yaml", "--as-of", "2026-02-20", "--format", "markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# One-year alignment with NREMT (version 2026)\n"))
        #expect(run.stdout.split(separator: "\n").filter { $0.hasPrefix("| **20") }.count == 11)
    }

    @Test("text stays the default, and --output works for it too")
    func textDefault() throws {
        let plain = try CLI.run(["matrix", "rules/2026.yaml", "--as-of", "2026-02-20"])
        let explicit = try CLI.run(["matrix", "rules/2026.yaml", "--as-of", "2026-02-20", "--format", "text"])
        #expect(plain.status == 0)
        #expect(plain.stdout == explicit.stdout)
        #expect(plain.stdout.contains("Legend:"))
    }

    @Test(
        "conflicting flags are usage errors",
        arguments: [
            ["--timeline", "--format", "html"], ["--update-golden", "x.txt"],
            ["--timeline", "--update-golden", "x.txt", "--output", "y.txt"], ["--format", "pdf"],
            ["--as-of", "2030-01-01", "--format", "html"],
        ])
    func usage(arguments: [String]) throws {
        let run = try CLI.run(["matrix", "rules/2026.yaml"] + arguments)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
    }
}
