import RuleEngine

/// The colours of a table's cohorts, the same in a page's grid, legend and timeline, and the
/// same on every date: cohorts take colours in the order their first rule appears, and the
/// cohort of the `otherwise` rule (everyone no rule names) is neutral grey.
public struct CohortPalette: Sendable {
    /// A cohort's colours: a light fill that prints, and a darker accent for borders.
    public struct Swatch: Sendable, Hashable {
        /// The background, light enough for black text on screen and paper.
        public let fill: String
        /// The border and marker colour.
        public let accent: String
    }

    /// The cohorts in order of their first rule.
    public let cohorts: [String]
    private let neutral: Set<String>

    /// Light fills with darker accents, distinct in hue; they repeat after the last one.
    static let swatches: [Swatch] = [
        Swatch(fill: "#fcdcdc", accent: "#b42318"),
        Swatch(fill: "#fde9c4", accent: "#b54708"),
        Swatch(fill: "#d6e8fb", accent: "#1f5fa8"),
        Swatch(fill: "#e6dcfa", accent: "#6536b8"),
        Swatch(fill: "#d5f2dc", accent: "#1b7a3d"),
        Swatch(fill: "#d3f1ef", accent: "#0f766e"),
        Swatch(fill: "#fbdcef", accent: "#a3266e"),
        Swatch(fill: "#ecf3c6", accent: "#5b6b0a"),
    ]
    /// Grey for the cohort of the `otherwise` rule.
    static let neutralSwatch = Swatch(fill: "#e9eaec", accent: "#5d6470")

    /// The palette of a table.
    public init(table: RuleTable) {
        var cohorts: [String] = []
        for rule in table.rules where !cohorts.contains(rule.outcome.cohort) { cohorts.append(rule.outcome.cohort) }
        self.cohorts = cohorts
        let named = Set(table.rules.filter { !$0.isOtherwise }.map(\.outcome.cohort))
        neutral = Set(table.rules.filter(\.isOtherwise).map(\.outcome.cohort)).subtracting(named)
    }

    /// The cohort's position in ``cohorts`` (0 for an unknown cohort).
    public func index(of cohort: String) -> Int {
        cohorts.firstIndex(of: cohort) ?? 0
    }

    /// The cohort's colours.
    public func swatch(of cohort: String) -> Swatch {
        if neutral.contains(cohort) { return Self.neutralSwatch }
        let colored = cohorts.filter { !neutral.contains($0) }
        let position = colored.firstIndex(of: cohort) ?? 0
        return Self.swatches[position % Self.swatches.count]
    }
}
