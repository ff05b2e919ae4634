import RuleEngine

/// Compares the named items of two tables: policy header, inputs, certifications, fees,
/// deadlines, actions, derived outputs, typed outputs and rules, each matched by id.
struct ItemComparison {
    let old: RuleTable
    let new: RuleTable
    let shiftYears: Int

    func run() -> [ItemChange] {
        var changes = policy()
        changes += compare("input", old.yearInputs, new.yearInputs, id: \.name, location: \.location) { before, after in
            var details: [String] = []
            let shift = before.isYear ? shiftYears : 0
            let shifted = (before.domain.lowerBound + shift)...(before.domain.upperBound + shift)
            if before.kind != after.kind {
                details.append("type \(before.kind.typeName) → \(after.kind.typeName)")
                if case .enumeration(let words) = before.kind, case .enumeration(let others) = after.kind {
                    details[details.count - 1] =
                        "values \(words.joined(separator: ", ")) → \(others.joined(separator: ", "))"
                }
            } else if shifted != after.domain {
                details.append("domain \(range(before.domain, of: before)) → \(range(after.domain, of: after))")
            }
            if before.allowsNone != after.allowsNone {
                details.append("none \(before.allowsNone) → \(after.allowsNone)")
            }
            return details
        }
        changes += compare("certification", old.certifications, new.certifications, id: \.id, location: \.location) {
            before, after in
            var details: [String] = []
            let inputs = (old.yearInputs[before.inputIndex].name, new.yearInputs[after.inputIndex].name)
            if inputs.0 != inputs.1 { details.append("input \(inputs.0) → \(inputs.1)") }
            let expiries = (Self.expiry(before, in: old), Self.expiry(after, in: new))
            if expiries.0 != expiries.1 { details.append("\(expiries.0) → \(expiries.1)") }
            return details
        }
        changes += compare("fee", old.fees, new.fees, id: \.id, location: \.location) { before, after in
            before.money == after.money ? [] : ["\(before.money) → \(after.money)"]
        }
        changes += compare("deadline", old.deadlines, new.deadlines, id: \.id, location: \.location) { before, after in
            var details: [String] = []
            if before.date.adding(years: shiftYears) != after.date {
                details.append("date \(before.date) → \(after.date)")
            }
            if before.inclusive != after.inclusive {
                details.append("inclusive \(before.inclusive) → \(after.inclusive)")
            }
            if before.kind != after.kind { details.append("kind \(before.kind) → \(after.kind)") }
            return details
        }
        changes += compare("action", old.actions, new.actions, id: \.id, location: \.location) { before, after in
            let same = shiftYears == 0 ? before.text == after.text : before.template == after.template
            return same ? [] : ["text \"\(before.text)\" → \"\(after.text)\""]
        }
        changes += compare("derived output", old.derived, new.derived, id: \.name, location: \.location) {
            before, after in
            before.conditions.map(\.text) == after.conditions.map(\.text)
                ? [] : ["conditions \(before.conditions.map(\.text)) → \(after.conditions.map(\.text))"]
        }
        changes += compare("output", old.outputs, new.outputs, id: \.name, location: \.location) { before, after in
            var details: [String] = []
            if before.type != after.type { details.append("type \(before.type.rawValue) → \(after.type.rawValue)") }
            if before.values != after.values { details.append("values \(before.values) → \(after.values)") }
            if before.defaultValue != after.defaultValue {
                details.append(
                    "default \(before.defaultValue?.description ?? "none") → \(after.defaultValue?.description ?? "none")"
                )
            }
            return details
        }
        changes += compare("rule", old.rules, new.rules, id: \.id, location: \.location) { before, after in
            rule(before, after)
        }
        if old.hitPolicy == .first, new.hitPolicy == .first {
            let common = old.rules.map(\.id).filter { id in new.rules.contains { $0.id == id } }
            let newOrder = new.rules.map(\.id).filter { common.contains($0) }
            if common != newOrder {
                changes.append(
                    ItemChange(
                        item: "rule", id: "order", kind: .changed,
                        detail: "rules are in another order under hit policy `first`",
                        oldLocation: nil, newLocation: nil, isMetadata: false))
            }
        }
        return changes
    }

    /// The outcome's typed outputs as `name=value`, in the declaring table's order.
    private func outputPairs(_ outcome: Outcome, _ outputs: [TypedOutput]) -> [String] {
        zip(outputs, outcome.outputs).map { "\($0.name)=\($1)" }
    }

    /// `none`, `alignment`, or `[alignment, background-check]`.
    private func feeIDs(_ outcome: Outcome) -> String {
        switch outcome.fees.count {
        case 0: return "none"
        case 1: return outcome.fees[0].id
        default: return "[" + outcome.fees.map(\.id).joined(separator: ", ") + "]"
        }
    }

