import Foundation
import RuleEngine
import Synchronization

/// Where every route gets its tables: ``table(on:)`` asks the core's `PolicyHistory` for the
/// newest table in force on a date, and the history in the returned snapshot decides. Holds the history in force with each table's
/// file and digest, and swaps a reloaded history atomically, so that each request decides
/// with exactly one complete set.
final class TableSource: Sendable {
    /// One consistent set: the history and its tables in the history's order.
    struct Snapshot: Sendable {
        /// The policy history.
        let history: PolicyHistory
        /// The tables with their files and digests, in the history's order (latest window first).
        let tables: [LoadedTable]
        /// The decisions' JSON, with what does not depend on the input rendered once per set.
        let body = DecisionBody()

        /// The loaded table of a compiled one of this set (the one a decision names).
        func loaded(_ table: CompiledTable) -> LoadedTable? {
            tables.first { $0.compiled === table }
        }
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

    /// The newest table in force on `date` (`nil`: today, as the policy history tells it), whose
    /// inputs name the request's fields, the date it resolves to, and the set in force, whose
    /// history decides.
    func table(on date: LocalDate?) throws(SelectionError) -> (
        table: LoadedTable, asOf: LocalDate, snapshot: Snapshot
    ) {
        let snapshot = self.snapshot
        let history = snapshot.history
        guard let day = date ?? history.today() else {
            throw .unknownTimeZone(history.tables[0].policy.timeZone)
        }
        guard let newest = history.table(for: day), let loaded = snapshot.loaded(newest) else {
            throw .noneInForce(date: date.map(\.description) ?? "today", windows: history.windows)
        }
        return (loaded, day, snapshot)
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
