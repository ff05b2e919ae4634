/// The shape of a value in the rule-table and expectations formats.
///
/// The readers check these shapes in code; the JSON Schema builder turns each case into one
/// schema fragment, so a new shape is one case here and one in the builder's `switch`.
package indirect enum FormatValue: Sendable {
    // MARK: Scalars

    /// Text, taken as written; never empty.
    case text
    /// An identifier: letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    case identifier
    /// A date written `YYYY-MM-DD`.
    case date
    /// A year: four digits, or relative to the cycle such as `cycle + 1`.
    case year
    /// Four digits only (the cycle itself).
    case fourDigitYear
    /// `true` or `false`.
    case boolean
    /// A whole number, such as `24` or `-3`.
    case integer
    /// An exact amount of money, never negative, with at most two decimals.
    case amount
    /// An ISO 4217 currency code.
    case currency
    /// An IANA time zone name.
    case timeZone
    /// An `http` or `https` URL with a host.
    case url
    /// A day of the year, `MM-DD`.
    case monthDay
    /// A period of whole days, months or years, such as `2 years`.
    case period
    /// Text with placeholders: `{cycle}`, `{cycle + N}`, `{fee.ID}`, `{deadline.ID}` or an input's name.
    case template
    /// Another year input's name plus an offset, such as `ma_expires + 1`.
    case inputOffset
    /// A deadline id, a certification's expiry such as `ma.expiry`, or a date, with an
    /// optional offset such as `+ 30 days` or `- 2 months`.
    case dateOperand
    /// A deadline id or a date plus an offset in days or months, such as `renewal-closes + 30 days`.
    case relativeDate
    /// A deadline id.
    case deadlineID
    /// Exactly this word (a format version, or `none`).
    case constant(String)
    /// One of these words.
    case oneOf([String])

    // MARK: Structures

    /// A shape with a name, shared by several keys.
    case shape(FormatShape)
    /// A mapping with the fixed keys of `Key`.
    case mapping(any FormatKey.Type)
    /// A mapping with the fixed keys of `Key` whose other keys are names the table chooses.
    case open(any FormatKey.Type, others: FormatElement)
    /// An input declaration, whose keys depend on its ``InputType``.
    case input
    /// A mapping whose keys are names the file chooses (ids), with bounds on their number.
    case named(FormatElement, minimum: Int? = nil, maximum: Int? = nil)
    /// A list.
    case list(FormatElement)
    /// Any one of several shapes.
    case anyOf([FormatElement])
}

/// A shape that several keys share, with its name in the schemas (`$defs`).
package enum FormatShape: String, CaseIterable, Sendable {
    /// A value of a year input.
    case yearValue
    /// A condition on a year input.
    case yearCondition
    /// A value of an integer, boolean or enum input.
    case discreteValue
    /// A condition on an integer, boolean or enum input.
    case discreteCondition
    /// Conditions by input name.
    case conditions
    /// The fields an expectation row compares.
    case expectedFields
    /// An expected deadline.
    case expectedDeadline
    /// An expected derived output.
    case expectedBool

    /// What the shape is.
    package var doc: String {
        switch self {
        case .yearValue:
            return "A year, `none` (never held; only for inputs with `none: true`) or `any` (every value)."
        case .yearCondition:
            return
                "A condition on a year input: a value, a list of values, or a mapping with `from`, `to`, `in`, `equals` or `not`."
        case .discreteValue:
            return "A value of an integer, boolean or enum input, or `any` (every value)."
        case .discreteCondition:
            return
                "A condition on an integer, boolean or enum input: a value, a list of values, or a mapping with `in`, `not_in`, `from` or `to`."
        case .conditions:
            return
                "Conditions by input name, all of which must hold: year inputs take values, lists or ranges; the date input takes comparisons. `{}` matches everything."
        case .expectedFields:
            return
                "Expected fields; a field left out is not compared. Other keys are the table's derived outputs, such as `can_staff_ambulance`, and typed outputs, such as `ce_hours: 24`."
        case .expectedDeadline:
            return "An expected deadline: its date, or a mapping that also compares `inclusive` and `kind`."
        case .expectedBool:
            return
                "An expected derived output: `true`, `false`, or `{when: CONDITIONS}` (true exactly where they hold)."
        }
    }

    /// The shape itself.
    package var value: FormatValue {
        switch self {
        case .yearValue:
            return .anyOf([
                FormatElement(.year, "A year."),
                FormatElement(.oneOf(YearWord.allCases.map(\.rawValue)), "`none` or `any`."),
            ])
        case .yearCondition:
            return .anyOf([
                FormatElement(.shape(.yearValue), "Exactly this value."),
                FormatElement(
                    .list(FormatElement(.shape(.yearValue), "One value of the set.")), "Any of these values."),
                FormatElement(
                    .mapping(YearConditionKey.self),
                    "A condition on a year input written as a mapping; several keys all apply."),
            ])
        case .discreteValue:
            return .anyOf([
                FormatElement(.integer, "An integer."), FormatElement(.boolean, "A boolean."),
                FormatElement(.identifier, "An enum value, or `any`."),
            ])
        case .discreteCondition:
            return .anyOf([
                FormatElement(.shape(.discreteValue), "Exactly this value."),
                FormatElement(
                    .list(FormatElement(.shape(.discreteValue), "One value of the set.")), "Any of these values."),
                FormatElement(.mapping(ValueConditionKey.self), "A condition written as a mapping."),
            ])
        case .conditions:
            let condition = FormatValue.anyOf([
                FormatElement(.shape(.yearCondition), "A condition on a year input."),
                FormatElement(.shape(.discreteCondition), "A condition on an integer, boolean or enum input."),
                FormatElement(.mapping(DateComparisonKey.self), "A condition on the date input."),
            ])
            return .named(FormatElement(condition, "A condition on one input."))
        case .expectedFields:
            return .open(
                ExpectedFieldKey.self,
                others: FormatElement(
                    .anyOf([
                        FormatElement(
                            .shape(.expectedBool), "A derived output of the table, such as `can_staff_ambulance`."),
                        FormatElement(.integer, "An `integer` typed output."),
                        FormatElement(.identifier, "An `enum` or `date` typed output."),
                    ]),
                    "A derived or typed output of the table."))
        case .expectedDeadline:
            return .anyOf([
                FormatElement(.date, "The deadline's date."),
                FormatElement(
                    .mapping(ExpectedDeadlineKey.self), "The deadline's date and, optionally, how it counts."),
            ])
        case .expectedBool:
            return .anyOf([
                FormatElement(.boolean, "A constant."),
                FormatElement(.mapping(ExpectedBoolKey.self), "True exactly where the conditions hold."),
            ])
        }
    }
}

/// The words a year condition takes besides years.
package enum YearWord: String, CaseIterable, Sendable {
    /// Never held: only for inputs with `none: true`.
    case neverHeld = "none"
    /// Every value of the input.
    case any
}
