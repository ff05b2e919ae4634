import RuleEngine

/// JSON Schemas (draft 2020-12) of the two file formats, for editors such as VS Code with
/// yaml-language-server: completion, hover text and early errors while a table is written.
///
/// The schemas are built from the format's description, the same one the strict readers check
/// keys against (``FormatKey``: ``TableKey``, ``ExpectationsKey`` and the mappings below them):
/// every key, its shape, whether it is required and its documentation come from there, and
/// every object the readers read strictly has `additionalProperties: false`. A schema cannot
/// check what needs the whole table (references to fees, deadlines and inputs, domains,
/// gaps and overlaps); `rulecheck validate` stays the authority.
public enum JSONSchema {
    /// Which format a schema describes.
    public enum Kind: String, CaseIterable, Sendable {
        /// A rule table (`rulecheck/1`).
        case table
        /// An expectations file (`rulecheck-expect/1`).
        case expectations

        /// The file name under `schemas/` in the repository.
        public var fileName: String {
            switch self {
            case .table: return "rule-table.schema.json"
            case .expectations: return "expectations.schema.json"
            }
        }
    }

    /// The draft the schemas are written in.
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema of a format as a JSON value.
    public static func document(_ kind: Kind) -> JSONValue {
        switch kind {
        case .table: return tableDocument
        case .expectations: return expectationsDocument
        }
    }

    /// The schema as the text committed under `schemas/`: indented by two spaces, with a
    /// final newline.
    public static func text(_ kind: Kind) -> String {
        document(kind).pretty() + "\n"
    }

    // MARK: - Building blocks

    /// `{"$ref": "#/$defs/NAME", "description": ...}`.
    static func ref(_ name: String, _ description: String) -> JSONValue {
        .object([("description", .string(description)), ("$ref", .string("#/$defs/\(name)"))])
    }

    /// A string that matches `pattern`.
    static func string(_ description: String, pattern: String, format: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("description", .string(description)), ("type", .string("string")), ("pattern", .string(pattern)),
        ]
        if let format { members.append(("format", .string(format))) }
        return .object(members)
    }

    /// A value that must equal `value`.
    static func constant(_ description: String, _ value: String) -> JSONValue {
        .object([("description", .string(description)), ("const", .string(value))])
    }

    /// One of several strings.
    static func choice(_ description: String, _ values: [String]) -> JSONValue {
        .object([("description", .string(description)), ("enum", .array(values.map { .string($0) }))])
    }

    /// A value that matches at least one of the schemas.
    static func anyOf(_ description: String, _ schemas: [JSONValue]) -> JSONValue {
        .object([("description", .string(description)), ("anyOf", .array(schemas))])
    }

    /// A list whose items match `items`.
    static func list(_ description: String, of items: JSONValue) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("array")), ("items", items)])
    }

    /// A mapping with fixed keys, read strictly: other keys are errors.
    static func object(
        _ description: String, properties: [(String, JSONValue)], required: [String] = [],
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("description", .string(description)), ("type", .string("object")),
            ("properties", .object(properties)),
        ]
        if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
        members += extra
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    /// A mapping whose keys are names the file chooses (ids), each value matching `values`.
    static func namedMap(_ description: String, values: JSONValue, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(
            [
                ("description", .string(description)), ("type", .string("object")),
                ("propertyNames", .object([("pattern", .string(Pattern.identifier))])),
            ] + extra + [("additionalProperties", values)])
    }

    /// The root of a schema document.
    static func root(
        title: String, description: String, properties: [(String, JSONValue)], required: [String],
        definitions: [(String, JSONValue)]
    ) -> JSONValue {
        .object([
            ("$schema", .string(draft)),
            ("title", .string(title)),
            ("description", .string(description)),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", .array(required.map { .string($0) })),
            ("additionalProperties", .bool(false)),
            ("$defs", .object(definitions)),
        ])
    }

    /// Regular expressions (ECMA-262, as JSON Schema uses) for the scalar forms.
    enum Pattern {
        /// Letters, digits, `-`, `_` and `.`, starting with a letter or digit.
        static let identifier = "^[A-Za-z0-9][A-Za-z0-9._-]*$"
        /// A four-digit year or `cycle` with offsets.
        static let yearExpression = "^ *(?:[0-9]{4}|cycle(?: *[+-] *[0-9]{1,4})*) *$"
        /// Another input's name with offsets, for `equals`.
        static let inputExpression = "^ *[A-Za-z][A-Za-z0-9_.]*(?: *[+-] *[0-9]{1,4})* *$"
        /// An `http` or `https` URL with a host and no spaces.
        static let url = "^https?://[^\\s/?#]+([/?#][^\\s]*)?$"
        /// A deadline id, an expiry or a date, with an optional offset such as `+ 30 days`.
        static let dateOperand =
            "^ *[A-Za-z0-9][A-Za-z0-9._-]*(?: *[+-] *[0-9]{1,6} *(?:day|days|month|months))? *$"
        /// A deadline id or a date plus an offset such as `+ 30 days`.
        static let relativeDate = "^ *[A-Za-z0-9][A-Za-z0-9._-]* *[+-] *[0-9]{1,6} *(?:day|days|month|months) *$"
        /// Four digits only, for `cycle` itself.
        static let fourDigits = "^[0-9]{4}$"
        /// `YYYY-MM-DD`.
        static let date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        /// `MM-DD` of a day that some year has (February 29 included).
        static let monthDay =
            "^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-9])|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)$"
        /// A period of days, months or years, such as `2 years`.
        static let period = "^ *[1-9][0-9]{0,5} *(?:day|days|month|months|year|years) *$"
        /// A decimal amount with at most two decimals.
        static let amount = "^ *[0-9]{1,10}(?:\\.[0-9]{1,2})? *$"
        /// An ISO 4217 code.
        static let currency = "^[A-Z]{3}$"
        /// An IANA time zone name.
        static let timeZone = "^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$"
        /// Text whose braces open only placeholders: `{cycle}`, `{cycle + N}`, `{fee.ID}`,
        /// `{deadline.ID}` or an input's name.
        static let template =
            "^(?:[^{]|\\{ *(?:cycle(?: *[+-] *[0-9]{1,4})*|[A-Za-z0-9][A-Za-z0-9._-]*) *\\})*$"
        /// At least one character that is not white space.
        static let nonBlank = "\\S"
    }
}
