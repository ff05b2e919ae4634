/// The entries of a rule table: certifications, fees, deadlines, rules and their outcomes.
extension KeySpec {
    /// `certifications:`, in rule tables and expectations files alike.
    package static let certifications = KeySpec.optional(
        .named(FormatElement(.mapping(CertificationKey.self), "A certification.")),
        "Certifications by id (such as `ma`): each names its year input and the day it expires, which may depend on an enum input, or a per-person date and how long it stays valid."
    )
}

/// The keys of a certification.
package enum CertificationKey: String, FormatKey {
    case input, expires
    case validFor = "valid_for"
    case label

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "certification",
        doc:
            "A certification whose expiry date comes from a year input (and the day from an enum input, with `by`), or from a per-person date plus a period (`valid_for`); conditions refer to it as `ID.expiry`."
    )

    package var spec: KeySpec {
        switch self {
        case .input:
            return .required(
                .identifier,
                "The year input that holds the expiry year, such as `ma_expires`, or the per-person date it counts from, such as `cpr_on`."
            )
        case .expires:
            return .optional(
                .anyOf([
                    FormatElement(.monthDay, "The same day for everyone, MM-DD."),
                    FormatElement(
                        .open(
                            ExpiryChoiceKey.self,
                            others: FormatElement(.monthDay, "The day for that value of the enum input, MM-DD.")),
                        "The day by the value of an enum input, such as `{by: level, emr: 09-30, otherwise: 03-31}`."),
                ]),
                "For a year input (required there): the day of the year it expires, MM-DD, or a day per value of an enum input; it is valid through the end of that day."
            )
        case .validFor:
            return .optional(
                .period,
                "For a per-person date (required there): how long it stays valid, such as `2 years`, `18 months` or `730 days`; it expires on that date plus the period (months clamped to the month's last day) and is valid through the end of that day."
            )
        case .label: return .optional(.text, "A human label.")
        }
    }
}

/// The fixed keys of an expiry day chosen by an enum input; its other keys are the enum's values.
package enum ExpiryChoiceKey: String, FormatKey {
    case by, otherwise

    package var spec: KeySpec {
        switch self {
        case .by: return .required(.identifier, "The enum input whose value chooses the day, such as `level`.")
        case .otherwise:
            return .optional(.monthDay, "The day for every value not listed (required unless every value is listed).")
        }
    }
}

/// The keys of a fee.
package enum FeeKey: String, FormatKey {
    case amount, currency, label

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "fee", doc: "A fee: an exact amount of money.")

    package var spec: KeySpec {
        switch self {
        case .amount: return .required(.amount, "The amount, such as \"62.50\".")
        case .currency: return .required(.currency, "The currency, such as USD.")
        case .label: return .optional(.text, "A human label.")
        }
    }
}

/// The keys of a deadline.
package enum DeadlineKey: String, FormatKey {
    case date, kind, inclusive, label, precedes

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "deadline", doc: "A deadline: a day, its kind, and whether the day itself is still in time.")

    package var spec: KeySpec {
        switch self {
        case .date:
            return .required(
                .anyOf([
                    FormatElement(.date, "The day, YYYY-MM-DD."),
                    FormatElement(.relativeDate, "A deadline declared above plus an offset."),
                ]),
                "The day: a date, or a deadline declared above plus an offset in days or months, such as `renewal-closes + 30 days`."
            )
        case .kind:
            return .required(.identifier, "What kind of deadline it is, such as `recommended`, `expiry` or `closes`.")
        case .inclusive: return .required(.boolean, "Whether the day itself still counts as in time.")
        case .label: return .optional(.text, "A human label.")
        case .precedes: return .optional(.identifier, "A deadline that must not come earlier than this one.")
        }
    }
}

/// The keys of a rule under `rules:`.
package enum RuleKey: String, FormatKey {
    case id, when, then, note

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "rule", doc: "A rule: when all its conditions hold, it decides the outcome.")

    package var spec: KeySpec {
        switch self {
        case .id: return .required(.identifier, "The rule's id, unique in the table.")
        case .when:
            return .optional(
                .shape(.conditions), "The conditions, by input name; all must hold (default: none, so always).")
        case .then: return .required(.mapping(OutcomeKey.self), "What the rule decides.")
        case .note: return .optional(.text, "A remark for readers; not used in decisions.")
        }
    }
}

/// The keys of `otherwise:`, the rule without conditions.
package enum OtherwiseKey: String, FormatKey {
    case id, then, note

    package var spec: KeySpec {
        switch self {
        case .id: return .required(.identifier, "The rule's id.")
        case .then: return .required(.mapping(OutcomeKey.self), "What it decides.")
        case .note: return .optional(.text, "A remark for readers; not used in decisions.")
        }
    }
}

/// The keys of a rule's `then:`.
package enum OutcomeKey: String, FormatKey {
    case cohort, status, fee, deadlines, actions

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "outcome", doc: "What a rule decides; its other keys are the table's typed outputs.")

    package static var otherKeys: FormatElement? { TableFormat.outputValue }

    package var spec: KeySpec {
        switch self {
        case .cohort: return .required(.identifier, "The cohort, such as `one-year-alignment`.")
        case .status: return .required(.identifier, "The status, such as `action-required`.")
        case .fee:
            return .optional(
                .anyOf([
                    FormatElement(.identifier, "A fee id, or `none`."),
                    FormatElement(.list(FormatElement(.identifier, "A fee id.")), "Several fees, all in one currency."),
                ]),
                "A fee id, a list of fee ids (shown each and totalled; all in one currency), or `none` (the default): the policy states no fee."
            )
        case .deadlines:
            return .optional(
                .list(FormatElement(.identifier, "An id.")), "Deadline ids, in the order to show them.")
        case .actions:
            return .required(.list(FormatElement(.identifier, "An id.")), "Action ids, in the order to take them.")
        }
    }
}
