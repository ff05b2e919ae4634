import Foundation
import RuleEngine
import Synchronization

/// Where every route gets its table: the one lookup (``table(on:)``) to point at the policy
/// history once it exists. Holds the tables in force and swaps a reloaded set atomically, so
/// that each request decides with exactly one complete set.
final class TableSource: Sendable {
    private let state: Mutex<[LoadedTable]>

    /// Starts with `tables` in force (latest window first).
    init(_ tables: [LoadedTable]) {
        state = Mutex(tables)
    }

    /// The tables in force, latest window first.
    var tables: [LoadedTable] { state.withLock { $0 } }

    /// Puts a new set of tables in force.
    func replace(with tables: [LoadedTable]) {
        state.withLock { $0 = tables }
    }

    /// The names of the date inputs the tables in force declare (one, in today's tables).
    var dateInputNames: Set<String> { Set(tables.map(\.compiled.table.dateInputName)) }

    /// The table in force on `date` (`nil`: today in each table's time zone) and the date it
    /// resolves to. With several tables, the one whose window contains the date and starts
    /// last wins; with one, it answers (and rejects dates outside its window when deciding).
    func table(on date: LocalDate?) throws(SelectionError) -> (table: LoadedTable, asOf: LocalDate) {
        let tables = self.tables
        guard !tables.isEmpty else { throw .noTables }
        for loaded in tables {
            guard let day = date ?? LocalDate.today(inTimeZone: loaded.compiled.policy.timeZone) else {
                throw .unknownTimeZone(loaded.compiled.policy.timeZone)
            }
            if tables.count == 1 || loaded.compiled.isInForce(on: day) { return (loaded, day) }
        }
        let windows = tables.map { "\($0.compiled.policy.windowStart) to \($0.compiled.policy.windowEnd)" }
        throw .noneInForce(date: date.map(\.description) ?? "today", windows: windows)
    }

    /// The table whose policy version is `version`.
    func table(version: String) -> LoadedTable? {
        tables.first { $0.compiled.policy.version == version }
    }
}

/// Why no table answers a date.
enum SelectionError: Error, Sendable {
    case noTables
    case unknownTimeZone(String)
    case noneInForce(date: String, windows: [String])

    /// One line for the client.
    var message: String {
        switch self {
        case .noTables: return "no table is loaded"
        case .unknownTimeZone(let zone): return "cannot tell today's date in \(zone)"
        case .noneInForce(let date, let windows):
            return "no table is in force on \(date); windows: \(windows.joined(separator: "; "))"
        }
    }
}
