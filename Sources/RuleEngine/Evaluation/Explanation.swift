/// One condition checked against an input: whether it holds, and the values compared.
public struct ConditionCheck: Sendable {
    /// The condition.
    public let condition: Condition
    /// Whether it holds.
    public let holds: Bool
    /// The input's value and what it was compared with, such as `as_of 2026-02-20 ≥ 2026-02-16`.
    public let detail: String
}

/// Why a rule did not decide an input: the first condition that failed, and how many held.
public struct RuleMiss: Sendable {
    /// The rule's index.
    public let rule: Int
    /// The first condition, in file order, that failed; `nil` when every condition held but an
    /// earlier rule won (hit policy `first`) or the rule is `otherwise`.
    public let failed: ConditionCheck?
    /// How many of the rule's conditions hold.
    public let satisfied: Int
    /// How many conditions the rule has.
    public let total: Int
}

/// Why an input got its decision: the deciding rule's conditions with their values, and for
/// every other rule the first condition that failed, nearest miss first.
public struct Explanation: Sendable {
    /// The decision, from the decision tree.
    public let decision: Decision
    /// The deciding rule's conditions, each checked.
    public let matched: [ConditionCheck]
    /// Every other rule, nearest miss first.
    public let misses: [RuleMiss]
}

extension CompiledTable {
    /// Decides an input with the decision tree, then checks each rule's conditions against it
    /// with the same condition semantics the compiler uses, to say why and why not.
    public func explain(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Explanation {
        let decision = try evaluate(years, asOf: asOf)
        let rules = definition.rules
        let matched = rules[decision.ruleIndex].conditions.map { check($0, years, asOf) }
        var misses: [RuleMiss] = []
        for (index, rule) in rules.enumerated() where index != decision.ruleIndex {
            let checks = rule.conditions.map { check($0, years, asOf) }
            misses.append(
                RuleMiss(
                    rule: index, failed: checks.first { !$0.holds }, satisfied: checks.filter(\.holds).count,
                    total: checks.count))
        }
        // Nearest miss first: fewest failing conditions, then most holding ones, then file
        // order; `otherwise` last.
        misses.sort { lhs, rhs in
            let left = (rules[lhs.rule].isOtherwise ? 1 : 0, lhs.total - lhs.satisfied, -lhs.satisfied, lhs.rule)
            let right = (rules[rhs.rule].isOtherwise ? 1 : 0, rhs.total - rhs.satisfied, -rhs.satisfied, rhs.rule)
            return left < right
        }
        return Explanation(decision: decision, matched: matched, misses: misses)
    }

    private func check(_ condition: Condition, _ years: YearValues, _ day: LocalDate) -> ConditionCheck {
        let holds = condition.holds(years, on: day, certifications: definition.certifications)
        let detail: String
        switch condition.test {
        case .year(let input, let test):
            let name = definition.yearInputs[input].name
            let value = definition.yearInputs[input].text(years[input])
            if case .equals(let other, let offset) = test {
                let otherValue = years[other].map { String($0 + offset) } ?? "none"
                let sign = offset == 0 ? "" : offset > 0 ? " + \(offset)" : " - \(-offset)"
                detail =
                    "\(name) \(value) \(holds ? "=" : "≠") \(definition.yearInputs[other].name)\(sign) (\(otherValue))"
            } else if case .bound(let other, let offset, let isLower) = test {
                let otherValue = years[other].map { String($0 + offset) } ?? "none"
                let sign = offset == 0 ? "" : offset > 0 ? " + \(offset)" : " - \(-offset)"
                let relation = isLower ? (holds ? "≥" : "≱") : (holds ? "<" : "≮")
                detail = "\(name) \(value) \(relation) \(definition.yearInputs[other].name)\(sign) (\(otherValue))"
            } else if case .member(let set) = test, !holds {
                let wanted = definition.yearInputs[input].describe(
                    set.ranges.flatMap { $0.map { Optional($0) } } + (set.includesNone ? [nil] : []))
                detail = "\(name) is \(value), not \(wanted)"
            } else {
                detail = "\(name) is \(value)"
            }
        case .date(let bound):
            detail = describe(bound, name: definition.dateInputName, value: day, years: years, holds: holds)
        case .personDate(let input, let bound):
            let value = LocalDate(dayNumber: years[input] ?? 0)
            detail = describe(bound, name: definition.yearInputs[input].name, value: value, years: years, holds: holds)
        }
        return ConditionCheck(condition: condition, holds: holds, detail: detail)
    }

    /// `as_of 2026-01-10 is not on or before 2025-12-31`, with the expiry day compared with
    /// where the day alone does not say it (see ``expiryNote(_:_:)``).
    private func describe(_ bound: DateBound, name: String, value: LocalDate, years: YearValues, holds: Bool)
        -> String
    {
        guard let limit = bound.day(years: years, certifications: definition.certifications) else {
            return "\(name) \(value): compared with the expiry of a certification held by no one"
        }
        let comparison =
            bound.isLower
            ? "on or after \(LocalDate(dayNumber: limit))" : "on or before \(LocalDate(dayNumber: limit - 1))"
        return "\(name) \(value) is \(holds ? "" : "not ")\(comparison)" + expiryNote(bound, years)
    }

    /// Which expiry day a bound compared with, and why, where the compared day alone does not
    /// say: ` (cert.expiry is 2026-09-30: level emr expires 09-30)` for an expiry chosen by an
    /// enum input, ` (cpr.expiry is 2026-05-10: cpr_on 2024-05-10 + 2 years)` for one counted
    /// from a per-person date, ` (cert.expiry is 2026-03-31)` for an offset such as `+ 1 month`.
    private func expiryNote(_ bound: DateBound, _ years: YearValues) -> String {
        guard case .expiry(let index) = bound.operand else { return "" }
        let certification = definition.certifications[index]
        guard let expiry = certification.expiry(for: years) else { return "" }
        if let period = certification.validFor {
            let input = definition.yearInputs[certification.inputIndex]
            return " (\(certification.id).expiry is \(expiry): \(input.name) "
                + "\(input.text(years[certification.inputIndex])) + \(period))"
        }
        guard let choice = certification.expiresBy else {
            let hasOffset = bound.months != 0 || !(0...1).contains(bound.shift)
            return hasOffset ? " (\(certification.id).expiry is \(expiry))" : ""
        }
        let input = definition.yearInputs[choice.input]
        let value = years[choice.input]
        let byOtherwise = value.map { choice.byOtherwise.indices.contains($0) && choice.byOtherwise[$0] } ?? false
        return " (\(certification.id).expiry is \(expiry): \(input.name) \(input.text(value)) expires "
            + "\(certification.monthDay(for: years).map(\.description) ?? "")\(byOtherwise ? " by `otherwise`" : ""))"
    }
}
