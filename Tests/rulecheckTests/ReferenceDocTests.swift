import Foundation
import Testing

/// `docs/reference.md` documents every subcommand once, and every flag each subcommand's
/// `--help` shows, in that subcommand's section; the README links it.
@Suite("command reference")
struct ReferenceDocTests {
    /// One subcommand as `--experimental-dump-help` describes it: its name and its flags' spellings.
    struct Command {
        let name: String
        let flags: [String]
    }

    /// The subcommands and their flags, from the binary's own help (the structured form of `--help`).
    static func commands() throws -> [Command] {
        let run = try CLI.run(["--experimental-dump-help"])
        try #require(run.status == 0, "\(run.stderr)")
        let root = try #require(
            (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["command"]
                as? [String: Any])
        let subcommands = root["subcommands"] as? [[String: Any]] ?? []
        return subcommands.compactMap { command in
            guard let name = command["commandName"] as? String, name != "help",
                command["shouldDisplay"] as? Bool ?? true
            else { return nil }
            let arguments = command["arguments"] as? [[String: Any]] ?? []
            let flags = arguments.filter { $0["shouldDisplay"] as? Bool ?? true }
                .flatMap { $0["names"] as? [[String: Any]] ?? [] }
                .compactMap { spelling -> String? in
                    guard let kind = spelling["kind"] as? String, let text = spelling["name"] as? String else {
                        return nil
                    }
                    switch kind {
                    case "long": return "--" + text
                    case "short": return "-" + text
                    default: return nil
                    }
                }
                .filter { !["--help", "-h", "--version"].contains($0) }
            return Command(name: name, flags: flags)
        }
    }

    static func reference() throws -> [String] {
        try String(contentsOfFile: CLI.path("docs/reference.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines of each section whose `###` heading starts with `` `rulecheck NAME``, up to the next heading.
    static func sections(named name: String, in lines: [String]) -> [[String]] {
        var sections: [[String]] = []
        var current: [String]?
        for line in lines {
            if line.hasPrefix("#") {
                if let section = current { sections.append(section) }
                let isCommand = line.hasPrefix("### `rulecheck \(name) ") || line == "### `rulecheck \(name)`"
                current = isCommand ? [line] : nil
            } else if current != nil {
                current?.append(line)
            }
        }
        if let section = current { sections.append(section) }
        return sections
    }

    @Test("the reference has the subcommands of --help; each is documented once")
    func everySubcommandOnce() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 9)
        let lines = try Self.reference()
        for command in commands {
            let sections = Self.sections(named: command.name, in: lines)
            #expect(sections.count == 1, "`rulecheck \(command.name)`: \(sections.count) sections in docs/reference.md")
        }
    }

    @Test("every flag of each subcommand's --help appears in its section of the reference")
    func everyFlag() throws {
        let lines = try Self.reference()
        for command in try Self.commands() {
            let section = Self.sections(named: command.name, in: lines).first?.joined(separator: "\n") ?? ""
            for flag in command.flags {
                let spelled =
                    section.contains("`\(flag)") || section.contains(" \(flag) ") || section.contains("[\(flag)")
                #expect(spelled, "docs/reference.md: `rulecheck \(command.name)` does not mention \(flag)")
            }
        }
    }

    @Test("the README links the reference and stays under 250 lines")
    func readme() throws {
        let readme = try String(contentsOfFile: CLI.path("README.md"), encoding: .utf8)
        #expect(readme.contains("(docs/reference.md"))
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count < 250)
    }
}
