import RuleEngine

/// Why a roster run stopped. Bad rows never stop a run; these do.
public enum RosterError: Error, Sendable, CustomStringConvertible {
    /// The header lacks a required column, names one twice, or there is no header: a usage error.
    case header(String)
    /// The tables given cannot classify one roster together: a usage error.
    case tables(String)
    /// The CSV structure is broken at a line; nothing after it can be read.
    case malformed(CSVError)
    /// The output cannot be written.
    case write(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .header(let message), .tables(let message), .write(let message): return message
        case .malformed(let error): return error.description
        }
    }
}
