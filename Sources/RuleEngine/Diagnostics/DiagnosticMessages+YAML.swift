import YAMLReader

/// The catalogue of YAML-level messages: codes RC1xx.
extension DiagnosticMessage {
    package static func syntax(_ problem: String, context: String?) -> DiagnosticMessage {
        let text = context.map { "\(problem) \($0)" } ?? problem
        return DiagnosticMessage(code: .invalidYAML, text: "invalid YAML: \(text)")
    }
    package static let syntaxContext = "the construct that failed starts here"

    package static let tabIndentation = DiagnosticMessage(
        code: .tabIndentation, text: "tab character used for indentation",
        help: "indent with spaces; YAML does not allow tabs in indentation")

    package static func duplicateKey(_ key: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .duplicateKey, text: "duplicate key `\(key)`",
            help: "each key may appear once in a mapping; remove or rename one")
    }
    package static let firstKey = "first defined here"

    package static let multipleDocuments = DiagnosticMessage(
        code: .multipleDocuments, text: "more than one YAML document in the file",
        help: "a rule table is one document: remove the `---` line and what follows, or split the file")

    package static func invalidUTF8(_ byte: UInt8) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidUTF8, text: "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
            help: "save the file as UTF-8")
    }

    package static let emptyFile = DiagnosticMessage(code: .emptyFile, text: "file holds no YAML document")

    package static func fileTooLarge(limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(code: .fileTooLarge, text: "file is larger than the limit of \(limit) bytes")
    }

    package static func nestingTooDeep(_ limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(code: .nestingTooDeep, text: "sequences and mappings nest deeper than the limit of \(limit)")
    }

    package static func scalarTooLong(_ bytes: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(code: .scalarTooLong, text: "scalar is \(bytes) bytes, more than the limit of \(limit) bytes")
    }

    package static func tooManyNodes(_ limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .tooManyNodes, text: "document expands to more than \(limit) nodes",
            help: "aliases that repeat large anchors multiply the document; write the values out instead")
    }

    package static func undefinedAlias(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .undefinedAlias, text: "alias `*\(name)` names no anchor defined before it")
    }
}

extension YAMLProblem {
    /// This problem as a diagnostic in `file`.
    public func diagnostic(file: String) -> Diagnostic {
        func at(_ position: SourcePosition) -> SourceLocation {
            SourceLocation(file: file, range: SourceRange(at: position))
        }
        func at(_ range: SourceRange) -> SourceLocation { SourceLocation(file: file, range: range) }
        switch self {
        case .syntax(let problem, let position, let context, let contextAt):
            let notes = contextAt.map { [DiagnosticNote(DiagnosticMessage.syntaxContext, at: at($0))] } ?? []
            return Diagnostic(.syntax(problem, context: context), at: at(position), notes: notes)
        case .tabIndentation(let position):
            return Diagnostic(.tabIndentation, at: at(position))
        case .duplicateKey(let key, let range, let first):
            return Diagnostic(
                .duplicateKey(key), at: at(range), notes: [DiagnosticNote(DiagnosticMessage.firstKey, at: at(first))])
        case .multipleDocuments(let position):
            return Diagnostic(.multipleDocuments, at: at(position))
        case .invalidUTF8(let position, let byte):
            return Diagnostic(.invalidUTF8(byte), at: at(position))
        case .empty:
            return Diagnostic(.emptyFile, at: at(SourcePosition.start))
        case .fileTooLarge(_, let limit):
            return Diagnostic(.fileTooLarge(limit: limit), at: at(SourcePosition.start))
        case .nestingTooDeep(let position, let limit):
            return Diagnostic(.nestingTooDeep(limit), at: at(position))
        case .scalarTooLong(let range, let bytes, let limit):
            return Diagnostic(.scalarTooLong(bytes, limit: limit), at: at(range))
        case .tooManyNodes(let position, let limit):
            return Diagnostic(.tooManyNodes(limit), at: at(position))
        case .undefinedAlias(let name, let range):
            return Diagnostic(.undefinedAlias(name), at: at(range))
        }
    }
}
