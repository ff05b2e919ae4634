/// The catalogue of schema messages: codes RC2xx.
extension DiagnosticMessage {
    static func unknownKey(_ key: String, in place: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC201", text: "unknown key `\(key)` in \(place)",
            help: suggestion.map { "did you mean `\($0)`?" })
    }

    /// A value outside a field's fixed set, such as `hit_policy: uniqe`.
    static func unknownValue(_ value: String, for field: String, in place: String? = nil, allowed: [String])
        -> DiagnosticMessage
    {
        let suggestion = Suggestion.closest(to: value, in: allowed)
        let choices = allowed.map { "`\($0)`" }.joined(separator: ", ")
        return DiagnosticMessage(
            code: "RC219", text: "unknown value `\(value)` for `\(field)`" + (place.map { " in \($0)" } ?? ""),
            help: suggestion.map { "did you mean `\($0)`?" } ?? "the values are \(choices)")
    }

    static func missingKey(_ key: String, in place: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC202", text: "missing key `\(key)` in \(place)")
    }

    static func wrongType(expected: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC203", text: "expected \(expected), found \(found)")
    }

    static func invalidDate(_ text: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC204", text: "`\(text)` is not a valid date: \(reason)", help: "write dates as YYYY-MM-DD")
    }

    static func invalidYear(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC205", text: "`\(text)` is not a year",
            help: "write a four-digit year such as `2026`, or a year relative to the cycle such as `cycle + 1`")
    }

    static func yearOutsideDomain(_ year: Int, input: String, domain: ClosedRange<Int>) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC205",
            text: "year \(year) is outside the domain \(domain.lowerBound)–\(domain.upperBound) of `\(input)`")
    }

    static func invalidMoney(_ text: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC206", text: "`\(text)` is not a valid amount: \(reason)",
            help: "write a non-negative amount with at most two decimals, such as `62.50`")
    }

    static func undefinedReference(_ kind: String, _ name: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC207", text: "undefined \(kind) `\(name)`", help: suggestion.map { "did you mean `\($0)`?" })
    }

    static func duplicateID(_ kind: String, _ id: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC208", text: "duplicate \(kind) id `\(id)`")
    }
    static let firstDefinition = "first defined here"

    static func invalidCondition(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC209", text: reason)
    }

    static func invalidBoolean(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC210", text: "`\(text)` is not a boolean",
            help: "write `true` or `false`; YAML 1.1 words such as `yes`, `no`, `on` and `off` are not read as booleans"
        )
    }

    static func unsupportedFormat(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC211", text: "unsupported format `\(text)`", help: "this version of rulecheck reads `rulecheck/1`")
    }

    static func invalidIdentifier(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC212", text: "`\(text)` is not a valid identifier",
            help: "use letters, digits, `-`, `_` and `.`, starting with a letter or digit")
    }

    static func limitExceeded(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC213", text: what)
    }

    static func unknownTimeZone(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC214", text: "unknown time zone `\(text)`", help: "use an IANA name such as `America/New_York`")
    }

    static func invalidMonthDay(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC215", text: "`\(text)` is not a month and day",
            help: "write the expiry day as MM-DD, such as `03-31`")
    }

    static func invalidPlaceholder(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC216", text: "invalid placeholder `{\(text)}` in text",
            help: "placeholders are years relative to the cycle, such as `{cycle}` or `{cycle + 1}`")
    }

    static func invalidCurrency(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC217", text: "`\(text)` is not a currency code", help: "write an ISO 4217 code such as `USD`")
    }

    static func emptyValue(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC218", text: "\(what) must not be empty")
    }
}

/// Messages about dates in an impossible order, raised while loading: code RC304.
extension DiagnosticMessage {
    static func windowReversed(from: LocalDate, to: LocalDate) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC304", text: "window ends on \(to), before it starts on \(from)")
    }
}

/// Messages about expectations files: codes RC4xx.
extension DiagnosticMessage {
    static func expectationsTableUnusable(_ table: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC401", text: "the table `\(table)` these expectations are for cannot be used: \(reason)",
            help: "run `rulecheck validate` on the table first")
    }

    static let expectationsTableMissing = DiagnosticMessage(
        code: "RC402", text: "missing key `table`: which rule table these expectations are for",
        help: "add `table: 2026.yaml`, a path relative to this file")
}
