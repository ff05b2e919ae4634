import Synchronization

/// Holds the table in force for a long-running embedder and swaps in a reloaded version
/// atomically while evaluations continue.
///
/// Readers take ``current`` once per decision (or per batch) and evaluate on that immutable
/// table; a reload never changes a table that is in use, so every answer comes from exactly
/// one complete version.
///
/// Reloads are ordered by when they start: each takes a ticket before it reads the file, and
/// its table is put in force only if no reload that started later (nor a ``replace(with:)``)
/// has been put in force already, so a slow reload of older content never replaces a newer one.
public final class TableStore: Sendable {
    private struct State {
        var table: CompiledTable
        /// The ticket of the table in force.
        var applied: UInt64 = 0
        /// The last ticket handed out.
        var issued: UInt64 = 0
    }

    private let state: Mutex<State>

    /// Creates a store holding a compiled table.
    public init(_ table: CompiledTable) {
        state = Mutex(State(table: table))
    }

    /// The table in force now.
    public var current: CompiledTable { state.withLock { $0.table } }

    /// Decides with the table in force now.
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        try current.evaluate(years, asOf: asOf)
    }

    /// Replaces the table in force (newer than any reload still running).
    public func replace(with newTable: CompiledTable) {
        state.withLock { state in
            state.issued += 1
            state.applied = state.issued
            state.table = newTable
        }
    }

    /// Loads the table at `path` and puts it in force only when it has no errors and no reload
    /// that started later has been put in force; otherwise the table in force stays. Returns
    /// the load result with its diagnostics either way.
    @discardableResult
    public func reload(path: String) throws(FileReadError) -> LoadResult {
        try reload { () throws(FileReadError) in try TableLoader.load(path: path) }
    }

    /// ``reload(path:)`` with the loading step given, so that tests can order two reloads.
    @discardableResult
    func reload(loading load: () throws(FileReadError) -> LoadResult) throws(FileReadError) -> LoadResult {
        let ticket = state.withLock { state in
            state.issued += 1
            return state.issued
        }
        let result = try load()
        if let loaded = result.table {
            state.withLock { state in
                guard ticket > state.applied else { return }
                state.applied = ticket
                state.table = loaded
            }
        }
        return result
    }
}
