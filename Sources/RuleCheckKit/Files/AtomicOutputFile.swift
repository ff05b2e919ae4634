import Foundation
import RuleEngine

/// The one way rulecheck writes a file. The bytes go to a temporary file created beside the
/// destination under a random name (``temporaryNamePattern``) with `O_CREAT|O_EXCL|O_NOFOLLOW`
/// and mode 0600; ``commit()`` gives it the destination's mode (and owner, where permitted),
/// `fsync`s it, renames it over the destination and `fsync`s the folder; ``discard()``, a
/// failure or a catchable signal removes it. Until the rename the destination keeps its old
/// content (or stays absent), so an interrupted run never leaves a half-written result.
///
/// The destination decides the way of writing:
/// - `-`, `/dev/stdout` and `/dev/stderr` write to that stream;
/// - a FIFO is written through (a consumer is reading it);
/// - a symbolic link to a regular file is followed: the file it points to is replaced, the link kept;
/// - a missing file or a regular file is replaced atomically;
/// - anything else (a folder, a device, a socket, a dangling link) is refused, nothing touched.
///
/// A destination that is the same file (device and inode) as one of `inputs` is refused too.
public final class AtomicOutputFile {
    /// How the bytes reach the destination.
    public enum Mode: Sendable, Equatable {
        /// Through a temporary file renamed over the destination.
        case replace
        /// Straight into a FIFO.
        case fifo
        /// To standard output or standard error (the descriptor is not closed).
        case standardStream
    }

    /// The name of a temporary file: `.NAME.rulecheck-PID-RANDOM.tmp` beside the destination
    /// `NAME`; a run that finds such a file whose process is gone removes it.
    public static let temporaryNamePattern = ".NAME.rulecheck-PID-RANDOM.tmp"

    /// The destination as given.
    public let path: String
    /// The file that is replaced: `path`, or the regular file a symbolic link at `path` points to.
    public let targetPath: String
    /// How the bytes reach the destination.
    public let mode: Mode
    /// The temporary file being written, or `nil` when writing straight to a stream or FIFO.
    public let temporaryPath: String?
    /// The open descriptor to write to, for example with a ``BufferedWriter``.
    public let fileDescriptor: Int32
    private let existing: stat?
    private var cleanupSlot: Int?
    private var open = true

    /// Whether the bytes go to standard output.
    public var isStandardOutput: Bool { mode == .standardStream && fileDescriptor == STDOUT_FILENO }

    /// Prepares to write `path`, refusing a destination that is not a regular file, a missing
    /// one, a stream or a FIFO, or that is the same file as one of `inputs`.
    public init(path: String, inputs: [String] = []) throws(AtomicFile.WriteError) {
        self.path = path
        let target = try OutputTarget.resolve(path)
        try OutputTarget.refuseInputs(target, path: path, inputs: inputs)
        targetPath = target.path
        existing = target.existing
        switch target.kind {
        case .standardStream(let descriptor):
            mode = .standardStream
            fileDescriptor = descriptor
            temporaryPath = nil
        case .fifo:
            mode = .fifo
            temporaryPath = nil
            let descriptor = Foundation.open(target.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw AtomicFile.WriteError.system(path, "cannot write") }
            fileDescriptor = descriptor
        case .regular:
            mode = .replace
            TemporaryFileCleanup.removeStale(besides: target.path)
            let (descriptor, temporary, slot) = try Self.createTemporary(besides: target.path, reportedAs: path)
            fileDescriptor = descriptor
            temporaryPath = temporary
            cleanupSlot = slot
        }
    }

    deinit { discard() }

    /// Creates the temporary file with a random name, retrying on a name already taken; the
    /// name is registered for removal on a signal before the file exists.
    private static func createTemporary(besides target: String, reportedAs path: String)
        throws(AtomicFile.WriteError) -> (Int32, String, Int?)
    {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        let prefix = TemporaryFileCleanup.prefix(for: url.lastPathComponent)
        let pid = ProcessInfo.processInfo.processIdentifier
        for _ in 0..<32 {
            let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let candidate = folder.appendingPathComponent("\(prefix)\(pid)-\(random).tmp").path
            let slot = TemporaryFileCleanup.register(candidate)
            let descriptor = Foundation.open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, candidate, slot) }
            let failure = AtomicFile.WriteError.system(path, "cannot write")
            let taken = errno == EEXIST
            if let slot { TemporaryFileCleanup.unregister(slot) }
            if !taken { throw failure }
        }
        throw AtomicFile.WriteError(description: "\(path): cannot write: no free temporary file name")
    }

    /// Puts the file in place: for a replaced file, sets its mode and owner, `fsync`s it,
    /// renames it over the destination and `fsync`s the folder.
    public func commit() throws(AtomicFile.WriteError) {
        guard open else { return }
        open = false
        switch mode {
        case .standardStream:
            return
        case .fifo:
            guard close(fileDescriptor) == 0 else { throw AtomicFile.WriteError.system(path, "cannot write") }
        case .replace:
            guard let temporaryPath else { return }
            defer { unregister() }
            applyOwnerAndMode()
            let synced = fsync(fileDescriptor) == 0
            let failure = errno
            let closed = close(fileDescriptor) == 0
            guard synced, closed, rename(temporaryPath, targetPath) == 0 else {
                let reason = String(cString: strerror(synced ? errno : failure))
                unlink(temporaryPath)
                throw AtomicFile.WriteError(description: "\(path): cannot write: \(reason)")
            }
            Self.syncFolder(of: targetPath)
        }
    }

    /// Closes and removes the temporary file, leaving the destination as it was.
    public func discard() {
        guard open else { return }
        open = false
        switch mode {
        case .standardStream: return
        case .fifo: close(fileDescriptor)
        case .replace:
            close(fileDescriptor)
            if let temporaryPath { unlink(temporaryPath) }
            unregister()
        }
    }

    private func unregister() {
        if let cleanupSlot { TemporaryFileCleanup.unregister(cleanupSlot) }
        cleanupSlot = nil
    }

    /// The replaced file's owner and mode, or for a new file 0666 less the umask.
    private func applyOwnerAndMode() {
        guard let existing else {
            let mask = umask(0)
            umask(mask)
            fchmod(fileDescriptor, 0o666 & ~mask)
            return
        }
        if existing.st_uid != geteuid() || existing.st_gid != getegid() {
            if fchown(fileDescriptor, existing.st_uid, existing.st_gid) != 0 {
                _ = fchown(fileDescriptor, uid_t.max, existing.st_gid)
            }
        }
        fchmod(fileDescriptor, existing.st_mode & 0o7777)
    }

    /// `fsync`s the folder holding `path`, so that the rename survives a crash.
    private static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = Foundation.open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
