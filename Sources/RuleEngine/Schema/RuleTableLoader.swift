import Foundation
import YAMLReader

/// Turns a YAML node tree into a typed ``RuleTable``, collecting a diagnostic at the exact
/// node for every problem. Returns `nil` as the table when any error was found.
package struct RuleTableLoader {
    var reader: SchemaReader
    var failed = false
    /// The window's `from` and `to` cells.
    var windowNodes: [SourceRange] = []
    /// Deadline dates written relative to another deadline, once resolved, with their cells.
    var relativeDates: [(date: LocalDate, node: Node)] = []

    init(file: String, source: SourceText? = nil) {
        reader = SchemaReader(file: file)
        reader.source = source
    }

    /// Loads the table; every problem is in `reader.diagnostics`.
    mutating func load(_ root: Node) -> RuleTable? {
        guard let top = reader.mapping(root, in: "the rule table", keys: TableKey.self) else { return nil }
        if let node = top[.format], let format = reader.text(node, what: "the format"), format != TableFormat.version {
            reader.report(.unsupportedFormat(format), at: node)
        }
        if let node = top[.cycle] {
            if let year = reader.year(node) { reader.cycle = year } else { return nil }
        }
        let policy = top[.policy].flatMap { readPolicy($0) }
        let hitPolicy = top[.hitPolicy].flatMap { readHitPolicy($0) } ?? .unique
        guard let inputsNode = top[.inputs], let inputs = readInputs(inputsNode) else { return nil }
        let certifications =
            top[.certifications].map { reader.certifications($0, inputs: inputs.years, asOf: inputs.date) } ?? []
        let fees = top[.fees].map { readFees($0) } ?? []
        let deadlines = top[.deadlines].map { readDeadlines($0) } ?? []
        let placeholders = TemplateContext(
            fees: fees, deadlines: deadlines, inputNames: inputs.years.map(\.name) + [inputs.date])
        let actions = top[.actions].map { readActions($0, context: placeholders) } ?? []
        var conditions = ConditionReader(
            yearInputs: inputs.years, dateInput: inputs.date, certifications: certifications, deadlines: deadlines)
        let derived = top[.derived].map { readDerived($0, conditions: &conditions) } ?? []
        let outputs = top[.outputs].map { readOutputs($0, derived: derived) } ?? []
        let references = OutcomeReader(fees: fees, deadlines: deadlines, actions: actions, outputs: outputs)
        var rules = top[.rules].map { readRules($0, conditions: &conditions, references: references) } ?? []
        if let node = top[.otherwise], let rule = readOtherwise(node, references: references) {
            rules.append(rule)
        }
        checkDuplicateIDs(rules.map { ($0.id, $0.location) }, kind: "rule")
        let labels = top[.labels].map { readLabels($0, rules: rules) }
        if let policy { checkDatesInWindow(policy) }
        guard let policy, !reader.diagnostics.hasErrors, let cycle = reader.cycle else { return nil }
        var table = RuleTable(
            policy: policy, file: reader.file, cycle: cycle, hitPolicy: hitPolicy, yearInputs: inputs.years,
            dateInputName: inputs.date, certifications: certifications, fees: fees, deadlines: deadlines,
            actions: actions, derived: derived, outputs: outputs, rules: rules,
            rulesLocation: root.mapping?.first { $0.key.scalar?.value == TableKey.rules.rawValue }
                .map { reader.location($0.key) })
        let policyFields = top[.policy]?.mapping
        table.windowLocation = policyFields?.first { $0.key.scalar?.value == PolicyKey.window.rawValue }.map {
            reader.location($0.value)
        }
        table.versionLocation = policyFields?.first { $0.key.scalar?.value == PolicyKey.version.rawValue }.map {
            reader.location($0.value)
        }
        if let labels { table.labels = labels }
        cutDateClasses(&table)
        return reader.diagnostics.hasErrors ? nil : table
    }

    /// Every literal date of the table but the window's own bounds must lie in the window: a
    /// date outside it (a deadline not moved with the window, say) is an error at its cell.
    private mutating func checkDatesInWindow(_ policy: PolicyInfo) {
        for scalar in reader.temporalScalars where !windowNodes.contains(scalar.node.range) {
            guard case .date(let date) = scalar.value, date < policy.windowStart || date > policy.windowEnd else {
                continue
            }
            reader.report(
                .dateOutsideWindow(date, start: policy.windowStart, end: policy.windowEnd), at: scalar.node)
        }
        for (date, node) in relativeDates where date < policy.windowStart || date > policy.windowEnd {
            reader.report(.dateOutsideWindow(date, start: policy.windowStart, end: policy.windowEnd), at: node)
        }
    }

    // MARK: - Header

    private mutating func readPolicy(_ node: Node) -> PolicyInfo? {
        guard let fields = reader.mapping(node, in: "`policy`", keys: PolicyKey.self) else { return nil }
        let id = fields[.id].flatMap { reader.identifier($0) }
        let version = fields[.version].flatMap { reader.text($0, what: "a version") }
        let title = fields[.title].flatMap { reader.text($0, what: "a title") }
        let source = fields[.source].flatMap { reader.text($0, what: "a source") }
        let sourceURL = fields[.sourceURL].flatMap { readSourceURL($0) }
        var timeZone: String?
        if let zoneNode = fields[.timeZone], let zone = reader.text(zoneNode, what: "a time zone") {
            if TimeZone(identifier: zone) == nil {
                reader.report(.unknownTimeZone(zone), at: zoneNode)
            } else {
                timeZone = zone
            }
        }
        var window: (LocalDate, LocalDate)?
        if let windowNode = fields[.window],
            let bounds = reader.mapping(windowNode, in: "`window`", keys: WindowKey.self),
            let from = bounds[.from].flatMap({ reader.date($0) }), let to = bounds[.to].flatMap({ reader.date($0) })
        {
            windowNodes = [bounds[.from], bounds[.to]].compactMap { $0?.range }
            if to < from {
                reader.report(.windowReversed(from: from, to: to), at: windowNode)
            } else {
                window = (from, to)
            }
        }
        guard let id, let version, let title, let source, let timeZone, let window else { return nil }
        return PolicyInfo(
            id: id, version: version, title: title, source: source, sourceURL: sourceURL, timeZone: timeZone,
            windowStart: window.0,
            windowEnd: window.1)
    }

    private mutating func readHitPolicy(_ node: Node) -> HitPolicy? {
        guard let value = reader.text(node, what: "a hit policy") else { return nil }
        guard let policy = HitPolicy(rawValue: value) else {
            reader.report(
                .unknownValue(value, for: "hit_policy", allowed: HitPolicy.allCases.map(\.rawValue)), at: node)
            return nil
        }
        return policy
    }

    // MARK: - Inputs and certifications

    private mutating func readInputs(_ node: Node) -> (years: [YearInput], date: String)? {
        var years: [YearInput] = []
        var dates: [DateDeclaration] = []
        // Where each date input goes among the others, in declaration order.
        var datePositions: [(name: String, position: Int)] = []
        for (name, key, value) in reader.namedEntries(node, in: "`inputs`", kind: "year input") {
            guard
                let fields = reader.mapping(value, in: "input `\(name)`", keys: InputKey.self),
                let typeNode = fields[.type], let typeName = reader.text(typeNode, what: "an input type")
            else { continue }
            let label = fields[.label].flatMap { reader.text($0, what: "a label") } ?? name
            guard let type = inputType(typeName, of: name, at: typeNode) else { continue }
            for extra in InputKey.allCases where !type.spec.keys.contains(extra) {
                if let extraNode = fields[extra] {
                    reader.report(
                        .unknownKey(extra.rawValue, in: "\(type.rawValue) input `\(name)`", suggestion: nil),
                        at: extraNode)
                }
            }
            let missing = type.spec.required.filter { fields[$0] == nil }
            for absent in missing { reader.report(.missingKey(absent.rawValue, in: "input `\(name)`"), at: value) }
            guard missing.isEmpty else { continue }
            switch type {
            case .date:
                dates.append(DateDeclaration(name: name, key: key, value: value, fields: fields, label: label))
                datePositions.append((name, years.count + datePositions.count))
            case .year:
                guard let domainNode = fields[.domain],
                    let bounds = reader.mapping(domainNode, in: "`domain`", keys: YearDomainKey.self),
                    let from = bounds[.from].flatMap({ reader.year($0) }),
                    let to = bounds[.to].flatMap({ reader.year($0) })
                else { continue }
                guard from <= to else {
                    reader.report(.domainReversed(from: from, to: to), at: domainNode)
                    continue
                }
                guard to - from < 200 else {
                    reader.report(
                        .limitExceeded("a year domain spans at most 200 years; this one spans \(to - from + 1)"),
                        at: domainNode)
                    continue
                }
                let allowsNone = fields[.allowsNone].flatMap { reader.bool($0) } ?? false
                years.append(
                    YearInput(
                        name: name, label: label, domain: from...to, allowsNone: allowsNone,
                        location: reader.location(key)))
            case .integer, .boolean, .enumeration:
                guard let (kind, domain) = discreteDomain(type, fields: fields) else { continue }
                years.append(
                    DiscreteInput(
                        name: name, label: label, kind: kind, domain: domain, allowsNone: false,
                        location: reader.location(key)))
            }
        }
        let (dateInput, persons) = resolveDates(dates, inputs: node)
        var skipped = 0
        for (name, position) in datePositions {
            if let person = persons[name] {
                years.insert(person, at: min(position - skipped, years.count))
            } else {
                skipped += 1
            }
        }
        guard !years.isEmpty, years.count <= RuleTable.maxYearInputs else {
            let what =
                persons.isEmpty ? "year, integer, boolean or enum" : "year, integer, boolean, enum or per-person date"
            reader.report(
                .limitExceeded("a table declares from 1 to \(RuleTable.maxYearInputs) \(what) inputs"), at: node)
            return nil
        }
        let cells = years.reduce(1) { $0 * ($1.isDate ? 1 : $1.valueCount) }
        guard cells <= 1_000_000 else {
            let what = years.allSatisfy(\.isYear) ? "year inputs" : "year, integer, boolean and enum inputs"
            reader.report(.limitExceeded("the \(what) have \(cells) combinations, more than 1,000,000"), at: node)
            return nil
        }
        guard !dates.isEmpty else {
            reader.report(.missingKey("an input of type `date`", in: "`inputs`"), at: node)
            return nil
        }
        guard let dateInput else { return nil }
        return (years, dateInput)
    }

    /// An input's `type:`, one of ``InputType``.
    private mutating func inputType(_ text: String, of input: String, at node: Node) -> InputType? {
        if let type = InputType(rawValue: text) { return type }
        reader.report(
            .unknownValue(text, for: "type", in: "input `\(input)`", allowed: InputType.allCases.map(\.rawValue)),
            at: node)
        return nil
    }
}
