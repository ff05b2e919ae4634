/// A year as written in a table: `2026`, `cycle`, `cycle + 1`, or, in `equals`,
/// another input plus an offset (`ma_expires + 1`).
enum YearExpression: Hashable {
    /// A four-digit year.
    case literal(Int)
    /// A name plus an offset.
    case relative(String, Int)

    /// Parses the expression, or returns `nil`.
    static func parse(_ text: String) -> YearExpression? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: true).flatMap(split)
        guard let first = tokens.first else { return nil }
        var offset = 0
        var index = 1
        while index < tokens.count {
            guard index + 1 < tokens.count, let amount = Int(tokens[index + 1]),
                tokens[index + 1].allSatisfy(\.isNumber), amount <= 1000
            else { return nil }
            switch tokens[index] {
            case "+": offset += amount
            case "-": offset -= amount
            default: return nil
            }
            index += 2
        }
        if first.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard first.count == 4, index == 1 || tokens.count == 1, let year = Int(first) else { return nil }
            return tokens.count == 1 ? .literal(year) : nil
        }
        guard let head = first.first, head.isLetter,
            first.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") })
        else { return nil }
        return .relative(String(first), offset)
    }

    /// Splits `cycle+1` into `cycle`, `+`, `1`.
    private static func split(_ word: Substring) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in word {
            if character == "+" || character == "-" {
                if !current.isEmpty { tokens.append(current) }
                tokens.append(String(character))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
