import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine
import YAMLReader

/// `rulecheck roll-forward TABLE --years N`: next year's table from this year's.
struct RollForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roll-forward",
        abstract: "Write next year's table from this year's: every year and date moves on, nothing else changes.",
        discussion: """
            Moves cycle, the window, every date and every literal year (and policy.version when it is a year) by \
            --years, editing only those cells, so comments and layout stay as written. Writes <cycle+N>.yaml \
            beside the table unless --output is given, and rolls the expectations file beside the table to \
            <output stem>.expect.yaml. Then validates the result and lists what staff must review: the fee, \
            comments and texts with literal years, and the diff --shift-years summary. Refuses to overwrite a file \
            without --force. Exits 0 when the new table validates, 1 when it has findings (it is still written) or \
            a date cannot move (February 29), 2 on usage or I/O errors.
            """
    )

    @Argument(help: "This year's rule table.", completion: .file(extensions: ["yaml", "yml"]))
    var table: String

    @Option(help: "How many years to move on (1 for next year).")
    var years: Int

    @Option(help: "The new table's path (default: <cycle+N>.yaml beside the table).", completion: .file())
    var output: String?

    @Flag(help: "Overwrite the new table and its expectations file when they exist.")
    var force = false

    func validate() throws {
        guard years != 0, (-50...50).contains(years) else {
            throw ValidationError("--years must be between -50 and 50, and not 0")
        }
    }

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try SourceFile.read(path: table) } catch { throw CLIError(error.description) }
        let original = try TableSelection.loadClean(table)
        let target =
            output ?? RollForward.defaultOutput(forTable: table, cycle: original.definition.cycle, years: years)
        let expectationsSource = ExpectationsLoader.defaultPath(forTable: table)
        let expectationsTarget = ExpectationsLoader.defaultPath(forTable: target)
        let hasExpectations = FileManager.default.fileExists(atPath: expectationsSource)
        for path in [target] + (hasExpectations ? [expectationsTarget] : [])
        where FileManager.default.fileExists(atPath: path) && !force {
            throw CLIError("\(path) exists; give --force to overwrite it")
        }
        guard target != table, !hasExpectations || expectationsTarget != expectationsSource else {
            throw CLIError("the new table would overwrite \(table); give another --output")
        }
        var rolled = [RollForward.table(bytes: bytes, file: table, years: years)]
        if hasExpectations {
            let expectationsBytes: [UInt8]
            do { expectationsBytes = try SourceFile.read(path: expectationsSource) } catch {
                throw CLIError(error.description)
            }
            rolled.append(
                RollForward.expectations(
                    bytes: expectationsBytes, file: expectationsSource, years: years, table: original.definition,
                    newTable: relativePath(of: target, from: expectationsTarget)))
        }
        let problems = rolled.flatMap(\.diagnostics)
        guard problems.isEmpty else {
            let sources = [table: SourceText(bytes: bytes)]
            Terminal.printError(
                DiagnosticRenderer(colored: Terminal.colorEnabled(for: STDERR_FILENO), sources: sources).render(
                    problems))
            Terminal.printError("rulecheck: nothing was written")
            throw ExitCode(ExitStatus.findings)
        }
        for (file, path) in zip(rolled, [target, expectationsTarget]) {
            guard let newBytes = file.bytes else { continue }
            do { try AtomicFile.write(Data(newBytes), to: path) } catch { throw CLIError(error.description) }
            Terminal.print("wrote \(path) (\(file.movedCells) year and date cells moved from \(file.source))")
        }
        let clean = try report(target: target, expectations: hasExpectations ? expectationsTarget : nil, original)
        Terminal.print("")
        Terminal.print("Review before publishing (these did not move):")
        for (file, path) in zip(rolled, [target, expectationsTarget]) {
            for item in file.review {
                Terminal.print("  \(path):\(item.line): \(item.kind.rawValue): \(UntrustedText.terminal(item.text))")
            }
        }
        if !clean { throw ExitCode(ExitStatus.findings) }
    }

    /// Validates the new files and prints their diagnostics and the diff summary; whether they are clean.
    private func report(target: String, expectations: String?, _ original: CompiledTable) throws -> Bool {
        let loaded: LoadResult
        do { loaded = try TableLoader.load(path: target) } catch { throw CLIError(error.description) }
        var diagnostics = loaded.diagnostics
        var sources = [target: loaded.source]
        var rows: Int?
        if let expectations, let table = loaded.table {
            do {
                let result = try ExpectationsLoader.load(path: expectations, for: table.definition)
                diagnostics += result.diagnostics
                sources[expectations] = result.source
                rows = result.expectations?.rows.count
            } catch { throw CLIError(error.description) }
        }
        let renderer = DiagnosticRenderer(colored: Terminal.colorEnabled(for: STDOUT_FILENO), sources: sources)
        Terminal.print("")
        Terminal.print(renderer.render(diagnostics), terminator: "")
        let errors = diagnostics.filter { $0.severity == .error }.count
        Terminal.print("\(target): " + (errors == 0 ? "ok" : "\(Validate.count(errors, "error"))"))
        if let expectations, sources[expectations] != nil {
            let failed = diagnostics.contains { $0.severity == .error && $0.location?.file == expectations }
            Terminal.print("\(expectations): " + (failed ? "has errors" : "ok (\(rows ?? 0) expectations)"))
        }
        if let table = loaded.table,
            let difference = try? TableDiffer.diff(old: original, new: table, shiftYears: years)
        {
            Terminal.print("")
            Terminal.print("rulecheck diff \(original.definition.file) \(target) --shift-years \(years):")
            Terminal.print(difference.text(), terminator: "")
        }
        return errors == 0
    }

    /// `target` relative to the folder of `file` when both are in the same folder, else as given.
    private func relativePath(of target: String, from file: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        return folder == (file as NSString).deletingLastPathComponent ? (target as NSString).lastPathComponent : target
    }
}
