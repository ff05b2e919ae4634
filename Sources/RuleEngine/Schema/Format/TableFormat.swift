/// The rule-table format (`rulecheck/1`): its header and inputs. Rules, outcomes, fees and
/// deadlines are in `TableFormat+Entries.swift`, conditions in `ConditionFormat.swift`.
package enum TableFormat {
    /// The value of `format:`.
    package static let version = "rulecheck/1"
    /// The schema's title.
    package static let title = "rulecheck rule table (rulecheck/1)"
    /// What a rule table is.
    package static let doc =
        "A versioned policy table: inputs, certifications, fees, deadlines, derived outputs, actions and rules. Check a table with `rulecheck validate`; this schema covers its shape, not references, domains, gaps or overlaps."

    /// Every mapping with fixed keys in a rule table.
    package static let mappings: [any FormatKey.Type] = [
        TableKey.self, PolicyKey.self, WindowKey.self, LabelsKey.self, InputKey.self, YearDomainKey.self,
        IntegerDomainKey.self, DateDomainKey.self, CertificationKey.self, FeeKey.self, DeadlineKey.self, RuleKey.self,
        OtherwiseKey.self, OutcomeKey.self,
        YearConditionKey.self, ValueConditionKey.self, DateComparisonKey.self, OutputKey.self,
    ]
}

/// The top-level keys of a rule table.
package enum TableKey: String, FormatKey {
    case format, policy, cycle
    case hitPolicy = "hit_policy"
    case inputs, certifications, fees, deadlines, derived, outputs, actions, rules, otherwise, labels

    package var spec: KeySpec {
        switch self {
        case .format:
            return .required(.constant(TableFormat.version), "The format version: `\(TableFormat.version)`.")
        case .policy:
            return .required(
                .mapping(PolicyKey.self),
                "What the table is: its identity, source, time zone and the dates it answers for.")
        case .cycle:
            return .required(
                .fourDigitYear,
                "The cycle year; years anywhere may be written relative to it: `cycle`, `cycle + 1`, `cycle - 4`.")
        case .hitPolicy:
            return .optional(
                .oneOf(HitPolicy.allCases.map(\.rawValue)),
                "How rules that match the same input are resolved: `unique` (default: overlaps are errors) or `first` (the first match in file order wins)."
            )
        case .inputs:
            return .required(
                .named(FormatElement(.input, "An input."), minimum: 2, maximum: RuleTable.maxYearInputs + 1),
                "The inputs by name: the question's date (`type: date`; with several date inputs, the one marked `role: as_of`; its domain is the window) and 1 to \(RuleTable.maxYearInputs) other inputs (`type: year`, `integer`, `boolean`, `enum`, or `date` for a per-person date)."
            )
        case .certifications:
            return .certifications
        case .fees:
            return .optional(
                .named(FormatElement(.mapping(FeeKey.self), "A fee.")), "Fees by id, referred to by rules' `fee`.")
        case .deadlines:
            return .optional(
                .named(FormatElement(.mapping(DeadlineKey.self), "A deadline.")),
                "Deadlines by id, referred to by rules' `deadlines` and by date conditions.")
        case .derived:
            return .optional(
                .named(
                    FormatElement(.shape(.conditions), "The conditions under which the output is true."),
                    maximum: RuleTable.maxDerivedOutputs),
                "Boolean outputs computed for every decision, each true exactly where its conditions hold, such as `can_staff_ambulance: {as_of: {on_or_before: ma.expiry}}`."
            )
        case .outputs:
            return .optional(
                .named(
                    FormatElement(.mapping(OutputKey.self), "A typed output."), maximum: TableFormat.maxTypedOutputs),
                "Typed outputs by name (`integer`, `enum`, `date` or `boolean`), each set by every rule's `then:`, such as `ce_hours: {type: integer}`."
            )
        case .actions:
            return .optional(
                .named(FormatElement(.template, "The text of the action.")),
                "Steps a person may be told to take, by id; texts may contain `{cycle}` or `{cycle + 1}`, `{fee.ID}` (the fee's amount), `{deadline.ID}` (its date) and input names such as `{ma_expires}` or `{as_of}` (the person's value)."
            )
        case .rules:
            return .required(.list(FormatElement(.mapping(RuleKey.self), "A rule.")), "The rules, in file order.")
        case .otherwise:
            return .optional(
                .mapping(OtherwiseKey.self), "The rule that decides every input no other rule matches.")
        case .labels:
            return .optional(
                .mapping(LabelsKey.self),
                "Plain words for cohorts and statuses, shown to people (text outputs, pages, the HTML matrix) and never in JSON or CSV, such as `cohorts: {one-year-alignment: Aligning your two cycles this year}`."
            )
        }
    }
}

/// The keys of `labels:`: plain words by cohort and by status id.
package enum LabelsKey: String, FormatKey {
    case cohorts, statuses

    package var spec: KeySpec {
        switch self {
        case .cohorts:
            return .optional(
                .named(FormatElement(.text, "The cohort in plain words.")),
                "Words by cohort id; each id must be a cohort some rule decides.")
        case .statuses:
            return .optional(
                .named(FormatElement(.text, "The status in plain words.")),
                "Words by status id; each id must be a status some rule decides.")
        }
    }
}

