import YAMLReader

/// A date input as declared, before the table says which one is the question's date.
struct DateDeclaration {
    let name: String
    let key: Node
    let value: Node
    let fields: [InputKey: Node]
    let label: String
}

/// Reading date inputs: which one is the question's date (`role: as_of`), and the per-person
/// dates with their domains.
extension RuleTableLoader {
    /// The name of the question's date and the per-person dates by name, or `nil` as the name
    /// when no date input is the question's date (each problem is reported).
    mutating func resolveDates(_ dates: [DateDeclaration], inputs node: Node) -> (
        asOf: String?, persons: [String: DiscreteInput]
    ) {
        var marked: [DateDeclaration] = []
        for date in dates {
            guard let roleNode = date.fields[.role], let role = reader.text(roleNode, what: "a role") else { continue }
            guard DateRole(rawValue: role) != nil else {
                reader.report(
                    .unknownValue(
                        role, for: "role", in: "input `\(date.name)`", allowed: DateRole.allCases.map(\.rawValue)),
                    at: roleNode)
                continue
            }
            if let first = marked.first {
                reader.report(.asOfRoleRepeated(date.name, first: first.name), at: roleNode)
            }
            marked.append(date)
        }
        guard let asOf = dates.count == 1 ? dates.first : marked.first else {
            if dates.count > 1 { reader.report(.asOfRoleMissing(dates.map(\.name)), at: node) }
            return (nil, [:])
        }
        if let domainNode = asOf.fields[.domain] {
            reader.report(.asOfDomain(asOf.name), at: domainNode)
        }
        var persons: [String: DiscreteInput] = [:]
        for date in dates where date.name != asOf.name {
            guard let domainNode = date.fields[.domain] else {
                reader.report(.missingKey("domain", in: "per-person date `\(date.name)`"), at: date.value)
                continue
            }
            guard let domain = dateDomain(domainNode, input: date.name) else { continue }
            persons[date.name] = DiscreteInput(
                name: date.name, label: date.label, kind: .date, domain: domain, allowsNone: false,
                location: reader.location(date.key))
        }
        return (asOf.name, persons)
    }

    /// A per-person date's `domain: {from, to}` as day numbers.
    private mutating func dateDomain(_ node: Node, input: String) -> ClosedRange<Int>? {
        guard let bounds = reader.mapping(node, in: "`domain`", keys: DateDomainKey.self),
            let from = bounds[.from].flatMap({ plainDate($0) }), let to = bounds[.to].flatMap({ plainDate($0) })
        else { return nil }
        guard from <= to else {
            reader.report(.invalidCondition("the domain runs backwards: from \(from) to \(to)"), at: node)
            return nil
        }
        let days = to.dayNumber - from.dayNumber + 1
        guard days <= InputType.maxDateDays else {
            reader.report(.dateDomainTooLarge(input, days: days, limit: InputType.maxDateDays), at: node)
            return nil
        }
        return from.dayNumber...to.dayNumber
    }

    /// A date that is not a date of the policy's window (a per-person date's bound), so it is
    /// neither checked against the window nor moved by roll-forward.
    mutating func plainDate(_ node: Node) -> LocalDate? {
        guard let text = reader.text(node, what: "a date") else { return nil }
        guard let date = LocalDate(iso: text) else {
            reader.report(.invalidDate(text, reason: LocalDate.problem(with: text)), at: node)
            return nil
        }
        return date
    }
}
