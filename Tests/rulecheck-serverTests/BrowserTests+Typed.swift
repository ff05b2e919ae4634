import Foundation
import RuleEngine
import Testing

@testable import rulecheck_server

extension BrowserTests {
    @Test("a table with typed inputs, filled in from the keyboard on a phone: a word, yes/no, a number, a year")
    func typedForm() async throws {
        let file = TestServer.path("Tests/Fixtures/policies/levels-state.yaml")
        let history = try #require(try PolicyHistory.load(path: file).history)
        let table = try #require(history.tables.first).definition
        // What the person types into each control, in order, and the value it must submit.
        let typed = [("paramedic", "paramedic"), ("Yes", "true"), ("12", "12"), ("2027", "2027")]
        let codes = try zip(table.yearInputs, typed).map { input, entry in try input.parse(entry.1).get() }
        let decision = try history.evaluate(YearValues(codes), asOf: try #require(LocalDate(iso: "2026-04-10")))
        var settings = TestServer.shippedSettings
        settings.rules = file
        try await Chromium.withScreenshotFolder { shots in
            let form = shots.appendingPathComponent("emt-typed-form-390.png")
            let answer = shots.appendingPathComponent("emt-typed-answer-390.png")
            let keyboard = typed.enumerated().flatMap { index, entry in
                [Step.press("Tab"), Step.focused("focus\(index)"), Step.type(entry.0)]
            }
            let finish = [
                Step.press("Tab"), Step.focused("focusDate"), Step.type("04102026"),
                Step.eval("typed", "[...document.querySelectorAll('form [name]')].map(e => e.name + '=' + e.value)"),
                Step.navigates(Step.press("Enter")),
                Step.eval("url", "location.pathname + location.search + location.hash"),
                Step.eval("answer", Self.readAnswer),
                Step.scrollWidth("width"),
                Step.screenshot("answerShot", answer),
            ]
            let run = try await TestServer.with(settings) { server in
                let start = [
                    Step.viewport(390, 844, mobile: true),
                    Step.navigate(server.base.absoluteString + "/"),
                    Step.unlabelled("unlabelled"),
                    Step.screenshot("formShot", form),
                ]
                return try await Chromium.run(start + keyboard + finish)
            }
            #expect(try run.value("unlabelled", as: [String].self) == [])
            let names = table.yearInputs.map(\.name)
            for (index, name) in names.enumerated() { #expect(try run.value("focus\(index)", as: String.self) == name) }
            #expect(try run.value("focusDate", as: String.self) == table.dateInputName)
            let submitted = zip(names, typed).map { "\($0)=\($1.1)" } + ["\(table.dateInputName)=2026-04-10"]
            #expect(try run.value("typed") == submitted)
            #expect(try run.value("url") == "/?" + submitted.joined(separator: "&") + "#answer")
            try checkAnswer(try run.value("answer"), decision)
            #expect(try run.value("width", as: Int.self) <= 390)
        }
    }
}
