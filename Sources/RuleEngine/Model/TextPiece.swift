/// A piece of an action's text: literal text, or the value of an input, filled per decision.
public enum TextPiece: Sendable, Hashable {
    /// Text as it is shown (with `{cycle}`, `{fee.ID}` and `{deadline.ID}` already filled in).
    case literal(String)
    /// The value of the input of this name (`{ma_expires}`, `{as_of}`).
    case input(String)
}
