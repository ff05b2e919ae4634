import YAMLReader

/// Conditions on the expiry of a certification counted from a per-person date, such as
/// `cpr.expiry: {before: renewal-closes}` (the card expires before the deadline).
extension ConditionReader {
    /// The certification whose expiry `name` is (`cpr.expiry`), when it counts from a
    /// per-person date.
    func expirySubject(_ name: String) -> Int? {
        certifications.firstIndex { $0.countsFromDate && "\($0.id).expiry" == name }
    }

    /// The comparisons of an expiry with deadlines and dates (with offsets). The expiry never
    /// decreases as its per-person date grows, so `expiry >= X` holds exactly from the first day
    /// of the domain whose expiry reaches X: each comparison is read as a bound on the
    /// per-person date at that day, found by bisection of its domain, and the analysis stays
    /// exact. A comparison with an operand that depends on the person is RC240.
    func readExpiry(_ node: Node, certification index: Int, reader: inout SchemaReader) -> [Condition]? {
        let certification = certifications[index]
        let name = "\(certification.id).expiry"
        guard let entries = node.mapping, !entries.isEmpty, let period = certification.validFor else {
            reader.report(
                .wrongType(
                    expected: "a mapping of comparisons such as `{before: deadline}`", found: reader.found(node)),
                at: node)
            return nil
        }
        let input = certification.inputIndex
        let domain = yearInputs[input].domain
        var conditions: [Condition] = []
        for entry in entries {
            guard let key = comparisonKey(entry.key, on: name, reader: &reader) else { return nil }
            guard let bounds = dateBounds(key, entry.value, subject: nil, reader: &reader) else { return nil }
            let text = "\(name): {\(key.rawValue): \(Self.render(entry.value))}"
            for bound in bounds {
                guard case .fixed(let date) = bound.operand else {
                    reader.report(.expirySubjectOperand(name), at: entry.value)
                    return nil
                }
                let limit = bound.limit(from: date)
                // The first day of the domain whose expiry is on or after the limit.
                var low = domain.lowerBound
                var high = domain.upperBound + 1
                while low < high {
                    let middle = low + (high - low) / 2
                    if period.expiry(from: LocalDate(dayNumber: middle)).dayNumber >= limit {
                        high = middle
                    } else {
                        low = middle + 1
                    }
                }
                let onInput = DateBound(isLower: bound.isLower, operand: .fixed(LocalDate(dayNumber: low)), shift: 0)
                conditions.append(condition(.personDate(input: input, onInput), text, entry.value, reader))
            }
        }
        return conditions
    }
}
