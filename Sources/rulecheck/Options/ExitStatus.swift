import ArgumentParser

/// The documented exit codes.
enum ExitStatus {
    /// Everything checked out.
    static let success: Int32 = 0
    /// Findings: errors in a table, failed expectations, bad roster rows.
    static let findings: Int32 = 1
    /// Usage or I/O error: a bad flag value, a missing or unreadable file, an input outside a table.
    static let usage: Int32 = 2
}

/// A usage or I/O error; the CLI prints its message and exits with ``ExitStatus/usage``.
struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
