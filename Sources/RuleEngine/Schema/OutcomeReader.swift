import YAMLReader

/// Reads a rule's `then:`, resolves its references to fees, deadlines and actions, and reads
/// the values it gives the table's typed outputs.
struct OutcomeReader {
    let fees: [Fee]
    let deadlines: [Deadline]
    let actions: [Action]
    let outputs: [TypedOutput]

    func read(_ node: Node, reader: inout SchemaReader) -> Outcome? {
        guard
            let (fields, others) = reader.mapping(
                node, in: "`then`", keys: OutcomeKey.self, others: outputs.map(\.name))
        else { return nil }
        let cohort = fields[.cohort].flatMap { reader.identifier($0) }
        let status = fields[.status].flatMap { reader.identifier($0) }
        let feeList = fields[.fee].map { readFees($0, reader: &reader) } ?? .some([])
        let deadlineList = fields[.deadlines].map {
            list($0, in: deadlines, kind: "deadline", id: \.id, reader: &reader)
        }
        let actionList = fields[.actions].map { list($0, in: actions, kind: "action", id: \.id, reader: &reader) }
        let values = readOutputs(others, at: node, reader: &reader)
        guard let cohort, let status, let feeList, let actionList = actionList ?? nil, let values else { return nil }
        guard let deadlineList = deadlineList ?? .some([]) else { return nil }
        return Outcome(
            cohort: cohort, status: status, fees: feeList, deadlines: deadlineList, actions: actionList,
            outputs: values)
    }

    /// `fee: none`, `fee: ID` or `fee: [ID, ...]`; several fees must share a currency.
    private func readFees(_ node: Node, reader: inout SchemaReader) -> [Fee]? {
        if let scalar = node.scalar {
            if scalar.style == .plain && scalar.value == "none" { return [] }
            return resolve(node, in: fees, kind: "fee", id: \.id, reader: &reader).map { [$0] }
        }
        guard let items = node.sequence else {
            reader.report(.wrongType(expected: "a fee id or a list of fee ids", found: reader.found(node)), at: node)
            return nil
        }
        guard let list = list(node, in: fees, kind: "fee", id: \.id, reader: &reader) else { return nil }
        var valid = true
        for (item, fee) in zip(items, list) {
            guard let first = list.first, fee.money.currency != first.money.currency else { continue }
            reader.report(
                .mixedCurrencies(fee.id, fee.money.currency, first: first.id, first.money.currency), at: item,
                notes: [DiagnosticNote("`\(first.id)` is declared here", at: first.location)])
            valid = false
        }
        return valid ? list : nil
    }

    /// The value of each typed output, from the rule or the output's default; a missing one is an error.
    private func readOutputs(_ nodes: [String: Node], at node: Node, reader: inout SchemaReader) -> [OutputValue]? {
        var values: [OutputValue] = []
        var valid = true
        for output in outputs {
            if let valueNode = nodes[output.name] {
                if let value = reader.outputValue(valueNode, of: output) { values.append(value) } else { valid = false }
            } else if let value = output.defaultValue {
                values.append(value)
            } else {
                valid = false
                // A misspelt output is reported once, as an unknown key with "did you mean".
                let written = node.mapping?.compactMap { $0.key.scalar?.value } ?? []
                let misspelt = written.contains { key in
                    OutcomeKey(rawValue: key) == nil && !nodes.keys.contains(key)
                        && Suggestion.closest(to: key, in: OutcomeKey.names + outputs.map(\.name)) == output.name
                }
                if !misspelt { reader.report(.missingKey(output.name, in: "`then`"), at: node) }
            }
        }
        return valid ? values : nil
    }

    private func list<Item>(
        _ node: Node, in items: [Item], kind: String, id: KeyPath<Item, String>, reader: inout SchemaReader
    ) -> [Item]? {
        guard let nodes = reader.sequence(node, of: "\(kind) ids") else { return nil }
        let resolved = nodes.map { resolve($0, in: items, kind: kind, id: id, reader: &reader) }
        return resolved.contains { $0 == nil } ? nil : resolved.compactMap { $0 }
    }

    private func resolve<Item>(
        _ node: Node, in items: [Item], kind: String, id: KeyPath<Item, String>, reader: inout SchemaReader
    ) -> Item? {
        guard let name = reader.identifier(node) else { return nil }
        if let item = items.first(where: { $0[keyPath: id] == name }) { return item }
        reader.reportUndefined(kind, name, candidates: items.map { $0[keyPath: id] }, at: node)
        return nil
    }
}
