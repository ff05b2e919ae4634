import Foundation

/// What a destination path names, found before anything is written.
struct OutputTarget {
    enum Kind {
        case standardStream(Int32)
        case fifo
        case regular
    }

    /// The path to write: the destination, or the file a symbolic link points to.
    let path: String
    let kind: Kind
    /// The file that will be replaced, if one exists.
    let existing: stat?

    /// Classifies `path`, refusing what may not be replaced.
    static func resolve(_ path: String) throws(AtomicFile.WriteError) -> OutputTarget {
        switch path {
        case "-", "/dev/stdout": return OutputTarget(path: path, kind: .standardStream(STDOUT_FILENO), existing: nil)
        case "/dev/stderr": return OutputTarget(path: path, kind: .standardStream(STDERR_FILENO), existing: nil)
        default: break
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            if errno == ENOENT { return OutputTarget(path: path, kind: .regular, existing: nil) }
            throw AtomicFile.WriteError.system(path, "cannot write")
        }
        var status = link
        var resolved = path
        if link.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &status) == 0, let real = realpath(path, nil) else {
                throw AtomicFile.WriteError(
                    description: "\(path): is a symbolic link to a missing or unreachable file; nothing written")
            }
            resolved = String(cString: real)
            free(real)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return OutputTarget(path: resolved, kind: .regular, existing: status)
        case S_IFIFO: return OutputTarget(path: resolved, kind: .fifo, existing: status)
        default:
            throw AtomicFile.WriteError(
                description: "\(path): is \(describe(status.st_mode)), not a regular file; refusing to replace it")
        }
    }

    /// Refuses a destination that is the same file (device and inode) as an input of the run;
    /// for a standard stream, the file the stream is redirected to.
    static func refuseInputs(_ target: OutputTarget, path: String, inputs: [String])
        throws(AtomicFile.WriteError)
    {
        var output = stat()
        switch target.kind {
        case .standardStream(let descriptor):
            guard fstat(descriptor, &output) == 0, output.st_mode & S_IFMT == S_IFREG else { return }
        case .fifo, .regular:
            guard let existing = target.existing else { return }
            output = existing
        }
        for input in inputs where input != "-" {
            var status = stat()
            guard stat(input, &status) == 0 else { continue }
            if status.st_dev == output.st_dev, status.st_ino == output.st_ino {
                throw AtomicFile.WriteError(
                    description: "\(path): is the same file as the input \(input); refusing to overwrite it")
            }
        }
    }

    /// `a folder`, `a character device`, and so on.
    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}

extension AtomicFile.WriteError {
    /// `PATH: WHAT: strerror(errno)`.
    static func system(_ path: String, _ what: String) -> AtomicFile.WriteError {
        AtomicFile.WriteError(description: "\(path): \(what): \(String(cString: strerror(errno)))")
    }
}
