import RuleEngine

/// The schema of an expectations file (`rulecheck-expect/1`).
extension JSONSchema {
    static var expectationsDocument: JSONValue {
        let descriptions: [String: JSONValue] = [
            "format": constant("The format version: `rulecheck-expect/1`.", ExpectationsLoader.formatVersion),
            "table": ref(
                "text",
                "The rule table these expectations are for, relative to this file, such as `2026.yaml` (`rulecheck validate` needs it)."
            ),
            "certifications": certifications,
            "defaults": ref("expectedFields", "Fields every row expects unless it says otherwise."),
            "expectations": list(
                "The rows, tried in order: the first whose `when` matches an input applies.",
                of: ref("row", "An expectation row.")),
        ]
        return root(
            title: "rulecheck expectations (rulecheck-expect/1)",
            description:
                "Expected outcomes of a rule table, written from the policy text independently of the rules. Check them with `rulecheck test`.",
            properties: ExpectationsLoader.topLevelKeys.map { key in
                (key, descriptions[key] ?? ref("text", "Text."))
            },
            required: ["format", "expectations"],
            definitions: sharedDefinitions + expectationsDefinitions)
    }

    private static var expectationsDefinitions: [(String, JSONValue)] {
        [
            (
                "row",
                object(
                    "An expectation: for the inputs its `when` matches, the fields it expects.",
                    properties: [
                        ("id", ref("identifier", "The row's id, unique in the file.")),
                        ("when", when("The inputs this row is about; `{}` matches everything.")),
                        ("expect", ref("expectedFields", "What the table must decide for them.")),
                        ("note", ref("text", "A remark for readers.")),
                    ],
                    required: ["id", "when", "expect"])
            ),
            ("expectedFields", expectedFields),
            (
                "expectedDeadline",
                anyOf(
                    "An expected deadline: its date, or a mapping that also compares `inclusive` and `kind`.",
                    [
                        ref("date", "The deadline's date."),
                        object(
                            "The deadline's date and, optionally, how it counts.",
                            properties: [
                                ("date", ref("date", "The date.")),
                                (
                                    "inclusive",
                                    .object([
                                        ("description", .string("Whether the day itself is still in time.")),
                                        ("type", .string("boolean")),
                                    ])
                                ),
                                ("kind", ref("identifier", "The deadline's kind, such as `expiry`.")),
                            ],
                            required: ["date"]),
                    ])
            ),
            (
                "expectedBool",
                anyOf(
                    "An expected derived output: `true`, `false`, or `{when: CONDITIONS}` (true exactly where they hold).",
                    [
                        .object([("description", .string("A constant.")), ("type", .string("boolean"))]),
                        object(
                            "True exactly where the conditions hold.",
                            properties: [("when", when("The conditions."))], required: ["when"]),
                    ])
            ),
        ]
    }

    private static var expectedFields: JSONValue {
        let fields: [String: JSONValue] = [
            "cohort": ref("identifier", "The expected cohort."),
            "status": ref("identifier", "The expected status."),
            "fee": anyOf(
                "The expected fee: `none`, or an amount and currency.",
                [
                    constant("No fee is stated.", "none"),
                    object(
                        "An exact amount of money.",
                        properties: [
                            ("amount", ref("amount", "The amount, such as \"62.50\".")),
                            ("currency", ref("currency", "The currency, such as USD.")),
                        ],
                        required: ["amount", "currency"]),
                ]),
            "deadlines": list(
                "The expected deadlines, in order.", of: ref("expectedDeadline", "An expected deadline.")),
        ]
        return .object([
            (
                "description",
                .string(
                    "Expected fields; a field left out is not compared. Other keys are the table's derived outputs, such as `can_staff_ambulance`."
                )
            ),
            ("type", .string("object")),
            (
                "properties",
                .object(ExpectationsLoader.fieldKeys.map { ($0, fields[$0] ?? ref("text", "Text.")) })
            ),
            ("propertyNames", .object([("pattern", .string(Pattern.identifier))])),
            (
                "additionalProperties",
                ref("expectedBool", "A derived output of the table, such as `can_staff_ambulance`.")
            ),
        ])
    }
}
