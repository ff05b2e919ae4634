import Hummingbird
import RuleCheckKit
import RuleEngine

/// What `POST /v1/batch` takes besides the roster: `rulecheck batch`'s options as query
/// parameters (`as_of`, `delimiter`, `output_delimiter`, `date_format`, `column` (repeatable,
/// `INPUT=HEADER`), `excel_safe`) and the output format from `Accept`.
struct BatchQuery: Sendable {
    /// The date of rows without one (`nil`: today in the table's time zone).
    var asOf: LocalDate?
    /// Delimiters, column names and date format.
    var options = RosterOptions()
    /// Whether CSV cells that look like formulas get a `'` in front.
    var excelSafe = false
    /// The output format and the media type it is answered with.
    var format = BatchFormat.csv

    /// The query parameters the route takes.
    static let parameterNames = ["as_of", "delimiter", "output_delimiter", "date_format", "column", "excel_safe"]

    /// Reads the request's query and headers, or throws the `4xx` to answer.
    init(_ request: Request) throws(APIError) {
        var outputDelimiter: UInt8?
        var columns: [String: String] = [:]
        for (rawName, rawValue) in request.uri.queryParameters {
            let name = String(rawName).removingPercentEncoding ?? String(rawName)
            let value = String(rawValue)
            switch name {
            case "as_of":
                guard let date = LocalDate(iso: value) else {
                    throw .badRequest(
                        "`\(value)` is not a valid date: \(LocalDate.problem(with: value))", input: "as_of")
                }
                asOf = date
            case "delimiter": options.inputDelimiter = try Self.delimiter(value, name: name)
            case "output_delimiter": outputDelimiter = try Self.delimiter(value, name: name)
            case "date_format":
                guard let format = RosterDateFormat(rawValue: value) else {
                    throw .badRequest(
                        "`\(value)` is not a date format (YYYY-MM-DD or M/D/YYYY)", input: "date_format")
                }
                options.dateFormat = format
            case "column":
                let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .badRequest("`\(value)` is not INPUT=HEADER", input: "column")
                }
                guard columns[String(parts[0])] == nil else {
                    throw .badRequest("`\(parts[0])` is mapped twice", input: "column")
                }
                columns[String(parts[0])] = String(parts[1])
            case "excel_safe":
                guard let flag = Bool(value) else {
                    throw .badRequest("`\(value)` is not true or false", input: "excel_safe")
                }
                excelSafe = flag
            default:
                let known = Self.parameterNames.map { "`\($0)`" }.joined(separator: ", ")
                throw .badRequest("unknown query parameter `\(name)`; the parameters are \(known)", input: name)
            }
        }
        options.outputDelimiter = outputDelimiter ?? options.inputDelimiter
        options.spelling = .queryParameters
        options.columns = columns
        format = try BatchFormat.negotiate(accept: request.headers[values: .accept])
        try Self.checkContentType(request.headers[.contentType])
    }

    /// A delimiter as the CLI spells it: `,` (`comma`), `;` (`semicolon`), or a tab (`tab`, `\t`).
    private static func delimiter(_ value: String, name: String) throws(APIError) -> UInt8 {
        switch value {
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "\t", "\\t", "tab": return 0x09
        default:
            throw .badRequest("`\(value)` is not a delimiter (`,`, `;` or `tab`)", input: name)
        }
    }

    /// The body must be CSV (`text/csv`, UTF-8 if a charset is given); no content type is taken as CSV.
    private static func checkContentType(_ value: String?) throws(APIError) {
        guard let value else { return }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let charset = parts.dropFirst().first { $0.hasPrefix("charset=") }.map { $0.dropFirst(8) }
        guard parts.first == "text/csv", charset.map({ ["utf-8", "\"utf-8\"", "us-ascii"].contains($0) }) ?? true
        else {
            throw APIError(
                status: .unsupportedMediaType,
                message: "the body must be a CSV roster (Content-Type: text/csv; charset=utf-8), not `\(value)`",
                input: nil)
        }
    }
}
