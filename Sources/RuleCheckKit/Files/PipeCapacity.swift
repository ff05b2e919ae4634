import Foundation

/// The buffer of a pipe that results stream into. Linux gives a pipe 64 KiB, so a writer that
/// produces output faster than its reader takes it (`rulecheck batch … | cat`) stops every
/// 64 KiB and the two processes take turns on the cores; a larger buffer lets each run longer.
public enum PipeCapacity {
    /// The capacity ``widen(_:to:)`` asks for by default: Linux's default ceiling for a process
    /// without privileges (`/proc/sys/fs/pipe-max-size`).
    public static let preferred = 1 << 20

    /// Asks for a buffer of `bytes` on `fileDescriptor` when it is a pipe or a FIFO, and returns
    /// the capacity it has then; `nil` when it is not a pipe, the system refuses, or on systems
    /// without the call (anything but Linux). A refusal changes nothing.
    @discardableResult
    public static func widen(_ fileDescriptor: Int32, to bytes: Int = preferred) -> Int? {
        #if os(Linux)
            var status = stat()
            guard fstat(fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return nil }
            // F_SETPIPE_SZ and F_GETPIPE_SZ (Linux 2.6.35 on); Glibc's module does not export them.
            guard fcntl(fileDescriptor, 1031, Int32(clamping: bytes)) >= 0 else { return nil }
            let capacity = fcntl(fileDescriptor, 1032)
            return capacity > 0 ? Int(capacity) : nil
        #else
            return nil
        #endif
    }
}
