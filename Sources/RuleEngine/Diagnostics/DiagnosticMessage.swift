/// A diagnostic's code, wording and advice, before it is given a place.
/// Every message the project raises is built by a static member in `DiagnosticMessages+*.swift`.
public struct DiagnosticMessage: Sendable, Hashable {
    /// The stable code, which also gives the default severity.
    public let code: DiagnosticCode
    /// The wording.
    public let text: String
    /// Advice, if any.
    public let help: String?

    /// The default severity: the code's.
    public var severity: Severity { code.severity }

    /// Creates a message with a code from the catalogue.
    public init(code: DiagnosticCode, text: String, help: String? = nil) {
        self.code = code
        self.text = text
        self.help = help
    }
}
