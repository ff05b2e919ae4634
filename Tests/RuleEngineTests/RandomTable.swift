/// What the random-table suites share: a small deterministic generator, and the text of a
/// generated table (the header, the suite's declarations, one rule per list of conditions and
/// an optional `otherwise`), so that each suite writes only its inputs and conditions.
enum RandomTable {
    /// A small deterministic generator (a linear congruential one).
    struct Generator {
        var state: UInt64

        /// A number from 0 to `bound - 1`.
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: (state >> 33) % UInt64(bound))
        }

        /// One of the items.
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    /// A table's text: `format`, a `policy` named `id` (its version the seed) answering for
    /// `window` in UTC, the cycle and hit policy, then `body` (inputs, certifications, deadlines,
    /// derived outputs, actions with `z`), then rule `rN` for each list of conditions (deciding
    /// cohort `cN`) and, with `otherwise`, a rule `rest` for everything else.
    static func text(
        id: String, seed: UInt64, window: (from: String, to: String), cycle: Int, hitPolicy: String,
        otherwise: Bool, body: [String], rules: [[String]]
    ) -> String {
        var lines = [
            "format: rulecheck/1",
            "policy: {id: \(id), version: \"\(seed)\", title: \(id), source: test, time_zone: UTC, "
                + "window: {from: \(window.from), to: \(window.to)}}",
            "cycle: \(cycle)",
            "hit_policy: \(hitPolicy)",
        ]
        lines += body
        lines.append("rules:")
        for (index, conditions) in rules.enumerated() {
            lines.append(
                "  - {id: r\(index), when: {\(when(conditions))}, then: {cohort: c\(index), status: s, actions: [z]}}")
        }
        if otherwise { lines.append("otherwise: {id: rest, then: {cohort: rest, status: s, actions: [z]}}") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Conditions (`input: condition`) as one `when` mapping: YAML takes one key per input, so
    /// several mappings on one input (`d: {by: d0}`, `d: {after: ca.expiry}`) are merged into
    /// one, keeping the first of each comparison.
    static func when(_ conditions: [String]) -> String {
        var order: [String] = []
        var entries: [String: [String]] = [:]
        for condition in conditions {
            let input = String(condition.prefix { $0 != ":" })
            if entries[input] == nil { order.append(input) }
            entries[input, default: []].append(String(condition.dropFirst(input.count + 2)))
        }
        return order.map { input in
            let values = entries[input] ?? []
            guard values.count > 1 else { return "\(input): \(values.first ?? "any")" }
            var seen: Set<String> = []
            let merged = values.map { String($0.dropFirst().dropLast()) }.filter {
                seen.insert(String($0.prefix { $0 != ":" })).inserted
            }
            return "\(input): {\(merged.joined(separator: ", "))}"
        }.joined(separator: ", ")
    }
}
