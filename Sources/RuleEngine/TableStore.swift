import Synchronization

/// Holds the policy history in force for a long-running embedder (one table, or a folder's
/// versions) and swaps in a reloaded one atomically while evaluations continue.
///
/// Readers take ``history`` (or ``current``) once per decision (or per batch) and evaluate on
/// that immutable value; a reload never changes a history that is in use, so every answer comes
/// from exactly one complete set of versions.
///
/// Reloads are ordered by when they start: each takes a ticket before it reads the files, and
/// its result is put in force only if no reload that started later (nor a `replace(with:)` call)
/// has been put in force already, so a slow reload of older content never replaces a newer one.
public final class TableStore: Sendable {
    private struct State {
        var history: PolicyHistory
        /// The ticket of the history in force.
        var applied: UInt64 = 0
        /// The last ticket handed out.
        var issued: UInt64 = 0
    }

    private let state: Mutex<State>

    /// Creates a store holding one compiled table.
    public init(_ table: CompiledTable) {
        state = Mutex(State(history: PolicyHistory(single: table)))
    }

    /// Creates a store holding a policy history.
    public init(_ history: PolicyHistory) {
        state = Mutex(State(history: history))
    }

    /// The history in force now.
    public var history: PolicyHistory { state.withLock { $0.history } }

    /// The newest table in force now (the only one for a single table).
    public var current: CompiledTable { history.tables[0] }

    /// Decides through the history in force now.
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        try history.evaluate(years, asOf: asOf)
    }

    /// Replaces the history in force with one table (newer than any reload still running).
    public func replace(with newTable: CompiledTable) {
        replace(with: PolicyHistory(single: newTable))
    }

    /// Replaces the history in force (newer than any reload still running).
    public func replace(with newHistory: PolicyHistory) {
        state.withLock { state in
            state.issued += 1
            state.applied = state.issued
            state.history = newHistory
        }
    }

    /// Loads the table at `path` and puts it in force only when it has no errors and no reload
    /// that started later has been put in force; otherwise the history in force stays. Returns
    /// the load result with its diagnostics either way.
    @discardableResult
    public func reload(path: String) throws(FileReadError) -> LoadResult {
        try reload { () throws(FileReadError) in try TableLoader.load(path: path) }
    }

    /// ``reload(path:)`` with the loading step given, so that tests can order two reloads.
    @discardableResult
    func reload(loading load: () throws(FileReadError) -> LoadResult) throws(FileReadError) -> LoadResult {
        let ticket = takeTicket()
        let result = try load()
        if let loaded = result.table { apply(PolicyHistory(single: loaded), ticket: ticket) }
        return result
    }

    /// Loads every table of a folder (or one table file) and puts their history in force only
    /// when every table is clean, they form one, and no reload that started later has been put
    /// in force; otherwise the history in force stays.
    @discardableResult
    public func reload(folder: String) throws(FileReadError) -> HistoryLoadResult {
        let ticket = takeTicket()
        let result = try PolicyHistory.load(path: folder)
        if let history = result.history { apply(history, ticket: ticket) }
        return result
    }

    private func takeTicket() -> UInt64 {
        state.withLock { state in
            state.issued += 1
            return state.issued
        }
    }

    private func apply(_ history: PolicyHistory, ticket: UInt64) {
        state.withLock { state in
            guard ticket > state.applied else { return }
            state.applied = ticket
            state.history = history
        }
    }
}
