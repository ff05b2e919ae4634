import YAMLReader

/// Reads a rule's `then:` and resolves its references to fees, deadlines and actions.
struct OutcomeReader {
    let fees: [Fee]
    let deadlines: [Deadline]
    let actions: [Action]

    func read(_ node: Node, reader: inout SchemaReader) -> Outcome? {
        guard let fields = reader.mapping(node, in: "`then`", keys: OutcomeKey.self) else { return nil }
        let cohort = fields[.cohort].flatMap { reader.identifier($0) }
        let status = fields[.status].flatMap { reader.identifier($0) }
        var fee: Fee?
        var feeValid = true
        if let feeNode = fields[.fee], !(feeNode.scalar.map { $0.style == .plain && $0.value == "none" } ?? false) {
            fee = resolve(feeNode, in: fees, kind: "fee", id: \.id, reader: &reader)
            feeValid = fee != nil
        }
        let deadlineList = fields[.deadlines].map {
            list($0, in: deadlines, kind: "deadline", id: \.id, reader: &reader)
        }
        let actionList = fields[.actions].map { list($0, in: actions, kind: "action", id: \.id, reader: &reader) }
        guard let cohort, let status, feeValid, let actionList = actionList ?? nil else { return nil }
        guard let deadlineList = deadlineList ?? .some([]) else { return nil }
        return Outcome(cohort: cohort, status: status, fee: fee, deadlines: deadlineList, actions: actionList)
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
