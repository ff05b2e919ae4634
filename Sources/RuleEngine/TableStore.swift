import Synchronization

/// Holds the policy history in force for a long-running embedder (one table, or a folder's
/// versions) and swaps in a reloaded one atomically while evaluations continue.
///
/// Readers take ``history`` once per decision (or per batch) and evaluate on that immutable
/// value; a reload never changes a history that is in use, so every answer comes from exactly
/// one complete set of versions.
public final class TableStore: Sendable {
    private let state: Mutex<PolicyHistory>

    /// Creates a store holding one compiled table.
    public init(_ table: CompiledTable) {
        state = Mutex(PolicyHistory(single: table))
    }

    /// Creates a store holding a policy history.
    public init(_ history: PolicyHistory) {
        state = Mutex(history)
    }

    /// The history in force now.
    public var history: PolicyHistory { state.withLock { $0 } }

    /// The newest table in force now (the only one for a single table).
    public var current: CompiledTable { history.tables[0] }

    /// Decides through the history in force now.
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        try history.evaluate(years, asOf: asOf)
    }

    /// Replaces the history in force with one table.
    public func replace(with newTable: CompiledTable) {
        replace(with: PolicyHistory(single: newTable))
    }

    /// Replaces the history in force.
    public func replace(with newHistory: PolicyHistory) {
        state.withLock { $0 = newHistory }
    }

    /// Loads the table at `path` and puts it in force only when it has no errors; otherwise
    /// the history in force stays. Returns the load result with its diagnostics either way.
    @discardableResult
    public func reload(path: String) throws(FileReadError) -> LoadResult {
        let result = try TableLoader.load(path: path)
        if let loaded = result.table { replace(with: loaded) }
        return result
    }

    /// Loads every table of a folder (or one table file) and puts their history in force only
    /// when every table is clean and they form one; otherwise the history in force stays.
    @discardableResult
    public func reload(folder: String) throws(FileReadError) -> HistoryLoadResult {
        let result = try PolicyHistory.load(path: folder)
        if let history = result.history { replace(with: history) }
        return result
    }
}
