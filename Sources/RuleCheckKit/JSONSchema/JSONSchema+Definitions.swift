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
            definition(.yearValue),
            definition(.yearCondition),
            definition(.discreteValue),
            definition(.discreteCondition),
        ] + definition(DateComparisonKey.self) + [definition(.conditions)] + definition(CertificationKey.self) + [
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
                fourDigitInteger,
                string("A year relative to the cycle, such as `cycle + 1`.", pattern: Pattern.yearExpression),
            ])
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
}
