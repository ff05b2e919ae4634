import Foundation
import RuleEngine

/// A file written in a stream and put in place only when complete: the bytes go to a
/// temporary file in the same folder (`.NAME.PID.tmp`), which ``commit()`` renames over the
/// destination and ``discard()`` removes. Until the rename, the destination keeps its old
/// content (or stays absent), so an interrupted run never leaves a half-written result there.
public final class AtomicOutputFile {
    /// The destination.
    public let path: String
    /// The temporary file being written.
    public let temporaryPath: String
    /// The open descriptor of the temporary file; write to it, for example with a ``BufferedWriter``.
    public let fileDescriptor: Int32
    private var open = true

    /// Creates the temporary file beside `path`.
    public init(path: String) throws(AtomicFile.WriteError) {
        let url = URL(fileURLWithPath: path)
        self.path = path
        temporaryPath =
            url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        let descriptor = Foundation.open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw AtomicFile.WriteError(description: "\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        fileDescriptor = descriptor
    }

    deinit { discard() }

    /// Closes the temporary file and renames it over the destination.
    public func commit() throws(AtomicFile.WriteError) {
        guard open else { return }
        open = false
        let closed = close(fileDescriptor) == 0
        guard closed, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw AtomicFile.WriteError(description: "\(path): cannot write: \(reason)")
        }
    }

    /// Closes and removes the temporary file, leaving the destination as it was.
    public func discard() {
        guard open else { return }
        open = false
        close(fileDescriptor)
        unlink(temporaryPath)
    }
}
