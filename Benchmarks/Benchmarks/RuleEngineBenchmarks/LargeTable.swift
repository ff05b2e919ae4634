import Foundation
import RuleEngine

/// Generated rule tables of a chosen size, for measuring how costs grow with the number of rules.
///
/// Both year inputs span 50 years (2000–2049, the second also `none`); the window runs three
/// years with twelve deadlines. Rule `k` covers one (MA, NR) pair on one slice of the window
/// between two deadlines, so that the table stays UNIQUE however many rules it has; an
/// `otherwise` rule decides the rest.
enum LargeTable {
    static let firstYear = 2000
    static let years = 50
    static let slices = 4

    /// The YAML text of a table with `rules` rules.
    static func yaml(rules: Int) -> String {
        var lines = [
            "format: rulecheck/1",
            "policy:",
            "  id: generated-\(rules)",
            "  version: \"1\"",
            "  title: Generated table with \(rules) rules",
            "  source: generated for benchmarks",
            "  time_zone: America/New_York",
            "  window: {from: 2025-01-01, to: 2027-12-31}",
            "cycle: 2026",
            "inputs:",
            "  ma_expires: {type: year, domain: {from: \(firstYear), to: \(firstYear + years - 1)}}",
            "  nr_expires: {type: year, domain: {from: \(firstYear), to: \(firstYear + years - 1)}, none: true}",
            "  as_of: {type: date}",
            "certifications:",
            "  ma: {input: ma_expires, expires: 03-31}",
            "deadlines:",
        ]
        for month in 0..<12 {
            let date = String(format: "%04d-%02d-15", 2025 + month / 4, 1 + (month % 4) * 3)
            lines.append("  d\(month): {date: \(date), kind: step, inclusive: true}")
        }
        lines += [
            "derived:",
            "  current: {as_of: {on_or_before: ma.expiry}}",
            "actions:",
            "  act: Do the thing.",
            "rules:",
        ]
        for rule in 0..<rules {
            let pair = rule / slices
            let slice = rule % slices
            let ma = firstYear + pair % years
            let nr = firstYear + (pair / years) % years
            // Each pair gets its own three cut points among the twelve deadlines.
            let cuts = [(pair % 4), 4 + (pair % 4), 8 + (pair % 4)].map { "d\($0)" }
            let when: String
            switch slice {
            case 0: when = "{by: \(cuts[0])}"
            case slices - 1: when = "{past: \(cuts[slices - 2])}"
            default: when = "{past: \(cuts[slice - 1]), by: \(cuts[slice])}"
            }
            lines.append(
                "  - {id: r\(rule), when: {ma_expires: \(ma), nr_expires: \(nr), as_of: \(when)}, "
                    + "then: {cohort: c\(rule % 7), status: s\(rule % 5), actions: [act]}}")
        }
        lines += ["otherwise: {id: rest, then: {cohort: none, status: other, actions: [act]}}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Limits large enough for generated tables; real tables stay within the defaults.
    static let limits = YAMLLimits(maxFileBytes: 64 << 20, maxDepth: 64, maxScalarBytes: 64 << 10, maxNodes: 10_000_000)

    /// Loads and compiles a generated table.
    static func compile(rules: Int) -> CompiledTable? {
        TableLoader.load(yaml: yaml(rules: rules), file: "generated-\(rules).yaml", limits: limits).table
    }
}

/// Deterministic inputs spread over a table's domain and window.
struct InputSet {
    let years: [YearValues]
    let dates: [LocalDate]

    init(table: CompiledTable, count: Int, seed: UInt64 = 42) {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let inputs = table.definition.yearInputs
        let window = table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber
        years = (0..<count).map { _ in
            // A per-person date takes any day of its domain, not only the first of a class.
            YearValues(
                inputs.map { input in
                    input.isDate
                        ? input.domain.lowerBound + next() % input.domain.count
                        : input.values[next() % input.values.count]
                })
        }
        dates = (0..<count).map { _ in LocalDate(dayNumber: window.lowerBound + next() % window.count) }
    }
}
