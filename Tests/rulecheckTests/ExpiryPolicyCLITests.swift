import Foundation
import Testing

/// The second fictional policy, `expiry-state.yaml` (a level enum, an expiry day by level, a
/// grace month, a deadline one month after another, two fees on one outcome, an integer
/// output and a per-person date compared with the expiry minus six months), through every command.
@Suite("The expiry-by-level policy through every command")
struct ExpiryPolicyCLITests {
    static let policy = "Tests/Fixtures/policies/expiry-state.yaml"

    static func person(_ level: String, _ year: String = "2026", certified: String = "2010-01-01") -> [String] {
        ["--input", "level=\(level)", "--input", "cert_expires=\(year)", "--input", "certified_on=\(certified)"]
    }

    @Test("validate finds no problem; test passes every expectation and exercises every rule")
    func validateAndTest() throws {
        let validate = try CLI.run([
            "validate", "--verbose", Self.policy, Self.policy.replacingFirst(".yaml", ".expect.yaml"),
        ])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let test = try CLI.run(["test", Self.policy])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("0 failed; rules exercised 8/8; expectations used 11/11"), "\(test.stdout)")
    }

    @Test(
        "eval decides by the level's expiry day and its grace month, clamped to the month's end",
        arguments: [
            ("emr", "2026-09-30", "renew"), ("emr", "2026-10-30", "grace"), ("emr", "2026-10-31", "lapsed"),
            ("emt", "2026-03-31", "renew"), ("emt", "2026-04-30", "grace"), ("paramedic", "2026-05-01", "lapsed"),
        ])
    func evalByLevel(level: String, day: String, cohort: String) throws {
        let run = try CLI.run(
            ["eval", "--rules", Self.policy, "--format", "json", "--input", "as_of=\(day)"] + Self.person(level))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["cohort"] as? String == cohort)
    }

    @Test(
        "people first certified less than six months before their level's expiry day need no education",
        arguments: [
            ("emr", "2026-03-30", "renew-bls", 20), ("emr", "2026-03-31", "renew-new", 0),
            ("emt", "2025-09-30", "renew-bls", 20), ("emt", "2025-10-01", "renew-new", 0),
            ("paramedic", "2025-09-30", "renew-als", 40),
        ])
    func newCertificants(level: String, certified: String, rule: String, hours: Int) throws {
        let run = try CLI.run(
            ["eval", "--rules", Self.policy, "--format", "json", "--as-of", "2026-02-01"]
                + Self.person(level, certified: certified))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((object?["rule"] as? [String: Any])?["id"] as? String == rule)
        #expect(object?["ce_hours"] as? Int == hours)
        if rule == "renew-new" {
            #expect((object?["actions"] as? [String])?.first?.contains("first certified on \(certified)") == true)
        }
    }

    @Test("two fees are shown and totalled, the relative deadline is a date, the integer output a number")
    func feesDeadlineAndOutput() throws {
        let text = try CLI.run(["eval", "--rules", Self.policy, "--as-of", "2026-02-01"] + Self.person("aemt"))
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Fees:    73.50 USD in total"), "\(text.stdout)")
        #expect(text.stdout.contains("2026-02-05  early renewal ends"))
        let json = try CLI.run(
            ["eval", "--rules", Self.policy, "--format", "json", "--as-of", "2026-02-01"] + Self.person("aemt"))
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["ce_hours"] as? Int == 40)
        let items = (object?["fee"] as? [String: Any])?["items"] as? [[String: Any]]
        #expect(items?.compactMap { $0["id"] as? String } == ["renewal-als", "background-check"])
    }

    @Test("explain says which expiry day applied, for a listed level and one that takes `otherwise`")
    func explainSaysTheDay() throws {
        let emr = try CLI.run(["explain", "--rules", Self.policy, "--as-of", "2026-10-15"] + Self.person("emr"))
        #expect(emr.status == 0, "\(emr.stderr)")
        #expect(emr.stdout.contains("Decided by rule `grace`"))
        #expect(emr.stdout.contains("is on or before 2026-10-30 (cert.expiry is 2026-09-30: level emr expires 09-30)"))
        let json = try CLI.run(
            ["explain", "--rules", Self.policy, "--as-of", "2026-04-30", "--format", "json"] + Self.person("emt"))
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("cert.expiry is 2026-03-31: level emt expires 03-31 by `otherwise`"))
    }

    @Test("batch reads the level column and reports a misspelt level on its row")
    func batch() throws {
        let roster =
            "id,level,cert_expires,certified_on\n1,emr,2026,2010-01-01\n2,emt,2026,2010-01-01\n3,paramedik,2026,2010-01-01\n"
        let run = try CLI.run(
            ["batch", "-", "--rules", Self.policy, "--as-of", "2026-04-15"], stdin: Data(roster.utf8))
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        #expect(
            rows[1].contains(",renew,action-required,true,false,20,48.50 USD,renewal 30.00;background-check 18.50,"))
        #expect(rows[2].contains(",grace,renew-late,false,true,0,55.00 USD,renewal 30.00;late 25.00,"))
        #expect(rows[3].contains("did you mean `paramedic`?"))
    }

    @Test("matrix --rows level --columns cert_expires shows the levels' different days")
    func matrix() throws {
        let run = try CLI.run([
            "matrix", Self.policy, "--as-of", "2026-04-15", "--rows", "level", "--columns", "cert_expires", "--input",
            "certified_on=2010-01-01",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let emr = try #require(lines.first { $0.hasPrefix("emr ") })
        let emt = try #require(lines.first { $0.hasPrefix("emt ") })
        #expect(emr != emt.replacingFirst("emt", "emr"), "\(run.stdout)")
        #expect(run.stdout.contains("[renew-bls]"))
        #expect(run.stdout.contains("[grace]"))
        for format in ["markdown", "html"] {
            let page = try CLI.run([
                "matrix", Self.policy, "--as-of", "2026-04-15", "--rows", "level", "--columns", "cert_expires",
                "--input", "certified_on=2010-01-01", "--format", format,
            ])
            #expect(page.status == 0, "\(page.stderr)")
            #expect(page.stdout.contains("paramedic"))
        }
    }

    @Test("diff against a copy whose responders expire on June 30 names level emr and the days")
    func diff() throws {
        let source = try String(contentsOfFile: CLI.path(Self.policy), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expiry-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let modified = folder.appendingPathComponent("modified.yaml")
        try source.replacingFirst("emr: 09-30", "emr: 06-30").write(to: modified, atomically: true, encoding: .utf8)
        let run = try CLI.run(["diff", Self.policy, modified.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("cohort: renew → grace on "), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "level emr, cert_expires 2026, certified_on 1990-01-01 to 2026-12-31, as_of 2026-07-01 to 2026-07-30"))
        #expect(!run.stdout.contains("level emt"))
        let same = try CLI.run(["diff", Self.policy, Self.policy])
        #expect(same.status == 0, "\(same.stdout)")
    }
}

extension ExpiryPolicyCLITests {
    @Test("roll-forward moves the literal deadline, and the one relative to it follows")
    func rollForward() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expiry-roll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("2027.yaml")
        let run = try CLI.run(["roll-forward", Self.policy, "--years", "1", "--output", output.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // Per-person dates do not move with the years, so the comparison names the new
        // certificants; the rolled table and expectations are valid.
        #expect(run.stdout.contains("2027.yaml: ok"), "\(run.stdout)")
        #expect(run.stdout.contains("2027.expect.yaml: ok (11 expectations)"), "\(run.stdout)")
        let rolled = try String(contentsOf: output, encoding: .utf8)
        #expect(rolled.contains("renewal-opens: {date: 2027-01-05"))
        #expect(rolled.contains("early-renewal: {date: renewal-opens + 1 month"))
        let eval = try CLI.run(["eval", "--rules", output.path, "--as-of", "2027-02-01"] + Self.person("emt", "2027"))
        #expect(eval.stdout.contains("2027-02-05  early renewal ends"), "\(eval.stdout)\(eval.stderr)")
    }

    @Test("validate's JSON and SARIF and the matrix timeline work on the policy")
    func otherFormats() throws {
        for format in ["json", "sarif"] {
            let run = try CLI.run(["validate", "--format", format, Self.policy])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
        let timeline = try CLI.run(["matrix", Self.policy, "--timeline"])
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(
            timeline.stdout.contains(
                "level emr, cert_expires 2026, certified_on 1990-01-01 to 2026-03-30\n  2026-01-01 to 2026-09-30  renew"
            ))
        #expect(
            timeline.stdout.contains(
                "level emt, cert_expires 2026, certified_on 1990-01-01 to 2025-09-30\n  2026-01-01 to 2026-03-31  renew"
            ))
        #expect(timeline.stdout.contains("2026-04-01 to 2026-04-30  grace"), "\(timeline.stdout)")
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
