import RuleEngine

/// The running counts of a roster run: data rows, bad rows, and rows per entry of one
/// ``RosterOutcomeCache``.
struct RosterTally: Sendable {
    /// The data rows read.
    var rows = 0
    /// The rows that could not be decided.
    var badRows = 0
    /// The rows decided with each cache entry, by entry.
    var counts: [Int] = []
}
