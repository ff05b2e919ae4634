import YAMLReader

/// A certification's `expires:` that depends on an enum input:
/// `expires: {by: level, emr: 09-30, otherwise: 03-31}`.
extension SchemaReader {
    /// The day for each value of the enum input `by` names, and the day for values the table
    /// does not list (`otherwise`, else the first value's), or `nil` when the mapping is invalid
    /// (each problem is reported at its cell).
    mutating func expiryChoice(
        _ node: Node, certification: String, inputs: [YearInput]
    ) -> (fallback: MonthDay, choice: ExpiryChoice)? {
        let place = "`expires` of certification `\(certification)`"
        // The enum's values are keys too, so find `by` first to know them.
        guard let byNode = node.mapping?.first(where: { $0.key.scalar?.value == ExpiryChoiceKey.by.rawValue })?.value
        else {
            if node.mapping == nil {
                report(.wrongType(expected: "a mapping for \(place)", found: found(node)), at: node)
            } else {
                report(.missingKey(ExpiryChoiceKey.by.rawValue, in: place), at: node)
            }
            return nil
        }
        guard let name = text(byNode, what: "an enum input's name") else { return nil }
        guard let inputIndex = inputs.firstIndex(where: { $0.name == name }) else {
            let enums = inputs.filter { if case .enumeration = $0.kind { true } else { false } }.map(\.name)
            if !(declared["year input"]?.contains(name) ?? false) {
                report(
                    .undefinedReference("enum input", name, suggestion: Suggestion.closest(to: name, in: enums)),
                    at: byNode)
            }
            return nil
        }
        guard case .enumeration(let words) = inputs[inputIndex].kind else {
            report(.expiryByNotEnum(name, kind: inputs[inputIndex].kind.typeName), at: byNode)
            return nil
        }
        let reported = diagnostics.count
        guard let (fields, others) = mapping(node, in: place, keys: ExpiryChoiceKey.self, others: words) else {
            return nil
        }
        // A misspelt value is reported as such, not again as a value without a day.
        let misspelt = diagnostics.count > reported
        var fallback: MonthDay?
        var days: [MonthDay?] = Array(repeating: nil, count: words.count)
        var valid = true
        for key in ExpiryChoiceKey.allCases {
            switch key {
            case .by: continue
            case .otherwise:
                guard let dayNode = fields[.otherwise] else { continue }
                fallback = monthDay(dayNode)
                valid = valid && fallback != nil
            }
        }
        for (code, word) in words.enumerated() {
            guard let dayNode = others[word] else { continue }
            days[code] = monthDay(dayNode)
            valid = valid && days[code] != nil
        }
        guard valid, !misspelt else { return nil }
        let missing = words.indices.filter { days[$0] == nil }.map { words[$0] }
        if fallback == nil, !missing.isEmpty {
            report(.expiryChoiceIncomplete(certification, missing: missing), at: node)
            return nil
        }
        guard let first = days.compactMap({ $0 }).first ?? fallback else { return nil }
        let resolved = days.map { $0 ?? fallback ?? first }
        let choice = ExpiryChoice(input: inputIndex, days: resolved, byOtherwise: days.map { $0 == nil })
        return (fallback ?? first, choice)
    }

    /// `MM-DD` at a cell, reported when it is not one.
    mutating func monthDay(_ node: Node) -> MonthDay? {
        guard let value = text(node, what: "a month and day") else { return nil }
        guard let day = Self.monthDay(value) else {
            report(.invalidMonthDay(value), at: node)
            return nil
        }
        return day
    }
}
