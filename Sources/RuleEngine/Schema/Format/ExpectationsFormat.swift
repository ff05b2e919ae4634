/// The expectations format (`rulecheck-expect/1`).
package enum ExpectationsFormat {
    /// The value of `format:`.
    package static let version = "rulecheck-expect/1"
    /// The schema's title.
    package static let title = "rulecheck expectations (rulecheck-expect/1)"
    /// What an expectations file is.
    package static let doc =
        "Expected outcomes of a rule table, written from the policy text independently of the rules. Check them with `rulecheck test`."

    /// Every mapping with fixed keys in an expectations file.
    package static let mappings: [any FormatKey.Type] = [
        ExpectationsKey.self, CertificationKey.self, ExpiryChoiceKey.self, ExpectationRowKey.self,
        ExpectedFieldKey.self,
        ExpectedFeeKey.self, ExpectedDeadlineKey.self, ExpectedBoolKey.self, YearConditionKey.self,
        ValueConditionKey.self, DateComparisonKey.self,
    ]
}

/// The top-level keys of an expectations file.
package enum ExpectationsKey: String, FormatKey {
    case format, table, certifications, defaults, expectations

    package var spec: KeySpec {
        switch self {
        case .format:
            return .required(
                .constant(ExpectationsFormat.version), "The format version: `\(ExpectationsFormat.version)`.")
        case .table:
            return .optional(
                .text,
                "The rule table these expectations are for, relative to this file, such as `2026.yaml` (`rulecheck validate` needs it)."
            )
        case .certifications: return .certifications
        case .defaults:
            return .optional(.shape(.expectedFields), "Fields every row expects unless it says otherwise.")
        case .expectations:
            return .required(
                .list(FormatElement(.mapping(ExpectationRowKey.self), "An expectation row.")),
                "The rows, tried in order: the first whose `when` matches an input applies.")
        }
    }
}

/// The keys of an expectation row.
package enum ExpectationRowKey: String, FormatKey {
    case id, when, expect, note

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "row", doc: "An expectation: for the inputs its `when` matches, the fields it expects.")

    package var spec: KeySpec {
        switch self {
        case .id: return .required(.identifier, "The row's id, unique in the file.")
        case .when: return .required(.shape(.conditions), "The inputs this row is about; `{}` matches everything.")
        case .expect: return .required(.shape(.expectedFields), "What the table must decide for them.")
        case .note: return .optional(.text, "A remark for readers.")
        }
    }
}

/// The fixed keys of expected fields; their other keys are the table's derived outputs.
package enum ExpectedFieldKey: String, FormatKey {
    case cohort, status, fee, deadlines

    package var spec: KeySpec {
        switch self {
        case .cohort: return .optional(.identifier, "The expected cohort.")
        case .status: return .optional(.identifier, "The expected status.")
        case .fee:
            return .optional(
                .anyOf([
                    FormatElement(.constant("none"), "No fee is stated."),
                    FormatElement(.mapping(ExpectedFeeKey.self), "An exact amount of money."),
                    FormatElement(
                        .list(FormatElement(.mapping(ExpectedFeeKey.self), "One fee.")),
                        "Several fees, in the order the outcome lists them."),
                ]),
                "The expected fee: `none`; an amount and currency (the total, when the outcome has several fees); or a list of them, each fee in order."
            )
        case .deadlines:
            return .optional(
                .list(FormatElement(.shape(.expectedDeadline), "An expected deadline.")),
                "The expected deadlines, in order.")
        }
    }
}

/// The keys of an expected fee.
package enum ExpectedFeeKey: String, FormatKey {
    case amount, currency

    package var spec: KeySpec {
        switch self {
        case .amount: return .required(.amount, "The amount, such as \"62.50\".")
        case .currency: return .required(.currency, "The currency, such as USD.")
        }
    }
}

/// The keys of an expected deadline written as a mapping.
package enum ExpectedDeadlineKey: String, FormatKey {
    case date, inclusive, kind

    package var spec: KeySpec {
        switch self {
        case .date: return .required(.date, "The date.")
        case .inclusive: return .optional(.boolean, "Whether the day itself is still in time.")
        case .kind: return .optional(.identifier, "The deadline's kind, such as `expiry`.")
        }
    }
}

/// The keys of an expected derived output written as a mapping.
package enum ExpectedBoolKey: String, FormatKey {
    case when

    package var spec: KeySpec {
        switch self {
        case .when: return .required(.shape(.conditions), "The conditions.")
        }
    }
}
