import Foundation
import RuleEngine
import Testing

@testable import rulecheck_server

/// The pages in headless Chromium, used as a person would: the EMT form filled in from the
/// keyboard (Tab between the controls, the years typed into the selects, the date typed into
/// the date field, Enter to submit) at desktop width and on a 390 px phone, and the answer read
/// from the page Chromium shows, checked against the decision the library makes. Skipped with a
/// message where Chromium or python3 is missing.
@Suite("pages in Chromium", .enabled(if: Chromium.available, Chromium.missing), .serialized)
struct BrowserTests {
    /// One EMT's case, typed into the form at one screen size.
    struct Case: Sendable, CustomTestStringConvertible {
        let width: Int
        let height: Int
        let mobile: Bool
        let ma: Int
        /// nil: "never held".
        let nr: Int?
        let asOf: String
        var testDescription: String { "\(width) px: MA \(ma), NREMT \(nr.map(String.init) ?? "never held"), \(asOf)" }
    }

    static let cases = [
        Case(width: 1280, height: 900, mobile: false, ma: 2026, nr: 2027, asOf: "2026-02-16"),
        Case(width: 390, height: 844, mobile: true, ma: 2026, nr: 2027, asOf: "2026-04-10"),
        Case(width: 390, height: 844, mobile: true, ma: 2027, nr: nil, asOf: "2026-03-10"),
    ]

    @Test("an EMT types their case into the form and reads the answer", arguments: cases)
    func emtForm(_ person: Case) async throws {
        let history = try #require(try PolicyHistory.load(path: TestServer.path("rules")).history)
        let asOf = try #require(LocalDate(iso: person.asOf))
        let decision = try history.evaluate(YearValues(person.ma, person.nr), asOf: asOf)
        let nr = person.nr.map(String.init) ?? "none"
        let (month, day, year) = (person.asOf.dropFirst(5).prefix(2), person.asOf.suffix(2), person.asOf.prefix(4))
        try await Chromium.withScreenshotFolder { shots in
            let name = "\(person.width)-\(person.ma)-\(nr)-\(person.asOf)"
            let form = shots.appendingPathComponent("emt-form-\(name).png")
            let answer = shots.appendingPathComponent("emt-answer-\(name).png")
            let run = try await TestServer.with { server in
                try await Chromium.run([
                    Step.viewport(person.width, person.height, mobile: person.mobile),
                    Step.navigate(server.base.absoluteString + "/"),
                    Step.scrollWidth("formWidth"),
                    Step.unlabelled("formUnlabelled"),
                    Step.screenshot("formShot", form),
                    Step.press("Tab"), Step.focused("first"), Step.type(String(person.ma)),
                    Step.press("Tab"), Step.focused("second"), Step.type(person.nr.map(String.init) ?? "never"),
                    Step.press("Tab"), Step.focused("third"), Step.type("\(month)\(day)\(year)"),
                    Step.eval(
                        "typed", "[...document.querySelectorAll('form [name]')].map(e => e.name + '=' + e.value)"),
                    Step.navigates(Step.press("Enter")),
                    Step.eval("url", "location.pathname + location.search + location.hash"),
                    Step.eval(
                        "answerInView",
                        "(() => { const r = document.getElementById('answer').getBoundingClientRect();"
                            + " return r.top >= 0 && r.top < innerHeight; })()"),
                    Step.eval("answer", Self.readAnswer),
                    Step.scrollWidth("answerWidth"),
                    Step.screenshot("answerShot", answer),
                ])
            }
            #expect(try run.value("formUnlabelled", as: [String].self) == [])
            // Keyboard order and what was typed.
            #expect(try run.value("first", as: String.self) == "ma_expires")
            #expect(try run.value("second", as: String.self) == "nr_expires")
            #expect(try run.value("third", as: String.self) == "as_of")
            #expect(try run.value("typed") == ["ma_expires=\(person.ma)", "nr_expires=\(nr)", "as_of=\(person.asOf)"])
            #expect(try run.value("url") == "/?ma_expires=\(person.ma)&nr_expires=\(nr)&as_of=\(person.asOf)#answer")
            // The page opens at the answer, not at the form again.
            #expect(try run.value("answerInView", as: Bool.self))
            try checkAnswer(try run.value("answer"), decision)
            // Nothing overflows the screen, and the screenshots are of that width.
            #expect(try run.value("formWidth", as: Int.self) <= person.width)
            #expect(try run.value("answerWidth", as: Int.self) <= person.width)
            #expect(Chromium.pngWidth(form) == person.width)
            #expect(Chromium.pngWidth(answer) == person.width)
        }
    }

    /// The answer section as data: heading, each `dt` with its `dd`, deadlines, steps, the line
    /// about the policy, and any error shown instead.
    static let readAnswer = """
        (() => { const s = document.querySelector('section.answer');
          const error = document.querySelector('.error');
          if (!s) return {error: error ? error.textContent : 'no answer section'};
          const fields = {};
          s.querySelectorAll('dt').forEach(dt => { fields[dt.textContent] = dt.nextElementSibling.textContent; });
          return {heading: s.querySelector('h2').textContent, fields,
            deadlines: [...s.querySelectorAll('ul > li')].map(e => e.textContent),
            steps: [...s.querySelectorAll('ol > li')].map(e => e.textContent),
            meta: s.querySelector('.meta').textContent}; })()
        """

    /// Checks the answer read from the page against the library's decision.
    func checkAnswer(_ answer: [String: Any], _ decision: Decision) throws {
        #expect(answer["error"] == nil, "the page showed an error: \(answer["error"] ?? "")")
        let outcome = decision.outcome
        let labels = decision.table.definition.labels
        #expect(answer["heading"] as? String == "Your answer as of \(decision.asOf)")
        let fields = try #require(answer["fields"] as? [String: String])
        #expect(fields["Cohort"] == (labels.cohort(outcome.cohort) ?? PageLayout.words(outcome.cohort)))
        #expect(fields["Status"] == (labels.status(outcome.status) ?? PageLayout.words(outcome.status)))
        let fee = try #require(fields["Fee"] ?? fields["Fees"])
        if outcome.fees.isEmpty { #expect(fee == "none") }
        for item in outcome.fees { #expect(fee.contains("\(item.money)"), "fee \(item.money) in \(fee)") }
        for (name, value) in decision.derivedValues {
            let shown = fields.first { $0.key.lowercased() == PageLayout.words(name).lowercased() }?.value
            #expect(shown == (value ? "yes" : "no"), "\(name)")
        }
        let deadlines = try #require(answer["deadlines"] as? [String])
        #expect(deadlines.count == outcome.deadlines.count)
        for (shown, deadline) in zip(deadlines, outcome.deadlines) {
            // The days left until the last day still in time, as the page words them.
            let days = deadline.lastDayInTime.dayNumber - decision.asOf.dayNumber
            let left =
                switch days {
                case 0: "today is the last day"
                case 1: "1 day left"
                case 2...: "\(days) days left"
                case -1: "passed yesterday"
                default: "passed \(-days) days ago"
                }
            #expect(shown.contains(": \(deadline.date) (\(deadline.kind))"), "\(shown)")
            #expect(shown.hasSuffix(" — " + left), "\(shown)")
        }
        #expect(answer["steps"] as? [String] == decision.actionTexts)
        let meta = try #require(answer["meta"] as? String)
        #expect(meta.contains("version \(decision.table.policy.version)"))
        #expect(meta.contains("rule \(decision.rule.id)"))
    }
}
