/// Every stable diagnostic code rulecheck raises: the code string, a PascalCase name, the default
/// severity and a one-line summary, independent of any one message's wording. Every diagnostic
/// is created from a case, so a code cannot be mistyped or drift from this catalogue; the
/// reference's code table (docs/reference.md) and the SARIF rule descriptors are produced from it.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Comparable, Identifiable,
    CustomStringConvertible
{
    /// RC101: invalid YAML.
    case invalidYAML = "RC101"
    /// RC102: tab character used for indentation.
    case tabIndentation = "RC102"
    /// RC103: duplicate mapping key.
    case duplicateKey = "RC103"
    /// RC104: more than one YAML document in the file.
    case multipleDocuments = "RC104"
    /// RC105: file is not valid UTF-8.
    case invalidUTF8 = "RC105"
    /// RC106: file holds no YAML document.
    case emptyFile = "RC106"
    /// RC107: file is larger than the size limit.
    case fileTooLarge = "RC107"
    /// RC108: sequences and mappings nest deeper than the limit.
    case nestingTooDeep = "RC108"
    /// RC109: scalar is longer than the limit.
    case scalarTooLong = "RC109"
    /// RC110: document expands to more nodes than the limit.
    case tooManyNodes = "RC110"
    /// RC111: alias to an undefined anchor.
    case undefinedAlias = "RC111"
    /// RC201: unknown key.
    case unknownKey = "RC201"
    /// RC202: missing key.
    case missingKey = "RC202"
    /// RC203: value of the wrong type.
    case wrongType = "RC203"
    /// RC204: invalid date.
    case invalidDate = "RC204"
    /// RC205: invalid year, or a year outside the input's domain.
    case invalidYear = "RC205"
    /// RC206: invalid amount of money.
    case invalidMoney = "RC206"
    /// RC207: undefined fee, deadline, action, input or certification.
    case undefinedReference = "RC207"
    /// RC208: duplicate id.
    case duplicateID = "RC208"
    /// RC209: invalid condition.
    case invalidCondition = "RC209"
    /// RC210: not a boolean.
    case notABoolean = "RC210"
    /// RC211: unsupported format version.
    case unsupportedFormat = "RC211"
    /// RC212: invalid identifier.
    case invalidIdentifier = "RC212"
    /// RC213: a table limit was passed.
    case tableLimit = "RC213"
    /// RC214: unknown time zone.
    case unknownTimeZone = "RC214"
    /// RC215: invalid month and day.
    case invalidMonthDay = "RC215"
    /// RC216: invalid placeholder in a text.
    case invalidPlaceholder = "RC216"
    /// RC217: invalid currency code.
    case invalidCurrency = "RC217"
    /// RC218: empty value.
    case emptyValue = "RC218"
    /// RC219: a deadline or literal date outside the table's own window.
    case dateOutsideWindow = "RC219"
    /// RC220: a value outside a field's fixed set (such as `hit_policy`).
    case unknownValue = "RC220"
    /// RC221: an integer or enum input's domain is larger than its limit.
    case domainTooLarge = "RC221"
    /// RC222: a value its input does not take.
    case invalidValue = "RC222"
    /// RC223: several date inputs, and not exactly one marked `role: as_of`.
    case asOfRole = "RC223"
    /// RC224: a per-person date's domain is larger than its limit.
    case dateDomainTooLarge = "RC224"
    /// RC225: a per-person date cut into more classes of days than the limit.
    case dateClassLimit = "RC225"
    /// RC226: a comparison between per-person dates that the analysis cannot keep exact.
    case dateComparisonLimit = "RC226"
    /// RC227: a `domain` on the question's date, whose domain is the window.
    case asOfDomain = "RC227"
    /// RC228: an offset after a date that cannot be read (`+ 30 weeks`).
    case invalidDateOffset = "RC228"
    /// RC229: an expiry chosen by an input that is not an enum, or that leaves values without a day.
    case invalidExpiryChoice = "RC229"
    /// RC230: fees of one outcome in different currencies.
    case mixedCurrencies = "RC230"
    /// RC231: a typed output's value that does not fit its type.
    case invalidOutputValue = "RC231"
    /// RC232: a deadline's date relative to a certification's expiry or to a deadline declared below it.
    case deadlineNotFixed = "RC232"
    /// RC235: a label for a cohort that no rule decides.
    case unknownCohortLabel = "RC235"
    /// RC236: a label for a status that no rule decides.
    case unknownStatusLabel = "RC236"
    /// RC237: a `policy.source_url` that is not an http(s) URL.
    case invalidSourceURL = "RC237"
    /// RC238: a certification's `valid_for` that cannot be read (`2 weeks`).
    case invalidValidity = "RC238"
    /// RC239: a certification whose input and expiry do not fit (`valid_for` on a year input,
    /// `expires` on a per-person date).
    case certificationBasis = "RC239"
    /// RC240: a per-person date compared with an expiry counted in months from another one.
    case expiryComparisonLimit = "RC240"
    /// RC301: inputs that no rule decides.
    case gap = "RC301"
    /// RC302: rules that overlap under hit policy `unique`.
    case overlap = "RC302"
    /// RC303: rule that decides no input (a warning).
    case unreachableRule = "RC303"
    /// RC304: dates in an impossible order.
    case dateOrder = "RC304"
    /// RC306: region of inputs decided by the `otherwise` rule (a note).
    case otherwiseRegion = "RC306"
    /// RC401: the table an expectations file names cannot be used.
    case expectationsTableUnusable = "RC401"
    /// RC402: an expectations file does not name its table.
    case expectationsTableMissing = "RC402"
    /// RC501: tables of one folder with other inputs or derived outputs.
    case historyInputsDiffer = "RC501"
    /// RC502: two tables of one folder with the same policy version.
    case historyDuplicateVersion = "RC502"
    /// RC503: two tables of one folder whose windows start on the same day.
    case historyWindowTie = "RC503"
    /// RC504: dates between successive windows that no table answers for.
    case historyHole = "RC504"
    /// RC505: where a newer table takes over a decision the older one makes differently (a note).
    case handOver = "RC505"
    /// RC601: a year or date that cannot be rolled forward (February 29 into a common year).
    case rollForwardDate = "RC601"

    /// The code as written in every output, such as `RC201`.
    public var id: String { rawValue }

    /// The code as written in every output, such as `RC201`, so interpolation prints the code.
    public var description: String { rawValue }

    /// A short PascalCase name, such as `UnknownKey`.
    public var name: String { entry.name }

    /// One lowercase line: what the code reports.
    public var summary: String { entry.summary }

    /// The severity its diagnostics have unless raised otherwise.
    public var severity: Severity { entry.severity }

    /// Orders by code string, as the outputs sort them.
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    private var entry: (name: String, summary: String, severity: Severity) {
        switch self {
        case .invalidYAML: ("InvalidYAML", "invalid YAML", .error)
        case .tabIndentation: ("TabIndentation", "tab character used for indentation", .error)
        case .duplicateKey: ("DuplicateKey", "duplicate mapping key", .error)
        case .multipleDocuments: ("MultipleDocuments", "more than one YAML document in the file", .error)
        case .invalidUTF8: ("InvalidUTF8", "file is not valid UTF-8", .error)
        case .emptyFile: ("EmptyFile", "file holds no YAML document", .error)
        case .fileTooLarge: ("FileTooLarge", "file is larger than the size limit", .error)
        case .nestingTooDeep: ("NestingTooDeep", "sequences and mappings nest deeper than the limit", .error)
        case .scalarTooLong: ("ScalarTooLong", "scalar is longer than the limit", .error)
        case .tooManyNodes: ("TooManyNodes", "document expands to more nodes than the limit", .error)
        case .undefinedAlias: ("UndefinedAlias", "alias to an undefined anchor", .error)
        case .unknownKey: ("UnknownKey", "unknown key", .error)
        case .missingKey: ("MissingKey", "missing key", .error)
        case .wrongType: ("WrongType", "value of the wrong type", .error)
        case .invalidDate: ("InvalidDate", "invalid date", .error)
        case .invalidYear: ("InvalidYear", "invalid year, or a year outside the input's domain", .error)
        case .invalidMoney: ("InvalidMoney", "invalid amount of money", .error)
        case .undefinedReference:
            ("UndefinedReference", "undefined fee, deadline, action, input or certification", .error)
        case .duplicateID: ("DuplicateID", "duplicate id", .error)
        case .invalidCondition: ("InvalidCondition", "invalid condition", .error)
        case .notABoolean:
            ("NotABoolean", "not a boolean (YAML 1.1 words such as `yes` and `no` are not)", .error)
        case .unsupportedFormat: ("UnsupportedFormat", "unsupported format version", .error)
        case .invalidIdentifier: ("InvalidIdentifier", "invalid identifier", .error)
        case .tableLimit: ("TableLimit", "a table limit was passed (inputs, domain size, derived outputs)", .error)
        case .unknownTimeZone: ("UnknownTimeZone", "unknown time zone", .error)
        case .invalidMonthDay: ("InvalidMonthDay", "invalid month and day", .error)
        case .invalidPlaceholder: ("InvalidPlaceholder", "invalid placeholder in a text", .error)
        case .invalidCurrency: ("InvalidCurrency", "invalid currency code", .error)
        case .emptyValue: ("EmptyValue", "empty value", .error)
        case .dateOutsideWindow:
            ("DateOutsideWindow", "a deadline or literal date outside the table's own window", .error)
        case .unknownValue: ("UnknownValue", "value outside a field's fixed set (such as `hit_policy`)", .error)
        case .domainTooLarge:
            ("DomainTooLarge", "an integer or enum input's domain is larger than its limit", .error)
        case .invalidValue: ("InvalidValue", "a value its input does not take", .error)
        case .asOfRole:
            ("AsOfRole", "several date inputs, and not exactly one marked `role: as_of`", .error)
        case .dateDomainTooLarge: ("DateDomainTooLarge", "a per-person date's domain is larger than its limit", .error)
        case .dateClassLimit:
            ("DateClassLimit", "a per-person date cut into more classes of days than the limit", .error)
        case .dateComparisonLimit:
            (
                "DateComparisonLimit", "a comparison between per-person dates beyond what the analysis keeps exact",
                .error
            )
        case .asOfDomain: ("AsOfDomain", "a `domain` on the question's date, whose domain is the window", .error)
        case .invalidDateOffset:
            ("InvalidDateOffset", "an offset after a date that cannot be read (such as `+ 30 weeks`)", .error)
        case .invalidExpiryChoice:
            (
                "InvalidExpiryChoice",
                "an expiry chosen by an input that is not an enum, or leaving values without a day", .error
            )
        case .deadlineNotFixed:
            (
                "DeadlineNotFixed", "a deadline's date relative to a certification's expiry or a deadline below it",
                .error
            )
        case .mixedCurrencies: ("MixedCurrencies", "fees of one outcome in different currencies", .error)
        case .invalidOutputValue: ("InvalidOutputValue", "a typed output's value does not fit its type", .error)
        case .unknownCohortLabel: ("UnknownCohortLabel", "a label for a cohort that no rule decides", .error)
        case .unknownStatusLabel: ("UnknownStatusLabel", "a label for a status that no rule decides", .error)
        case .invalidSourceURL: ("InvalidSourceURL", "a `policy.source_url` that is not an http or https URL", .error)
        case .invalidValidity:
            ("InvalidValidity", "a certification's `valid_for` that cannot be read (such as `2 weeks`)", .error)
        case .certificationBasis:
            (
                "CertificationBasis",
                "a certification whose input does not fit its expiry (`valid_for` needs a per-person date)", .error
            )
        case .expiryComparisonLimit:
            (
                "ExpiryComparisonLimit",
                "a per-person date compared with an expiry counted in months from another per-person date", .error
            )
        case .gap: ("Gap", "inputs that no rule decides", .error)
        case .overlap: ("Overlap", "rules that overlap under hit policy `unique`", .error)
        case .unreachableRule: ("UnreachableRule", "rule that decides no input", .warning)
        case .dateOrder: ("DateOrder", "dates in an impossible order, or a year domain that runs backwards", .error)
        case .otherwiseRegion: ("OtherwiseRegion", "region of inputs decided by the `otherwise` rule", .note)
        case .expectationsTableUnusable:
            ("ExpectationsTableUnusable", "the table an expectations file names cannot be used", .error)
        case .expectationsTableMissing:
            ("ExpectationsTableMissing", "an expectations file does not name its table", .error)
        case .historyInputsDiffer:
            ("HistoryInputsDiffer", "tables of one folder with other inputs or derived outputs", .error)
        case .historyDuplicateVersion:
            ("HistoryDuplicateVersion", "two tables of one folder with the same policy version", .error)
        case .historyWindowTie:
            ("HistoryWindowTie", "two tables of one folder whose windows start on the same day", .error)
        case .historyHole: ("HistoryHole", "dates between successive windows that no table answers for", .error)
        case .handOver:
            ("HandOver", "where a newer table takes over a decision the older one makes differently", .note)
        case .rollForwardDate:
            ("RollForwardDate", "a year or date that cannot be rolled forward (February 29 into a common year)", .error)
        }
    }
}
