import Foundation
import RuleEngine

/// Where a ``CSVReader`` gets its bytes: a file descriptor in the command line, memory in tests.
public protocol ByteSource {
    /// Reads at most `buffer.count` bytes into `buffer` and returns how many were read; 0 means
    /// the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int
}

/// Why reading input failed.
public struct ByteSourceError: Error, Sendable, CustomStringConvertible {
    /// One line for the user, such as `Is a directory`.
    public let description: String

    /// An error that says `description`.
    public init(description: String) {
        self.description = description
    }

    /// Creates the error for the current `errno`.
    static func fromErrno() -> ByteSourceError {
        ByteSourceError(description: String(cString: strerror(errno)))
    }
}

/// Reads an open file descriptor with `read(2)`; the descriptor is not closed.
public struct FileDescriptorSource: ByteSource {
    /// The descriptor read from.
    public let fileDescriptor: Int32

    /// Reads from `fileDescriptor`, such as `STDIN_FILENO`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Reads once, retrying when interrupted by a signal.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let count = Foundation.read(fileDescriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .fromErrno() }
        }
    }
}

/// Reads the bytes `start ..< end` of an open regular file with `pread(2)`, so that several
/// readers can share one descriptor; the descriptor is not closed.
struct FileRangeSource: ByteSource {
    let fileDescriptor: Int32
    private var offset: Int
    private let end: Int

    /// Reads `start ..< end` of the file open at `fileDescriptor`.
    init(fileDescriptor: Int32, start: Int, end: Int) {
        self.fileDescriptor = fileDescriptor
        offset = start
        self.end = end
    }

    /// Reads once from the current offset, retrying when interrupted by a signal.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let wanted = min(buffer.count, end - offset)
        guard let base = buffer.baseAddress, wanted > 0 else { return 0 }
        while true {
            let count = pread(fileDescriptor, base, wanted, off_t(offset))
            if count >= 0 {
                offset += count
                return count
            }
            if errno != EINTR { throw .fromErrno() }
        }
    }
}

/// Serves bytes held in memory, at most `chunkSize` at a time, so that tests can put chunk
/// boundaries anywhere in a record.
public struct MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    /// Serves `bytes` in chunks of at most `chunkSize` (at least 1).
    public init(_ bytes: [UInt8], chunkSize: Int = 65_536) {
        self.bytes = bytes
        self.chunkSize = max(chunkSize, 1)
    }

    /// Serves `text` as UTF-8.
    public init(_ text: String, chunkSize: Int = 65_536) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    /// Copies the next chunk.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
