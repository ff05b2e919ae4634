import Foundation
import RuleCheckKit
import RuleEngine

/// Where a streaming command (`batch`, `generate-roster`) writes: standard output, or an
/// ``AtomicOutputFile`` put in place only by ``commit()`` and removed by ``discard()`` or by
/// an interrupting signal.
final class StreamedOutput {
    /// The file being written, or `nil` for standard output.
    let file: AtomicOutputFile?
    /// The buffered writer to write through.
    let writer: BufferedWriter
    /// The destination's name for messages.
    let name: String

    /// Whether the results go to standard output (no `--output`, or `--output -`).
    var isStandardOutput: Bool { file?.isStandardOutput ?? true }

    /// Opens `path` for writing (standard output when `path` is `nil`), refusing a `path` that
    /// is one of `inputs`.
    init(path: String?, inputs: [String]) throws {
        name = path ?? "standard output"
        do throws(AtomicFile.WriteError) {
            file = try path.map { path throws(AtomicFile.WriteError) in
                try AtomicOutputFile(path: path, inputs: inputs)
            }
        } catch {
            throw CLIError(error.description)
        }
        let fileDescriptor = file?.fileDescriptor ?? STDOUT_FILENO
        writer = BufferedWriter(fileDescriptor: fileDescriptor)
        // Results streamed into a pipe (`batch … | next-tool`) go faster through a larger buffer.
        PipeCapacity.widen(fileDescriptor)
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
