import Foundation
import Testing

/// `rulecheck matrix` on tables that compare two per-person dates: some combinations of their
/// classes cannot happen (no two dates of those classes are that far apart), and the timeline
/// must leave them out instead of looking up their "no rule" marker, and must name the pair's
/// difference, which the inputs' values alone do not show.
@Suite("matrix: compared per-person dates")
struct MatrixPersonDateTests {
    static let fixtures = ["cpr-state", "dates-state", "expiry-state", "levels-state", "example-state", "2027-example"]

    @Test("the timeline of every fixture table is drawn, never a crash", arguments: fixtures)
    func timeline(_ name: String) throws {
        let run = try CLI.run(["matrix", CLI.path("Tests/Fixtures/policies/\(name).yaml"), "--timeline"])
        #expect(run.status == 0, "\(run.stderr.prefix(400))")
        #expect(run.stdout.hasPrefix("# Timeline of "))
        #expect(!run.stdout.contains("[]"))
    }

    @Test("a compared pair's difference is named in each block it shapes")
    func pairNamed() throws {
        let run = try CLI.run(["matrix", CLI.path("Tests/Fixtures/policies/cpr-state.yaml"), "--timeline"])
        try #require(run.status == 0, "\(run.stderr.prefix(400))")
        let blocks = run.stdout.split(separator: "\n").filter { $0.hasPrefix("level ") }
        #expect(!blocks.isEmpty)
        #expect(blocks.allSatisfy { $0.contains(", cpr_on − check_on ") && $0.hasSuffix(" days") })
    }

    @Test(
        "a grid across a per-person date, with the other fixed, is drawn in every format",
        arguments: ["text", "markdown", "html"])
    func grid(_ format: String) throws {
        let run = try CLI.run([
            "matrix", CLI.path("Tests/Fixtures/policies/cpr-state.yaml"), "--as-of", "2026-02-20", "--rows", "level",
            "--columns", "cpr_on", "--input", "check_on=2025-01-01", "--format", format,
        ])
        #expect(run.status == 0, "\(run.stderr.prefix(400))")
        #expect(run.stdout.contains("emt"))
    }
}
