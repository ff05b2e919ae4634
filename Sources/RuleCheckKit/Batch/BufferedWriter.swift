import Foundation
import RuleEngine

/// Collects output in a 64 KiB buffer and writes it to a file descriptor with `write(2)` (or
/// hands it to a sink) when the buffer fills, so that a million small rows cost a few hundred
/// system calls.
public final class BufferedWriter {
    /// Why writing failed.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// One line for the user, such as `No space left on device`.
        public let description: String

        /// An error that says `description`.
        public init(description: String) {
            self.description = description
        }
    }

    /// Where a full buffer goes instead of a file descriptor: a stream, such as an HTTP response.
    public typealias Sink = (UnsafeRawBufferPointer) throws(WriteError) -> Void

    private let fileDescriptor: Int32
    private let sink: Sink?
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    // Used from one thread at a time (not `Sendable`): no dynamic exclusivity checks on the
    // two counters every write updates.
    @exclusivity(unchecked) private var count = 0

    /// The bytes written so far, including those still in the buffer.
    @exclusivity(unchecked) public private(set) var bytesWritten = 0

    /// Writes to `fileDescriptor` (not closed by the writer) through a buffer of `capacity` bytes.
    public init(fileDescriptor: Int32, capacity: Int = 65_536) {
        self.fileDescriptor = fileDescriptor
        sink = nil
        self.capacity = max(capacity, 64)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    /// Hands each full buffer of `capacity` bytes (and the rest at ``flush()``) to `sink`, which
    /// must copy the bytes it keeps.
    public init(capacity: Int = 65_536, sink: @escaping Sink) {
        fileDescriptor = -1
        self.sink = sink
        self.capacity = max(capacity, 64)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Appends bytes.
    @inline(__always)
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(WriteError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            try flush()
            if bytes.count > capacity {
                try writeAll(UnsafeRawPointer(base), bytes.count)
                bytesWritten += bytes.count
                return
            }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
        bytesWritten += bytes.count
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) throws(WriteError) {
        if count == capacity { try flush() }
        buffer[count] = byte
        count += 1
        bytesWritten += 1
    }

    /// Appends bytes held in an array.
    public func write(_ bytes: [UInt8]) throws(WriteError) {
        try bytes.withUnsafeBufferPointer { (pointer) throws(WriteError) in try write(pointer) }
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) throws(WriteError) {
        var text = text
        var failure: WriteError?
        text.withUTF8 { pointer in
            do throws(WriteError) { try write(pointer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes out everything buffered.
    public func flush() throws(WriteError) {
        guard count > 0 else { return }
        let pending = count
        count = 0
        try writeAll(UnsafeRawPointer(buffer), pending)
    }

    private func writeAll(_ start: UnsafeRawPointer, _ length: Int) throws(WriteError) {
        if let sink {
            try sink(UnsafeRawBufferPointer(start: start, count: length))
            return
        }
        var offset = 0
        while offset < length {
            let written = Foundation.write(fileDescriptor, start + offset, length - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
