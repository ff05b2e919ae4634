/// The fees of an outcome, totalled.
extension Outcome {
    /// The sum of the fees in their (single) currency, or `nil` when the outcome has none.
    public var feeTotal: Money? {
        guard let first = fees.first else { return nil }
        return Money(minorUnits: fees.reduce(0) { $0 + $1.money.minorUnits }, currency: first.money.currency)
    }

    /// The fees for people: `62.50 USD` for one fee; for several, the total and each fee,
    /// `112.50 USD (alignment 62.50 + background-check 50.00)`; `nil` for none.
    public var feeText: String? {
        guard let total = feeTotal else { return nil }
        guard fees.count > 1 else { return total.description }
        return "\(total) (" + fees.map { "\($0.id) \($0.money.amount)" }.joined(separator: " + ") + ")"
    }

    /// The fees as `id amount` pairs separated by `;` (`alignment 62.50;background-check 50.00`),
    /// as the batch CSV's `fees` column holds them; empty for none.
    public var feeItemsText: String {
        fees.map { "\($0.id) \($0.money.amount)" }.joined(separator: ";")
    }
}
