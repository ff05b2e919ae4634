import RuleEngine

/// How a parallel roster run spends its memory, whatever `--jobs` asks for: how many threads
/// decide, how many parts may be in flight, and how many bytes of input a part gets, so that
/// what the threads hold themselves and the output of the parts in flight stay within
/// ``budget`` bytes on top of what a run on one thread holds.
///
/// A deciding thread holds its reader's buffer, its outcome cache and, for CSV output, a memo
/// of decisions of up to 2 MiB, all of it again in every thread; so a run decides on no more
/// threads than there are processors (more could not run at once, and each would learn the
/// memo again), and on no more than half the budget pays for. The rest of the budget holds the
/// parts' output: a part's output is about ``expansion`` times its input, and at most
/// `window + threads` parts' worth of output buffers exist (one per part in flight, one per
/// thread's writer), so a part gets `(budget − threads × bytesPerThread) / ((window + threads)
/// × expansion)` bytes of input, at most ``defaultPartBytes`` and at least ``minPartBytes``.
/// The expansion is the format's estimate, raised while the run goes to the output per input
/// byte seen so far (``RosterPartWindow``).
struct RosterParallelPlan: Sendable, Equatable {
    /// The memory a parallel run may hold on top of a run on one thread: 32 MiB.
    static let defaultBudget = 32 << 20
    /// The most threads a run decides on.
    static let maxThreads = 64
    /// What a deciding thread holds whatever its parts and format: its reader's 128 KiB buffer,
    /// its outcome cache, the pages of its stack in use and its share of the allocator (about
    /// 330 KiB in all, measured with 64 threads), rounded up.
    static let threadBytes = 512 << 10
    /// The fewest bytes of input a part is cut at.
    static let minPartBytes = 4 << 10

    /// The threads that decide.
    let threads: Int
    /// The most parts in flight: cut and not yet written.
    let window: Int
    /// The bytes the run may hold on top of a run on one thread.
    let budget: Int
    /// What each deciding thread holds whatever its parts: ``threadBytes``, and the memo's
    /// size when the run may use one.
    let bytesPerThread: Int
    /// A part's input when the budget allows: 256 KiB for CSV, 64 KiB for JSON lines (about ten
    /// times the input), or the size a caller fixed.
    let defaultPartBytes: Int
    /// The output bytes per input byte assumed until the run has seen more: 3 for CSV, 16 for
    /// JSON lines (2.25 and 13.2 on `generate-roster`'s rosters).
    let expansion: Int
    /// The part size a caller fixed (for tests), which the budget then does not change, or `nil`.
    let fixedPartBytes: Int?
    /// The most input bytes in flight a caller fixed, or `nil` for the budget's.
    let fixedInputBytes: Int?

    /// The plan for `jobs` threads asked for on a machine of `processors` processors, for output
    /// in `format`, with a memo of `memoBytes` per thread (0 when the run uses none). A
    /// `partBytes` fixes the part size and leaves the parts in flight bounded by their count.
    init(
        jobs: Int, processors: Int, format: RosterFormat, memoBytes: Int, budget: Int = Self.defaultBudget,
        partBytes: Int? = nil
    ) {
        self.budget = budget
        bytesPerThread = Self.threadBytes + max(memoBytes, 0)
        let affordable = budget / 2 / bytesPerThread
        threads = max(min(jobs, processors, Self.maxThreads, affordable), 1)
        window = 2 * threads + 1
        fixedPartBytes = partBytes.map { max($0, 1) }
        defaultPartBytes = fixedPartBytes ?? (format == .csv ? 1 << 18 : 1 << 16)
        expansion = format == .csv ? 3 : 16
        fixedInputBytes = fixedPartBytes == nil ? nil : Int.max
    }

    /// A plan of exactly `threads` threads and `window` parts in flight, parts of `partBytes`
    /// bytes, and at most `inputBytes` bytes of input in flight (for tests).
    init(threads: Int, window: Int, partBytes: Int, inputBytes: Int = Int.max) {
        self.threads = max(threads, 1)
        self.window = max(window, 1)
        budget = Int.max
        bytesPerThread = Self.threadBytes
        defaultPartBytes = max(partBytes, 1)
        expansion = 1
        fixedPartBytes = max(partBytes, 1)
        fixedInputBytes = max(inputBytes, 1)
    }

    /// The bytes of input to cut the next part at, when the output has been `expansion` times
    /// the input so far.
    func partBytes(expansion: Int) -> Int {
        if let fixedPartBytes { return fixedPartBytes }
        let forParts = max(budget - threads * bytesPerThread, 0)
        let fitting = forParts / ((window + threads) * max(expansion, 1))
        return min(max(fitting, Self.minPartBytes), defaultPartBytes)
    }

    /// The most bytes of input the parts in flight may hold together: `window` parts of
    /// ``partBytes(expansion:)``. A part larger than this (one long record) is cut alone.
    func inputBytes(expansion: Int) -> Int {
        fixedInputBytes ?? window * partBytes(expansion: expansion)
    }
}
