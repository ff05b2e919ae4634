/// The catalogue of schema messages: codes RC2xx.
extension DiagnosticMessage {
    package static func unknownKey(_ key: String, in place: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .unknownKey, text: "unknown key `\(key)` in \(place)",
            help: suggestion.map { "did you mean `\($0)`?" })
    }

    /// A value outside a field's fixed set, such as `hit_policy: uniqe`.
    package static func unknownValue(_ value: String, for field: String, in place: String? = nil, allowed: [String])
        -> DiagnosticMessage
    {
        let suggestion = Suggestion.closest(to: value, in: allowed)
        let choices = allowed.map { "`\($0)`" }.joined(separator: ", ")
        return DiagnosticMessage(
            code: .unknownValue, text: "unknown value `\(value)` for `\(field)`" + (place.map { " in \($0)" } ?? ""),
            help: suggestion.map { "did you mean `\($0)`?" } ?? "the values are \(choices)")
    }

    package static func missingKey(_ key: String, in place: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .missingKey, text: "missing key `\(key)` in \(place)")
    }

    package static func wrongType(expected: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .wrongType, text: "expected \(expected), found \(found)")
    }

    package static func invalidDate(_ text: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidDate, text: "`\(text)` is not a valid date: \(reason)", help: "write dates as YYYY-MM-DD")
    }

    package static func invalidYear(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidYear, text: "`\(text)` is not a year",
            help: "write a four-digit year such as `2026`, or a year relative to the cycle such as `cycle + 1`")
    }

    package static func yearOutsideDomain(_ year: Int, input: String, domain: ClosedRange<Int>) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidYear,
            text: "year \(year) is outside the domain \(domain.lowerBound)–\(domain.upperBound) of `\(input)`")
    }

    package static func invalidMoney(_ text: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidMoney, text: "`\(text)` is not a valid amount: \(reason)",
            help: "write a non-negative amount with at most two decimals, such as `62.50`")
    }

    package static func undefinedReference(_ kind: String, _ name: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .undefinedReference, text: "undefined \(kind) `\(name)`",
            help: suggestion.map { "did you mean `\($0)`?" })
    }

    package static func duplicateID(_ kind: String, _ id: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .duplicateID, text: "duplicate \(kind) id `\(id)`")
    }
    package static let firstDefinition = "first defined here"

    package static func invalidCondition(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .invalidCondition, text: reason)
    }

    package static func invalidBoolean(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .notABoolean, text: "`\(text)` is not a boolean",
            help: "write `true` or `false`; YAML 1.1 words such as `yes`, `no`, `on` and `off` are not read as booleans"
        )
    }

    package static func unsupportedFormat(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .unsupportedFormat, text: "unsupported format `\(text)`",
            help: "this version of rulecheck reads `rulecheck/1`")
    }

    package static func invalidIdentifier(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidIdentifier, text: "`\(text)` is not a valid identifier",
            help: "use letters, digits, `-`, `_` and `.`, starting with a letter or digit")
    }

    package static func domainTooLarge(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .domainTooLarge, text: what)
    }

    package static func invalidValue(_ error: InputValueError) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidValue, text: "\(error.shownText) is not a value of `\(error.input)`",
            help: error.suggestion.map { "did you mean `\($0)`? `\(error.input)` takes \(error.allowed)" }
                ?? "`\(error.input)` takes \(error.allowed)")
    }

    package static func domainReversed(from: Int, to: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .dateOrder, text: "the year domain runs backwards: from \(from) to \(to)",
            help: "swap `from` and `to`")
    }

    package static func limitExceeded(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .tableLimit, text: what)
    }

    package static func unknownTimeZone(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .unknownTimeZone, text: "unknown time zone `\(text)`",
            help: "use an IANA name such as `America/New_York`")
    }

    package static func invalidMonthDay(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidMonthDay, text: "`\(text)` is not a month and day",
            help: "write the expiry day as MM-DD, such as `03-31`")
    }

    package static func invalidPlaceholder(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidPlaceholder, text: "invalid placeholder `{\(text)}` in text",
            help: Self.placeholderHelp(suggestion: nil))
    }

    package static func undefinedPlaceholder(_ text: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidPlaceholder, text: "invalid placeholder `{\(text)}` in text",
            help: Self.placeholderHelp(suggestion: suggestion))
    }

    package static func unclosedPlaceholder(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidPlaceholder, text: "placeholder `\(text)` is not closed with `}`",
            help: Self.placeholderHelp(suggestion: nil))
    }

    private static func placeholderHelp(suggestion: String?) -> String {
        suggestion.map { "did you mean `{\($0)}`?" }
            ?? "placeholders are `{cycle}` or `{cycle + 1}`, `{fee.ID}`, `{deadline.ID}` or an input's name such as `{as_of}`"
    }

    package static func mixedCurrencies(_ fee: String, _ currency: String, first: String, _ firstCurrency: String)
        -> DiagnosticMessage
    {
        DiagnosticMessage(
            code: .mixedCurrencies,
            text: "fee `\(fee)` is in \(currency), but `\(first)` of the same outcome is in \(firstCurrency)",
            help: "the fees of one outcome are totalled, so they must share a currency")
    }

    package static func invalidOutputValue(_ output: String, expected: String, found: String, suggestion: String?)
        -> DiagnosticMessage
    {
        DiagnosticMessage(
            code: .invalidOutputValue, text: "output `\(output)` expects \(expected), found \(found)",
            help: suggestion.map { "did you mean `\($0)`?" })
    }

    package static func unknownLabel(_ kind: OutcomeLabelKind, _ id: String, suggestion: String?)
        -> DiagnosticMessage
    {
        let text = "label for `\(id)`, which is not a \(kind.rawValue) of any rule"
        let help = suggestion.map { "did you mean `\($0)`?" }
        switch kind {
        case .cohort: return DiagnosticMessage(code: .unknownCohortLabel, text: text, help: help)
        case .status: return DiagnosticMessage(code: .unknownStatusLabel, text: text, help: help)
        }
    }

    package static func invalidSourceURL(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidSourceURL, text: "`\(text)` is not an http or https URL",
            help: "write the published page's full address, such as `https://www.mass.gov/...`")
    }

    package static func enumWithoutValues(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .missingKey, text: "enum output `\(name)` lists no `values`",
            help: "add the words it may take, such as `values: [emt, paramedic]`")
    }

    package static func reservedOutputName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .duplicateID, text: "output name `\(name)` is already a member of every decision",
            help: "choose another name")
    }

    package static func invalidCurrency(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidCurrency, text: "`\(text)` is not a currency code",
            help: "write an ISO 4217 code such as `USD`")
    }

    package static func emptyValue(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .emptyValue, text: "\(what) must not be empty")
    }
}

