import YAMLReader

/// Readers for values that both rule tables and expectations files hold.
extension SchemaReader {
    /// Certifications declared under `certifications`: each tied to a year input, with the day
    /// it expires (`MM-DD`, or chosen by an enum input: `{by: level, emr: 09-30, otherwise:
    /// 03-31}`), or to a per-person date, with how long it stays valid (`valid_for: 2 years`).
    package mutating func certifications(_ node: Node, inputs: [YearInput], asOf: String? = nil) -> [Certification] {
        var certifications: [Certification] = []
        for (name, key, value) in namedEntries(node, in: "`certifications`", kind: "certification") {
            guard let fields = mapping(value, in: "certification `\(name)`", keys: CertificationKey.self) else {
                continue
            }
            let expiresNode = fields[.expires]
            let validNode = fields[.validFor]
            if expiresNode == nil, validNode == nil, !Self.suggestsExpiry(value) {
                report(.certificationWithoutExpiry(name), at: value)
            }
            guard expiresNode != nil || validNode != nil else { continue }
            guard let inputNode = fields[.input], let inputName = text(inputNode, what: "an input name") else {
                continue
            }
            _ = fields[.label].map { text($0, what: "a label") }
            if let index = inputs.firstIndex(where: { $0.name == inputName && $0.isDate }) {
                if let expiresNode {
                    report(.expiresOnPersonDate(name, input: inputName), at: expiresNode)
                    continue
                }
                // Without `expires`, `valid_for` is here (neither was reported above).
                guard let validNode, let period = validityPeriod(validNode) else { continue }
                certifications.append(
                    Certification(
                        id: name, inputIndex: index, expires: nil, expiresBy: nil, validFor: period,
                        location: location(key)))
                continue
            }
            if inputName == asOf {
                report(.certificationOnAsOf(name, input: inputName), at: inputNode)
                continue
            }
            let inputIndex = inputs.firstIndex { $0.name == inputName && $0.isYear }
            if inputIndex == nil {
                let years = inputs.filter(\.isYear).map(\.name)
                reportUndefined("year input", inputName, candidates: years, at: inputNode)
            }
            if inputIndex != nil, let validNode {
                report(.validityOnYearInput(name, input: inputName), at: validNode)
                continue
            }
            guard let expiresNode else { continue }
            let expires: (MonthDay, ExpiryChoice?)?
            if expiresNode.mapping != nil {
                expires = expiryChoice(expiresNode, certification: name, inputs: inputs).map {
                    ($0.fallback, $0.choice)
                }
            } else {
                expires = monthDay(expiresNode).map { ($0, nil) }
            }
            guard let inputIndex, let (day, choice) = expires else { continue }
            certifications.append(
                Certification(
                    id: name, inputIndex: inputIndex, expires: day, expiresBy: choice, validFor: nil,
                    location: location(key)))
        }
        return certifications
    }

    /// Whether a certification's mapping has an unknown key whose "did you mean" is `expires`
    /// or `valid_for` (reported as such, so not again as a missing expiry).
    private static func suggestsExpiry(_ node: Node) -> Bool {
        node.mapping?.contains { entry in
            guard let key = entry.key.scalar?.value, CertificationKey(rawValue: key) == nil else { return false }
            let suggestion = Suggestion.closest(to: key, in: CertificationKey.names)
            return suggestion == CertificationKey.expires.rawValue || suggestion == CertificationKey.validFor.rawValue
        } ?? false
    }

    /// `MM-DD`, or `nil`.
    package static func monthDay(_ text: String) -> MonthDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        return MonthDay(month: month, day: day)
    }

    /// An exact amount of money from its `amount` and `currency` cells.
    package mutating func money(amount amountNode: Node, currency currencyNode: Node) -> Money? {
        var minorUnits: Int?
        if let text = text(amountNode, what: "an amount") {
            switch Money.parseMinorUnits(text) {
            case .success(let units): minorUnits = units
            case .failure(let error): report(.invalidMoney(text, reason: Self.reason(error)), at: amountNode)
            }
        }
        var currency: String?
        if let code = text(currencyNode, what: "a currency") {
            if code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                currency = code
            } else {
                report(.invalidCurrency(code), at: currencyNode)
            }
        }
        guard let minorUnits, let currency else { return nil }
        return Money(minorUnits: minorUnits, currency: currency)
    }

    package static func reason(_ error: Money.ParseError) -> String {
        switch error {
        case .notDecimal: return "not a decimal number"
        case .tooManyDecimals: return "more than two decimals"
        case .negative: return "amounts cannot be negative"
        case .tooLarge: return "more than 1,000,000,000"
        }
    }
}
