/// Why tables cannot form one history.
public enum PolicyHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No table was given.
    case empty
    /// A table has other inputs or derived outputs than the first.
    case inputsDiffer(first: String, other: String)
    /// Two tables' windows start on the same day, so neither is the newer.
    case sameWindowStart(String, String, LocalDate)
    /// Two tables have the same `policy.version`.
    case duplicateVersion(String, String, String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .empty: return "no rule table was given"
        case .inputsDiffer(let first, let other):
            return
                "\(other) has other inputs or derived outputs than \(first); the tables of a folder must have the same ones"
        case .sameWindowStart(let first, let second, let date):
            return
                "\(first) and \(second) both start their window on \(date); the tables of a folder need different window starts, the later one being the newer version"
        case .duplicateVersion(let version, let first, let second):
            return
                "\(first) and \(second) have the same policy version `\(version)`; each table of a folder is another version"
        }
    }
}
