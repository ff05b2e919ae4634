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
        if first.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard tokens.count == 1, first.count == 4, let year = Int(first) else { return nil }
            return .literal(year)
        }
        // `name (+|-) N (+|-) N ...`, each N at most 1000.
        guard tokens.count % 2 == 1 else { return nil }
        var offset = 0
        for index in stride(from: 1, to: tokens.count, by: 2) {
            let amount = tokens[index + 1]
            guard amount.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(amount), value <= 1000 else {
                return nil
            }
            switch tokens[index] {
            case "+": offset += value
            case "-": offset -= value
            default: return nil
            }
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
