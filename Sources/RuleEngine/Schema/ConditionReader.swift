import YAMLReader

/// Reads a `when:` mapping (or a derived output's conditions) into typed conditions.
package struct ConditionReader {
    package let yearInputs: [YearInput]
    package let dateInput: String
    package let certifications: [Certification]
    package let deadlines: [Deadline]

    package init(yearInputs: [YearInput], dateInput: String, certifications: [Certification], deadlines: [Deadline]) {
        self.yearInputs = yearInputs
        self.dateInput = dateInput
        self.certifications = certifications
        self.deadlines = deadlines
    }

    /// The conditions, or `nil` when any is invalid (each problem is reported).
    package func read(_ node: Node, reader: inout SchemaReader) -> [Condition]? {
        guard let entries = node.mapping else {
            reader.report(
                .wrongType(expected: "a mapping of input names to conditions", found: reader.found(node)), at: node)
            return nil
        }
        var conditions: [Condition] = []
        var valid = true
        let names = yearInputs.map(\.name) + [dateInput]
        for entry in entries {
            guard let name = entry.key.scalar?.value else {
                reader.report(.wrongType(expected: "an input name", found: reader.found(entry.key)), at: entry.key)
                valid = false
                continue
            }
            let read: [Condition]?
            if let index = yearInputs.firstIndex(where: { $0.name == name }) {
                if yearInputs[index].isDate {
                    read = readDate(entry.value, subject: index, reader: &reader)
                } else {
                    read =
                        yearInputs[index].isYear
                        ? readYear(entry.value, input: index, reader: &reader)
                        : readDiscrete(entry.value, input: index, reader: &reader)
                }
            } else if name == dateInput {
                read = readDate(entry.value, reader: &reader)
            } else if let certification = expirySubject(name) {
                read = readExpiry(entry.value, certification: certification, reader: &reader)
            } else if reader.declared["year input"]?.contains(name) ?? false {
                read = nil
            } else {
                let suggestion = Suggestion.closest(to: name, in: names)
                reader.report(
                    .unknownKey(
                        name, in: "conditions (inputs are \(names.joined(separator: ", ")))", suggestion: suggestion),
                    at: entry.key)
                read = nil
            }
            if let read { conditions += read } else { valid = false }
        }
        return valid ? conditions : nil
    }

    // MARK: - Year inputs

    private func readYear(_ node: Node, input: Int, reader: inout SchemaReader) -> [Condition]? {
        let name = yearInputs[input].name
        guard let entries = node.mapping else {
            guard let test = yearSet(node, input: input, reader: &reader) else { return nil }
            return [condition(.year(input: input, test), "\(name): \(Self.render(node))", node, reader)]
        }
        var conditions: [Condition] = []
        var from: Node?
        var to: Node?
        for entry in entries {
            guard let key = entry.key.scalar.flatMap({ YearConditionKey(rawValue: $0.value) }) else {
                let key = entry.key.scalar?.value ?? ""
                reader.report(
                    .unknownKey(
                        key, in: "a condition on `\(name)`",
                        suggestion: Suggestion.closest(to: key, in: YearConditionKey.names)),
                    at: entry.key)
                return nil
            }
            let text = "\(name): {\(key.rawValue): \(Self.render(entry.value))}"
            switch key {
            case .from: from = entry.value
            case .to: to = entry.value
            case .inSet:
                guard entry.value.sequence != nil, let test = yearSet(entry.value, input: input, reader: &reader) else {
                    if entry.value.sequence == nil {
                        reader.report(
                            .wrongType(expected: "a list of years", found: reader.found(entry.value)), at: entry.value)
                    }
                    return nil
                }
                conditions.append(condition(.year(input: input, test), text, entry.value, reader))
            case .equals:
                guard let test = equals(entry.value, input: input, reader: &reader) else { return nil }
                conditions.append(condition(.year(input: input, test), text, entry.value, reader))
            case .before, .after, .onOrBefore, .onOrAfter:
                guard let test = ordering(key, entry.value, input: input, reader: &reader) else { return nil }
                conditions.append(condition(.year(input: input, test), text, entry.value, reader))
            case .not:
                guard let inner = readYear(entry.value, input: input, reader: &reader) else { return nil }
                guard inner.count == 1, case .year(_, let test) = inner[0].test else {
                    reader.report(.invalidCondition("`not` takes one condition"), at: entry.value)
                    return nil
                }
                conditions.append(condition(.year(input: input, .not(test)), text, entry.value, reader))
            }
        }
        if from != nil || to != nil {
            let yearInput = yearInputs[input]
            guard
                let range = range(
                    from: from, to: to, input: input, reader: &reader,
                    value: { node, reader in reader.year(node, in: yearInput) })
            else { return nil }
            conditions.insert(range, at: 0)
        }
        if conditions.isEmpty {
            reader.report(.emptyValue("a condition on `\(name)`"), at: node)
            return nil
        }
        return conditions
    }

    /// `{from: X, to: Y}` (either end may be left out) on a year or integer input, as the set of
    /// values between, with each end read by `value`; `nil` after reporting a bad end or a range
    /// that runs backwards.
    func range(
        from: Node?, to: Node?, input: Int, reader: inout SchemaReader,
        value: (Node, inout SchemaReader) -> Int?
    ) -> Condition? {
        let domain = yearInputs[input].domain
        let anchor = from ?? to
        guard let anchor,
            let lower = from.map({ value($0, &reader) }) ?? domain.lowerBound,
            let upper = to.map({ value($0, &reader) }) ?? domain.upperBound
        else { return nil }
        guard lower <= upper else {
            reader.report(.invalidCondition("range runs backwards: from \(lower) to \(upper)"), at: anchor)
            return nil
        }
        let bounds = [from.map { "from: \(Self.render($0))" }, to.map { "to: \(Self.render($0))" }].compactMap { $0 }
        let text = "\(yearInputs[input].name): {\(bounds.joined(separator: ", "))}"
        let set = YearSet(ranges: [lower...upper], includesNone: false)
        return condition(.year(input: input, .member(set)), text, anchor, reader)
    }

    /// A scalar (`2026`, `cycle + 1`, `none`, `any`) or a list of them.
    private func yearSet(_ node: Node, input: Int, reader: inout SchemaReader) -> YearTest? {
        let items = node.sequence ?? [node]
        var ranges: [ClosedRange<Int>] = []
        var includesNone = false
        let yearInput = yearInputs[input]
        for item in items {
            guard let scalar = item.scalar else {
                reader.report(.wrongType(expected: "a year, `none` or `any`", found: reader.found(item)), at: item)
                return nil
            }
            guard scalar.style == .plain, let word = YearWord(rawValue: scalar.value) else {
                guard let year = reader.year(item, in: yearInput) else { return nil }
                ranges.append(year...year)
                continue
            }
            switch word {
            case .neverHeld:
                guard yearInput.allowsNone else {
                    reader.report(.invalidCondition("input `\(yearInput.name)` does not allow `none`"), at: item)
                    return nil
                }
                includesNone = true
            case .any:
                ranges.append(yearInput.domain)
                includesNone = includesNone || yearInput.allowsNone
            }
        }
        return .member(YearSet(ranges: ranges, includesNone: includesNone))
    }

    /// `equals: other_input + N`, or `equals: YEAR`.
    private func equals(_ node: Node, input: Int, reader: inout SchemaReader) -> YearTest? {
        switch yearOperand(node, input: input, reader: &reader) {
        case .input(let other, let offset): return .equals(input: other, offset: offset)
        case .year(let year): return .member(YearSet(ranges: [year...year], includesNone: false))
        case nil: return nil
        }
    }

    // MARK: - Date inputs

    /// Comparisons on the question's date (`subject` is `nil`) or on a per-person date.
    private func readDate(_ node: Node, subject: Int? = nil, reader: inout SchemaReader) -> [Condition]? {
        let name = subject.map { yearInputs[$0].name } ?? dateInput
        guard let entries = node.mapping, !entries.isEmpty else {
            reader.report(
                .wrongType(expected: "a mapping of comparisons such as `{by: deadline}`", found: reader.found(node)),
                at: node)
            return nil
        }
        var conditions: [Condition] = []
        for entry in entries {
            guard let key = comparisonKey(entry.key, on: name, reader: &reader) else { return nil }
            guard let bounds = dateBounds(key, entry.value, subject: subject, reader: &reader) else { return nil }
            let text = "\(name): {\(key.rawValue): \(Self.render(entry.value))}"
            conditions += bounds.map { bound in
                condition(subject.map { .personDate(input: $0, bound) } ?? .date(bound), text, entry.value, reader)
            }
        }
        return conditions
    }

    /// The comparison a condition on the date `name` names (`before`, `on_or_after`, ...), or nil
    /// after reporting an unknown key with the closest known one.
    func comparisonKey(_ node: Node, on name: String, reader: inout SchemaReader) -> DateComparisonKey? {
        if let key = node.scalar.flatMap({ DateComparisonKey(rawValue: $0.value) }) { return key }
        let key = node.scalar?.value ?? ""
        reader.report(
            .unknownKey(
                key, in: "a condition on `\(name)`",
                suggestion: Suggestion.closest(to: key, in: DateComparisonKey.names)),
            at: node)
        return nil
    }

    /// The bounds a comparison stands for: one, or two for `on` (that day only).
    func dateBounds(_ key: DateComparisonKey, _ node: Node, subject: Int?, reader: inout SchemaReader)
        -> [DateBound]?
    {
        guard let text = reader.text(node, what: "a deadline, a certification's expiry or a date") else { return nil }
        switch key {
        case .by, .past:
            guard let deadline = deadlines.first(where: { $0.id == text }) else {
                reader.reportUndefined("deadline", text, candidates: deadlines.map(\.id), at: node)
                return nil
            }
            let shift = deadline.inclusive ? 1 : 0
            return [DateBound(isLower: key == .past, operand: .fixed(deadline.date), shift: shift)]
        case .on, .before, .onOrBefore, .after, .onOrAfter:
            guard let (operand, offset) = offsetOperand(text, node, subject: subject, reader: &reader) else {
                return nil
            }
            // Each comparison as half-open bounds: (lower?, days past the operand).
            let bounds: [(Bool, Int)]
            switch key {
            case .on: bounds = [(true, 0), (false, 1)]
            case .before: bounds = [(false, 0)]
            case .onOrBefore: bounds = [(false, 1)]
            case .after: bounds = [(true, 1)]
            case .onOrAfter: bounds = [(true, 0)]
            case .by, .past: return nil  // read above
            }
            return bounds.map {
                DateBound(isLower: $0.0, operand: operand, shift: $0.1 + offset.days, months: offset.months)
            }
        }
    }

    /// A deadline's date, a certification's expiry or a literal date.
    func operand(_ text: String, _ node: Node, reader: inout SchemaReader) -> DateOperand? {
        if let deadline = deadlines.first(where: { $0.id == text }) { return .fixed(deadline.date) }
        if text.hasSuffix(".expiry"), let index = certifications.firstIndex(where: { "\($0.id).expiry" == text }) {
            return .expiry(certification: index)
        }
        if let date = LocalDate(iso: text) {
            reader.noteTemporal(.date(date), at: node)
            return .fixed(date)
        }
        if text.first?.isNumber == true {
            reader.report(.invalidDate(text, reason: LocalDate.problem(with: text)), at: node)
            return nil
        }
        if reader.declared["deadline"]?.contains(text) ?? false
            || text.hasSuffix(".expiry")
                && reader.declared["certification"]?.contains(String(text.dropLast(".expiry".count))) ?? false
        {
            return nil
        }
        let candidates = deadlines.map(\.id) + certifications.map { "\($0.id).expiry" }
        reader.reportUndefined("deadline or expiry", text, candidates: candidates, at: node)
        return nil
    }

    // MARK: - Helpers

    func condition(_ test: Condition.Test, _ text: String, _ node: Node, _ reader: SchemaReader) -> Condition {
        Condition(test: test, text: text, location: reader.location(node))
    }

    /// A node in compact flow style, for explanations.
    package static func render(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): return scalar.value
        case .sequence(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
