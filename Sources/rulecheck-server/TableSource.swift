import Foundation
import RuleEngine
import Synchronization

/// Where every route gets its table: ``table(on:)`` asks the core's `PolicyHistory`, the one
/// rule for which table is in force on a date. Holds the history in force with each table's
/// file and digest, and swaps a reloaded history atomically, so that each request decides
/// with exactly one complete set.
final class TableSource: Sendable {
    /// One consistent set: the history and its tables in the history's order.
    struct Snapshot: Sendable {
        /// The policy history.
        let history: PolicyHistory
        /// The tables with their files and digests, in the history's order (latest window first).
        let tables: [LoadedTable]
    }

    private let state: Mutex<Snapshot>

    /// Starts with `snapshot` in force.
    init(_ snapshot: Snapshot) {
        state = Mutex(snapshot)
    }

    /// The set in force now.
    var snapshot: Snapshot { state.withLock { $0 } }

    /// The tables in force, latest window first.
    var tables: [LoadedTable] { snapshot.tables }

    /// Puts a new set in force.
    func replace(with snapshot: Snapshot) {
        state.withLock { $0 = snapshot }
    }

    /// The name of the date input (the tables of a history share it).
    var dateInputName: String { snapshot.tables[0].compiled.definition.dateInputName }

    /// The table in force on `date` (`nil`: today, as the policy history tells it) and the date
    /// it resolves to.
    func table(on date: LocalDate?) throws(SelectionError) -> (table: LoadedTable, asOf: LocalDate) {
        let snapshot = self.snapshot
        let history = snapshot.history
        guard let day = date ?? history.today() else {
            throw .unknownTimeZone(history.tables[0].policy.timeZone)
        }
        guard let index = history.tableIndex(for: day) else {
            throw .noneInForce(date: date.map(\.description) ?? "today", windows: history.windows)
        }
        return (snapshot.tables[index], day)
    }

    /// The table whose policy version is `version`.
    func table(version: String) -> LoadedTable? {
        tables.first { $0.compiled.policy.version == version }
    }
}

/// Why no table answers a date.
enum SelectionError: Error, Sendable {
    case unknownTimeZone(String)
    case noneInForce(date: String, windows: String)

    /// One line for the client.
    var message: String {
        switch self {
        case .unknownTimeZone(let zone): return "cannot tell today's date in \(zone)"
        case .noneInForce(let date, let windows): return "no table is in force on \(date); windows: \(windows)"
        }
    }
}
