import RuleEngine

/// One decision request read against the tables in force: which table, the year values in
/// its input order, and the as-of date. Fields are looked up by the names the table
/// declares (its year inputs and its date input), never by fixed names; a value is taken when
/// the domain of some table in force on the date holds it, as the policy history decides.
struct DecisionInput: Sendable {
    /// The newest table in force, whose inputs the request is read against.
    let table: LoadedTable
    /// The set in force, whose policy history decides.
    let snapshot: TableSource.Snapshot
    /// The year values, in the table's input order.
    let years: YearValues
    /// The as-of date, resolved (today in the table's time zone when not given).
    let asOf: LocalDate

    /// Reads one request object, or throws a 400 naming the field.
    init(_ value: RequestJSON, source: TableSource) throws(APIError) {
        guard case .object(let fields) = value else {
            throw .badRequest("expected an object of inputs, got \(value.typeName)", input: nil)
        }
        // The date first: it chooses the table, whose inputs then name the other fields.
        let dateName = source.dateInputName
        var date: LocalDate?
        if let field = fields[dateName] { date = try Self.date(field, name: dateName) }
        let selected: (table: LoadedTable, asOf: LocalDate, snapshot: TableSource.Snapshot)
        do { selected = try source.table(on: date) } catch { throw .badRequest(error.message, input: dateName) }
        let table = selected.table.compiled.definition
        let inputs = selected.snapshot.history.inputs(on: selected.asOf)
        var unknown: String?
        for key in fields.keys where key != table.dateInputName && !inputs.contains(where: { $0.name == key }) {
            if let first = unknown, first < key { continue }
            unknown = key
        }
        if let unknown {
            let expected = (inputs.map(\.name) + [table.dateInputName]).map { "`\($0)`" }
            throw .badRequest(
                "unknown field `\(unknown)`; the table's inputs are \(expected.joined(separator: ", "))", input: unknown
            )
        }
        var values: [Int?] = []
        values.reserveCapacity(inputs.count)
        for input in inputs {
            guard let field = fields[input.name] else {
                let none = input.input.allowsNone ? " (null for none)" : ""
                throw .badRequest("missing field `\(input.name)`: \(input.input.label)\(none)", input: input.name)
            }
            guard input.input.isYear else {
                values.append(try Self.value(field, input: input))
                continue
            }
            let year = try Self.year(field, input: input.input)
            guard input.contains(year) else {
                let range = input.rangeText + (input.input.allowsNone ? " or null" : "")
                let tables = selected.snapshot.history.tablesInForce(on: selected.asOf).count
                let domain = tables > 1 ? "the domains of the tables in force" : "the table's domain"
                throw .badRequest(
                    "`\(input.name)` \(year.map(String.init) ?? "null") is outside \(domain) (\(range))",
                    input: input.name)
            }
            values.append(year)
        }
        let policy = selected.table.compiled.policy
        guard selected.table.compiled.isInForce(on: selected.asOf) else {
            throw .badRequest(
                "`\(table.dateInputName)` \(selected.asOf) is outside the table's window "
                    + "\(policy.windowStart) to \(policy.windowEnd)", input: table.dateInputName)
        }
        self.table = selected.table
        self.snapshot = selected.snapshot
        self.years = YearValues(values)
        self.asOf = selected.asOf
    }

    /// Decides through the policy history in force, with the loaded table that decided.
    func decide() throws(EvaluationError) -> (decision: Decision, table: LoadedTable) {
        let decision = try snapshot.history.evaluate(years, asOf: asOf)
        return (decision, snapshot.loaded(decision.table) ?? table)
    }

    /// Explains through the policy history in force, with the loaded table that decided.
    func explain() throws(EvaluationError) -> (explanation: Explanation, table: LoadedTable) {
        let explanation = try snapshot.history.explain(years, asOf: asOf).explanation
        return (explanation, snapshot.loaded(explanation.decision.table) ?? table)
    }

    private static func year(_ value: RequestJSON, input: YearInput) throws(APIError) -> Int? {
        switch value {
        case .int(let year): return year
        case .null: return nil
        default:
            let none = input.allowsNone ? " or null" : ""
            throw .badRequest(
                "`\(input.name)` must be a year (an integer)\(none), got \(value.typeName)", input: input.name)
        }
    }

    /// The code of an integer, boolean or enum input's value, or a 400 that lists what it takes.
    private static func value(_ value: RequestJSON, input: HistoryInput) throws(APIError) -> Int? {
        let json: JSONValue
        switch value {
        case .null: json = .null
        case .bool(let flag): json = .bool(flag)
        case .int(let number): json = .int(number)
        case .string(let text): json = .string(text)
        default: json = .string(value.typeName)
        }
        switch input.parse(json: json) {
        case .success(let code): return code
        case .failure(let error): throw .badRequest(error.description, input: input.name)
        }
    }

    private static func date(_ value: RequestJSON, name: String) throws(APIError) -> LocalDate {
        guard case .string(let text) = value else {
            throw .badRequest("`\(name)` must be a date string YYYY-MM-DD, got \(value.typeName)", input: name)
        }
        guard let date = LocalDate(iso: text) else {
            throw .badRequest("`\(name)`: `\(text)` is not a valid date: \(LocalDate.problem(with: text))", input: name)
        }
        return date
    }
}
