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
    private var buffer: UnsafeMutablePointer<UInt8>
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
        Self.copy(base, to: buffer + count, count: bytes.count)
        count += bytes.count
        bytesWritten += bytes.count
    }

    /// Appends two runs of bytes (a roster record and its result columns) with one check for room.
    @inline(__always)
    func write(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) throws(WriteError) {
        let total = first.count &+ second.count
        guard count &+ total <= capacity, let firstBase = first.baseAddress, let secondBase = second.baseAddress else {
            try write(first)
            try write(second)
            return
        }
        Self.copy(firstBase, to: buffer + count, count: first.count)
        Self.copy(secondBase, to: buffer + (count &+ first.count), count: second.count)
        count &+= total
        bytesWritten &+= total
    }

    /// Copies `count` bytes; a short run (most roster lines and result columns) in a few
    /// overlapping 16-, 8- or 4-byte moves instead of a call to `memmove`.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count > 64 {
            target.update(from: source, count: count)
        } else if count >= 16 {
            var offset = 0
            while offset &+ 16 < count {
                to.storeBytes(
                    of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self), toByteOffset: offset,
                    as: SIMD16<UInt8>.self)
                offset &+= 16
            }
            let last = count &- 16
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: last, as: SIMD16<UInt8>.self), toByteOffset: last,
                as: SIMD16<UInt8>.self)
        } else if count >= 8 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        } else {
            for index in 0..<count { target[index] = source[index] }
        }
    }

    /// The buffer's free room, for a caller that writes into it directly and then says how
    /// much it wrote with ``advance(by:)``.
    @inline(__always)
    var freeSpace: (start: UnsafeMutablePointer<UInt8>, count: Int) { (buffer + count, capacity &- count) }

    /// Counts `written` bytes put at the start of ``freeSpace`` as written.
    @inline(__always)
    func advance(by written: Int) {
        count &+= written
        bytesWritten &+= written
    }

    /// Hands over the bytes buffered, without writing them: returns the buffer and how many
    /// bytes it holds, and carries on, empty, with `replacement`, which must have room for the
    /// writer's capacity (and is deallocated with the writer unless exchanged again).
    func exchangeBuffer(_ replacement: UnsafeMutablePointer<UInt8>) -> (
        buffer: UnsafeMutablePointer<UInt8>, count: Int
    ) {
        let old = (buffer, count)
        buffer = replacement
        count = 0
        return old
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
