import RuleEngine

/// The parts of a parallel roster run that are in flight (cut and not yet written), as the
/// thread that cuts and writes them counts them: a part is let in only while fewer than the
/// plan's window are in flight and their input, with it, stays within the plan's input bytes
/// (a part alone always is, so that a record longer than the bound still goes through). It
/// also keeps the output per input byte written so far, which sizes the parts still to cut,
/// and the most it has held at once.
struct RosterPartWindow {
    /// The plan whose bounds the window keeps.
    let plan: RosterParallelPlan
    /// The parts cut, and the parts written (the first in flight is number `written`).
    private(set) var produced = 0
    private(set) var written = 0
    /// The input bytes of the parts in flight.
    private(set) var inputBytes = 0
    /// The output bytes per input byte assumed: the plan's estimate, or more when the parts
    /// written so far had more.
    private(set) var expansion: Int
    /// The most parts, and the most input bytes, in flight at once.
    private(set) var mostParts = 0
    private(set) var mostInputBytes = 0
    private var inputWritten = 0
    private var outputWritten = 0
    /// Where the next part to be written starts.
    private var writtenEnd: Int

    /// An empty window for a run whose first part starts at `start`.
    init(plan: RosterParallelPlan, start: Int) {
        self.plan = plan
        expansion = plan.expansion
        writtenEnd = start
    }

    /// The bytes of input to cut the next part at.
    var partBytes: Int { plan.partBytes(expansion: expansion) }

    /// Whether parts are in flight.
    var isEmpty: Bool { written == produced }

    /// Whether fewer parts than the plan's window are in flight.
    var hasRoom: Bool { produced - written < plan.window }

    /// Whether `part` may go in flight now.
    func admits(_ part: RosterSplitter.Part) -> Bool {
        guard hasRoom else { return false }
        return isEmpty || inputBytes + (part.end - part.start) <= plan.inputBytes(expansion: expansion)
    }

    /// Counts `part` in; returns its number.
    mutating func add(_ part: RosterSplitter.Part) -> Int {
        inputBytes += part.end - part.start
        produced += 1
        mostParts = max(mostParts, produced - written)
        mostInputBytes = max(mostInputBytes, inputBytes)
        return produced - 1
    }

    /// Counts out the first part in flight, which ended at `end` and came to `outputBytes`.
    mutating func wrote(end: Int, outputBytes: Int) {
        let size = end - writtenEnd
        writtenEnd = end
        inputBytes -= size
        written += 1
        inputWritten += size
        outputWritten += outputBytes
        if inputWritten > 0 {
            expansion = max(plan.expansion, (outputWritten + inputWritten - 1) / inputWritten)
        }
    }
}