/// The keys of `policy:`.
package enum PolicyKey: String, FormatKey {
    case id, version, title, source
    case sourceURL = "source_url"
    case timeZone = "time_zone"
    case window

    package var spec: KeySpec {
        switch self {
        case .id: return .required(.identifier, "A stable identifier such as `ma-oems-nremt-alignment`.")
        case .version: return .required(.text, "The version, such as \"2026\".")
        case .title: return .required(.text, "A human title.")
        case .source: return .required(.text, "Where the policy was published.")
        case .sourceURL:
            return .optional(.url, "The published page's address, an `http` or `https` URL; pages link to it.")
        case .timeZone: return .required(.timeZone, "The IANA time zone of the dates, such as America/New_York.")
        case .window: return .required(.mapping(WindowKey.self), "The dates the table answers for.")
        }
    }
}

/// The keys of `window:`, the dates a table answers for.
package enum WindowKey: String, FormatKey {
    case from, to

    package var spec: KeySpec {
        switch self {
        case .from: return .required(.date, "The first day.")
        case .to: return .required(.date, "The last day.")
        }
    }
}

/// The kinds of input (`type:`), each with the keys its declaration takes: one entry per type.
package enum InputType: String, CaseIterable, Sendable {
    case year, date, integer, boolean
    case enumeration = "enum"

    /// The most values an enum input may declare.
    package static let maxEnumValues = 64
    /// The most values an integer input's domain may span.
    package static let maxIntegerValues = 1_000
    /// The most days a per-person date's domain may span (about 200 years).
    package static let maxDateDays = 73_050
    /// The most classes of days the conditions may cut a per-person date into (or the
    /// difference of two compared per-person dates).
    package static let maxDateClasses = 4_096

    /// The shape of `domain:` for this type, if it takes one.
    package var domainValue: FormatValue {
        switch self {
        case .integer: return .mapping(IntegerDomainKey.self)
        case .date: return .mapping(DateDomainKey.self)
        case .year, .boolean, .enumeration: return .mapping(YearDomainKey.self)
        }
    }

    /// The keys it takes, which of them it requires, and what it is.
    package var spec: InputTypeSpec {
        switch self {
        case .integer:
            return InputTypeSpec(
                keys: [.type, .label, .domain], required: [.type, .domain],
                doc:
                    "An input whose values are whole numbers in a range, such as years of service (at most \(Self.maxIntegerValues) values).",
                summary: "An integer input.")
        case .boolean:
            return InputTypeSpec(
                keys: [.type, .label], required: [.type], doc: "An input that is `true` or `false`.",
                summary: "A boolean input.")
        case .enumeration:
            return InputTypeSpec(
                keys: [.type, .label, .values], required: [.type, .values],
                doc:
                    "An input that is one of a list of words, such as a certification level (at most \(Self.maxEnumValues) values).",
                summary: "An enum input.")
        case .year:
            return InputTypeSpec(
                keys: [.type, .label, .domain, .allowsNone], required: [.type, .domain],
                doc: "An input whose values are years, such as the year a certification expires.",
                summary: "A year input.")
        case .date:
            return InputTypeSpec(
                keys: [.type, .label, .role, .domain], required: [.type],
                doc:
                    "A date: the question's date (the as-of date, whose domain is the policy's window; with several date inputs, the one marked `role: as_of`), or a per-person date such as the day a person was certified (it needs a `domain:` of at most \(Self.maxDateDays) days, and has no default).",
                summary: "A date input.")
        }
    }
}

/// What an input of one ``InputType`` is declared with.
package struct InputTypeSpec: Sendable {
    /// The keys it takes, in order.
    package let keys: [InputKey]
    /// The keys it must have.
    package let required: [InputKey]
    /// What an input of this type is.
    package let doc: String
    /// A short name for it, where the inputs refer to the type.
    package let summary: String
}

/// The keys of an input declaration; which ones apply depends on its ``InputType``.
package enum InputKey: String, FormatKey {
    case type, label, domain
    case allowsNone = "none"
    case values, role

    package var spec: KeySpec {
        switch self {
        case .type: return .required(.oneOf(InputType.allCases.map(\.rawValue)), "The input's type.")
        case .label: return .optional(.text, "A human label.")
        case .domain:
            return .optional(
                .mapping(YearDomainKey.self),
                "The values the table answers for: years (at most 200) for a year input, integers (at most \(InputType.maxIntegerValues)) for an integer input, dates (at most \(InputType.maxDateDays) days) for a per-person date."
            )
        case .role:
            return .optional(
                .oneOf([DateRole.asOf.rawValue]),
                "A date input's role: `as_of` marks the question's date when a table has several date inputs (the others are per-person dates)."
            )
        case .allowsNone: return .optional(.boolean, "Whether `none` (never held) is a value of the input.")
        case .values:
            return .optional(
                .list(FormatElement(.identifier, "One value.")),
                "An enum input's values, in order: distinct identifiers such as `[emt, aemt, paramedic]`.")
        }
    }
}

/// The keys of a year input's `domain:`.
package enum YearDomainKey: String, FormatKey {
    case from, to

    package var spec: KeySpec {
        switch self {
        case .from: return .required(.year, "The first year.")
        case .to: return .required(.year, "The last year.")
        }
    }
}

/// The keys of a per-person date's `domain:`.
package enum DateDomainKey: String, FormatKey {
    case from, to

    package var spec: KeySpec {
        switch self {
        case .from: return .required(.date, "The first day.")
        case .to: return .required(.date, "The last day.")
        }
    }
}

/// The roles a date input can be given (`role:`).
package enum DateRole: String, CaseIterable, Sendable {
    /// The question's date.
    case asOf = "as_of"
}

/// The keys of an integer input's `domain:`.
package enum IntegerDomainKey: String, FormatKey {
    case from, to

    package var spec: KeySpec {
        switch self {
        case .from: return .required(.integer, "The least value.")
        case .to: return .required(.integer, "The greatest value.")
        }
    }
}
