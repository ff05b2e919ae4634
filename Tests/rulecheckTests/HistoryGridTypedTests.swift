import Foundation
import Testing

/// `matrix FOLDER` over tables of typed inputs: the grid names values in their own terms and
/// gives a per-person date one row or column per run of days, not one per day (which made a
/// folder of two per-person dates with long domains run for minutes).
@Suite("History grid of typed inputs")
struct HistoryGridTypedTests {
    /// A table of `inputs` and `rules` answering for `window`, version `version`.
    static func table(version: String, window: String, inputs: String, rules: String) -> String {
        """
        format: rulecheck/1
        policy: {id: typed-history, version: "\(version)", title: t, source: test, time_zone: UTC, window: \(window)}
        cycle: 2026
        hit_policy: first
        inputs:
        \(inputs)
          as_of: {type: date, role: as_of}
        certifications:
          cpr: {input: cpr_on, valid_for: 2 years}
        actions: {z: Z.}
        rules:
        \(rules)
        otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}

        """
    }

    /// A folder of two versions of a table: the second starts half-way through the first's window.
    static func folder(inputs: String, rules: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("history-grid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let windows = ["{from: 2026-01-01, to: 2026-12-31}", "{from: 2026-07-01, to: 2027-06-30}"]
        for (index, window) in windows.enumerated() {
            try table(version: "\(index + 1)", window: window, inputs: inputs, rules: rules).write(
                to: url.appendingPathComponent("v\(index + 1).yaml"), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test("an enum and a per-person date: words and runs of days, as in a single table's grid")
    func enumAndDate() throws {
        let folder = try Self.folder(
            inputs: """
                  level: {type: enum, values: [emt, paramedic]}
                  cpr_on: {type: date, domain: {from: 1990-01-01, to: 2026-12-31}}
                """,
            rules: "  - {id: valid, when: {level: emt, as_of: {on_or_before: cpr.expiry}}, "
                + "then: {cohort: ok, status: s, actions: [z]}}")
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["text", "markdown"] {
            let run = try CLI.run(["matrix", folder.path, "--as-of", "2026-08-01", "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("1990-01-01 to 2024-07-31"), "\(run.stdout.prefix(2000))")
            #expect(run.stdout.contains("2024-08-01 to 2026-12-31"), "\(run.stdout.prefix(2000))")
            #expect(run.stdout.contains("emt") && run.stdout.contains("paramedic"))
            // Two columns, not one per day of the domain.
            #expect(run.stdout.count < 2000, "\(run.stdout.prefix(2000))")
        }
    }

    @Test("two per-person dates: a few runs each; compared with each other, a clear refusal")
    func twoDates() throws {
        let inputs = """
              cpr_on: {type: date, domain: {from: 1970-01-01, to: 2026-12-31}}
              check_on: {type: date, domain: {from: 1970-01-01, to: 2026-12-31}}
            """
        let folder = try Self.folder(
            inputs: inputs,
            rules: "  - {id: old, when: {cpr_on: {before: 2013-07-01}}, then: {cohort: old, status: s, actions: [z]}}")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["matrix", folder.path, "--as-of", "2026-08-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1970-01-01 to 2013-06-30"), "\(run.stdout.prefix(2000))")
        #expect(run.stdout.count < 2000, "\(run.stdout.prefix(2000))")
        let compared = try Self.folder(
            inputs: inputs,
            rules: "  - {id: later, when: {check_on: {after: cpr_on}}, then: {cohort: c, status: s, actions: [z]}}")
        defer { try? FileManager.default.removeItem(at: compared) }
        let refused = try CLI.run(["matrix", compared.path, "--as-of", "2026-08-01"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("`cpr_on` and `check_on` are compared with each other"), "\(refused.stderr)")
    }
}
