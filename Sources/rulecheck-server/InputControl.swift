import RuleCheckKit
import RuleEngine

/// One labelled control of the EMT form for a discrete input, of the input's kind: a select of
/// its years ("never held" where allowed), a select of an enum's words, a yes/no select, a
/// number field with the domain's bounds, or a date field for a per-person date. The values
/// offered are those some table of the history takes; the value submitted stays chosen.
struct InputControl {
    /// The input as the newest table in force declares it.
    let input: DiscreteInput
    /// The input as every table of the history takes it, when the history names it.
    let choice: HistoryInput?
    /// The value submitted for it, as the query gave it.
    let chosen: String?

    /// The label and the control.
    var html: [String] {
        switch input.kind {
        case .year:
            return select(prompt: "Choose a year", shown: { $0.map(String.init) ?? "never held" })
        case .enumeration:
            return select(prompt: "Choose one", shown: { $0.map { input.text($0) } ?? Self.noneText })
        case .boolean:
            return select(
                prompt: "Choose yes or no", shown: { $0.map { $0 == 0 ? "No" : "Yes" } ?? Self.noneText })
        case .integer:
            // A phone's digit keypad has no minus sign: only for a domain without negative numbers.
            let keypad = (choice?.input ?? input).domain.lowerBound >= 0 ? " inputmode=\"numeric\"" : ""
            return field(type: "number", extra: " step=\"1\"" + keypad)
        case .date:
            return field(type: "date", extra: "")
        }
    }

    /// What the "none" choice of an input other than a year reads.
    static let noneText = "none / not applicable"

    /// The number field's style: the size of the selects and date fields.
    static let numberStyle = "input[type=number] { width: 100%; padding: 0.5rem; min-height: 2.75rem; }"

    /// Whether the form needs the number field's style (which pages of year inputs alone leave out).
    var isNumber: Bool { input.kind == .integer }

    private var name: String { HTML.attribute(input.name) }

    /// The codes some table takes, `none` (`nil`) last where allowed; yes before no.
    private var values: [Int?] {
        let codes = choice.map { $0.domains.flatMap { $0.map { Optional($0) } } + ($0.input.allowsNone ? [nil] : []) }
        let values = codes ?? input.values
        return input.kind == .boolean ? values.filter { $0 != nil }.reversed() + values.filter { $0 == nil } : values
    }

    private func label(_ hint: String = "") -> String {
        "<label for=\"\(name)\">\(HTML.escape(input.label.capitalizedFirst + hint))</label>"
    }

    /// A select of every value; a prompt stays selected (and disabled) until one is chosen.
    private func select(prompt: String, shown: (Int?) -> String) -> [String] {
        var lines = [label(), "<select id=\"\(name)\" name=\"\(name)\" required>"]
        let options = values.map { (value: input.isYear ? $0.map(String.init) ?? "none" : input.text($0), code: $0) }
        // Years keep their page as it was: a prompt only before anything was submitted.
        let matched = options.contains { $0.value == chosen }
        if chosen == nil || (!input.isYear && !matched) {
            lines.append("<option value=\"\" selected disabled>\(HTML.escape(prompt))</option>")
        }
        for option in options {
            let selected = chosen == option.value ? " selected" : ""
            lines.append(
                "<option value=\"\(HTML.attribute(option.value))\"\(selected)>\(HTML.escape(shown(option.code)))</option>"
            )
        }
        lines.append("</select>")
        return lines
    }

    /// A number or date field with the bounds of the domains; empty is `none` where allowed.
    private func field(type: String, extra: String) -> [String] {
        let domains = choice?.domains ?? [input.domain]
        let low = input.text(domains.first?.lowerBound ?? input.domain.lowerBound)
        let high = input.text(domains.last?.upperBound ?? input.domain.upperBound)
        let range = domains.map { "\(input.text($0.lowerBound)) to \(input.text($0.upperBound))" }
            .joined(separator: ", ")
        let hint = " (\(range)" + (input.allowsNone ? "; leave empty if not applicable" : "") + ")"
        let required = input.allowsNone ? "" : " required"
        return [
            label(hint),
            "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" min=\"\(HTML.attribute(low))\" "
                + "max=\"\(HTML.attribute(high))\"\(extra) value=\"\(HTML.attribute(chosen ?? ""))\"\(required)>",
        ]
    }
}
