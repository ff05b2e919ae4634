import Foundation
import RuleCheckKit
import Synchronization

/// Facts about where output goes, and the one way the CLI writes to standard error.
enum Terminal {
    /// Whether a write to standard error has failed; the run then ends with exit 2.
    static let standardErrorFailed = Atomic(false)

    /// Colours only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static func colorEnabled(for fileDescriptor: Int32) -> Bool {
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    /// Why a write to standard output failed (`strerror`), once one has.
    static let standardOutputFailure = Mutex<String?>(nil)

    /// Writes `text` and `terminator` to standard output, remembering a failure; the CLI's only
    /// way to print, so that no failed write goes unnoticed.
    static func print(_ text: String, terminator: String = "\n") {
        if let reason = writeAll(text + terminator, to: STDOUT_FILENO) {
            standardOutputFailure.withLock { $0 = $0 ?? reason }
        }
    }

    /// Prints text meant for a person (a text-format report) with the control characters of
    /// the values in it neutralised by ``UntrustedText/terminal(_:keepingLineBreaks:)``.
    static func printText(_ text: String, terminator: String = "\n") {
        print(UntrustedText.terminal(text, keepingLineBreaks: true), terminator: terminator)
    }

    /// Writes a line (a final line end is added when missing) to standard error.
    static func printError(_ text: String) {
        writeError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes text to standard error as it is, remembering a failure.
    static func writeError(_ text: String) {
        if writeAll(text, to: STDERR_FILENO) != nil { standardErrorFailed.store(true, ordering: .relaxed) }
    }

    /// Writes every byte of `text` to `descriptor`; returns why it failed, if it did.
    private static func writeAll(_ text: String, to descriptor: Int32) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? String(cString: strerror(errno)) : "nothing written" }
            offset += written
        }
        return nil
    }

    /// Runs a write to standard error made through another writer, remembering a failure.
    static func recordingFailure(_ body: () throws -> Void) {
        do { try body() } catch { standardErrorFailed.store(true, ordering: .relaxed) }
    }

    /// Ends the process with `status`; a failed write to standard output or standard error
    /// turns it into 2, with a message on standard error (where it can still be written).
    static func exit(_ status: Int32) -> Never {
        var status = status
        if let reason = standardOutputFailure.withLock({ $0 }) {
            printError("rulecheck: error: cannot write to standard output: \(reason)")
            status = ExitStatus.usage
        }
        if standardErrorFailed.load(ordering: .relaxed) { status = ExitStatus.usage }
        Foundation.exit(status)
    }
}
