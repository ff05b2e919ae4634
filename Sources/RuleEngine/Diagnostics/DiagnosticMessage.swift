/// A diagnostic's code, severity, wording and advice, before it is given a place.
/// Every message the project raises is built by a static member in `DiagnosticMessages.swift`.
public struct DiagnosticMessage: Sendable, Hashable {
    /// The stable code.
    public let code: String
    /// The default severity.
    public let severity: Severity
    /// The wording.
    public let text: String
    /// Advice, if any.
    public let help: String?

    /// Creates a message.
    public init(code: String, severity: Severity = .error, text: String, help: String? = nil) {
        self.code = code
        self.severity = severity
        self.text = text
        self.help = help
    }
}
