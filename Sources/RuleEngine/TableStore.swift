import Synchronization

/// Holds the table in force for a long-running embedder and swaps in a reloaded version
/// atomically while evaluations continue.
///
/// Readers take ``current`` once per decision (or per batch) and evaluate on that immutable
/// table; a reload never changes a table that is in use, so every answer comes from exactly
/// one complete version.
public final class TableStore: Sendable {
    private let table: Mutex<CompiledTable>

    /// Creates a store holding a compiled table.
    public init(_ table: CompiledTable) {
        self.table = Mutex(table)
    }

    /// The table in force now.
    public var current: CompiledTable { table.withLock { $0 } }

    /// Decides with the table in force now.
    public func evaluate(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Decision {
        try current.evaluate(years, asOf: asOf)
    }

    /// Replaces the table in force.
    public func replace(with newTable: CompiledTable) {
        table.withLock { $0 = newTable }
    }

    /// Loads the table at `path` and puts it in force only when it has no errors; otherwise
    /// the table in force stays. Returns the load result with its diagnostics either way.
    @discardableResult
    public func reload(path: String) throws(FileReadError) -> LoadResult {
        let result = try TableLoader.load(path: path)
        if let loaded = result.table { replace(with: loaded) }
        return result
    }
}
