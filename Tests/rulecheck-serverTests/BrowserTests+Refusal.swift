import Foundation
import Testing

extension BrowserTests {
    @Test("a date outside the tables' window, typed on a phone: the reason in view, the form kept")
    func emtRefusal() async throws {
        let (run, reason) = try await TestServer.with { server in
            let refused = try await server.post(
                "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2030-01-01"}"#)
            #expect(refused.status == 400)
            let reason = try #require(try refused.object()["error"] as? String)
            let steps = try await Chromium.run([
                Step.viewport(390, 844, mobile: true),
                Step.navigate(server.base.absoluteString + "/"),
                Step.press("Tab"), Step.type("2026"),
                Step.press("Tab"), Step.type("2027"),
                Step.press("Tab"), Step.type("01012030"),
                Step.navigates(Step.press("Enter")),
                Step.eval("status", "performance.getEntriesByType('navigation')[0].responseStatus"),
                Step.eval(
                    "shown",
                    "(() => { const e = document.getElementById('answer');"
                        + " const r = e.getBoundingClientRect();"
                        + " return [e.className, e.textContent, r.top >= 0 && r.top < innerHeight]; })()"),
                Step.eval("kept", "[...document.querySelectorAll('form [name]')].map(e => e.name + '=' + e.value)"),
                Step.scrollWidth("width"),
            ])
            return (steps, reason)
        }
        #expect(try run.value("status", as: Int.self) == 400)
        let shown = try run.value("shown", as: [Any].self)
        #expect(shown.first as? String == "error")
        #expect(shown.dropFirst().first as? String == reason)
        #expect(shown.last as? Bool == true, "the reason is in view")
        #expect(try run.value("kept") == ["ma_expires=2026", "nr_expires=2027", "as_of=2030-01-01"])
        #expect(try run.value("width", as: Int.self) <= 390)
    }
}
