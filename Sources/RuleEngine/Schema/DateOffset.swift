/// An offset written after a date operand: `+ 30 days`, `- 2 months`.
struct DateOffset: Hashable {
    /// Calendar months, applied first (clamped to the month's last day).
    var months = 0
    /// Days, applied after the months.
    var days = 0

    /// The most days an offset may span (the message below says it in words).
    static let maxDays = 36_500
    /// The most months an offset may span.
    static let maxMonths = 1_200

    /// The units an offset is written in.
    enum Unit: String, CaseIterable {
        case day, days, month, months

        /// Whether the unit counts months.
        var isMonths: Bool { self == .month || self == .months }
    }

    /// A date operand as written, split at its offset: the base (`ma.expiry`) and the offset
    /// text after it (`+ 30 days`), or `nil` when no offset is written.
    static func split(_ text: String) -> (base: String, offset: Substring)? {
        let characters = Array(text)
        // The last `+`, or else the last `-` with a space beside it or followed by an amount
        // and a word (`2026-01-31-2 days`), so that dates and ids with hyphens stay whole.
        var sign: Int?
        if let plus = characters.lastIndex(of: "+") {
            sign = plus
        } else {
            for index in characters.indices.reversed() where characters[index] == "-" {
                let spaced =
                    (index > 0 && characters[index - 1] == " ")
                    || (index + 1 < characters.count && characters[index + 1] == " ")
                let rest = String(characters[(index + 1)...])
                if spaced || Self.looksLikeAmountAndUnit(rest) {
                    sign = index
                    break
                }
            }
        }
        guard let sign, sign > 0 else { return nil }
        let base = String(characters[..<sign]).trimmingSpaces()
        guard !base.isEmpty else { return nil }
        let offset = Substring(String(characters[sign...]).trimmingSpaces())
        return (base, offset)
    }

    /// Whether text reads `N word`.
    private static func looksLikeAmountAndUnit(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let word = trimmed.dropFirst(digits.count).trimmingSpaces()
        return !digits.isEmpty && !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// Why an offset's text cannot be read: the part to point at and what is wrong.
    struct Problem: Error, Hashable {
        /// The written text the caret goes under.
        let written: String
        /// What is wrong, for the message.
        let reason: String
        /// A close unit, for "did you mean".
        let suggestion: String?
    }

    /// Reads `+ 30 days` or `- 2 months`.
    static func parse(_ text: Substring) -> Result<DateOffset, Problem> {
        guard let signCharacter = text.first, signCharacter == "+" || signCharacter == "-" else {
            return .failure(Problem(written: String(text), reason: "expected `+` or `-`", suggestion: nil))
        }
        let body = text.dropFirst().trimmingSpaces()
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else {
            return .failure(
                Problem(written: String(text), reason: "expected a number of days or months", suggestion: nil))
        }
        let unitText = body.dropFirst(digits.count).trimmingSpaces()
        guard !unitText.isEmpty else {
            return .failure(
                Problem(written: String(text), reason: "`\(digits)` has no unit: write days or months", suggestion: nil)
            )
        }
        guard let unit = Unit(rawValue: unitText) else {
            let names = Unit.allCases.map(\.rawValue)
            return .failure(
                Problem(
                    written: unitText, reason: "unknown unit `\(unitText)`: write days or months",
                    suggestion: Suggestion.closest(to: unitText, in: names)))
        }
        let limit = unit.isMonths ? maxMonths : maxDays
        guard digits.count <= 6, let amount = Int(digits), amount <= limit else {
            return .failure(
                Problem(
                    written: String(text),
                    reason: "an offset spans at most 36,500 days or 1,200 months (100 years)", suggestion: nil))
        }
        let signed = signCharacter == "-" ? -amount : amount
        return .success(unit.isMonths ? DateOffset(months: signed) : DateOffset(days: signed))
    }
}
