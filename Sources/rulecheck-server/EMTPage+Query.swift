import RuleEngine

extension EMTPage {
    /// The query as the API's request object. Year inputs are read as before (digits as a
    /// number, `none` as null, anything else as a string the API refuses); a value of another
    /// input is read in its own terms (`paramedic`, `true`, `12`, `2024-02-29`) and passed as the
    /// API's JSON for it, so the decision is the one `POST /v1/decisions` gives. An empty value
    /// is left out (the API names the missing input), or is `none` where the input allows it.
    /// Throws the refusal of the first unreadable value in input order.
    static func requestFields(
        _ query: [String: String], dateName: String, choices: [HistoryInput]
    ) throws(APIError) -> [String: RequestJSON] {
        var fields: [String: RequestJSON] = [:]
        var refusals: [String: InputValueError] = [:]
        for (key, value) in query {
            if key == dateName {
                if !value.isEmpty { fields[key] = .string(value) }
            } else if let choice = choices.first(where: { $0.name == key }), !choice.input.isYear {
                guard !value.isEmpty || choice.input.allowsNone else { continue }
                switch choice.parse(value.isEmpty ? "none" : value) {
                case .success(let code): fields[key] = json(code, of: choice.input)
                case .failure(let error): refusals[key] = error
                }
            } else if value == "none" {
                fields[key] = .null
            } else {
                fields[key] = Int(value).map { .int($0) } ?? .string(value)
            }
        }
        if let name = choices.first(where: { refusals[$0.name] != nil })?.name, let refusal = refusals[name] {
            throw .badRequest(refusal.description, input: name)
        }
        return fields
    }

    /// A value's JSON as the API reads it: a number, a boolean, a string or null.
    private static func json(_ code: Int?, of input: DiscreteInput) -> RequestJSON {
        switch input.json(code) {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .string(let text): return .string(text)
        case .array, .object: return .string(input.text(code))
        }
    }
}
