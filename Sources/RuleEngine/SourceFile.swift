import Foundation
import YAMLReader

/// Why a file could not be read at all: these stop the work and map to the CLI's usage/I-O exit code.
public enum FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(String)
    /// The path is a directory.
    case isDirectory(String)
    /// The file exists but cannot be read.
    case unreadable(String, reason: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .notFound(let path): return "\(path): no such file"
        case .isDirectory(let path): return "\(path): is a directory, not a file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        }
    }
}

/// Reading files with a size cap, so that a huge file is refused before it is loaded.
public enum SourceFile {
    /// Reads up to `limit + 1` bytes of the file at `path`; the caller reports a file that
    /// is larger than `limit`.
    public static func read(path: String, limit: Int = YAMLLimits.standard.maxFileBytes) throws(FileReadError)
        -> [UInt8]
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path)
        }
        guard !isDirectory.boolValue else { throw .isDirectory(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw .unreadable(path, reason: "\(error.localizedDescription)")
        }
    }
}
