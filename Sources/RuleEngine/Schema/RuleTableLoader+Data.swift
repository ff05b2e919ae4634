import YAMLReader

/// Fees, deadlines, actions, derived outputs and rules.
extension RuleTableLoader {
    mutating func readFees(_ node: Node) -> [Fee] {
        var fees: [Fee] = []
        for (name, key, value) in reader.namedEntries(node, in: "`fees`", kind: "fee") {
            guard
                let fields = reader.mapping(value, in: "fee `\(name)`", keys: FeeKey.self),
                let amountNode = fields[.amount], let currencyNode = fields[.currency]
            else { continue }
            let label = fields[.label].flatMap { reader.text($0, what: "a label") }
            guard let money = reader.money(amount: amountNode, currency: currencyNode) else { continue }
            fees.append(Fee(id: name, money: money, label: label, location: reader.location(key)))
        }
        checkDuplicateIDs(fees.map { ($0.id, $0.location) }, kind: "fee")
        return fees
    }

    mutating func readDeadlines(_ node: Node) -> [Deadline] {
        var deadlines: [Deadline] = []
        var precedesNodes: [String: Node] = [:]
        var above: Set<String> = []
        for (name, key, value) in reader.namedEntries(node, in: "`deadlines`", kind: "deadline") {
            defer { above.insert(name) }
            guard
                let fields = reader.mapping(value, in: "deadline `\(name)`", keys: DeadlineKey.self),
                let date = fields[.date].flatMap({
                    deadlineDate($0, earlier: deadlines, above: above)
                }),
                let kind = fields[.kind].flatMap({ reader.identifier($0) }),
                let inclusive = fields[.inclusive].flatMap({ reader.bool($0) })
            else { continue }
            let label = fields[.label].flatMap { reader.text($0, what: "a label") }
            var precedes: String?
            if let precedesNode = fields[.precedes] {
                precedes = reader.identifier(precedesNode)
                precedesNodes[name] = precedesNode
            }
            deadlines.append(
                Deadline(
                    id: name, date: date, kind: kind, inclusive: inclusive, label: label, precedes: precedes,
                    location: reader.location(key), precedesLocation: fields[.precedes].map { reader.location($0) }))
        }
        let ids = deadlines.map(\.id)
        for deadline in deadlines {
            guard let target = deadline.precedes, !ids.contains(target), let node = precedesNodes[deadline.id] else {
                continue
            }
            reader.reportUndefined("deadline", target, candidates: ids, at: node)
        }
        checkDuplicateIDs(deadlines.map { ($0.id, $0.location) }, kind: "deadline")
        return deadlines
    }

    mutating func readActions(_ node: Node, context: TemplateContext) -> [Action] {
        var actions: [Action] = []
        for (name, key, value) in reader.namedEntries(node, in: "`actions`", kind: "action") {
            guard let pieces = reader.template(value, what: "the text of action `\(name)`", context: context) else {
                continue
            }
            let text = pieces.map { piece -> String in
                switch piece {
                case .literal(let literal): return literal
                case .input(let input): return "{\(input)}"
                }
            }.joined()
            let template = value.scalar?.value ?? text
            actions.append(
                Action(id: name, text: text, template: template, pieces: pieces, location: reader.location(key)))
        }
        return actions
    }

    mutating func readDerived(_ node: Node, conditions: inout ConditionReader) -> [DerivedOutput] {
        var outputs: [DerivedOutput] = []
        for (name, key, value) in reader.namedEntries(node, in: "`derived`", kind: "derived output") {
            guard let list = conditions.read(value, reader: &reader) else { continue }
            outputs.append(DerivedOutput(name: name, conditions: list, location: reader.location(key)))
        }
        if outputs.count > RuleTable.maxDerivedOutputs {
            reader.report(
                .limitExceeded("a table declares at most \(RuleTable.maxDerivedOutputs) derived outputs"), at: node)
        }
        return outputs
    }

    mutating func readRules(
        _ node: Node, conditions: inout ConditionReader, references: OutcomeReader
    ) -> [Rule] {
        guard let items = reader.sequence(node, of: "rules") else { return [] }
        var rules: [Rule] = []
        for item in items {
            guard
                let fields = reader.mapping(item, in: "a rule", keys: RuleKey.self),
                let idNode = fields[.id], let id = reader.identifier(idNode)
            else { continue }
            let list = fields[.when].map { conditions.read($0, reader: &reader) } ?? []
            _ = fields[.note].map { reader.text($0, what: "a note") }
            guard let thenNode = fields[.then], let outcome = references.read(thenNode, reader: &reader),
                let list
            else { continue }
            rules.append(
                Rule(id: id, conditions: list, outcome: outcome, isOtherwise: false, location: reader.location(idNode)))
        }
        return rules
    }

    mutating func readOtherwise(_ node: Node, references: OutcomeReader) -> Rule? {
        guard
            let fields = reader.mapping(node, in: "`otherwise`", keys: OtherwiseKey.self),
            let idNode = fields[.id], let id = reader.identifier(idNode),
            let thenNode = fields[.then], let outcome = references.read(thenNode, reader: &reader)
        else { return nil }
        _ = fields[.note].map { reader.text($0, what: "a note") }
        return Rule(id: id, conditions: [], outcome: outcome, isOtherwise: true, location: reader.location(idNode))
    }

    /// Reports every id used twice, at the second use, with a note at the first.
    mutating func checkDuplicateIDs(_ ids: [(String, SourceLocation)], kind: String) {
        var seen: [String: SourceLocation] = [:]
        for (id, location) in ids {
            if let first = seen[id] {
                reader.report(
                    Diagnostic(
                        .duplicateID(kind, id), at: location,
                        notes: [DiagnosticNote(DiagnosticMessage.firstDefinition, at: first)]))
            } else {
                seen[id] = location
            }
        }
    }
}
