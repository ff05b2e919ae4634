import RuleEngine

/// The `$defs` both schemas share: scalars, conditions, certifications and money.
extension JSONSchema {
    /// Shared definitions, in the order they appear in the documents.
    static var sharedDefinitions: [(String, JSONValue)] {
        [
            ("text", text),
            ("identifier", identifier),
            ("date", string("A date written YYYY-MM-DD, such as 2026-02-15.", pattern: Pattern.date, format: "date")),
            ("year", year),
            ("yearValue", yearValue),
            ("yearCondition", yearCondition),
            ("dateCondition", dateCondition),
            ("conditions", conditions),
            ("certification", certification),
            ("amount", amount),
            ("currency", string("An ISO 4217 currency code such as USD.", pattern: Pattern.currency)),
        ]
    }

    private static var text: JSONValue {
        .object([
            (
                "description",
                .string(
                    "Text, taken as written; it must not be empty. Unquoted numbers and booleans are read as their text."
                )
            ),
            ("type", .array([.string("string"), .string("number"), .string("boolean")])),
            ("pattern", .string(Pattern.nonBlank)),
        ])
    }

    private static var identifier: JSONValue {
        .object([
            (
                "description",
                .string("An identifier: letters, digits, `-`, `_` and `.`, starting with a letter or digit.")
            ),
            ("type", .array([.string("string"), .string("integer")])),
            ("pattern", .string(Pattern.identifier)),
            ("minimum", .int(0)),
        ])
    }

    private static var year: JSONValue {
        anyOf(
            "A year: four digits such as 2026, or relative to the cycle such as `cycle`, `cycle + 1`, `cycle - 4`.",
            [
                .object([
                    ("description", .string("A four-digit year.")), ("type", .string("integer")),
                    ("minimum", .int(1000)), ("maximum", .int(9999)),
                ]),
                string("A year relative to the cycle, such as `cycle + 1`.", pattern: Pattern.yearExpression),
            ])
    }

    private static var yearValue: JSONValue {
        anyOf(
            "A year, `none` (never held; only for inputs with `none: true`) or `any` (every value).",
            [ref("year", "A year."), choice("`none` or `any`.", ["none", "any"])])
    }

    private static var yearCondition: JSONValue {
        let range = object(
            "A condition on a year input written as a mapping; several keys all apply.",
            properties: [
                ("from", ref("year", "The first year of a range (default: the start of the input's domain).")),
                ("to", ref("year", "The last year of a range (default: the end of the input's domain).")),
                ("in", list("A set of values, any of which matches.", of: ref("yearValue", "One value of the set."))),
                (
                    "equals",
                    anyOf(
                        "Another year input plus an offset, such as `ma_expires + 1` (`none` never equals anything), or a year.",
                        [
                            ref("year", "A year."),
                            string("Another input's name and an offset.", pattern: Pattern.inputExpression),
                        ])
                ),
                ("not", ref("yearCondition", "Matches where the inner condition does not.")),
            ],
            extra: [("minProperties", .int(1))])
        return anyOf(
            "A condition on a year input: a value, a list of values, or a mapping with `from`, `to`, `in`, `equals` or `not`.",
            [
                ref("yearValue", "Exactly this value."),
                list("Any of these values.", of: ref("yearValue", "One value of the set.")),
                range,
            ])
    }

    private static var dateCondition: JSONValue {
        let operand = "a deadline id, a certification's expiry such as `ma.expiry`, or a date YYYY-MM-DD"
        let deadline = "a deadline id"
        let keys: [(String, String)] = [
            ("on", "That day only: \(operand)."),
            ("before", "Strictly before \(operand)."),
            ("on_or_before", "On or before \(operand)."),
            ("after", "Strictly after \(operand)."),
            ("on_or_after", "On or after \(operand)."),
            ("by", "Still in time for \(deadline), honouring its `inclusive`."),
            ("past", "No longer in time for \(deadline), honouring its `inclusive`."),
        ]
        return object(
            "A condition on the date input: comparisons that all apply, such as `{past: recommended, by: ma-expiry}`.",
            properties: ConditionReader.dateKeys.map { key in
                let description = keys.first { $0.0 == key }?.1 ?? "A date comparison."
                return (key, string(description, pattern: Pattern.identifier))
            },
            extra: [("minProperties", .int(1))])
    }

    private static var conditions: JSONValue {
        .object([
            (
                "description",
                .string(
                    "Conditions by input name, all of which must hold: year inputs take values, lists or ranges; the date input takes comparisons. `{}` matches everything."
                )
            ),
            ("type", .string("object")),
            ("propertyNames", .object([("pattern", .string(Pattern.identifier))])),
            (
                "additionalProperties",
                anyOf(
                    "A condition on one input.",
                    [
                        ref("yearCondition", "A condition on a year input."),
                        ref("dateCondition", "A condition on the date input."),
                    ])
            ),
        ])
    }

    private static var certification: JSONValue {
        object(
            "A certification whose expiry date comes from a year input; conditions refer to it as `ID.expiry`.",
            properties: [
                ("input", ref("identifier", "The year input that holds the expiry year, such as `ma_expires`.")),
                (
                    "expires",
                    string(
                        "The day of the year it expires, MM-DD; it is valid through the end of that day.",
                        pattern: Pattern.monthDay)
                ),
                ("label", ref("text", "A human label.")),
            ],
            required: ["input", "expires"])
    }

    private static var amount: JSONValue {
        anyOf(
            "An exact amount, never negative, with at most two decimals; quote it (\"62.50\") to keep the zeros as written.",
            [
                string("The amount as text.", pattern: Pattern.amount),
                .object([
                    ("description", .string("The amount as a number.")), ("type", .string("number")),
                    ("minimum", .int(0)), ("maximum", .int(1_000_000_000)),
                ]),
            ])
    }

    /// `certifications`: each names its year input and expiry day.
    static var certifications: JSONValue {
        namedMap(
            "Certifications by id (such as `ma`): each names its year input and the day it expires.",
            values: ref("certification", "A certification."))
    }

    /// A `when:` mapping.
    static func when(_ description: String) -> JSONValue {
        ref("conditions", description)
    }
}
