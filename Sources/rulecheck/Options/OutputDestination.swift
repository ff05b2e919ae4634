import RuleCheckKit
import RuleEngine

/// Where a command's document goes: standard output, or a file written atomically.
enum OutputDestination {
    /// Prints `text`, or writes it to `path` atomically and says so.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do { try AtomicFile.write(text, to: path) } catch { throw CLIError(error.description) }
        print("wrote \(path)")
    }
}
