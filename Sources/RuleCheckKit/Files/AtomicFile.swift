import Foundation
import RuleEngine

/// Writes a whole document through an ``AtomicOutputFile``: readers never see a half-written
/// file, and a destination that may not be replaced is refused.
public enum AtomicFile {
    /// Why a write failed.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// One line for the user.
        public let description: String
    }

    /// Writes `data` to `path` atomically, refusing a `path` that is one of `inputs`.
    /// Returns how it was written (to a stream, a FIFO, or by replacing a file).
    @discardableResult
    public static func write(_ data: Data, to path: String, inputs: [String] = []) throws(WriteError)
        -> AtomicOutputFile.Mode
    {
        let file = try AtomicOutputFile(path: path, inputs: inputs)
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                Foundation.write(file.fileDescriptor, bytes.baseAddress?.advanced(by: offset), data.count - offset)
            }
            guard written > 0 || (written < 0 && errno == EINTR) else {
                let reason = String(cString: strerror(errno))
                file.discard()
                throw WriteError(description: "\(path): cannot write: \(reason)")
            }
            offset += max(written, 0)
        }
        try file.commit()
        return file.mode
    }

    /// Writes text as UTF-8.
    @discardableResult
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError)
        -> AtomicOutputFile.Mode
    {
        try write(Data(text.utf8), to: path, inputs: inputs)
    }
}
