/// What each stable diagnostic code means, independent of any one message's wording: the
/// catalogue that tools such as SARIF viewers show next to a finding.
public struct DiagnosticCode: Sendable, Hashable {
    /// The code, such as `RC201`.
    public let id: String
    /// A short PascalCase name, such as `UnknownKey`.
    public let name: String
    /// One lowercase line: what the code reports.
    public let summary: String
    /// The severity its messages have unless raised otherwise.
    public let severity: Severity

    /// Every code rulecheck raises, in order.
    public static let all: [DiagnosticCode] = [
        DiagnosticCode("RC101", "InvalidYAML", "invalid YAML"),
        DiagnosticCode("RC102", "TabIndentation", "tab character used for indentation"),
        DiagnosticCode("RC103", "DuplicateKey", "duplicate mapping key"),
        DiagnosticCode("RC104", "MultipleDocuments", "more than one YAML document in the file"),
        DiagnosticCode("RC105", "InvalidUTF8", "file is not valid UTF-8"),
        DiagnosticCode("RC106", "EmptyFile", "file holds no YAML document"),
        DiagnosticCode("RC107", "FileTooLarge", "file is larger than the size limit"),
        DiagnosticCode("RC108", "NestingTooDeep", "sequences and mappings nest deeper than the limit"),
        DiagnosticCode("RC109", "ScalarTooLong", "scalar is longer than the limit"),
        DiagnosticCode("RC110", "TooManyNodes", "document expands to more nodes than the limit"),
        DiagnosticCode("RC111", "UndefinedAlias", "alias to an undefined anchor"),
        DiagnosticCode("RC201", "UnknownKey", "unknown key"),
        DiagnosticCode("RC202", "MissingKey", "missing key"),
        DiagnosticCode("RC203", "WrongType", "value of the wrong type"),
        DiagnosticCode("RC204", "InvalidDate", "invalid date"),
        DiagnosticCode("RC205", "InvalidYear", "invalid year, or a year outside the input's domain"),
        DiagnosticCode("RC206", "InvalidMoney", "invalid amount of money"),
        DiagnosticCode("RC207", "UndefinedReference", "undefined fee, deadline, action, input or certification"),
        DiagnosticCode("RC208", "DuplicateID", "duplicate id"),
        DiagnosticCode("RC209", "InvalidCondition", "invalid condition"),
        DiagnosticCode("RC210", "NotABoolean", "not a boolean (YAML 1.1 words such as `yes` and `no` are not)"),
        DiagnosticCode("RC211", "UnsupportedFormat", "unsupported format version"),
        DiagnosticCode("RC212", "InvalidIdentifier", "invalid identifier"),
        DiagnosticCode("RC213", "TableLimit", "a table limit was passed (inputs, domain size, derived outputs)"),
        DiagnosticCode("RC214", "UnknownTimeZone", "unknown time zone"),
        DiagnosticCode("RC215", "InvalidMonthDay", "invalid month and day"),
        DiagnosticCode("RC216", "InvalidPlaceholder", "invalid placeholder in a text"),
        DiagnosticCode("RC217", "InvalidCurrency", "invalid currency code"),
        DiagnosticCode("RC218", "EmptyValue", "empty value"),
        DiagnosticCode("RC219", "UnknownValue", "value outside a field's fixed set (such as `hit_policy`)"),
        DiagnosticCode("RC301", "Gap", "inputs that no rule decides"),
        DiagnosticCode("RC302", "Overlap", "rules that overlap under hit policy `unique`"),
        DiagnosticCode("RC303", "UnreachableRule", "rule that decides no input", .warning),
        DiagnosticCode("RC304", "DateOrder", "dates in an impossible order"),
        DiagnosticCode("RC306", "OtherwiseRegion", "region of inputs decided by the `otherwise` rule", .note),
        DiagnosticCode("RC401", "ExpectationsTableUnusable", "the table an expectations file names cannot be used"),
        DiagnosticCode("RC402", "ExpectationsTableMissing", "an expectations file does not name its table"),
    ]

    /// The entry for a code; an unknown code gets a generic entry.
    public static func named(_ id: String) -> DiagnosticCode {
        all.first { $0.id == id } ?? DiagnosticCode(id, id, "rulecheck diagnostic")
    }

    private init(_ id: String, _ name: String, _ summary: String, _ severity: Severity = .error) {
        self.id = id
        self.name = name
        self.summary = summary
        self.severity = severity
    }
}
