/// A part's output as a deciding thread's writer left it: the writer's buffer itself, handed
/// over whole (``BufferedWriter/exchangeBuffer(_:)``) instead of copied, and handed back for
/// a later part once written. Owned by one thread at a time.
final class RosterPartBytes: @unchecked Sendable {
    /// The capacity of a deciding thread's writer, and so of every part's bytes: a part's
    /// output of more goes out in earlier chunks (``RosterPartResult/output``) before these.
    static let capacity = 1 << 20
    /// The bytes, `capacity` of them allocated.
    var pointer: UnsafeMutablePointer<UInt8>
    /// How many of them are the output.
    var count = 0

    /// An empty buffer of `capacity` bytes.
    init() {
        pointer = .allocate(capacity: Self.capacity)
    }

    deinit { pointer.deallocate() }

    /// The output bytes.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }
}
