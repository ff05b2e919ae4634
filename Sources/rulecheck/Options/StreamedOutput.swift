import Foundation
import RuleCheckKit
import RuleEngine

/// Where a streaming command (`batch`, `generate-roster`) writes: standard output, or a file
/// filled through a temporary file that is renamed into place only by ``commit()``, and removed
/// by ``discard()`` or by an interrupting signal.
final class StreamedOutput {
    /// The file being written, or `nil` for standard output.
    let file: AtomicOutputFile?
    /// The buffered writer to write through.
    let writer: BufferedWriter
    /// The destination's name for messages.
    let name: String

    /// Opens `path`'s temporary file (or standard output when `path` is `nil`).
    init(path: String?) throws {
        name = path ?? "standard output"
        do throws(AtomicFile.WriteError) {
            file = try path.map { path throws(AtomicFile.WriteError) in try AtomicOutputFile(path: path) }
        } catch {
            throw CLIError(error.description)
        }
        if let file { InterruptCleanup.arm(file.temporaryPath) }
        writer = BufferedWriter(fileDescriptor: file?.fileDescriptor ?? STDOUT_FILENO)
    }

    deinit {
        if file != nil { InterruptCleanup.disarm() }
    }

    /// Flushes the writer and puts the file in place.
    func commit() throws {
        do throws(BufferedWriter.WriteError) { try writer.flush() } catch {
            file?.discard()
            throw CLIError("\(name): cannot write: \(error.description)")
        }
        do throws(AtomicFile.WriteError) { try file?.commit() } catch { throw CLIError(error.description) }
    }

    /// Removes the temporary file, leaving the destination as it was.
    func discard() {
        file?.discard()
    }
}
