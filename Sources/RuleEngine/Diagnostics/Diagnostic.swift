import YAMLReader

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// A note: context for another diagnostic, or information.
    case note
    /// A warning: the table works but something deserves a look.
    case warning
    /// An error: the table must not be published.
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    /// Orders by seriousness, notes first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A related place that explains a diagnostic, such as the first of two duplicate keys.
public struct DiagnosticNote: Sendable, Hashable {
    /// What the note says.
    public let message: String
    /// Where it points, if anywhere.
    public let location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }
}

/// One finding about an input file: a value with a stable code, separate from its wording
/// and from how it is rendered.
public struct Diagnostic: Sendable, Hashable {
    /// How serious it is.
    public let severity: Severity
    /// The stable code, such as ``DiagnosticCode/invalidYAML`` (`RC101`); the wording may change,
    /// the code does not. `code.rawValue` is the string written in every output.
    public let code: DiagnosticCode
    /// One lowercase line without a final period.
    public let message: String
    /// Where it points; `nil` for a problem with the file as a whole that has no position.
    public let location: SourceLocation?
    /// Related places.
    public let notes: [DiagnosticNote]
    /// What to do about it, if there is advice to give.
    public let help: String?

    /// Creates a diagnostic from a catalogue message.
    public init(
        _ message: DiagnosticMessage, at location: SourceLocation?, notes: [DiagnosticNote] = [],
        severity: Severity? = nil
    ) {
        self.severity = severity ?? message.severity
        self.code = message.code
        self.message = message.text
        self.location = location
        self.notes = notes
        self.help = message.help
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics sorted by file, position, then code.
    /// Ties keep their order. Sorts positions rather than the diagnostics themselves, so that a
    /// table with many findings does not copy each one many times.
    public func sortedByLocation() -> [Diagnostic] {
        let keys = map { ($0.location?.file ?? "", $0.location?.range.start.offset ?? -1, $0.code.rawValue) }
        let order = indices.sorted { lhs, rhs in
            let left = keys[lhs]
            let right = keys[rhs]
            if left != right { return left < right }
            return lhs < rhs
        }
        return order.map { self[$0] }
    }
}
