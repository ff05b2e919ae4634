import Foundation
import Testing

/// Next year's table, and another state's scheme, need no recompile: the binary built before
/// these files existed validates, evaluates and tests them.
@Suite("New tables without a recompile")
struct NextCycleTests {
    static let fixtures = "Tests/Fixtures/policies/"

    @Test(
        "the 2027 example validates, evaluates and passes its expectations",
        arguments: ["2027-example", "example-state"])
    func shippedExamples(_ name: String) throws {
        let table = CLI.path(Self.fixtures + name + ".yaml")
        let validate = try CLI.run(["validate", table, CLI.path(Self.fixtures + name + ".expect.yaml")])
        #expect(validate.status == 0, "\(validate.stdout)")
        let test = try CLI.run(["test", table])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.hasSuffix(" failed\n"))
    }

    @Test("the 2027 example and the fictional state decide with their own dates, fees and cohorts")
    func evaluate() throws {
        let next = try CLI.run([
            "eval", "--rules", CLI.path(Self.fixtures + "2027-example.yaml"), "--ma", "2027", "--nr", "2028", "--as-of",
            "2027-02-16", "--format", "json",
        ])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("\"status\": \"action-overdue\""))
        #expect(next.stdout.contains("\"amount\": \"65.00\""))
        let state = try CLI.run([
            "eval", "--rules", CLI.path(Self.fixtures + "example-state.yaml"), "--ma", "2026", "--nr", "2027",
            "--as-of",
            "2026-07-01", "--format", "json",
        ])
        #expect(state.status == 0, "\(state.stderr)")
        #expect(state.stdout.contains("\"license_expires\": 2026"))
        #expect(state.stdout.contains("\"status\": \"license-expired\""))
        #expect(state.stdout.contains("\"may_practice\": false"))
        #expect(state.stdout.contains("\"registry_current\": true"))
    }

    @Test("a 2028 table written now, after the binary was built, works with that binary")
    func writtenAfterBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binaryDate = try FileManager.default.attributesOfItem(atPath: CLI.binary.path)[.modificationDate] as? Date
        for name in ["2027-example.yaml", "2027-example.expect.yaml"] {
            let text = try String(contentsOfFile: CLI.path(Self.fixtures + name), encoding: .utf8)
            let shifted = Self.shiftOneYear(text)
            #expect(shifted != text)
            let target = folder.appendingPathComponent(name.replacingOccurrences(of: "2027", with: "2028"))
            try shifted.write(to: target, atomically: true, encoding: .utf8)
            let written = try FileManager.default.attributesOfItem(atPath: target.path)[.modificationDate] as? Date
            if let binaryDate, let written { #expect(written > binaryDate) }
        }
        let table = folder.appendingPathComponent("2028-example.yaml").path
        #expect(try CLI.run(["validate", table]).status == 0)
        let test = try CLI.run(["test", table])
        #expect(test.status == 0, "\(test.stdout)")
        let eval = try CLI.run([
            "eval", "--rules", folder.path, "--ma", "2028", "--nr", "2029", "--as-of", "2028-01-10",
        ])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains("action-required"))
        let diff = try CLI.run(["diff", CLI.path(Self.fixtures + "2027-example.yaml"), table, "--shift-years", "1"])
        #expect(diff.status == 0, "shifting every year and date changes nothing: \(diff.stdout)")
    }

    @Test("diff of 2026 and the 2027 example, shifted, names the fee change and exits 1")
    func diffCommand() throws {
        let run = try CLI.run([
            "diff", CLI.path("rules/2026.yaml"), CLI.path(Self.fixtures + "2027-example.yaml"), "--shift-years", "1",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("fee: 62.50 USD → 65.00 USD on 121 inputs"))
        #expect(run.stdout.contains("Decisions that change (1):"))
        let json = try CLI.run([
            "diff", CLI.path("rules/2026.yaml"), CLI.path("rules/2026.yaml"), "--format", "json",
        ])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"equivalent\": true"))
    }

    @Test("explain names the deciding rule and ends with its file and line")
    func explain() throws {
        let run = try CLI.run(["explain", "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-20"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Why not the other rules (nearest miss first):"))
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let table = try String(contentsOfFile: CLI.path("rules/2026.yaml"), encoding: .utf8)
        let line = table.components(separatedBy: "\n").firstIndex { $0 == "  - id: alignment-overdue" }.map { $0 + 1 }
        #expect(line != nil)
        #expect(last.hasPrefix("Decided by rule `alignment-overdue` at ") && last.hasSuffix("2026.yaml:\(line ?? 0)"))
    }

    /// Every year in a date, `cycle:` and a year condition moves one year on; the version too.
    static func shiftOneYear(_ text: String) -> String {
        var result = text.replacing(/\b(20[2-3][0-9])-(\d\d)-(\d\d)\b/) { match in
            "\((Int(match.output.1) ?? 0) + 1)-\(match.output.2)-\(match.output.3)"
        }
        result = result.replacing(/(cycle|ma_expires|nr_expires): (20[2-3][0-9])\b/) { match in
            "\(match.output.1): \((Int(match.output.2) ?? 0) + 1)"
        }
        return result.replacingOccurrences(of: "2027-example", with: "2028-example")
    }
}
