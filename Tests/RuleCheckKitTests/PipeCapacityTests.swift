import Foundation
import Testing

@testable import RuleCheckKit

/// The pipe buffer that streamed results go through.
@Suite("Pipe capacity")
struct PipeCapacityTests {
    #if os(Linux)
        /// The largest pipe buffer a process without privileges may ask for here.
        static func ceiling() -> Int? {
            guard let text = try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8) else {
                return nil
            }
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        @Test("a pipe's buffer grows to the preferred size, and the answer is what the pipe then has")
        func widensPipe() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            defer {
                close(ends[0])
                close(ends[1])
            }
            let before = fcntl(ends[1], 1032)
            let capacity = PipeCapacity.widen(ends[1])
            #expect(capacity == Int(fcntl(ends[1], 1032)))
            if let ceiling = Self.ceiling(), ceiling >= PipeCapacity.preferred {
                #expect(capacity.map { $0 >= PipeCapacity.preferred } == true)
                #expect(before < Int32(PipeCapacity.preferred))
            }
        }

        @Test("a regular file is left alone")
        func leavesFilesAlone() throws {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString)").path
            let file = open(path, O_CREAT | O_WRONLY, 0o600)
            try #require(file >= 0)
            defer {
                close(file)
                unlink(path)
            }
            #expect(PipeCapacity.widen(file) == nil)
        }
    #endif
}
