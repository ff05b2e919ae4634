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
        let entered = table.yearInputs.allSatisfy(\.isYear) ? "years" : "details"
        var body = [
            "<h1>Your recertification: which cohort, what to do, by when</h1>",
            "<p class=\"notice\" role=\"note\"><strong>Guidance, not an official decision.</strong> This page applies "
                + "the published policy to the \(entered) you enter. For an official decision, contact "
                + "\(HTML.escape(contact)).</p>",
        ]
        // The values offered are those some table of the history decides, not the newest's alone.
        let choices = (selection?.snapshot ?? state.source.snapshot).history.inputs
        let controls = table.yearInputs.map { input in
            InputControl(input: input, choice: choices.first { $0.name == input.name }, chosen: query[input.name])
        }
        body += form(table, controls: controls, query: query)
        var status = HTTPResponse.Status.ok
        if names.contains(where: { query[$0] != nil }) {
            do {
                let fields = try Self.requestFields(query, dateName: table.dateInputName, choices: choices)
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
        // A number field gets the selects' size; pages without one keep their stylesheet as it was.
        let style = controls.contains(where: \.isNumber) ? InputControl.numberStyle : nil
        return html(PageLayout.page(title: "Recertification lookup", body: body, extraStyle: style), status)
    }

    /// The form: one labelled control per input of the table (see ``InputControl``), and the date.
    private func form(_ table: RuleTable, controls: [InputControl], query: [String: String]) -> [String] {
        // The answer's anchor in the action: after submitting, a phone shows the answer, not the form again.
        var lines = ["<form method=\"get\" action=\"/#answer\">"]
        for control in controls { lines += control.html }
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

    private func html(_ text: String, _ status: HTTPResponse.Status) -> Response {
        JSONResponse.text(text, contentType: "text/html; charset=utf-8", status: status)
    }
}
