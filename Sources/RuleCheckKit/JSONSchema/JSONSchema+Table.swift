import RuleEngine

/// The schema of a rule table (`rulecheck/1`).
extension JSONSchema {
    static var tableDocument: JSONValue {
        let descriptions: [String: JSONValue] = [
            "format": constant("The format version: `rulecheck/1`.", RuleTableLoader.formatVersion),
            "policy": policy,
            "cycle": anyOf(
                "The cycle year; years anywhere may be written relative to it: `cycle`, `cycle + 1`, `cycle - 4`.",
                [
                    .object([
                        ("description", .string("A four-digit year.")), ("type", .string("integer")),
                        ("minimum", .int(1000)), ("maximum", .int(9999)),
                    ]),
                    string("A four-digit year as text.", pattern: Pattern.fourDigits),
                ]),
            "hit_policy": choice(
                "How rules that match the same input are resolved: `unique` (default: overlaps are errors) or `first` (the first match in file order wins).",
                HitPolicy.allCases.map(\.rawValue)),
            "inputs": namedMap(
                "The inputs by name: 1 to 4 of `type: year` and exactly one of `type: date` (its domain is the window).",
                values: .object([
                    ("description", .string("An input.")),
                    (
                        "oneOf",
                        .array([
                            ref("yearInput", "A year input."), ref("dateInput", "The date input."),
                        ])
                    ),
                ]),
                extra: [("minProperties", .int(2)), ("maxProperties", .int(RuleTable.maxYearInputs + 1))]),
            "certifications": certifications,
            "fees": namedMap(
                "Fees by id, referred to by rules' `fee`.", values: ref("fee", "A fee.")),
            "deadlines": namedMap(
                "Deadlines by id, referred to by rules' `deadlines` and by date conditions.",
                values: ref("deadline", "A deadline.")),
            "derived": namedMap(
                "Boolean outputs computed for every decision, each true exactly where its conditions hold, such as `can_staff_ambulance: {as_of: {on_or_before: ma.expiry}}`.",
                values: when("The conditions under which the output is true."),
                extra: [("maxProperties", .int(RuleTable.maxDerivedOutputs))]),
            "actions": namedMap(
                "Steps a person may be told to take, by id; texts may contain `{cycle}` or `{cycle + 1}`, filled in at load time.",
                values: .object([
                    ("description", .string("The text of the action.")),
                    ("allOf", .array([ref("text", "Text."), string("Placeholders.", pattern: Pattern.template)])),
                ])),
            "rules": list("The rules, in file order.", of: ref("rule", "A rule.")),
            "otherwise": object(
                "The rule that decides every input no other rule matches.",
                properties: [
                    ("id", ref("identifier", "The rule's id.")),
                    ("then", ref("outcome", "What it decides.")),
                    ("note", ref("text", "A remark for readers; not used in decisions.")),
                ],
                required: ["id", "then"]),
        ]
        return root(
            title: "rulecheck rule table (rulecheck/1)",
            description:
                "A versioned policy table: inputs, certifications, fees, deadlines, derived outputs, actions and rules. Check a table with `rulecheck validate`; this schema covers its shape, not references, domains, gaps or overlaps.",
            properties: RuleTableLoader.topLevelKeys.map { key in
                (key, descriptions[key] ?? ref("text", "Text."))
            },
            required: ["format", "policy", "cycle", "inputs", "rules"],
            definitions: sharedDefinitions + tableDefinitions)
    }

    private static var policy: JSONValue {
        object(
            "What the table is: its identity, source, time zone and the dates it answers for.",
            properties: [
                ("id", ref("identifier", "A stable identifier such as `ma-oems-nremt-alignment`.")),
                ("version", ref("text", "The version, such as \"2026\".")),
                ("title", ref("text", "A human title.")),
                ("source", ref("text", "Where the policy was published.")),
                (
                    "time_zone",
                    string("The IANA time zone of the dates, such as America/New_York.", pattern: Pattern.timeZone)
                ),
                (
                    "window",
                    object(
                        "The dates the table answers for.",
                        properties: [
                            ("from", ref("date", "The first day.")), ("to", ref("date", "The last day.")),
                        ],
                        required: ["from", "to"])
                ),
            ],
            required: ["id", "version", "title", "source", "time_zone", "window"])
    }

    private static var tableDefinitions: [(String, JSONValue)] {
        [
            (
                "yearInput",
                object(
                    "An input whose values are years, such as the year a certification expires.",
                    properties: [
                        ("type", constant("`year`.", "year")),
                        ("label", ref("text", "A human label.")),
                        (
                            "domain",
                            object(
                                "The years the table answers for (at most 200).",
                                properties: [
                                    ("from", ref("year", "The first year.")), ("to", ref("year", "The last year.")),
                                ],
                                required: ["from", "to"])
                        ),
                        (
                            "none",
                            .object([
                                ("description", .string("Whether `none` (never held) is a value of the input.")),
                                ("type", .string("boolean")),
                            ])
                        ),
                    ],
                    required: ["type", "domain"])
            ),
            (
                "dateInput",
                object(
                    "The date the question is asked; its domain is the policy's window.",
                    properties: [("type", constant("`date`.", "date")), ("label", ref("text", "A human label."))],
                    required: ["type"])
            ),
            (
                "fee",
                object(
                    "A fee: an exact amount of money.",
                    properties: [
                        ("amount", ref("amount", "The amount, such as \"62.50\".")),
                        ("currency", ref("currency", "The currency, such as USD.")),
                        ("label", ref("text", "A human label.")),
                    ],
                    required: ["amount", "currency"])
            ),
            ("deadline", deadline),
            (
                "rule",
                object(
                    "A rule: when all its conditions hold, it decides the outcome.",
                    properties: [
                        ("id", ref("identifier", "The rule's id, unique in the table.")),
                        ("when", when("The conditions, by input name; all must hold (default: none, so always).")),
                        ("then", ref("outcome", "What the rule decides.")),
                        ("note", ref("text", "A remark for readers; not used in decisions.")),
                    ],
                    required: ["id", "then"])
            ),
            ("outcome", outcome),
        ]
    }

    private static var deadline: JSONValue {
        object(
            "A deadline: a day, its kind, and whether the day itself is still in time.",
            properties: [
                ("date", ref("date", "The day.")),
                (
                    "kind",
                    ref("identifier", "What kind of deadline it is, such as `recommended`, `expiry` or `closes`.")
                ),
                (
                    "inclusive",
                    .object([
                        ("description", .string("Whether the day itself still counts as in time.")),
                        ("type", .string("boolean")),
                    ])
                ),
                ("label", ref("text", "A human label.")),
                ("precedes", ref("identifier", "A deadline that must not come earlier than this one.")),
            ],
            required: ["date", "kind", "inclusive"])
    }

    private static var outcome: JSONValue {
        let ids = { (description: String) in list(description, of: ref("identifier", "An id.")) }
        return object(
            "What a rule decides.",
            properties: [
                ("cohort", ref("identifier", "The cohort, such as `one-year-alignment`.")),
                ("status", ref("identifier", "The status, such as `action-required`.")),
                ("fee", ref("identifier", "A fee id, or `none` (the default): the policy states no fee.")),
                ("deadlines", ids("Deadline ids, in the order to show them.")),
                ("actions", ids("Action ids, in the order to take them.")),
            ],
            required: ["cohort", "status", "actions"])
    }
}
