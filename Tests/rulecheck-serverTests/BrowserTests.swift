import Foundation
import RuleEngine
import Testing

/// The pages in headless Chromium: the EMT form submitted as the browser would (its GET URL
/// built from the form's own field names) answers with the decision, and both pages render at
/// desktop width and at 390 px. Skipped with a message where Chromium is missing.
@Suite("pages in Chromium", .enabled(if: Browser.path != nil, Browser.missing))
struct BrowserTests {
    @Test("the EMT form's answer, read from the DOM Chromium builds")
    func emtAnswerInChromium() async throws {
        let browser = try #require(Browser.path)
        try await TestServer.with { server in
            let form = try await server.get("/").body
            // The names the form submits, read from the page itself.
            let names = try Regex(#"<(?:select|input)[^>]*\sname="([a-z_]+)""#)
            let submitted = Set(form.matches(of: names).map { String($0.output[1].substring ?? "") })
            #expect(submitted == ["ma_expires", "nr_expires", "as_of"])
            let url = server.base.absoluteString + "/?ma_expires=2026&nr_expires=2027&as_of=2026-02-16"
            let dom = try await Browser.run(browser, ["--dump-dom", url])
            #expect(dom.contains("Your answer as of 2026-02-16"))
            let decision = try await server.post(
                "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#
            ).object()
            let cohort = try #require(decision["cohort"] as? String)
            let table = try #require(TableLoader.load(path: TestServer.path("rules/2026.yaml")).table)
            #expect(dom.contains(try #require(table.definition.labels.cohort(cohort))))
            #expect(dom.contains("not an official decision"))
        }
    }

    @Test("both pages render at desktop width and at 390 px", arguments: [(1280, 900), (390, 844)])
    func screenshots(_ size: (width: Int, height: Int)) async throws {
        let browser = try #require(Browser.path)
        try await TestServer.with { server in
            for page in ["/?ma_expires=2026&nr_expires=2027&as_of=2026-02-16", "/staff?as_of=2026-02-20"] {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "rulecheck-page-\(UUID().uuidString).png")
                defer { try? FileManager.default.removeItem(at: file) }
                _ = try await Browser.run(
                    browser,
                    [
                        "--screenshot=\(file.path)", "--window-size=\(size.width),\(size.height)",
                        server.base.absoluteString + page,
                    ])
                let png = try Data(contentsOf: file)
                #expect(png.count > 1000)
                #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
            }
        }
    }
}

/// Headless Chromium, when installed.
enum Browser {
    /// The first of `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// Why the suite is skipped.
    static let missing: Comment =
        "Chromium is not installed (apt-get install -y chromium); .ci/run installs it and runs these checks"

    /// Runs Chromium headless with `arguments` and returns its standard output. Waits without
    /// blocking a thread of the cooperative pool (the server under test answers Chromium on
    /// that pool), and stops Chromium after 60 s.
    static func run(_ browser: String, _ arguments: [String]) async throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputFile = scratch.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--hide-scrollbars",
            ] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let finished = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in finished.continuation.finish() }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            if process.isRunning { process.terminate() }
        }
        for await _ in finished.stream {}
        watchdog.cancel()
        try output.close()
        return try String(contentsOf: outputFile, encoding: .utf8)
    }
}
