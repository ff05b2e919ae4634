import RuleEngine

/// One `<testcase>` of a JUnit report, before rendering.
struct JUnitCase {
    let name: String
    let classname: String
    /// `(type, message, text)` when the case fails.
    let failure: (type: String, message: String, text: String)?
}

extension HarnessReport {
    /// The reports as one JUnit XML document, the format GitLab, Jenkins and other CI systems
    /// display: a `<testsuite>` per table with a `<testcase>` per expectation row (failing with
    /// the grouped inputs, expected and actual values and the lines of the rule and the row),
    /// one per rule (failing when no input is decided by it), and one for inputs that match
    /// no expectation or that the table cannot decide.
    public static func junit(_ reports: [HarnessReport]) -> String {
        let suites = reports.map { $0.junitCases() }
        let tests = suites.reduce(0) { $0 + $1.count }
        let failures = suites.reduce(0) { $0 + $1.filter { $0.failure != nil }.count }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="rulecheck test" tests="\#(tests)" failures="\#(failures)" errors="0">"#,
        ]
        for (report, cases) in zip(reports, suites) {
            lines += report.junitSuite(cases)
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func junitSuite(_ cases: [JUnitCase]) -> [String] {
        let file = XML.attribute(table.definition.file)
        let failures = cases.filter { $0.failure != nil }.count
        var lines = [
            #"  <testsuite name="\#(file)" tests="\#(cases.count)" failures="\#(failures)" errors="0" "#
                + #"skipped="0" file="\#(file)">"#,
            "    <properties>",
        ]
        let properties: [(String, String)] = [
            ("expectations", expectations.file), ("inputs", "\(inputCount)"), ("passed", "\(passed)"),
            ("failed", "\(failed)"),
        ]
        for (name, value) in properties {
            lines.append(#"      <property name="\#(name)" value="\#(XML.attribute(value))"/>"#)
        }
        lines.append("    </properties>")
        for testCase in cases {
            let opening =
                #"    <testcase name="\#(XML.attribute(testCase.name))" "#
                + #"classname="\#(XML.attribute(testCase.classname))""#
            guard let failure = testCase.failure else {
                lines.append(opening + "/>")
                continue
            }
            lines.append(opening + ">")
            lines.append(
                #"      <failure type="\#(XML.attribute(failure.type))" "#
                    + #"message="\#(XML.attribute(failure.message))">\#(XML.escape(failure.text))</failure>"#)
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        return lines
    }

    /// The cases of one table: expectation rows in order, then rules, then coverage.
    func junitCases() -> [JUnitCase] {
        var cases: [JUnitCase] = []
        let unused = Set(unusedRows)
        for (index, row) in expectations.rows.enumerated() {
            let groups = failures.filter {
                if case .mismatch(let failingRow, _, _) = $0.kind { return failingRow == index }
                return false
            }
            let classname = row.location.file
            let name = "expectation \(row.id)"
            if !groups.isEmpty {
                let count = groups.reduce(0) { $0 + $1.count }
                let message = "\(count) input\(count == 1 ? "" : "s") differ from expectation `\(row.id)`"
                let text = groups.flatMap { lines(for: $0) }.joined(separator: "\n")
                cases.append(JUnitCase(name: name, classname: classname, failure: ("mismatch", message, text)))
            } else if unused.contains(index) {
                let message = "UNUSED expectation `\(row.id)` (\(place(row.location))): no checked input reaches it"
                cases.append(JUnitCase(name: name, classname: classname, failure: ("unused", message, message)))
            } else {
                cases.append(JUnitCase(name: name, classname: classname, failure: nil))
            }
        }
        let unexercised = Set(unexercisedRules)
        for (index, rule) in table.definition.rules.enumerated() {
            let name = "rule \(rule.id)"
            let message = "UNEXERCISED rule `\(rule.id)` (\(place(rule.location))): no checked input is decided by it"
            cases.append(
                JUnitCase(
                    name: name, classname: rule.location.file,
                    failure: unexercised.contains(index) ? ("unexercised", message, message) : nil))
        }
        let uncovered = failures.filter {
            if case .mismatch = $0.kind { return false }
            return true
        }
        let count = uncovered.reduce(0) { $0 + $1.count }
        let message = "UNCOVERED: \(count) input\(count == 1 ? "" : "s") match no expectation or are undecided"
        cases.append(
            JUnitCase(
                name: "every input is decided and matches an expectation", classname: table.definition.file,
                failure: uncovered.isEmpty
                    ? nil : ("uncovered", message, uncovered.flatMap { lines(for: $0) }.joined(separator: "\n"))))
        return cases
    }
}
