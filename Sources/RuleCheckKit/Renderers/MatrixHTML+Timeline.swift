import RuleEngine

/// The timeline section: one row per group of year combinations with the same history, a bar
/// of coloured date intervals over the window, and the intervals written out beneath it.
extension MatrixHTML {
    func timelineSection(asOf date: LocalDate) -> [String] {
        let policy = matrix.table.policy
        let start = policy.windowStart.dayNumber
        let days = policy.windowEnd.dayNumber - start + 1
        let position = { (day: LocalDate) -> String in Self.percent(Double(day.dayNumber - start) / Double(days)) }
        var lines = [
            "<section class=\"timeline\">",
            "<h2>Timeline, \(policy.windowStart) to \(policy.windowEnd)</h2>",
            "<p class=\"hint\">Each row is a group of year combinations whose outcomes change on the same days."
                + " Bars are coloured by cohort; the line marks \(date). The intervals are listed under each bar.</p>",
            "<div class=\"tl-row tl-axis\" aria-hidden=\"true\"><div class=\"tl-label\"></div><div class=\"tl-scale\">",
        ]
        for (day, text) in monthTicks() {
            lines.append("<span class=\"tick\" style=\"left: \(position(day))\">\(text)</span>")
        }
        lines.append("<span class=\"asof-label\" style=\"left: \(position(date))\">\(date)</span>")
        lines.append("</div></div>")
        for group in matrix.timelineGroups() {
            lines.append("<div class=\"tl-row\">")
            lines.append("<div class=\"tl-label\">\(regionLabels(group.regions).joined(separator: "<br>"))</div>")
            lines.append("<div class=\"tl-body\"><div class=\"tl-bar\">")
            for segment in group.segments {
                let cohort = matrix.table.definition.rules[segment.rule].outcome.cohort
                let share = Double(segment.last.dayNumber - segment.first.dayNumber + 1) / Double(days)
                let status = matrix.table.definition.rules[segment.rule].outcome.status
                let title = [dates(segment)] + matrix.details(rule: segment.rule, flags: segment.flags)
                lines.append(
                    "<div class=\"seg \(cellClass(cohort: cohort, flags: segment.flags))\""
                        + " style=\"left: \(position(segment.first)); width: \(Self.percent(share))\""
                        + " title=\"\(HTML.attribute(title.joined(separator: "\n")))\">"
                        + (share >= 0.12 ? HTML.escape(status) : "") + "</div>")
            }
            lines.append("<div class=\"asof\" style=\"left: \(position(date))\"></div>")
            lines.append("</div>")
            lines.append("<ol class=\"intervals\">")
            for segment in group.segments { lines.append(interval(segment)) }
            lines.append("</ol></div></div>")
        }
        lines.append("</section>")
        return lines
    }

    private func interval(_ segment: TimelineSegment) -> String {
        let rule = matrix.table.definition.rules[segment.rule]
        let fee = rule.outcome.feeText.map { " · fee \(HTML.escape($0))" } ?? ""
        return "<li><span class=\"dates\">\(dates(segment))</span>"
            + " <span class=\"dot \(cellClass(cohort: rule.outcome.cohort, flags: nil))\"></span>"
            + " \(HTML.escape(rule.outcome.cohort)) / <strong>\(HTML.escape(rule.outcome.status))</strong>\(fee)"
            + " \(flagSpans(segment.flags).joined(separator: " "))"
            + " <span class=\"rule\">[<code>\(HTML.escape(rule.id))</code> \(HTML.escape(matrix.place(of: segment.rule)))]</span></li>"
    }

    /// `2025-12-01 to 2026-02-15`, or one date.
    private func dates(_ segment: TimelineSegment) -> String {
        segment.first == segment.last ? "\(segment.first)" : "\(segment.first) to \(segment.last)"
    }

    /// One line per region: `ma_expires 2022–2025 · nr_expires 2026`.
    private func regionLabels(_ regions: [InputRegion]) -> [String] {
        regions.map { region in
            let parts = matrix.regionParts(region).map {
                "<span class=\"part\"><code>\(HTML.escape($0.name))</code> \(HTML.escape($0.values))</span>"
            }
            return parts.isEmpty ? "every input" : parts.joined(separator: " · ")
        }
    }

    /// The first day of each month inside the window, labelled `Jan 2026` in January and at
    /// the first tick, and with the month's short name otherwise.
    private func monthTicks() -> [(LocalDate, String)] {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let policy = matrix.table.policy
        var ticks: [(LocalDate, String)] = []
        var (year, month, _) = policy.windowStart.parts
        while let first = LocalDate(year: year, month: month, day: 1), first <= policy.windowEnd {
            if first >= policy.windowStart {
                let name = names[month - 1]
                ticks.append((first, month == 1 || ticks.isEmpty ? "\(name) \(year)" : name))
            }
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        return ticks
    }

    /// A fraction as a CSS percentage with three decimals: `12.345%`.
    static func percent(_ fraction: Double) -> String {
        let thousandths = Int((max(0, min(1, fraction)) * 100_000).rounded())
        let fractionDigits = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fractionDigits.count))\(fractionDigits)%"
    }
}
