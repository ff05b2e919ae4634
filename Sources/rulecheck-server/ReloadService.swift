import Logging
import ServiceLifecycle
import UnixSignals

/// Runs hot reload beside the server: polls the rules every `interval` (when not `nil`) and
/// on SIGHUP reloads at once and reopens the decision log. Stops on graceful shutdown.
struct ReloadService: Service {
    let reloader: Reloader
    let interval: Duration?
    let decisionLog: DecisionLog?
    let logger: Logger

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    if let decisionLog {
                        do throws(DecisionLog.LogError) { try decisionLog.reopen() } catch {
                            logger.error("cannot reopen the decision log: \(error.message)")
                        }
                    }
                    await reloader.reload(force: true)
                }
            }
            if let interval {
                group.addTask {
                    while !Task.isCancelled {
                        do { try await Task.sleep(for: interval) } catch { return }
                        await reloader.reload(force: false)
                    }
                }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }
}
