import Hummingbird
import RuleCheckKit
import RuleEngine

/// `GET /`: the page where an EMT looks up their own case. A GET form (no JavaScript), so an
/// answer has a URL that can be shared; the answer comes from the same decision path as the API.
struct EMTPage: Sendable {
    let state: ServerState
    /// Who to contact for an official decision, shown under the notice.
    let contact: String

    /// Adds the route to `router`.
    func register(on router: Router<some RequestContext>) {
        router.get("/") { request, _ in respond(to: request) }
    }

    private func respond(to request: Request) -> Response {
        let query = request.queryStrings
        let tables = state.source.tables
        let selection = try? state.source.table(on: nil)
        guard let formTable = selection?.table ?? tables.first else {
            return html(
                PageLayout.page(title: "Recertification lookup", body: ["<p>No table is loaded.</p>"]),
                .serviceUnavailable)
        }
        let table = formTable.compiled.definition
        let names = table.yearInputs.map(\.name) + [table.dateInputName]
        var body = [
            "<h1>Your recertification: which cohort, what to do, by when</h1>",
            "<p class=\"notice\" role=\"note\"><strong>Guidance, not an official decision.</strong> This page applies "
                + "the published policy to the years you enter. For an official decision, contact "
                + "\(HTML.escape(contact)).</p>",
        ]
        // The years offered are those some table of the history decides, not the newest's alone.
        let choices = (selection?.snapshot ?? state.source.snapshot).history.inputs
        body += form(table, choices: choices, query: query)
        var status = HTTPResponse.Status.ok
        if names.contains(where: { query[$0] != nil }) {
            var fields: [String: RequestJSON] = [:]
            for (key, value) in query {
                if key == table.dateInputName {
                    if !value.isEmpty { fields[key] = .string(value) }
                } else if value == "none" {
                    fields[key] = .null
                } else {
                    fields[key] = Int(value).map { .int($0) } ?? .string(value)
                }
            }
            do {
                let input = try DecisionInput(.object(fields), source: state.source)
                let decision = try input.decide().decision
                body += AnswerSection(decision: decision).html
            } catch let error as APIError {
                status = .badRequest
                body.append("<p class=\"error\" id=\"answer\" role=\"alert\">\(HTML.escape(error.message))</p>")
            } catch {
                status = .badRequest
                body.append("<p class=\"error\" id=\"answer\" role=\"alert\">\(HTML.escape("\(error)"))</p>")
            }
        }
        return html(PageLayout.page(title: "Recertification lookup", body: body), status)
    }

    /// The form: one select per year input (the years of every table's domain, and "never
    /// held" where allowed), and the date.
    private func form(_ table: RuleTable, choices: [HistoryInput], query: [String: String]) -> [String] {
        // The answer's anchor in the action: after submitting, a phone shows the answer, not the form again.
        var lines = ["<form method=\"get\" action=\"/#answer\">"]
        for input in table.yearInputs {
            let chosen = query[input.name]
            lines.append(
                "<label for=\"\(HTML.attribute(input.name))\">\(HTML.escape(capitalized(input.label)))</label>")
            lines.append(
                "<select id=\"\(HTML.attribute(input.name))\" name=\"\(HTML.attribute(input.name))\" required>")
            if chosen == nil { lines.append("<option value=\"\" selected disabled>Choose a year</option>") }
            let values =
                choices.first { $0.name == input.name }.map { choice in
                    choice.domains.flatMap { $0.map { Optional($0) } } + (choice.input.allowsNone ? [nil] : [])
                } ?? input.values
            for value in values {
                let text = value.map(String.init) ?? "none"
                let shown = value.map(String.init) ?? "never held"
                let selected = chosen == text ? " selected" : ""
                lines.append("<option value=\"\(text)\"\(selected)>\(shown)</option>")
            }
            lines.append("</select>")
        }
        let date = query[table.dateInputName] ?? ""
        lines += [
            "<label for=\"\(HTML.attribute(table.dateInputName))\">Date to check (leave empty for today)</label>",
            "<input type=\"date\" id=\"\(HTML.attribute(table.dateInputName))\" name=\"\(HTML.attribute(table.dateInputName))\" "
                + "value=\"\(HTML.attribute(date))\">",
            "<button type=\"submit\">Look up</button>",
            "</form>",
        ]
        return lines
    }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private func html(_ text: String, _ status: HTTPResponse.Status) -> Response {
        JSONResponse.text(text, contentType: "text/html; charset=utf-8", status: status)
    }
}
