import Foundation
import RuleEngine

/// Diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
/// format code-scanning services and editors read: one run of `rulecheck`, a rule descriptor
/// for each code that occurs, and one result per diagnostic with its exact region.
public struct SARIFLog: Sendable {
    /// The schema URI written into the log.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base id that relative file paths are resolved against.
    public static let sourceRoot = "%SRCROOT%"

    /// The tool's version, such as `0.1.0`.
    public let toolVersion: String
    /// The folder relative paths are relative to (the working directory), as an absolute path.
    public let workingDirectory: String

    /// Creates a log writer.
    public init(toolVersion: String, workingDirectory: String) {
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
    }

    /// The log for the files checked (listed as artifacts, clean ones too) and their diagnostics.
    public func document(files: [String], diagnostics: [Diagnostic]) -> JSONValue {
        var codes: [DiagnosticCode] = []
        for diagnostic in diagnostics where !codes.contains(diagnostic.code) { codes.append(diagnostic.code) }
        codes.sort()
        let rules = codes.map { descriptor($0) }
        let results = diagnostics.map { result($0, ruleIndex: codes.firstIndex(of: $0.code) ?? 0) }
        let run: JSONValue = .object([
            (
                "tool",
                .object([
                    (
                        "driver",
                        .object([
                            ("name", .string("rulecheck")),
                            ("version", .string(toolVersion)),
                            ("semanticVersion", .string(toolVersion)),
                            ("rules", .array(rules)),
                        ])
                    )
                ])
            ),
            (
                "originalUriBaseIds",
                .object([(Self.sourceRoot, .object([("uri", .string(Self.directoryURI(workingDirectory)))]))])
            ),
            ("artifacts", .array(files.map { .object([("location", artifactLocation($0))]) })),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return .object([("$schema", .string(Self.schemaURI)), ("version", .string("2.1.0")), ("runs", .array([run]))])
    }

    private func descriptor(_ code: DiagnosticCode) -> JSONValue {
        .object([
            ("id", .string(code.id)),
            ("name", .string(code.name)),
            ("shortDescription", .object([("text", .string(code.summary))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(code.severity)))])),
        ])
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
        let text = diagnostic.help.map { "\(diagnostic.message)\nhelp: \($0)" } ?? diagnostic.message
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.code.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        if let location = diagnostic.location {
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(location))])])))
        }
        if !diagnostic.notes.isEmpty {
            let related = diagnostic.notes.enumerated().map { index, note -> JSONValue in
                var fields: [(String, JSONValue)] = [("id", .int(index + 1))]
                if let location = note.location { fields.append(("physicalLocation", physicalLocation(location))) }
                fields.append(("message", .object([("text", .string(note.message))])))
                return .object(fields)
            }
            members.append(("relatedLocations", .array(related)))
        }
        return .object(members)
    }

    private func physicalLocation(_ location: SourceLocation) -> JSONValue {
        let range = location.range
        return .object([
            ("artifactLocation", artifactLocation(location.file)),
            (
                "region",
                .object([
                    ("startLine", .int(range.start.line)),
                    ("startColumn", .int(range.start.column)),
                    ("endLine", .int(max(range.end.line, range.start.line))),
                    (
                        "endColumn",
                        .int(
                            range.end.line > range.start.line
                                ? range.end.column : max(range.end.column, range.start.column))
                    ),
                    ("byteOffset", .int(range.start.offset)),
                    ("byteLength", .int(max(0, range.end.offset - range.start.offset))),
                ])
            ),
        ])
    }

    private func artifactLocation(_ path: String) -> JSONValue {
        if path.hasPrefix("/") { return .object([("uri", .string(Self.fileURI(path)))]) }
        var relative = path
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return .object([("uri", .string(Self.encode(relative))), ("uriBaseId", .string(Self.sourceRoot))])
    }

    /// `error`, `warning` or `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A path with the characters a URI path may not hold percent-encoded.
    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// `file:///abs/path`.
    static func fileURI(_ path: String) -> String { "file://" + encode(path) }

    /// `file:///abs/folder/`, ending with a slash so relative URIs resolve inside it.
    static func directoryURI(_ path: String) -> String {
        let uri = fileURI(path.hasPrefix("/") ? path : "/" + path)
        return uri.hasSuffix("/") ? uri : uri + "/"
    }
}
