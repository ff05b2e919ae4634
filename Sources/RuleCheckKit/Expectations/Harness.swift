import RuleEngine

/// One input of a table: a value for each year input and an as-of date.
public struct HarnessInput: Sendable, Hashable {
    /// The year values.
    public let years: YearValues
    /// The as-of date.
    public let asOf: LocalDate
}

/// A field whose expected value differs from the table's.
public struct FieldMismatch: Sendable, Hashable {
    /// `cohort`, `status`, `fee`, `fees`, `deadlines`, or a derived or typed output's name.
    public let field: String
    /// The expected value, as text.
    public let expected: String
    /// The table's value, as text.
    public let actual: String
}

/// A group of inputs that fail the same way.
public struct HarnessFailure: Sendable {
    /// How they fail.
    public enum Kind: Sendable, Hashable {
        /// The table's outcome differs from the expectation row's.
        case mismatch(row: Int, rule: Int, fields: [FieldMismatch])
        /// No expectation row matches.
        case uncovered
        /// The table could not decide (a gap in a table with errors).
        case undecided(String)
    }

    /// How they fail.
    public let kind: Kind
    /// The inputs, as compact regions.
    public let regions: [InputRegion]
    /// The number of inputs.
    public let count: Int
    /// The first failing input.
    public let example: HarnessInput
    /// Each region in words, with the inputs' names (per-person dates as the runs of days checked).
    public let descriptions: [String]
}

/// The outcome of checking one table against its expectations.
public struct HarnessReport: Sendable {
    /// The table.
    public let table: CompiledTable
    /// The expectations.
    public let expectations: ExpectationsFile
    /// The number of input combinations checked.
    public let inputCount: Int
    /// How many inputs matched their expectation in every field.
    public let passed: Int
    /// Grouped failures.
    public let failures: [HarnessFailure]
    /// Indices of rules that no checked input was decided by.
    public let unexercisedRules: [Int]
    /// Indices of expectation rows that no checked input used.
    public let unusedRows: [Int]

    /// How many inputs failed.
    public var failed: Int { inputCount - passed }
    /// Whether every input passed and every rule and row was exercised.
    public var isSuccess: Bool { failed == 0 && unexercisedRules.isEmpty && unusedRows.isEmpty }
}

/// Checks a compiled table against independently written expectations over its whole input
/// space: every combination of year values, on every date that matters.
public enum Harness {
    /// Runs the check.
    public static func run(table: CompiledTable, expectations: ExpectationsFile) -> HarnessReport {
        let rules = table.definition
        let dates = asOfDates(table: rules, expectations: expectations)
        let space = checkedSpace(table: rules, expectations: expectations) ?? table.decisionIndex.space
        let checked = checkedTable(rules, space: space)
        let relative = relativeBounds(table: rules, expectations: expectations)
        var inputCount = 0
        var passed = 0
        var groups: [HarnessFailure.Kind: [HarnessInput]] = [:]
        var order: [HarnessFailure.Kind] = []
        var ruleUsed = Array(repeating: false, count: rules.rules.count)
        var rowUsed = Array(repeating: false, count: expectations.rows.count)
        for cell in 0..<space.count where space.isRealisable(cell) {
            let years = space.values(of: cell)
            let days =
                relative.isEmpty
                ? dates : asOfDates(table: rules, expectations: expectations, relativeTo: relative, years: years)
            inputCount += days.count
            for day in days {
                let input = HarnessInput(years: years, asOf: day)
                let kind: HarnessFailure.Kind?
                let row = expectations.rows.firstIndex {
                    $0.conditions.allHold(years, on: day, certifications: expectations.certifications)
                }
                if let row { rowUsed[row] = true }
                do {
                    let decision = try table.evaluate(years, asOf: day)
                    ruleUsed[decision.ruleIndex] = true
                    if let row {
                        let fields = compare(decision, expectations.rows[row].expected, expectations)
                        kind = fields.isEmpty ? nil : .mismatch(row: row, rule: decision.ruleIndex, fields: fields)
                    } else {
                        kind = .uncovered
                    }
                } catch {
                    kind = .undecided(error.description)
                }
                guard let kind else {
                    passed += 1
                    continue
                }
                if groups[kind] == nil { order.append(kind) }
                groups[kind, default: []].append(input)
            }
        }
        let failures = order.map { kind in
            let inputs = groups[kind] ?? []
            let pieces = inputs.compactMap { input -> (cell: Int, days: ClosedRange<Int>)? in
                guard case .success(let cell) = space.cell(of: input.years) else { return nil }
                return (cell, input.asOf.dayNumber...input.asOf.dayNumber)
            }
            let regions = InputRegion.compact(pieces, space: space)
            return HarnessFailure(
                kind: kind, regions: regions, count: inputs.count, example: inputs[0],
                descriptions: regions.map { checked.describe(region: $0) })
        }
        return HarnessReport(
            table: table, expectations: expectations, inputCount: inputCount, passed: passed,
            failures: failures, unexercisedRules: ruleUsed.indices.filter { !ruleUsed[$0] },
            unusedRows: rowUsed.indices.filter { !rowUsed[$0] })
    }

    /// The as-of dates checked: every date the table or the expectations name (deadlines,
    /// dates in conditions, every certification expiry in the domains, the window's ends),
    /// the day before and the day after each, and one date inside each interval between them,
    /// all inside the window.
    public static func asOfDates(table: RuleTable, expectations: ExpectationsFile?) -> [LocalDate] {
        asOfDates(table: table, expectations: expectations, relativeTo: [], years: YearValues([]))
    }

