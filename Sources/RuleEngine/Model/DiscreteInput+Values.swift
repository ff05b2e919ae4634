/// Reading, writing and describing the values of a discrete input in its own terms
/// (`level aemt`, `ma_expires none`, `exempt true`), shared by every reader and renderer.
extension DiscreteInput {
    /// The value as written: a year or integer in digits, `true`/`false`, an enum word, or `none`.
    public func text(_ value: Int?) -> String {
        guard let code = value else { return "none" }
        switch kind {
        case .year, .integer: return String(code)
        case .boolean: return code == 0 ? "false" : "true"
        case .enumeration(let words): return words.indices.contains(code) ? words[code] : String(code)
        case .date: return LocalDate(dayNumber: code).description
        }
    }

    /// The value in a decision's JSON: a number, `true`/`false`, a string, or `null` for `none`.
    public func json(_ value: Int?) -> JSONValue {
        guard let code = value else { return .null }
        switch kind {
        case .year, .integer: return .int(code)
        case .boolean: return .bool(code != 0)
        case .enumeration, .date: return .string(text(code))
        }
    }

    /// What the input accepts, for error messages: `a year from 2020 to 2030 or none`,
    /// `an integer from 0 to 10`, `true or false`, `one of emt, aemt, paramedic`.
    public var allowedValues: String {
        let none = allowsNone ? " or none" : ""
        switch kind {
        case .year: return "a year from \(domain.lowerBound) to \(domain.upperBound)\(none)"
        case .integer: return "an integer from \(domain.lowerBound) to \(domain.upperBound)\(none)"
        case .boolean: return "true or false\(none)"
        case .enumeration(let words): return "one of \(words.joined(separator: ", "))\(none)"
        case .date:
            return
                "a date from \(LocalDate(dayNumber: domain.lowerBound)) to \(LocalDate(dayNumber: domain.upperBound)) (YYYY-MM-DD)"
        }
    }

    /// The value written as text (a CLI flag, a roster cell, a JSON string), or why it is not one.
    public func parse(_ text: String) -> Result<Int?, InputValueError> {
        if allowsNone, text.lowercased() == "none" { return .success(nil) }
        let code: Int?
        switch kind {
        case .year:
            code = text.count == 4 && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(text) : nil
        case .integer:
            code = Int(text)
        case .boolean:
            code = text == "true" ? 1 : text == "false" ? 0 : nil
        case .enumeration(let words):
            code = words.firstIndex(of: text)
        case .date:
            code = LocalDate(iso: text)?.dayNumber
        }
        guard let code, domain.contains(code) else {
            let words: [String]
            if case .enumeration(let names) = kind { words = names } else { words = ["true", "false"] }
            let suggestion =
                kind == .year || kind == .integer || kind == .date ? nil : Suggestion.closest(to: text, in: words)
            return .failure(InputValueError(input: name, text: text, allowed: allowedValues, suggestion: suggestion))
        }
        return .success(code)
    }

    /// The value given as JSON (a number, a boolean, a string or `null`), or why it is not one.
    public func parse(json value: JSONValue) -> Result<Int?, InputValueError> {
        switch (kind, value) {
        case (_, .null) where allowsNone: return .success(nil)
        case (.year, .int(let number)), (.integer, .int(let number)): return parse(String(number))
        case (.boolean, .bool(let flag)): return .success(flag ? 1 : 0)
        case (.enumeration, .string(let word)), (.date, .string(let word)): return parse(word)
        case (.year, .string(let word)) where word == "none": return parse(word)
        default:
            return .failure(
                InputValueError(input: name, text: value.rendered(), allowed: allowedValues, suggestion: nil))
        }
    }

    /// A set of values in compact form: `2022–2025, 2027, none`, `0–3, 7`, `false, true`, `emt, aemt`.
    public func describe(_ values: [Int?]) -> String {
        switch kind {
        case .year, .integer: return InputRegion.describe(values)
        case .boolean, .enumeration:
            return values.map { text($0) }.joined(separator: ", ")
        case .date:
            return describeDays(values.compactMap { $0 })
        }
    }

    /// Days of a per-person date as the runs of days of their classes:
    /// `1970-01-01 to 2013-06-30, 2014-01-01`.
    private func describeDays(_ days: [Int]) -> String {
        let merged = days.map { day in
            index(of: day).map { classStarts.isEmpty ? day...day : classDays($0) } ?? day...day
        }
        .mergedRanges()
        return merged.map { range in
            InputRegion.describe(LocalDate(dayNumber: range.lowerBound)...LocalDate(dayNumber: range.upperBound))
        }.joined(separator: ", ")
    }
}

/// A value that its input does not accept, with what it does accept.
public struct InputValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input's name.
    public let input: String
    /// The value as given.
    public let text: String
    /// What the input accepts, such as `one of emt, aemt, paramedic`.
    public let allowed: String
    /// The closest allowed value, when the given one looks like a typo.
    public let suggestion: String?

    /// One line: `level: `parmedic` is not one of emt, aemt, paramedic (did you mean `paramedic`?)`,
    /// or `level: an empty value is not one of …` (rather than empty backticks).
    public var description: String {
        "\(input): \(shownText) is not \(allowed)" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
    }

    /// The value in backticks, or "an empty value".
    package var shownText: String { text.isEmpty ? "an empty value" : "`\(text)`" }
}
