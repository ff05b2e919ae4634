import Logging
import RuleEngine

/// Re-reads the rules path and swaps the tables in force only when every table loads clean.
/// An actor whose reload does not suspend, so reloads run one at a time, in the order asked:
/// a slower older reload can never replace a newer one.
actor Reloader {
    private let folder: TableFolder
    private let source: TableSource
    private let metrics: ServerMetrics
    private let logger: Logger
    private var lastFingerprint: String

    /// What a reload did.
    enum Result: String, Sendable {
        case swapped
        case unchanged
        case rejected
    }

    /// Watches `folder`, whose contents with `fingerprint` (from the load) are already in `source`.
    init(folder: TableFolder, fingerprint: String, source: TableSource, metrics: ServerMetrics, logger: Logger) {
        self.folder = folder
        self.source = source
        self.metrics = metrics
        self.logger = logger
        lastFingerprint = fingerprint
    }

    /// Reloads when a table's name, size, modification time or bytes changed since the last
    /// attempt, or always when `force` (SIGHUP).
    @discardableResult
    func reload(force: Bool) -> Result {
        let fingerprint = folder.fingerprint()
        guard force || fingerprint != lastFingerprint else { return .unchanged }
        lastFingerprint = fingerprint
        switch folder.load() {
        case .loaded(let snapshot, let loadedFingerprint):
            lastFingerprint = loadedFingerprint
            let previous = source.tables
            source.replace(with: snapshot)
            let tables = snapshot.tables
            metrics.recordTablesInForce(tables, previous: previous)
            metrics.recordReload(result: Result.swapped.rawValue)
            let versions = tables.map { "\($0.compiled.policy.version) (\($0.file), sha256 \($0.sha256.prefix(12)))" }
            logger.notice("reloaded: in force \(versions.joined(separator: ", "))")
            return .swapped
        case .failed(let problems):
            metrics.recordReload(result: Result.rejected.rawValue)
            for problem in problems { logger.error("reload rejected: \(problem)") }
            logger.error("reload rejected: the tables in force stay (\(source.tables.count) tables)")
            return .rejected
        }
    }
}
