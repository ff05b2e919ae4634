import Hummingbird
import RuleCheckKit
import RuleEngine

/// `GET /staff` and `POST /staff/validate`: the tables in force, a table's matrix and timeline
/// for a chosen date (the `matrix --format html` page, framed), and a box where a pasted table
/// is validated with its diagnostics beside its lines. Writes nothing to the rules folder.
struct StaffPage: Sendable {
    let state: ServerState

    /// Adds the routes to `router`.
    func register(on router: Router<some RequestContext>) {
        router.get("staff") { request, _ in overview(request) }
        router.post("staff/validate") { request, _ in await validate(request) }
    }

    private func overview(_ request: Request) -> Response {
        let query = request.queryStrings
        let tables = state.source.tables
        var body = ["<h1>Rule tables in force</h1>"]
        body += tablesSection(tables)
        body += matrixSection(tables, query: query)
        body += validateForm(text: "")
        return page(body, status: .ok)
    }

    /// One card per table (a definition list reads well at any width, where a five-column
    /// table with a 64-digit hash does not at 390 px).
    private func tablesSection(_ tables: [LoadedTable]) -> [String] {
        var lines: [String] = []
        for table in tables {
            let policy = table.compiled.policy
            lines += [
                "<section class=\"answer\" aria-label=\"table \(HTML.attribute(policy.version))\">",
                "<dl>",
                "<dt>Policy</dt><dd>\(HTML.escape(policy.id))</dd>",
                "<dt>Version</dt><dd>\(HTML.escape(policy.version))</dd>",
                "<dt>Window</dt><dd>\(policy.windowStart) to \(policy.windowEnd)</dd>",
                "<dt>File</dt><dd class=\"mono\">\(HTML.escape(table.file))</dd>",
                "<dt>SHA-256</dt><dd class=\"mono\">\(table.sha256)</dd>",
            ]
            lines += Self.sourceAndLabels(table.compiled.definition)
            lines += [
                "</dl>",
                "</section>",
            ]
        }
        return lines
    }

    private func matrixSection(_ tables: [LoadedTable], query: [String: String]) -> [String] {
        guard let first = tables.first else { return ["<p>No table is loaded.</p>"] }
        let version = query["version"] ?? first.compiled.policy.version
        let chosen = tables.first { $0.compiled.policy.version == version } ?? first
        let asOf =
            query["as_of"].flatMap { LocalDate(iso: $0) }
            ?? LocalDate.today(inTimeZone: chosen.compiled.policy.timeZone) ?? chosen.compiled.policy.windowStart
        let date = chosen.compiled.isInForce(on: asOf) ? asOf : chosen.compiled.policy.windowStart
        var lines = [
            "<h2 id=\"matrix\">Matrix and timeline</h2>",
            "<form method=\"get\" action=\"/staff#matrix\">",
            "<label for=\"version\">Table</label>",
            "<select id=\"version\" name=\"version\">",
        ]
        for table in tables {
            let value = HTML.attribute(table.compiled.policy.version)
            let selected = table.compiled.policy.version == chosen.compiled.policy.version ? " selected" : ""
            lines.append("<option value=\"\(value)\"\(selected)>\(HTML.escape(table.compiled.policy.version))</option>")
        }
        let matrixURL = "/v1/tables/\(percentEncoded(chosen.compiled.policy.version))/matrix?as_of=\(date)"
        lines += [
            "</select>",
            "<label for=\"as_of\">Date</label>",
            "<input type=\"date\" id=\"as_of\" name=\"as_of\" value=\"\(date)\">",
            "<button type=\"submit\">Show</button>",
            "</form>",
        ]
        let inputs = chosen.compiled.definition.yearInputs
        guard inputs.count <= 2 else { return lines + Self.axesNote(chosen, asOf: date) }
        lines += [
            "<p>Matrix of version \(HTML.escape(chosen.compiled.policy.version)) as of \(date): "
                + "<a href=\"\(HTML.attribute(matrixURL))\">open the page</a> · "
                + "<a href=\"\(HTML.attribute(matrixURL + "&format=markdown"))\">Markdown</a></p>",
            // The matrix is laid out for a wide screen: on a phone the frame keeps that width and
            // scrolls sideways inside its box, instead of squeezing the grid.
            "<div class=\"frame\"><iframe src=\"\(HTML.attribute(matrixURL))\" "
                + "title=\"Decision matrix and timeline as of \(date)\"></iframe></div>",
        ]
        return lines
    }

    private func validateForm(text: String) -> [String] {
        [
            "<h2 id=\"validate\">Validate a table</h2>",
            "<form method=\"post\" action=\"/staff/validate#validate\">",
            "<label for=\"table\">Paste a rule table (YAML); it is checked here and saved nowhere</label>",
            "<textarea id=\"table\" name=\"table\" spellcheck=\"false\">\(HTML.escape(text))</textarea>",
            "<button type=\"submit\">Validate</button>",
            "</form>",
        ]
    }

    private struct ValidateForm: Decodable {
        let table: String
    }

    private func validate(_ request: Request) async -> Response {
        let text: String
        do {
            let bytes = try await request.collectBody(limit: state.limits.maxBodyBytes)
            let form = try URLEncodedFormDecoder().decode(
                ValidateForm.self, from: String(decoding: bytes, as: UTF8.self))
            // Browsers send a textarea's line breaks as CRLF; the lines shown are the lines typed.
            text = form.table.replacingOccurrences(of: "\r\n", with: "\n")
        } catch let error as APIError {
            return page(["<p class=\"error\" role=\"alert\">\(HTML.escape(error.message))</p>"], status: error.status)
        } catch {
            return page(
                ["<p class=\"error\" role=\"alert\">The form could not be read: a field `table` is needed.</p>"],
                status: .badRequest)
        }
        let result = TableLoader.load(yaml: text, file: "pasted.yaml")
        var body = ["<h1>Validation</h1>"]
        body += ValidationReport(result: result, text: text).html
        body += validateForm(text: text)
        return page(body, status: .ok)
    }

    private func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#"])) ?? text
    }

    private func page(_ body: [String], status: HTTPResponse.Status) -> Response {
        let html = PageLayout.page(title: "Rule tables: staff", body: body).replacingOccurrences(
            of: "<main>", with: "<main class=\"wide\">")
        return JSONResponse.text(html, contentType: "text/html; charset=utf-8", status: status)
    }
}
