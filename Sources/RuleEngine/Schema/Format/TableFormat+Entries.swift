/// The entries of a rule table: certifications, fees, deadlines, rules and their outcomes.
extension KeySpec {
    /// `certifications:`, in rule tables and expectations files alike.
    package static let certifications = KeySpec.optional(
        .named(FormatElement(.mapping(CertificationKey.self), "A certification.")),
        "Certifications by id (such as `ma`): each names its year input and the day it expires.")
}

/// The keys of a certification.
package enum CertificationKey: String, FormatKey {
    case input, expires, label

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "certification",
        doc: "A certification whose expiry date comes from a year input; conditions refer to it as `ID.expiry`.")

    package var spec: KeySpec {
        switch self {
        case .input:
            return .required(.identifier, "The year input that holds the expiry year, such as `ma_expires`.")
        case .expires:
            return .required(
                .monthDay, "The day of the year it expires, MM-DD; it is valid through the end of that day.")
        case .label: return .optional(.text, "A human label.")
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
        case .date: return .required(.date, "The day.")
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

    package static let definition: FormatDefinition? = FormatDefinition(name: "outcome", doc: "What a rule decides.")

    package var spec: KeySpec {
        switch self {
        case .cohort: return .required(.identifier, "The cohort, such as `one-year-alignment`.")
        case .status: return .required(.identifier, "The status, such as `action-required`.")
        case .fee: return .optional(.identifier, "A fee id, or `none` (the default): the policy states no fee.")
        case .deadlines:
            return .optional(
                .list(FormatElement(.identifier, "An id.")), "Deadline ids, in the order to show them.")
        case .actions:
            return .required(.list(FormatElement(.identifier, "An id.")), "Action ids, in the order to take them.")
        }
    }
}
