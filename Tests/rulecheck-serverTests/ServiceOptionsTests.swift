import Foundation
import ServiceOptions
import Testing

@testable import rulecheck_server

/// The service's flags, defined once: what `rulecheck serve` passes on parses back to the same
/// options, every flag included, and the settings follow them.
@Suite("service options")
struct ServiceOptionsTests {
    static let given = [
        "--rules=-odd folder", "--host", "0.0.0.0", "--port", "0", "--decision-log=--log=x.jsonl",
        "--reload-interval", "0", "--max-body-bytes", "100", "--max-items", "7", "--max-batch-bytes", "900",
        "--max-batch-streams", "3", "--contact", "the office, 555-0100 & --help",
    ]

    @Test("the arguments serve passes on parse back to the same options")
    func roundTrip() throws {
        let options = try ServiceOptions.parse(Self.given)
        let again = try ServiceOptions.parse(options.arguments)
        #expect(again.rules == "-odd folder" && again.rules == options.rules)
        #expect(again.host == options.host && again.port == options.port)
        #expect(again.decisionLog == "--log=x.jsonl")
        #expect(again.reloadInterval == 0 && again.maxBodyBytes == 100 && again.maxItems == 7)
        #expect(again.maxBatchBytes == 900 && again.maxBatchStreams == 3)
        #expect(again.contact == "the office, 555-0100 & --help")
        #expect(again.arguments == options.arguments)
    }

    @Test("every flag the options declare is passed on")
    func everyFlagPassedOn() throws {
        let options = try ServiceOptions.parse(Self.given)
        // Each stored option (`_name` behind its property wrapper) as the flag `--name-in-kebab-case`.
        let flags = Mirror(reflecting: options).children.compactMap(\.label).map { label in
            "--"
                + label.dropFirst().reduce(into: "") { flag, character in
                    if character.isUppercase { flag += "-" + character.lowercased() } else { flag.append(character) }
                }
        }
        #expect(flags.count >= 10)
        for flag in flags {
            #expect(Self.given.contains { $0 == flag || $0.hasPrefix(flag + "=") }, "the test gives \(flag)")
            #expect(options.arguments.contains { $0.hasPrefix(flag + "=") }, "serve passes \(flag) on")
        }
    }

    @Test("the settings follow the options; --max-batch-streams defaults to twice the cores")
    func settings() throws {
        let settings = ServerApplication.Settings(try ServiceOptions.parse(Self.given))
        #expect(settings.rules == "-odd folder" && settings.port == 0 && settings.reloadInterval == nil)
        #expect(settings.limits.maxBatchStreams == 3 && settings.limits.maxItems == 7)
        let defaults = ServerApplication.Settings(try ServiceOptions.parse([]))
        #expect(defaults.limits.maxBatchStreams == 2 * ProcessInfo.processInfo.activeProcessorCount)
        #expect(defaults.contact == ServiceOptions.defaultContact && defaults.reloadInterval == .seconds(2))
        #expect(throws: (any Error).self) { try ServiceOptions.parse(["--max-batch-streams", "0"]) }
    }
}