    private func rule(_ before: Rule, _ after: Rule) -> [String] {
        var details: [String] = []
        let oldConditions = before.conditions.map(\.text)
        let newConditions = after.conditions.map(\.text)
        if oldConditions != newConditions {
            details.append(
                "when {\(oldConditions.joined(separator: "; "))} → {\(newConditions.joined(separator: "; "))}")
        }
        let a = before.outcome
        let b = after.outcome
        if a.cohort != b.cohort { details.append("cohort \(a.cohort) → \(b.cohort)") }
        if a.status != b.status { details.append("status \(a.status) → \(b.status)") }
        if a.fees.map(\.id) != b.fees.map(\.id) { details.append("fee \(feeIDs(a)) → \(feeIDs(b))") }
        let oldOutputs = outputPairs(a, old.outputs)
        let newOutputs = outputPairs(b, new.outputs)
        if oldOutputs != newOutputs { details.append("outputs \(oldOutputs) → \(newOutputs)") }
        if a.deadlines.map(\.id) != b.deadlines.map(\.id) {
            details.append("deadlines \(a.deadlines.map(\.id)) → \(b.deadlines.map(\.id))")
        }
        if a.actions.map(\.id) != b.actions.map(\.id) {
            details.append("actions \(a.actions.map(\.id)) → \(b.actions.map(\.id))")
        }
        if before.isOtherwise != after.isOtherwise {
            details.append("otherwise \(before.isOtherwise) → \(after.isOtherwise)")
        }
        return details
    }

    private func policy() -> [ItemChange] {
        var changes: [ItemChange] = []
        func add(_ field: String, _ before: String, _ after: String, metadata: Bool) {
            guard before != after else { return }
            changes.append(
                ItemChange(
                    item: "policy", id: field, kind: .changed, detail: "\(before) → \(after)", oldLocation: nil,
                    newLocation: nil, isMetadata: metadata))
        }
        add("id", old.policy.id, new.policy.id, metadata: true)
        add("version", old.policy.version, new.policy.version, metadata: true)
        add("title", old.policy.title, new.policy.title, metadata: true)
        add("source", old.policy.source, new.policy.source, metadata: true)
        add("time zone", old.policy.timeZone, new.policy.timeZone, metadata: false)
        add("hit policy", old.hitPolicy.rawValue, new.hitPolicy.rawValue, metadata: false)
        add("cycle", String(old.cycle + shiftYears), String(new.cycle), metadata: false)
        let oldWindow =
            "\(old.policy.windowStart.adding(years: shiftYears)) to \(old.policy.windowEnd.adding(years: shiftYears))"
        add("window", oldWindow, "\(new.policy.windowStart) to \(new.policy.windowEnd)", metadata: false)
        return changes
    }

    /// How a certification's expiry is stated: `expires 03-31`, `expires by level: emr 09-30,
    /// emt 03-31`, or `valid_for 2 years`.
    private static func expiry(_ certification: Certification, in table: RuleTable) -> String {
        if let period = certification.validFor { return "valid_for \(period)" }
        guard let choice = certification.expiresBy else {
            return "expires \(certification.expires?.description ?? "")"
        }
        let input = table.yearInputs[choice.input]
        let days = choice.days.indices.map { "\(input.text($0)) \(choice.days[$0])" }
        return "expires by \(input.name): \(days.joined(separator: ", "))"
    }

    private func range(_ domain: ClosedRange<Int>, of input: DiscreteInput) -> String {
        "\(input.text(domain.lowerBound))–\(input.text(domain.upperBound))"
    }

    /// Added, removed and changed items, matched by id, in the new table's order then removals.
    private func compare<Item>(
        _ kind: String, _ before: [Item], _ after: [Item], id: KeyPath<Item, String>,
        location: KeyPath<Item, SourceLocation>, details: (Item, Item) -> [String]
    ) -> [ItemChange] {
        var changes: [ItemChange] = []
        for item in after {
            guard let previous = before.first(where: { $0[keyPath: id] == item[keyPath: id] }) else {
                changes.append(
                    ItemChange(
                        item: kind, id: item[keyPath: id], kind: .added, detail: "added", oldLocation: nil,
                        newLocation: item[keyPath: location], isMetadata: false))
                continue
            }
            let found = details(previous, item)
            if !found.isEmpty {
                changes.append(
                    ItemChange(
                        item: kind, id: item[keyPath: id], kind: .changed, detail: found.joined(separator: "; "),
                        oldLocation: previous[keyPath: location], newLocation: item[keyPath: location],
                        isMetadata: false))
            }
        }
        for item in before where !after.contains(where: { $0[keyPath: id] == item[keyPath: id] }) {
            changes.append(
                ItemChange(
                    item: kind, id: item[keyPath: id], kind: .removed, detail: "removed",
                    oldLocation: item[keyPath: location], newLocation: nil, isMetadata: false))
        }
        return changes
    }
}
