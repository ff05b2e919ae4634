/// The keys of a condition on a year input written as a mapping; several keys all apply.
package enum YearConditionKey: String, FormatKey {
    case from, to
    case inSet = "in"
    case equals, not
    case before, after
    case onOrBefore = "on_or_before"
    case onOrAfter = "on_or_after"

    package static var requiresSomeKey: Bool { true }

    package var spec: KeySpec {
        switch self {
        case .from:
            return .optional(.year, "The first year of a range (default: the start of the input's domain).")
        case .to: return .optional(.year, "The last year of a range (default: the end of the input's domain).")
        case .inSet:
            return .optional(
                .list(FormatElement(.shape(.yearValue), "One value of the set.")),
                "A set of values, any of which matches.")
        case .equals:
            return .optional(
                .anyOf([
                    FormatElement(.year, "A year."),
                    FormatElement(.inputOffset, "Another input's name and an offset."),
                ]),
                "Another year input plus an offset, such as `ma_expires + 1` (`none` never equals anything), or a year."
            )
        case .not: return .optional(.shape(.yearCondition), "Matches where the inner condition does not.")
        case .before: return Self.ordering("Strictly before")
        case .after: return Self.ordering("Strictly after")
        case .onOrBefore: return Self.ordering("In or before")
        case .onOrAfter: return Self.ordering("In or after")
        }
    }

    private static func ordering(_ relation: String) -> KeySpec {
        .optional(
            .anyOf([
                FormatElement(.year, "A year."),
                FormatElement(.inputOffset, "Another input's name and an offset."),
            ]),
            "\(relation) another year input plus an offset, such as `ma_expires` or `ma_expires + 1` (`none` on either side never matches), or a year."
        )
    }
}

/// The keys of a condition on an integer, boolean or enum input written as a mapping; several
/// keys all apply.
package enum ValueConditionKey: String, FormatKey {
    case inSet = "in"
    case notIn = "not_in"
    case from, to

    package static var requiresSomeKey: Bool { true }

    package var spec: KeySpec {
        let value = FormatElement(.shape(.discreteValue), "One value.")
        switch self {
        case .inSet: return .optional(.list(value), "A set of values, any of which matches.")
        case .notIn: return .optional(.list(value), "A set of values, none of which matches.")
        case .from: return .optional(.integer, "An integer input's least matching value (default: its domain's).")
        case .to: return .optional(.integer, "An integer input's greatest matching value (default: its domain's).")
        }
    }
}

/// The comparisons of a condition on the date input; several all apply.
package enum DateComparisonKey: String, FormatKey {
    case on, before
    case onOrBefore = "on_or_before"
    case after
    case onOrAfter = "on_or_after"
    case by, past

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "dateCondition",
        doc:
            "A condition on a date input: comparisons that all apply, such as `{past: recommended, by: ma-expiry}`.")

    package static var requiresSomeKey: Bool { true }

    package var spec: KeySpec {
        let operand =
            "a deadline id, a certification's expiry such as `ma.expiry`, a date YYYY-MM-DD or another date input, optionally plus or minus days or months (`ma.expiry + 30 days`, `certified_on + 1 month`)"
        switch self {
        case .on: return .optional(.dateOperand, "That day only: \(operand).")
        case .before: return .optional(.dateOperand, "Strictly before \(operand).")
        case .onOrBefore: return .optional(.dateOperand, "On or before \(operand).")
        case .after: return .optional(.dateOperand, "Strictly after \(operand).")
        case .onOrAfter: return .optional(.dateOperand, "On or after \(operand).")
        case .by: return .optional(.deadlineID, "Still in time for a deadline id, honouring its `inclusive`.")
        case .past: return .optional(.deadlineID, "No longer in time for a deadline id, honouring its `inclusive`.")
        }
    }
}
