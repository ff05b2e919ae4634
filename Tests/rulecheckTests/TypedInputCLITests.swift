import Foundation
import Testing

/// `--input NAME=VALUE`, `--input-json`, `eval --jsonl` and the typed-input fixture through the CLI.
@Suite("Typed inputs on the command line")
struct TypedInputCLITests {
    static let levels = "Tests/Fixtures/policies/levels-state.yaml"
    static let person = [
        "--input", "level=aemt", "--input", "employed=true", "--input", "years_of_service=3", "--input",
        "cert_expires=2026",
    ]

    @Test("--input covers every input, the date included, in eval and explain")
    func inputFlags() throws {
        let eval = try CLI.run(
            ["eval", "--rules", Self.levels, "--format", "json", "--input", "as_of=2026-02-01"] + Self.person)
        #expect(eval.status == 0, "\(eval.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any]
        #expect(object?["cohort"] as? String == "als")
        let input = object?["input"] as? [String: Any]
        #expect(input?["level"] as? String == "aemt")
        #expect(input?["employed"] as? Bool == true)
        #expect(input?["years_of_service"] as? Int == 3)
        #expect(input?["as_of"] as? String == "2026-02-01")
        let explain = try CLI.run(["explain", "--rules", Self.levels, "--as-of", "2026-02-01"] + Self.person)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("level is aemt, not emr, emt"))
    }

    @Test("--ma/--nr and --input give the same decision on the shipped table")
    func shorthandsAgree() throws {
        let short = try CLI.run([
            "eval", "--rules", "rules/2026.yaml", "--ma", "2026", "--nr", "none", "--as-of", "2026-02-16",
        ])
        let long = try CLI.run([
            "eval", "--rules", "rules/2026.yaml", "--input", "ma_expires=2026", "--input", "nr_expires=none", "--input",
            "as_of=2026-02-16",
        ])
        #expect(short.status == 0)
        #expect(short.stdout == long.stdout)
    }

    @Test(
        "missing, unknown, repeated and ill-typed inputs exit 2 naming the input and what it takes",
        arguments: [
            (["--input", "level=parmedic"], "did you mean `paramedic`?"),
            (["--input", "level="], "level: an empty value is not one of emr, emt, aemt, paramedic"),
            (["--input", "levle=emt"], "unknown input `levle` (did you mean `level`?)"),
            (["--input", "employed=yes"], "true or false"),
            (["--input", "years_of_service=41"], "an integer from 0 to 40"),
            (["--input", "cert_expires=2026"], "given twice"),
            (["--ma", "2026"], "given twice"),
        ])
    func badInputs(extra: [String], message: String) throws {
        // A value that replaces one of the person's is given instead of it; the others are repeats.
        let replaced = ["level", "employed", "years_of_service"].filter { name in
            extra.contains { $0.hasPrefix("\(name)=") }
        }
        var person: [String] = []
        for pair in stride(from: 0, to: Self.person.count, by: 2)
        where !replaced.contains(where: { Self.person[pair + 1].hasPrefix("\($0)=") }) {
            person += Self.person[pair...(pair + 1)]
        }
        let run = try CLI.run(["eval", "--rules", Self.levels, "--as-of", "2026-02-01"] + person + extra)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        let missing = try CLI.run(["eval", "--rules", Self.levels, "--as-of", "2026-02-01", "--input", "level=emt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing input `employed`, which takes true or false"), "\(missing.stderr)")
    }

    @Test("--input-json - reads the input object from standard input")
    func inputJSON() throws {
        let json = #"{"level": "paramedic", "employed": true, "years_of_service": 25, "cert_expires": 2026}"#
        let run = try CLI.run(
            ["eval", "--rules", Self.levels, "--as-of", "2026-02-01", "--input-json", "-"], stdin: Data(json.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Renew; 20 years of service waive the skills check."))
    }

    @Test("eval --jsonl: one decision per line, an error object for a bad line, exit 1 at the end")
    func jsonl() throws {
        let lines = [
            #"{"level":"emt","employed":true,"years_of_service":2,"cert_expires":2026}"#,
            #"{"level":"emtt","employed":true,"years_of_service":2,"cert_expires":2026}"#,
            "not json",
            #"{"level":"aemt","employed":false,"years_of_service":2,"cert_expires":2026,"as_of":"2026-06-01"}"#,
        ]
        let run = try CLI.run(
            ["eval", "--rules", Self.levels, "--jsonl", "--as-of", "2026-02-01"],
            stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(run.status == 1)
        let outputs = run.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(outputs.count == 4)
        #expect(outputs[0]?["cohort"] as? String == "bls")
        #expect((outputs[1]?["error"] as? String)?.contains("did you mean `emt`?") == true)
        #expect(outputs[2]?["line"] as? Int == 3)
        #expect(outputs[3]?["cohort"] as? String == "unsponsored")
        #expect((outputs[3]?["input"] as? [String: Any])?["as_of"] as? String == "2026-06-01")
    }

    @Test("validate, test-free commands and batch work on the typed fixture")
    func otherCommands() throws {
        let validate = try CLI.run(["validate", Self.levels])
        #expect(validate.status == 0, "\(validate.stdout)")
        let roster = "id,level,employed,years_of_service,cert_expires\n1,paramedic,true,30,2026\n2,emtt,true,1,2026\n"
        let batch = try CLI.run(
            ["batch", "-", "--rules", Self.levels, "--as-of", "2026-02-01"], stdin: Data(roster.utf8))
        #expect(batch.status == 1)
        let rows = batch.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[1].contains(",als,action-required,"))
        #expect(rows[2].contains("did you mean `emt`?"))
        let test = try CLI.run(["test", Self.levels])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("rules exercised 5/5"))
        let diff = try CLI.run(["diff", Self.levels, Self.levels, "--shift-years", "0"])
        #expect(diff.status == 0, "\(diff.stdout)\(diff.stderr)")
        let matrix = try CLI.run(["matrix", Self.levels, "--as-of", "2026-02-01", "--timeline"])
        #expect(matrix.status == 0, "\(matrix.stderr)")
        #expect(matrix.stdout.contains("level emr, emt"))
    }

    @Test("matrix --rows and --columns choose the grid's inputs; the others are fixed with --input")
    func matrixAxes() throws {
        let run = try CLI.run([
            "matrix", Self.levels, "--as-of", "2026-02-01", "--rows", "level", "--columns", "cert_expires", "--input",
            "employed=true", "--input", "years_of_service=25",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("level \\ cert_expires"))
        #expect(run.stdout.contains("paramedic"))
        #expect(run.stdout.contains("[als-senior]"))
        let missing = try CLI.run(["matrix", Self.levels, "--as-of", "2026-02-01", "--rows", "level"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing input `employed`"), "\(missing.stderr)")
        let tooMany = try CLI.run(["matrix", Self.levels, "--as-of", "2026-02-01"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("--rows and --columns"))
    }
}
