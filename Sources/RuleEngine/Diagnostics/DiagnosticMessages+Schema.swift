/// The catalogue of schema messages: codes RC2xx.
extension DiagnosticMessage {
    package static func unknownKey(_ key: String, in place: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC201", text: "unknown key `\(key)` in \(place)",
            help: suggestion.map { "did you mean `\($0)`?" })
    }

    package static func missingKey(_ key: String, in place: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC202", text: "missing key `\(key)` in \(place)")
    }

    package static func wrongType(expected: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC203", text: "expected \(expected), found \(found)")
    }

    package static func invalidDate(_ text: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC204", text: "`\(text)` is not a valid date: \(reason)", help: "write dates as YYYY-MM-DD")
    }

    package static func invalidYear(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC205", text: "`\(text)` is not a year",
            help: "write a four-digit year such as `2026`, or a year relative to the cycle such as `cycle + 1`")
    }

    package static func yearOutsideDomain(_ year: Int, input: String, domain: ClosedRange<Int>) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC205",
            text: "year \(year) is outside the domain \(domain.lowerBound)–\(domain.upperBound) of `\(input)`")
    }

    package static func invalidMoney(_ text: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC206", text: "`\(text)` is not a valid amount: \(reason)",
            help: "write a non-negative amount with at most two decimals, such as `62.50`")
    }

    package static func undefinedReference(_ kind: String, _ name: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC207", text: "undefined \(kind) `\(name)`", help: suggestion.map { "did you mean `\($0)`?" })
    }

    package static func duplicateID(_ kind: String, _ id: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC208", text: "duplicate \(kind) id `\(id)`")
    }
    package static let firstDefinition = "first defined here"

    package static func invalidCondition(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC209", text: reason)
    }

    package static func invalidBoolean(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC210", text: "`\(text)` is not a boolean",
            help: "write `true` or `false`; YAML 1.1 words such as `yes`, `no`, `on` and `off` are not read as booleans"
        )
    }

    package static func unsupportedFormat(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC211", text: "unsupported format `\(text)`", help: "this version of rulecheck reads `rulecheck/1`")
    }

    package static func invalidIdentifier(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC212", text: "`\(text)` is not a valid identifier",
            help: "use letters, digits, `-`, `_` and `.`, starting with a letter or digit")
    }

    package static func limitExceeded(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC213", text: what)
    }

    package static func unknownTimeZone(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC214", text: "unknown time zone `\(text)`", help: "use an IANA name such as `America/New_York`")
    }

    package static func invalidMonthDay(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC215", text: "`\(text)` is not a month and day",
            help: "write the expiry day as MM-DD, such as `03-31`")
    }

    package static func invalidPlaceholder(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC216", text: "invalid placeholder `{\(text)}` in text",
            help: "placeholders are years relative to the cycle, such as `{cycle}` or `{cycle + 1}`")
    }

    package static func invalidCurrency(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC217", text: "`\(text)` is not a currency code", help: "write an ISO 4217 code such as `USD`")
    }

    package static func emptyValue(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC218", text: "\(what) must not be empty")
    }
}

/// Messages about dates in an impossible order, raised while loading: code RC304.
extension DiagnosticMessage {
    package static func windowReversed(from: LocalDate, to: LocalDate) -> DiagnosticMessage {
        DiagnosticMessage(code: "RC304", text: "window ends on \(to), before it starts on \(from)")
    }

    package static func dateOutsideWindow(_ date: LocalDate, start: LocalDate, end: LocalDate) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC219", text: "date \(date) lies outside the table's window \(start) to \(end)",
            help: "a table only answers inside its window; move the date with the window, or widen the window")
    }
}

/// Messages about expectations files: codes RC4xx.
extension DiagnosticMessage {
    package static func expectationsTableUnusable(_ table: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: "RC401", text: "the table `\(table)` these expectations are for cannot be used: \(reason)",
            help: "run `rulecheck validate` on the table first")
    }

    package static let expectationsTableMissing = DiagnosticMessage(
        code: "RC402", text: "missing key `table`: which rule table these expectations are for",
        help: "add `table: 2026.yaml`, a path relative to this file")
}
