import RuleCheckKit
import RuleEngine

/// Where a command's document goes: standard output, or a file written by ``AtomicFile``.
enum OutputDestination {
    /// Prints `text`, or writes it to `path` and says so (unless `path` is a standard stream);
    /// a `path` that is one of `inputs` is refused.
    static func emit(_ text: String, to path: String?, inputs: [String] = []) throws {
        guard let path else {
            Terminal.print(text, terminator: "")
            return
        }
        let mode: AtomicOutputFile.Mode
        do { mode = try AtomicFile.write(text, to: path, inputs: inputs) } catch { throw CLIError(error.description) }
        if mode != .standardStream { Terminal.print("wrote \(path)") }
    }
}
