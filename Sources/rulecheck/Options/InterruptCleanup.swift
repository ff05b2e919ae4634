import Foundation

/// Removes a temporary output file when the run is interrupted (SIGINT, SIGTERM, SIGHUP),
/// then lets the signal end the process as usual.
enum InterruptCleanup {
    /// The file to remove, as a C string made before any signal can arrive.
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Removes `temporaryPath` if one of the signals arrives before ``disarm()``.
    static func arm(_ temporaryPath: String) {
        path = strdup(temporaryPath)
        for signal in signals { _ = Foundation.signal(signal, handler) }
    }

    /// Restores the default handlers.
    static func disarm() {
        for signal in signals { _ = Foundation.signal(signal, SIG_DFL) }
        free(path)
        path = nil
    }

    /// Only async-signal-safe calls: `unlink`, `signal`, `raise`.
    private static let handler: @convention(c) (Int32) -> Void = { signal in
        if let path = InterruptCleanup.path { unlink(path) }
        _ = Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }
}
