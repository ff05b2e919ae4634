import Foundation
import Testing

/// Headless Chromium driven through the DevTools protocol by `Chromium/cdp_driver.py` (Python's
/// standard library only; the protocol runs over a pipe, so no port is opened). A test gives a
/// list of steps (navigate, press a key, type, click, evaluate, screenshot) and reads the
/// values the named steps return.
enum Chromium {
    /// The first of `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
    static let path: String? = executable(["chromium", "chromium-browser", "google-chrome"])
    /// `python3` on `PATH`, which runs the driver.
    static let python: String? = executable(["python3"])
    /// The driver script, beside this file.
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Chromium/cdp_driver.py").path

    /// Whether the browser checks can run.
    static var available: Bool { path != nil && python != nil }

    /// Why the suite is skipped.
    static let missing: Comment =
        "Chromium or python3 is not installed (apt-get install -y chromium python3); .ci/run installs them and runs these checks"

    private static func executable(_ names: [String]) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// What the driver reported: the values of the named steps, or the step that failed.
    struct Run: Sendable {
        /// The driver's `values` object, as JSON.
        let json: Data

        /// The values of the named steps.
        var values: [String: Any] {
            (try? JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed)) as? [String: Any] ?? [:]
        }

        /// The value of the step named `name` as a `T`.
        func value<T>(_ name: String, as type: T.Type = T.self) throws -> T {
            try #require(values[name] as? T, "step \(name) returned \(String(describing: values[name]))")
        }
    }

    /// Runs `steps` in one Chromium page and returns the named values. Throws with the driver's
    /// message when a step fails. Chromium and its profile are removed by the driver; the
    /// driver itself is stopped (SIGTERM, then it removes Chromium) after `timeout` seconds.
    static func run(_ steps: [[String: Any]], timeout: Int = 120) async throws -> Run {
        let browser = try #require(path)
        let interpreter = try #require(python)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-cdp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let plan = scratch.appendingPathComponent("plan.json")
        try JSONSerialization.data(withJSONObject: steps).write(to: plan)
        let outputFile = scratch.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        let errorFile = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [driver, browser, plan.path]
        process.standardOutput = output
        process.standardError = errors
        // Waits without blocking a thread of the cooperative pool: the server under test
        // answers Chromium from this process.
        let finished = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in finished.continuation.finish() }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(timeout))
            if process.isRunning { process.terminate() }
        }
        for await _ in finished.stream {}
        watchdog.cancel()
        try output.close()
        try errors.close()
        let data = try Data(contentsOf: outputFile)
        let problem =
            "the driver printed no report (exit \(process.terminationStatus)): "
            + String(decoding: data, as: UTF8.self)
            + String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
        let report = try #require(
            (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], Comment(rawValue: problem))
        let values = report["values"] as? [String: Any] ?? [:]
        if let error = report["error"] as? String {
            throw DriverFailure(message: error, values: values.keys.sorted())
        }
        return Run(json: try JSONSerialization.data(withJSONObject: values))
    }

    /// A step failed in Chromium.
    struct DriverFailure: Error, CustomStringConvertible {
        let message: String
        let values: [String]
        var description: String { "Chromium driver: \(message) (values read before: \(values))" }
    }

    /// Where screenshots go: `RULECHECK_SCREENSHOTS` when set (kept, to look at), else a
    /// temporary folder that `body` may use and that is removed after it.
    static func withScreenshotFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        if let kept = ProcessInfo.processInfo.environment["RULECHECK_SCREENSHOTS"], !kept.isEmpty {
            let folder = URL(fileURLWithPath: kept)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try await body(folder)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-shots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// The width in pixels a PNG file declares (its IHDR chunk), or nil when it is no PNG.
    static func pngWidth(_ file: URL) -> Int? {
        guard let data = try? Data(contentsOf: file), data.count > 24,
            data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        else { return nil }
        return data[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }
}

/// The steps the tests compose.
enum Step {
    static func viewport(_ width: Int, _ height: Int, mobile: Bool) -> [String: Any] {
        ["op": "viewport", "width": width, "height": height, "mobile": mobile]
    }
    static func navigate(_ url: String) -> [String: Any] { ["op": "navigate", "url": url] }
    static func press(_ key: String) -> [String: Any] { ["op": "press", "key": key] }
    static func type(_ text: String) -> [String: Any] { ["op": "type", "text": text] }
    static func insert(_ text: String) -> [String: Any] { ["op": "insert", "text": text] }
    static func click(_ selector: String) -> [String: Any] { ["op": "click", "selector": selector] }
    /// `step`, which submits a form, then waits for the next page to load.
    static func navigates(_ step: [String: Any]) -> [String: Any] { ["op": "navigates", "then": step] }
    static func eval(_ name: String, _ expression: String) -> [String: Any] {
        ["op": "eval", "name": name, "expression": expression]
    }
    static func screenshot(_ name: String, _ file: URL) -> [String: Any] {
        ["op": "screenshot", "name": name, "path": file.path]
    }
    /// The id of the focused element, stored as `name`.
    static func focused(_ name: String) -> [String: Any] { eval(name, "document.activeElement.id") }
    /// The names of the page's form controls that have no label, stored as `name`.
    static func unlabelled(_ name: String) -> [String: Any] {
        eval(
            name,
            "[...document.querySelectorAll('select, input, textarea')]"
                + ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length)).map(e => e.name || e.id)")
    }
    /// The page's width including any horizontal overflow, stored as `name`.
    static func scrollWidth(_ name: String) -> [String: Any] {
        eval(name, "document.documentElement.scrollWidth")
    }
}
