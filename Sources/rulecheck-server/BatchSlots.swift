import Synchronization

/// The cap on rosters classified at once (`--max-batch-streams`): each `POST /v1/batch` takes a
/// slot before it reads anything and its processor thread gives it back when it ends, so that
/// the number of processor threads stays bounded. A request finding every slot taken is
/// answered `503` with `Retry-After`.
final class BatchSlots: Sendable {
    /// The most slots taken at once.
    let limit: Int
    private let taken = Atomic<Int>(0)

    /// Slots for at most `limit` rosters at once.
    init(limit: Int) { self.limit = limit }

    /// Takes a slot, or returns `false` when all are taken.
    func acquire() -> Bool {
        var current = taken.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = taken.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Gives a slot back.
    func release() { taken.subtract(1, ordering: .acquiringAndReleasing) }
}
