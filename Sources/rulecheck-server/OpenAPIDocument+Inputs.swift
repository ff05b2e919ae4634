import RuleEngine

extension OpenAPIDocument {
    /// The document for the tables in force: the committed text with its `Input` schema
    /// written from the tables' own inputs (each by name with its type, the union of the tables'
    /// domains, enum values, `null` where "never held" is a value, and the date input). For
    /// `rules/` this is the committed text itself (a test checks it), so
    /// `schemas/openapi.json` describes the shipped tables and a folder of other tables is
    /// described as it is.
    static func text(for history: PolicyHistory) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "      \"Input\": {"),
            let end = lines[start...].firstIndex(of: "      },")
        else { return text }
        return (lines[..<start] + inputSchema(history).map { Substring($0) } + lines[(end + 1)...])
            .joined(separator: "\n")
    }

    /// The `Input` schema's lines, indented as the document is.
    static func inputSchema(_ history: PolicyHistory) -> [String] {
        let inputs = history.inputs
        let dateName = history.tables[0].definition.dateInputName
        var properties = inputs.map { "          \(quoted($0.name)): \(inline(property($0)))" }
        properties.append(
            "          \(quoted(dateName)): "
                + inline([
                    ("type", .string("string")), ("format", .string("date")),
                    ("description", .string("The date to decide for; default today in the table's time zone")),
                ]))
        return [
            "      \"Input\": {",
            "        \"type\": \"object\",",
            "        \"description\": "
                + quoted(
                    "One person's case: each input of the tables by name, in its own type (a year or an integer "
                        + "in the tables' domain, null where a year input allows none, true or false, an enum's "
                        + "word, a per-person date YYYY-MM-DD), and the date input (YYYY-MM-DD, optional). Unknown fields are "
                        + "refused.") + ",",
            "        \"required\": [\(inputs.map { quoted($0.name) }.joined(separator: ", "))],",
            "        \"additionalProperties\": false,",
            "        \"properties\": {",
            properties.joined(separator: ",\n"),
            "        }",
            "      },",
        ]
    }

    /// One input's schema: its JSON type, its domain (`minimum`/`maximum`, or `anyOf` such
    /// ranges when the tables' domains leave a hole) or enum values, and its label.
    private static func property(_ input: HistoryInput) -> [(String, JSONValue)] {
        let declared = input.input
        let label = declared.label.capitalizedFirst
        let type: JSONValue =
            declared.allowsNone
            ? .array([.string(declared.kind.jsonType), .string("null")]) : .string(declared.kind.jsonType)
        var members: [(String, JSONValue)] = [("type", type)]
        switch declared.kind {
        case .year, .integer:
            if input.domains.count == 1 {
                members += [
                    ("minimum", .int(declared.domain.lowerBound)), ("maximum", .int(declared.domain.upperBound)),
                ]
            } else {
                let ranges = input.domains.map {
                    JSONValue.object([("minimum", .int($0.lowerBound)), ("maximum", .int($0.upperBound))])
                }
                members.append(("anyOf", .array(ranges)))
            }
        case .boolean: break
        case .enumeration(let words): members.append(("enum", .array(words.map { .string($0) })))
        case .date: members.append(("format", .string("date")))
        }
        let note = declared.isDate ? ": \(input.allowedValues)" : declared.allowsNone ? ", null for never held" : ""
        members.append(("description", .string(label + note)))
        return members
    }

    private static func quoted(_ text: String) -> String { JSONValue.string(text).rendered() }

    /// An object on one line, as the document writes short ones: `{ "type": "integer", ... }`.
    private static func inline(_ members: [(String, JSONValue)]) -> String {
        "{ " + members.map { "\(quoted($0.0)): \(inline($0.1))" }.joined(separator: ", ") + " }"
    }

    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .object(let members): return inline(members)
        default: return value.rendered()
        }
    }
}

extension DiscreteKind {
    /// The JSON Schema type of the input's values in a request.
    fileprivate var jsonType: String {
        switch self {
        case .year, .integer: return "integer"
        case .boolean: return "boolean"
        case .enumeration, .date: return "string"
        }
    }
}
