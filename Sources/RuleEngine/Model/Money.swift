/// An exact amount of money in minor units (cents), with its currency. Never floating point:
/// `62.50` is read as 6250 cents and printed as `62.50`.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// The amount in hundredths of the currency unit.
    public let minorUnits: Int
    /// The ISO 4217 code, such as `USD`.
    public let currency: String

    /// Creates an amount.
    public init(minorUnits: Int, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Why a decimal text is not an amount.
    public enum ParseError: Error, Sendable, Hashable {
        /// Not digits with an optional point and decimals.
        case notDecimal
        /// More than two decimals.
        case tooManyDecimals
        /// A minus sign.
        case negative
        /// More than the largest amount accepted (one billion).
        case tooLarge
    }

    /// Parses a decimal such as `62.50`, `62.5` or `62` into minor units.
    public static func parseMinorUnits(_ text: String) -> Result<Int, ParseError> {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasPrefix("-") { return .failure(.negative) }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return .failure(.notDecimal) }
        var fraction = Substring("")
        if parts.count == 2 {
            fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return .failure(.notDecimal)
            }
            guard fraction.count <= 2 else { return .failure(.tooManyDecimals) }
        }
        guard whole.count <= 10, let units = Int(whole), units <= 1_000_000_000 else { return .failure(.tooLarge) }
        let cents = fraction.isEmpty ? 0 : (Int(fraction) ?? 0) * (fraction.count == 1 ? 10 : 1)
        return .success(units * 100 + cents)
    }

    /// The amount with two decimals, such as `62.50`.
    public var amount: String {
        let cents = minorUnits % 100
        return "\(minorUnits / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `62.50 USD`.
    public var description: String { "\(amount) \(currency)" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
