import NIOCore
import RuleCheckKit

/// The request body as the roster reader's byte source: chunks taken from a ``HandOff`` as the
/// client sends them, blocking the processor's thread until the next one arrives.
struct HandOffSource: ByteSource {
    /// Where the body's chunks arrive.
    let chunks: HandOff<ByteBuffer>
    private var current = ByteBuffer()

    /// Reads the chunks that arrive through `chunks`.
    init(_ chunks: HandOff<ByteBuffer>) {
        self.chunks = chunks
    }

    /// Copies from the current chunk, waiting for the next when it is used up; 0 at the end of
    /// the body; throws when the body stopped early (too large, or unreadable).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        while current.readableBytes == 0 {
            guard let next = chunks.receiveBlocking() else {
                if let failure = chunks.failure { throw ByteSourceError(description: failure) }
                return 0
            }
            current = next
        }
        let count = min(buffer.count, current.readableBytes)
        current.withUnsafeReadableBytes { bytes in
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
        }
        current.moveReaderIndex(forwardBy: count)
        return count
    }
}