    /// The as-of dates checked for one input: those of ``asOfDates(table:expectations:)`` and
    /// the days that bounds relative to a per-person date (`as_of: {after: certified_on + 30
    /// days}`, `{on_or_before: cpr.expiry}`) resolve to for its values.
    static func asOfDates(
        table: RuleTable, expectations: ExpectationsFile?, relativeTo bounds: [RelativeBound], years: YearValues
    ) -> [LocalDate] {
        var named: [Int] = [table.policy.windowStart.dayNumber, table.policy.windowEnd.dayNumber]
        named += bounds.compactMap { $0.bound.day(years: years, certifications: $0.certifications) }
        named += table.deadlines.map(\.date.dayNumber)
        let certificationSets = [table.certifications] + (expectations.map { [$0.certifications] } ?? [])
        for certifications in certificationSets {
            for certification in certifications {
                let domain = table.yearInputs[certification.inputIndex].domain
                for expires in certification.possibleDays {
                    named += domain.map { expires.date(in: $0).dayNumber }
                }
            }
        }
        let tableConditions = table.rules.flatMap(\.conditions) + table.derived.flatMap(\.conditions)
        let rowConditions =
            expectations?.rows.flatMap { row in
                row.conditions
                    + row.expected.derived.values.flatMap { value -> [Condition] in
                        if case .when(let list) = value { return list }
                        return []
                    }
            } ?? []
        for condition in tableConditions + rowConditions {
            if case .date(let bound) = condition.test, case .fixed(let date) = bound.operand {
                named.append(date.dayNumber)
            }
        }
        let window = table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber
        var days = Set(named.flatMap { [$0 - 1, $0, $0 + 1] }.filter { window.contains($0) })
        days.formUnion(
            boundDays(tableConditions, certifications: table.certifications, table: table)
                + boundDays(rowConditions, certifications: expectations?.certifications ?? [], table: table))
        days = days.filter { window.contains($0) }
        let sorted = days.sorted()
        for (first, second) in zip(sorted, sorted.dropFirst()) where second - first > 1 {
            days.insert((first + second) / 2)
        }
        return days.sorted().map { LocalDate(dayNumber: $0) }
    }

    /// Both sides of every day an expiry bound resolves to (`ma.expiry + 1 month`, for every
    /// year of the domain and every day the certification may expire on).
    private static func boundDays(
        _ conditions: [Condition], certifications: [Certification], table: RuleTable
    ) -> [Int] {
        var days: [Int] = []
        for condition in conditions {
            guard case .date(let bound) = condition.test, case .expiry(let index) = bound.operand,
                certifications.indices.contains(index)
            else { continue }
            let certification = certifications[index]
            for expires in certification.possibleDays {
                for year in table.yearInputs[certification.inputIndex].domain {
                    let limit = bound.limit(from: expires.date(in: year))
                    days += [limit - 1, limit]
                }
            }
        }
        return days
    }

    /// The fields in which a decision differs from what a row expects.
    static func compare(_ decision: Decision, _ expected: ExpectedFields, _ file: ExpectationsFile) -> [FieldMismatch] {
        let outcome = decision.outcome
        var mismatches: [FieldMismatch] = []
        if let cohort = expected.cohort, cohort != outcome.cohort {
            mismatches.append(FieldMismatch(field: "cohort", expected: cohort, actual: outcome.cohort))
        }
        if let status = expected.status, status != outcome.status {
            mismatches.append(FieldMismatch(field: "status", expected: status, actual: outcome.status))
        }
        if let fee = expected.fee, fee != outcome.feeTotal {
            mismatches.append(
                FieldMismatch(field: "fee", expected: fee?.description ?? "none", actual: outcome.feeText ?? "none"))
        }
        if let fees = expected.fees, fees != outcome.fees.map(\.money) {
            let actual = outcome.fees.map(\.money.description)
            mismatches.append(
                FieldMismatch(
                    field: "fees", expected: fees.map(\.description).joined(separator: " + "),
                    actual: actual.isEmpty ? "none" : actual.joined(separator: " + ")))
        }
        if let deadlines = expected.deadlines {
            let matches =
                deadlines.count == outcome.deadlines.count
                && zip(deadlines, outcome.deadlines).allSatisfy { want, have in
                    want.date == have.date && (want.inclusive.map { $0 == have.inclusive } ?? true)
                        && (want.kind.map { $0 == have.kind } ?? true)
                }
            if !matches {
                mismatches.append(
                    FieldMismatch(
                        field: "deadlines", expected: deadlines.map(describe).joined(separator: ", "),
                        actual: outcome.deadlines.map(describe).joined(separator: ", ")))
            }
        }
        for (name, value) in expected.derived.sorted(by: { $0.key < $1.key }) {
            let want: Bool
            switch value {
            case .constant(let constant): want = constant
            case .when(let conditions):
                want = conditions.allHold(decision.years, on: decision.asOf, certifications: file.certifications)
            }
            let have = decision.derived(name)
            if have != want {
                mismatches.append(
                    FieldMismatch(field: name, expected: "\(want)", actual: have.map { "\($0)" } ?? "missing"))
            }
        }
        let declared = decision.table.definition.outputs
        for (name, want) in expected.outputs.sorted(by: { $0.key < $1.key }) {
            let have = declared.firstIndex { $0.name == name }.map { decision.outcome.outputs[$0] }
            if have != want {
                mismatches.append(
                    FieldMismatch(field: name, expected: "\(want)", actual: have.map { "\($0)" } ?? "missing"))
            }
        }
        return mismatches
    }

    private static func describe(_ deadline: ExpectedDeadline) -> String {
        "\(deadline.date)" + (deadline.inclusive == false ? " (day excluded)" : "")
    }

    private static func describe(_ deadline: Deadline) -> String {
        "\(deadline.date)" + (deadline.inclusive ? "" : " (day excluded)")
    }
}
