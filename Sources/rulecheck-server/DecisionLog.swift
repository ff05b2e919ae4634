import Foundation
import RuleEngine
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The decision log: one JSON line per decision, appended before the answer goes out (audit
/// first), so that any decision can be replayed against the exact table that made it. Holds
/// only the inputs the table declares, never other request fields. Reopened on SIGHUP so that
/// a rotated file is followed.
final class DecisionLog: Sendable {
    /// The file's path.
    let path: String
    private let descriptor: Mutex<Int32>

    /// Opens (creating, appending to) the file at `path`.
    init(path: String) throws(LogError) {
        self.path = path
        descriptor = Mutex(try Self.open(path))
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { _ = close(fd) }
        }
    }

    /// Why the log cannot take a line.
    struct LogError: Error, Sendable {
        /// One line naming the file and the system's reason.
        let message: String
    }

    private static func open(_ path: String) throws(LogError) -> Int32 {
        let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw LogError(message: "\(path): \(String(cString: strerror(errno)))") }
        return fd
    }

    /// The line for one decision: time (UTC), policy with the table's SHA-256, the input with
    /// the as-of date resolved, cohort, status and the deciding rule with its line.
    static func line(for decision: Decision, table: LoadedTable, at time: Date = Date()) -> String {
        var members: [(String, JSONValue)] = [
            ("time", .string(time.formatted(.iso8601))),
            (
                "policy",
                .object([
                    ("id", .string(table.compiled.policy.id)), ("version", .string(table.compiled.policy.version)),
                    ("file", .string(table.file)), ("sha256", .string(table.sha256)),
                ])
            ),
        ]
        members.append(("input", decision.inputJSON))
        members += decision.outcomeJSONMembers.filter { ["cohort", "status", "rule"].contains($0.0) }
        return JSONValue.object(members).rendered() + "\n"
    }

    /// Appends lines in one write, or throws when they cannot all be written.
    func append(_ text: String) throws(LogError) {
        let bytes = Array(text.utf8)
        let result: Result<Void, LogError> = descriptor.withLock { fd in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return .failure(LogError(message: "\(path): \(String(cString: strerror(errno)))"))
                }
                offset += written
            }
            return .success(())
        }
        try result.get()
    }

    /// Opens the path again (after log rotation) and closes the old file.
    func reopen() throws(LogError) {
        let fresh = try Self.open(path)
        descriptor.withLock { fd in
            let old = fd
            fd = fresh
            if old >= 0 { _ = close(old) }
        }
    }
}
