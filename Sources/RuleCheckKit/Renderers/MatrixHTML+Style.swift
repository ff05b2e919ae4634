import RuleEngine

/// The page's inline stylesheet: light fills with dark text so that nothing vanishes on paper,
/// hatching as a second cue beside colour, and print rules that keep rows and cells whole.
extension MatrixHTML {
    func stylesheet() -> String {
        var rules = [Self.baseStyle]
        for cohort in palette.cohorts {
            let swatch = palette.swatch(of: cohort)
            let name = ".k\(palette.index(of: cohort))"
            rules.append("\(name) { background-color: \(swatch.fill); border-left: 4px solid \(swatch.accent); }")
            rules.append(".dot\(name) { background-color: \(swatch.accent); }")
        }
        rules += labelStyle
        return rules.joined(separator: "\n")
    }

    static let baseStyle = """
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 24px; color: #1a1a1a; background: #fff;
          font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h1 .version { font-weight: normal; color: #555; font-size: 16px; }
        h2 { font-size: 17px; margin: 28px 0 6px; border-bottom: 1px solid #ccc; padding-bottom: 3px; }
        code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
        .meta { margin: 2px 0; color: #444; }
        .hint { color: #444; margin: 4px 0 10px; max-width: 75em; }
        table.grid { border-collapse: separate; border-spacing: 2px; table-layout: fixed; width: 100%; }
        table.grid th { background: #f1f2f4; font-weight: 600; padding: 4px; text-align: center;
          font-variant-numeric: tabular-nums; }
        table.grid th.corner { font-size: 11px; font-weight: normal; text-align: left; line-height: 1.3;
          width: 7.5em; white-space: nowrap; }
        table.grid td { vertical-align: top; padding: 3px 4px 4px 5px; font-size: 11px; line-height: 1.25; }
        td .key, li .key { display: inline-block; min-width: 1.4em; margin-right: 3px; padding: 0 3px;
          border: 1px solid #777; border-radius: 3px; background: #fff; font-weight: 700; font-size: 10px;
          text-align: center; }
        td .status { font-weight: 600; }
        td .facts, td .fee, td .flag { display: block; color: #333; font-size: 10.5px; }
        .flag.no { color: #8a1c1c; }
        .flag.yes { color: #185c30; }
        .off { background-image: repeating-linear-gradient(135deg, rgba(255, 255, 255, 0) 0 6px,
          rgba(60, 60, 60, 0.16) 6px 8px); }
        .hatch-sample { display: inline-block; width: 2.2em; height: 1em; vertical-align: -2px;
          border: 1px solid #999; background-color: #fff;
          background-image: repeating-linear-gradient(135deg, rgba(255, 255, 255, 0) 0 6px,
          rgba(60, 60, 60, 0.3) 6px 8px); }
        table.legend-table { border-collapse: collapse; }
        table.legend-table th { text-align: left; font-weight: 600; padding: 4px 8px; border-bottom: 1px solid #bbb; }
        table.legend-table td { padding: 5px 8px; vertical-align: top; border-bottom: 1px solid #e3e3e3; }
        table.legend-table td.swatch { width: 5.5em; font-weight: 700; text-align: center; }
        table.legend-table td.cohort { font-weight: 600; white-space: nowrap; }
        table.legend-table ul { margin: 0; padding: 0; list-style: none; }
        table.legend-table li { margin: 1px 0; }
        tr.absent td { color: #555; }
        .tl-row { display: flex; align-items: flex-start; gap: 12px; padding: 6px 0; border-bottom: 1px solid #e6e6e6; }
        .tl-label { flex: 0 0 20em; font-size: 11.5px; line-height: 1.35; }
        .tl-label .part { white-space: nowrap; }
        .tl-body, .tl-scale { flex: 1 1 auto; position: relative; min-width: 0; }
        .tl-axis { border-bottom: none; padding-bottom: 0; }
        .tl-scale { height: 2.4em; border-bottom: 1px solid #888; }
        .tick { position: absolute; bottom: 0; font-size: 10px; color: #444; padding-left: 2px; white-space: nowrap;
          border-left: 1px solid #888; height: 1.3em; }
        .asof-label { position: absolute; top: 0; transform: translateX(-50%); font-size: 10px; font-weight: 700;
          color: #111; white-space: nowrap; }
        .tl-bar { position: relative; height: 22px; background: #fafafa; border: 1px solid #ccc; }
        .seg { position: absolute; top: 0; bottom: 0; min-width: 3px; overflow: hidden; white-space: nowrap;
          font-size: 11px; line-height: 21px; padding-left: 4px; border-right: 1px solid #fff; }
        .asof { position: absolute; top: -4px; bottom: -4px; width: 0; border-left: 2px solid #111; }
        ol.intervals { list-style: none; margin: 4px 0 0; padding: 0; font-size: 11.5px; }
        ol.intervals li { margin: 1px 0; }
        ol.intervals .dates { display: inline-block; min-width: 15em; font-variant-numeric: tabular-nums; }
        ol.intervals .flag { margin-left: 4px; }
        ol.intervals .rule { color: #555; white-space: nowrap; }
        .dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; border: none; vertical-align: -1px; }
        @media print {
          @page { size: landscape; margin: 10mm; }
          body { margin: 0; font-size: 9pt; }
          h1 { font-size: 14pt; }
          h2 { font-size: 12pt; margin: 8pt 0 3pt; break-after: avoid; page-break-after: avoid; }
          .hint { margin: 2pt 0 6pt; font-size: 8pt; }
          .meta { font-size: 8pt; }
          table.grid th { padding: 2px; font-size: 8pt; }
          table.grid td { font-size: 7pt; line-height: 1.1; padding: 1px 2px 2px 4px; }
          td .fee, td .flag { font-size: 7pt; }
          td .key { font-size: 7pt; }
          table.grid.one-output td .facts .fee, table.grid.one-output td .facts .flag { display: inline; }
          table.grid.one-output td .flag { margin-left: 4px; font-size: 8pt; font-weight: 700; }
          table.grid.one-output td .flag .name { display: none; }
          tr, td, th, li, .tl-row { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          .legend { break-inside: avoid; page-break-inside: avoid; }
          .timeline { break-before: page; page-break-before: always; }
        }
        """
}
