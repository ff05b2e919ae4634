/// Plain words for a table's cohorts and statuses (its `labels:`), for the pages and text
/// outputs that people read; programs keep reading the ids. Ids without a label have none.
public struct OutcomeLabels: Sendable, Hashable {
    /// Cohort id → its words, such as `one-year-alignment` → "Aligning your cycles this year".
    public let cohorts: [String: String]
    /// Status id → its words.
    public let statuses: [String: String]

    /// Labels for the given cohorts and statuses.
    public init(cohorts: [String: String] = [:], statuses: [String: String] = [:]) {
        self.cohorts = cohorts
        self.statuses = statuses
    }

    /// The words for a cohort, if the table gives them.
    public func cohort(_ id: String) -> String? { cohorts[id] }

    /// The words for a status, if the table gives them.
    public func status(_ id: String) -> String? { statuses[id] }

    /// Whether the table gives no labels.
    public var isEmpty: Bool { cohorts.isEmpty && statuses.isEmpty }
}
