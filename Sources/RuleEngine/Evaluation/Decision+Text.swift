/// Action texts with the decision's input values filled in. Rendered only when asked for, so
/// that `evaluate` itself stays allocation-free.
extension Decision {
    /// The outcome's action texts, in order, with input placeholders filled in.
    public var actionTexts: [String] {
        outcome.actions.map(text(of:))
    }

    /// An action's text with input placeholders (`{ma_expires}`, `{as_of}`) filled in with
    /// this decision's values in their own terms: a year, `none`, an enum word, a per-person
    /// date, or the as-of date.
    public func text(of action: Action) -> String {
        guard action.dependsOnInput else { return action.text }
        return action.pieces.map { piece in
            switch piece {
            case .literal(let text): return text
            case .input(let name): return inputText(name)
            }
        }.joined()
    }

    /// The value of the input named `name` as text.
    func inputText(_ name: String) -> String {
        let table = self.table.definition
        if let index = table.yearInputIndex(named: name), index < years.count {
            return table.yearInputs[index].text(years[index])
        }
        return name == table.dateInputName ? asOf.description : "{\(name)}"
    }
}
