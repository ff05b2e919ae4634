import Foundation
import Testing

@testable import RuleCheckKit

/// The one file writer: what it replaces, what it refuses, what it keeps.
@Suite("Atomic output file")
struct AtomicOutputFileTests {
    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        _ = lstat(path, &status)
        return status.st_mode
    }

    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test("a symbolic link planted under the old temporary name is never written through")
    func plantedLink() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let pid = ProcessInfo.processInfo.processIdentifier
        let planted = folder.appendingPathComponent(".out.csv.\(pid).tmp").path
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        let output = folder.appendingPathComponent("out.csv").path
        try AtomicFile.write("result", to: output)
        #expect(try Self.read(victim) == "precious")
        #expect(try Self.read(output) == "result")
    }

    @Test("two writers of one file get different, unpredictable temporary names")
    func randomNames() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.txt").path
        let first = try AtomicOutputFile(path: path)
        let second = try AtomicOutputFile(path: path)
        let names = [first.temporaryPath, second.temporaryPath].compactMap { $0 }
        #expect(Set(names).count == 2)
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(names.allSatisfy { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(".out.txt.rulecheck-\(pid)-") })
        first.discard()
        second.discard()
        #expect(try Self.leftovers(in: folder).isEmpty)
    }

    @Test("the replaced file keeps its mode")
    func keepsMode() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secret.txt").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        try AtomicFile.write("new", to: path)
        #expect(Self.mode(path) & 0o7777 == 0o640)
        #expect(try Self.read(path) == "new")
    }

    @Test("a symbolic link to a regular file is followed: the file is replaced, the link kept")
    func followsLink() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.txt").path
        let link = folder.appendingPathComponent("link.txt").path
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write("new", to: link)
        #expect(Self.mode(link) & S_IFMT == S_IFLNK)
        #expect(try Self.read(real) == "new")
    }

    @Test("a device, a folder or a dangling link is refused and left as it was")
    func refusesNonRegular() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = folder.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/null")
        let dangling = folder.appendingPathComponent("dangling").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/file")
        let subfolder = folder.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: false)
        for path in [device, dangling, subfolder] {
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: path) }
        }
        #expect(Self.mode(device) & S_IFMT == S_IFLNK)
        #expect(Self.mode(dangling) & S_IFMT == S_IFLNK)
        #expect(Self.mode(subfolder) & S_IFMT == S_IFDIR)
        #expect(try Self.leftovers(in: folder).isEmpty)
    }

    @Test("a FIFO is written through and stays a FIFO")
    func writesThroughFIFO() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> String in
            let handle = FileHandle(forReadingAtPath: fifo)
            let data = handle?.readDataToEndOfFile() ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        try AtomicFile.write("through the pipe", to: fifo)
        #expect(await reader.value == "through the pipe")
        #expect(Self.mode(fifo) & S_IFMT == S_IFIFO)
    }

    @Test("the same file as an input is refused, also through a link")
    func refusesInput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("table.yaml").path
        let link = folder.appendingPathComponent("alias.yaml").path
        try "input".write(toFile: input, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        for path in [input, link] {
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: path, inputs: [input]) }
        }
        #expect(try Self.read(input) == "input")
    }

    @Test("temporary files of a process that is gone are removed by the next write")
    func removesStale() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A PID above the kernel's maximum (4194304) never runs.
        let stale = folder.appendingPathComponent(".out.txt.rulecheck-99999999-abc.tmp").path
        let live = folder.appendingPathComponent(".out.txt.rulecheck-\(getpid())-abc.tmp").path
        for path in [stale, live] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
        try AtomicFile.write("done", to: folder.appendingPathComponent("out.txt").path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
