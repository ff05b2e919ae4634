/// The records of the flat decision tree.
extension DecisionIndex {
    /// One input's step from a value's code to its value index, and that index's weight in the
    /// cell number. A year, integer, boolean or enum input's index is the code's offset from its
    /// domain's first code; a per-person date's is its class, found by a branch-free search of
    /// the class starts (the date cuts) in ``DecisionIndex/cuts``.
    struct Axis: Sendable {
        /// The value index of a code the input does not take.
        static let outside = UInt32.max

        /// The code of the domain's first value.
        let lower: Int32
        /// The number of codes in the domain (0 when 32-bit codes cannot hold it, so that every
        /// value takes the checked path and its error).
        let span: UInt32
        /// The value index of `none`, or ``outside`` when the input does not take `none`.
        let noneIndex: UInt32
        /// The input's class starts in ``DecisionIndex/cuts``, or an empty search for an input
        /// of single values.
        let classes: CutSearch
        /// How many cells apart two neighbouring value indices of this input are: the product
        /// of the later axes' numbers of values.
        let stride: Int
    }

    /// A compared pair of per-person dates (a hidden axis after the inputs): the class of the
    /// difference of two inputs' codes, `none` counting as 0, as ``CellSpace`` numbers it.
    struct PairAxis: Sendable {
        /// The input whose code comes first in the difference.
        let first: Int
        /// The input subtracted.
        let second: Int
        /// The classes' first differences in ``DecisionIndex/cuts``.
        let classes: CutSearch
        /// The weight of a class index in the cell number.
        let stride: Int
    }

    /// Where a sorted list of starts lies in ``DecisionIndex/cuts``: its first position and
    /// the number of halvings that find the last start at or before a value. The list is
    /// padded to `1 << steps` entries with `Int.max`, so every search of it takes the same steps.
    struct CutSearch: Sendable {
        /// The position of the first start.
        let first: Int32
        /// The number of halvings: the padded length's base-2 logarithm (0 for one start).
        let steps: Int32
    }

    /// A cell's run of intervals: its first position in ``DecisionIndex/days`` and
    /// ``DecisionIndex/leaves``, how many there are (at least one), and half the entries it
    /// takes there (``DecisionIndex/block(of:)``: its starts, the day after the window, padding).
    struct Run: Sendable {
        let first: Int32
        let count: Int32
        let halfBlock: Int32
    }

    /// What decides an interval: the rule (or ``DecisionIndex/gap``) and the derived outputs' bits.
    struct Leaf: Sendable, Equatable {
        let rule: Int32
        let flags: UInt32
    }

    /// The leaf that decides an input and the last day of its interval.
    @usableFromInline
    package struct Hit: Sendable {
        /// The deciding rule, or ``DecisionIndex/gap``.
        @usableFromInline package let rule: Int32
        /// The derived outputs' bits.
        @usableFromInline package let flags: UInt32
        /// The interval's last day.
        @usableFromInline package let lastDay: Int32
    }
}
