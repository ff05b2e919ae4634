import RuleEngine

/// Small descriptions of outcomes shared by the matrix renderers.
extension DecisionMatrix {
    /// Where a rule is written: `rules/2026.yaml:129`.
    public func place(of rule: Int) -> String {
        let location = table.definition.rules[rule].location
        return "\(location.file):\(location.line)"
    }

    /// The outcome of a rule with derived outputs, one fact per line, ending with the rule and its place.
    public func details(rule: Int, flags: UInt32) -> [String] {
        let outcome = table.definition.rules[rule].outcome
        var lines = ["\(outcome.cohort) / \(outcome.status)"]
        lines.append(outcome.fee.map { "fee \($0.money)" } ?? "no fee stated")
        for (name, value) in table.definition.derivedValues(flags: flags) {
            lines.append("\(name): \(value ? "yes" : "no")")
        }
        lines.append("decided by rule `\(table.definition.rules[rule].id)` at \(place(of: rule))")
        return lines
    }

    /// An output's name for people: `can_staff_ambulance` → `can staff ambulance`.
    public static func humanName(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ")
    }
}
