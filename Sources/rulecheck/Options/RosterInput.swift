import Foundation

/// The roster file opened for reading, or standard input for `-`.
struct RosterInput {
    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    /// The open descriptor.
    let fileDescriptor: Int32
    /// The size in bytes when the input is a regular file, for the progress bar.
    let size: Int?
    private let owned: Bool

    /// Opens `path`; a missing file, a folder or an unreadable file is a usage error.
    init(path: String) throws {
        if path == "-" {
            name = "<stdin>"
            fileDescriptor = STDIN_FILENO
            owned = false
        } else {
            name = path
            fileDescriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard fileDescriptor >= 0 else {
                throw CLIError("\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            owned = true
        }
        var status = stat()
        if fstat(fileDescriptor, &status) == 0 {
            let type = status.st_mode & S_IFMT
            if type == S_IFDIR {
                if owned { Foundation.close(fileDescriptor) }
                throw CLIError("\(path): is a folder, not a roster file")
            }
            size = type == S_IFREG ? Int(status.st_size) : nil
        } else {
            size = nil
        }
    }

    /// Closes the file (never standard input).
    func close() {
        if owned { Foundation.close(fileDescriptor) }
    }
}
