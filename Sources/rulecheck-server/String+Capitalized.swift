extension String {
    /// The text with its first letter in upper case (labels and names at the start of a line).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
