import Foundation
import RuleEngine

/// Writes files so that readers never see a half-written one: the content goes to a
/// temporary file in the same folder, which is then renamed into place.
public enum AtomicFile {
    /// Why a write failed.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// One line for the user.
        public let description: String
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let file = try AtomicOutputFile(path: path)
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
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }
}
