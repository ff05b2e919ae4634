import RuleEngine

/// The counts at the end of a roster run.
public struct RosterSummary: Sendable, Hashable {
    /// One cohort and status with its number of rows.
    public struct Group: Sendable, Hashable {
        /// The cohort.
        public let cohort: String
        /// The status.
        public let status: String
        /// The rows decided with this cohort and status.
        public let rows: Int
    }

    /// The data rows read (the header and blank lines not counted).
    public let rows: Int
    /// The rows that could not be decided.
    public let badRows: Int
    /// The decided rows per cohort and status, sorted by cohort then status.
    public let groups: [Group]

    /// A table of the counts for people to read.
    public func rendered() -> String {
        let cohortWidth = max(groups.map(\.cohort.count).max() ?? 0, "cohort".count)
        let statusWidth = max(groups.map(\.status.count).max() ?? 0, "status".count)
        let countWidth = max(String(rows).count, "rows".count)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        func padLeft(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: width - text.count) + text
        }
        var lines = ["\(pad("cohort", cohortWidth))  \(pad("status", statusWidth))  \(padLeft("rows", countWidth))"]
        for group in groups {
            lines.append(
                "\(pad(group.cohort, cohortWidth))  \(pad(group.status, statusWidth))  "
                    + padLeft(String(group.rows), countWidth))
        }
        lines.append("\(pad("bad rows", cohortWidth + statusWidth + 2))  \(padLeft(String(badRows), countWidth))")
        lines.append("\(pad("total", cohortWidth + statusWidth + 2))  \(padLeft(String(rows), countWidth))")
        return lines.joined(separator: "\n") + "\n"
    }
}
