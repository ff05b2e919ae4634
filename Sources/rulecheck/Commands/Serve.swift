import ArgumentParser
import Foundation
import ServiceOptions

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `rulecheck serve`: replaces this process with `rulecheck-server` from the same folder (same
/// process id, so signals reach the server), so that `rulecheck` itself never builds or links
/// the HTTP stack.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API and pages over HTTP (runs rulecheck-server, built beside rulecheck).",
        discussion: """
            Binds 127.0.0.1:8080 by default; there is no authentication, so put it behind a proxy for anything \
            but loopback. Needs `swift build --product rulecheck-server`; exits 2 when that binary is missing. \
            See the section Service of docs/reference.md.
            """
    )

    /// The service's options, defined once in `ServiceOptions` and passed on as they are.
    @OptionGroup var options: ServiceOptions

    /// The server binary beside this executable.
    static var serverPath: String {
        let own =
            Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent("rulecheck-server").path
    }

    func run() throws {
        let server = Self.serverPath
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw CLIError(
                "\(server) is missing: `rulecheck serve` runs rulecheck-server from beside rulecheck; "
                    + "build it with `swift build --product rulecheck-server` (add `-c release` for a release build)")
        }
        let arguments = [server] + options.arguments
        fflush(nil)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(server, argv)
        let reason = String(cString: strerror(errno))
        throw CLIError("cannot run \(server): \(reason)")
    }
}