/// Messages about dates in an impossible order, raised while loading: code RC304.
extension DiagnosticMessage {
    package static func windowReversed(from: LocalDate, to: LocalDate) -> DiagnosticMessage {
        DiagnosticMessage(code: .dateOrder, text: "window ends on \(to), before it starts on \(from)")
    }

    package static func dateOutsideWindow(_ date: LocalDate, start: LocalDate, end: LocalDate) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .dateOutsideWindow, text: "date \(date) lies outside the table's window \(start) to \(end)",
            help: "a table only answers inside its window; move the date with the window, or widen the window")
    }
}

/// Messages about expectations files: codes RC4xx.
extension DiagnosticMessage {
    package static func expectationsTableUnusable(_ table: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .expectationsTableUnusable,
            text: "the table `\(table)` these expectations are for cannot be used: \(reason)",
            help: "run `rulecheck validate` on the table first")
    }

    package static func expectationsTableUnreadable(_ table: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .expectationsTableUnusable,
            text: "the table `\(table)` these expectations are for cannot be read: \(reason)",
            help: "`table:` is a path relative to this expectations file; check that the file exists there")
    }

    package static let expectationsTableMissing = DiagnosticMessage(
        code: .expectationsTableMissing, text: "missing key `table`: which rule table these expectations are for",
        help: "add `table: 2026.yaml`, a path relative to this file")
}
