/// The records of the flat decision tree.
extension DecisionIndex {
    /// One input's step from a value's code to its value index, and that index's weight in the
    /// cell number. An input whose values are not plain offsets from a lower bound (a class per
    /// range of values, say) changes ``index(of:)`` and nothing after it.
    struct Axis: Sendable {
        /// The value index of a code the input does not take.
        static let outside = UInt32.max

        /// The code of the domain's first value.
        let lower: Int32
        /// The number of values other than `none`.
        let valueCount: UInt32
        /// The value index of `none`, or ``outside`` when the input does not take `none`.
        let noneIndex: UInt32
        /// How many cells apart two neighbouring value indices of this input are: the product
        /// of the later inputs' numbers of values.
        let stride: Int

        /// The value index of a code, or ``outside``.
        @inline(__always)
        func index(of code: Int32) -> UInt32 {
            let offset = UInt32(bitPattern: code &- lower)
            let value = offset < valueCount ? offset : Axis.outside
            return code == YearValues.noneCode ? noneIndex : value
        }

        /// The steps of a cell space, in input order. A domain that 32-bit codes cannot hold
        /// gets no values here, so that its inputs take the checked path (and its error).
        static func steps(of space: CellSpace) -> [Axis] {
            var stride = 1
            var steps: [Axis] = []
            for input in space.valueCounts.indices.reversed() {
                let lower = space.lowerBounds[input]
                let count = space.yearCounts[input]
                let fits = lower > Int(Int32.min) && lower + count < Int(Int32.max)
                steps.append(
                    Axis(
                        lower: fits ? Int32(lower) : 0, valueCount: fits ? UInt32(count) : 0,
                        noneIndex: space.valueCounts[input] > count ? UInt32(count) : outside, stride: stride))
                stride *= space.valueCounts[input]
            }
            return steps.reversed()
        }
    }

    /// A cell's run of intervals: its first position in ``DecisionIndex/days`` and
    /// ``DecisionIndex/leaves``, and how many there are (at least one).
    struct Run: Sendable {
        let first: Int32
        let count: Int32
    }

    /// What decides an interval: the rule (or ``DecisionIndex/gap``) and the derived outputs' bits.
    struct Leaf: Sendable, Equatable {
        let rule: Int32
        let flags: UInt32
    }

    /// The leaf that decides an input and the last day of its interval.
    package struct Hit: Sendable {
        /// The deciding rule, or ``DecisionIndex/gap``.
        package let rule: Int32
        /// The derived outputs' bits.
        package let flags: UInt32
        /// The interval's last day.
        package let lastDay: Int32
    }
}
