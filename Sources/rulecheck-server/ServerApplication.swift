import Hummingbird
import Logging
import NIOCore
import RuleEngine
import ServiceOptions

/// Wires the service: a router with the API, page and health routes, metrics middleware, and
/// hot reload as a service beside the HTTP server.
enum ServerApplication {
    /// Everything the application needs that the command line chooses.
    struct Settings: Sendable {
        /// The rules path: a table or a folder of tables.
        var rules = "rules"
        /// The address to bind: loopback unless asked otherwise.
        var host = "127.0.0.1"
        /// The port; 0 picks a free one.
        var port = 8080
        /// Request limits.
        var limits = RequestLimits()
        /// Seconds between polls of the rules; `nil` turns polling off (SIGHUP still reloads).
        var reloadInterval: Duration? = .seconds(2)
        /// The decision log's path.
        var decisionLog: String?
        /// Who the EMT page names for an official decision.
        var contact = ServiceOptions.defaultContact
    }

    /// Why the service cannot start.
    struct StartError: Error {
        /// What to tell the operator, possibly several lines.
        let message: String
    }

    /// Loads the tables and builds the application; `onListening` gets the bound port.
    static func build(
        _ settings: Settings, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(StartError) -> some ApplicationProtocol {
        let folder = TableFolder(path: settings.rules)
        let snapshot: TableSource.Snapshot
        let fingerprint: String
        switch folder.load() {
        case .loaded(let loaded, let loadedFingerprint):
            snapshot = loaded
            fingerprint = loadedFingerprint
        case .failed(let problems):
            throw StartError(
                message: (problems + ["\(settings.rules) has errors; nothing is served"]).joined(separator: "\n"))
        }
        let decisionLog: DecisionLog?
        do {
            decisionLog = try settings.decisionLog.map { path throws(DecisionLog.LogError) in
                try DecisionLog(path: path)
            }
        } catch {
            throw StartError(message: "cannot open the decision log: \(error.message)")
        }
        let source = TableSource(snapshot)
        let metrics = ServerMetrics()
        metrics.recordTablesInForce(snapshot.tables, previous: [])
        let state = ServerState(
            source: source, limits: settings.limits, metrics: metrics, decisionLog: decisionLog,
            batchSlots: BatchSlots(limit: settings.limits.maxBatchStreams))
        let router = Router()
        router.add(middleware: MetricsRecorder(metrics: metrics))
        router.add(middleware: MethodCheck())
        DecisionRoutes(state: state).register(on: router)
        BatchRoutes(state: state).register(on: router)
        TableRoutes(state: state).register(on: router)
        EMTPage(state: state, contact: settings.contact).register(on: router)
        StaffPage(state: state).register(on: router)
        let reloader = Reloader(
            folder: folder, fingerprint: fingerprint, source: source, metrics: metrics, logger: logger)
        var app = Application(
            router: router,
            configuration: .init(
                address: .hostname(settings.host, port: settings.port), serverName: "rulecheck-server"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? settings.port) },
            logger: logger)
        app.addServices(
            ReloadService(
                reloader: reloader, interval: settings.reloadInterval, decisionLog: decisionLog, logger: logger))
        return app
    }
}
