import RuleEngine

/// Where each field of a record lies in a ``CSVReader``'s buffer: a start and an end offset
/// per field, in storage that is reused from record to record and grows by doubling, so that
/// recording a field is two stores (an `Array` checks uniqueness on every append and frees
/// nothing but costs a call on every `removeAll`).
struct FieldBounds {
    private var storage: UnsafeMutablePointer<Int>
    private var capacity: Int
    /// The offsets held: two per field.
    private(set) var count = 0

    /// Room for `fields` fields before the first growth.
    init(fields: Int) {
        capacity = max(fields, 4) * 2
        storage = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
    }

    /// Frees the storage; the value must not be used afterwards.
    func deallocate() { storage.deallocate() }

    /// The number of fields.
    var fieldCount: Int { count >> 1 }

    /// Field `index`'s first offset.
    @inline(__always)
    func start(_ index: Int) -> Int { storage[2 &* index] }

    /// The offset after field `index`'s last byte.
    @inline(__always)
    func end(_ index: Int) -> Int { storage[2 &* index &+ 1] }

    /// Adds a field.
    @inline(__always)
    mutating func append(_ start: Int, _ end: Int) {
        if count &+ 2 > capacity { grow() }
        storage[count] = start
        storage[count &+ 1] = end
        count &+= 2
    }

    /// Makes room for `fields` more fields, so that ``appendReserved(_:_:)`` needs no check.
    @inline(__always)
    mutating func reserve(fields: Int) {
        while count &+ 2 &* fields > capacity { grow() }
    }

    /// Adds a field after ``reserve(fields:)`` made room for it.
    @inline(__always)
    mutating func appendReserved(_ start: Int, _ end: Int) {
        storage[count] = start
        storage[count &+ 1] = end
        count &+= 2
    }

    /// Forgets every field, keeping the storage.
    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Moves every offset `distance` bytes back, after the buffer's bytes moved to its front.
    mutating func shift(by distance: Int) {
        for index in 0..<count { storage[index] -= distance }
    }

    private mutating func grow() {
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity *= 2
    }
}
