import Foundation
import Synchronization

/// Removes the temporary files of ``AtomicOutputFile`` when a catchable signal ends the
/// process (SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGXCPU,
/// SIGXFSZ, SIGVTALRM, SIGPROF), then lets the signal end it as usual; and removes those left
/// behind by a process that is gone (after a SIGKILL or a power cut).
enum TemporaryFileCleanup {
    private static let capacity = 32

    /// The paths to remove, as C strings made before any signal can arrive; the handler only reads them.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// Guards registration; `true` once the handlers are installed.
    private static let lock = Mutex(false)

    private static let signals = [
        SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
    ]

    /// The start of a temporary file's name for the destination `name`.
    static func prefix(for name: String) -> String { ".\(name).rulecheck-" }

    /// Removes `path` if a signal arrives before ``unregister(_:)``; returns its slot, or `nil`
    /// when too many files are open at once (the file is then removed only by a later run).
    static func register(_ path: String) -> Int? {
        lock.withLock { installed in
            if !installed {
                installHandlers()
                installed = true
            }
            for slot in 0..<capacity where slots[slot] == nil {
                slots[slot] = strdup(path)
                return slot
            }
            return nil
        }
    }

    /// Forgets the file of `slot`.
    static func unregister(_ slot: Int) {
        lock.withLock { _ in
            let path = slots[slot]
            slots[slot] = nil
            free(path)
        }
    }

    /// Installs the handler for each signal that is not ignored (replacing, for SIGQUIT, the
    /// Swift runtime's backtrace handler), and unblocks it
    /// in the calling thread (a parent may hand down a blocked mask); a signal the parent
    /// ignores stays ignored (a write to a closed pipe then fails with EPIPE instead).
    private static func installHandlers() {
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in signals { sigaddset(&mask, signal) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        for signal in signals {
            let previous = Foundation.signal(signal, handler)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                _ = Foundation.signal(signal, previous)
            }
        }
    }

    /// Only async-signal-safe calls: `unlink`, `signal`, `raise`.
    private static let handler: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<TemporaryFileCleanup.capacity {
            if let path = TemporaryFileCleanup.slots[slot] { unlink(path) }
        }
        _ = Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }

    /// Removes the temporary files beside `target` (`.NAME.rulecheck-PID-RANDOM.tmp`) whose
    /// process no longer runs: regular files owned by this user only.
    static func removeStale(besides target: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        let prefix = prefix(for: url.lastPathComponent)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            guard let dash = middle.firstIndex(of: "-"), let pid = Int32(middle[..<dash]), pid > 0 else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
                continue
            }
            unlink(path)
        }
    }
}
