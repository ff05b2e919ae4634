import RuleCheckKit
import RuleEngine

/// The frame of the server's HTML pages: one self-contained document with inline CSS, no
/// scripts and nothing fetched from elsewhere; readable at 390 px and printable. Callers pass
/// HTML they have built with ``HTML/escape(_:)`` for every untrusted text.
enum PageLayout {
    /// A whole page. `title` is plain text (escaped here); `body` is HTML; `extraStyle`, rules
    /// added after the shared stylesheet for a page that needs them.
    static func page(title: String, body: [String], extraStyle: String? = nil) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTML.escape(title))</title>",
            "<style>",
            stylesheet,
        ]
        if let extraStyle { lines.append(extraStyle) }
        lines += [
            "</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        lines += body
        lines += ["</main>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The shared stylesheet: system fonts, one column, large touch targets, visible focus.
    static let stylesheet = """
        :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        body { margin: 0; background: #f6f7f9; color: #1b1f24; line-height: 1.5; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        main.wide { max-width: 80rem; }
        h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; }
        .notice { border-left: 4px solid #b26b00; background: #fff4e0; padding: 0.75rem 1rem; margin: 1rem 0; }
        .error { border-left: 4px solid #b00020; background: #fde8ec; padding: 0.75rem 1rem; margin: 1rem 0; }
        .answer { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
        form { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; }
        label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
        select, input, textarea, button { font: inherit; max-width: 100%; box-sizing: border-box; }
        select, input[type=date] { width: 100%; padding: 0.5rem; min-height: 2.75rem; }
        textarea { width: 100%; min-height: 16rem; font-family: ui-monospace, monospace; font-size: 0.9rem; }
        button { margin-top: 1rem; padding: 0.6rem 1.2rem; min-height: 2.75rem; background: #0b5cad; color: #fff;
                 border: 0; border-radius: 4px; cursor: pointer; }
        :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
        dt { font-weight: 600; }
        dd { margin: 0; overflow-wrap: anywhere; }
        ul.labels { margin: 0; padding-left: 1.1rem; }
        ul.labels code { color: #57606a; font-size: 0.9em; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        .scroll { overflow-x: auto; }
        code, .mono { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
        .answer > h2:first-child { margin-top: 0; }
        table.source { table-layout: fixed; }
        .source th:first-child { width: 3.5rem; }
        .source th:nth-child(2) { width: 58%; }
        .source td.code { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
        .source td.line { color: #57606a; text-align: right; }
        .source tr.flagged td.code { background: #fde8ec; }
        .diag-error { color: #b00020; }
        .diag-warning { color: #8a5700; }
        .frame { overflow-x: auto; }
        iframe { width: 100%; min-width: 60rem; height: 40rem; border: 1px solid #d0d7de; background: #fff; }
        @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
        @media (max-width: 40rem) {
          .source thead { display: none; }
          .source tr { display: grid; grid-template-columns: 2.5rem minmax(0, 1fr); }
          .source td:nth-child(3) { grid-column: 1 / -1; }
          .source td:nth-child(3):empty { display: none; }
          .source tr.flagged td:nth-child(3) { background: #fff5f6; }
        }
        @media print { form, .noprint { display: none; } body { background: #fff; } }
        """

    /// A plain-words form of a slug or name: `one-year-alignment` becomes `one year alignment`.
    static func words(_ slug: String) -> String {
        slug.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }
}
