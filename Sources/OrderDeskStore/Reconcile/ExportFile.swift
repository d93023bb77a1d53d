import Foundation
import OrderDeskCore

/// An export file on disk, read in chunks by the reconciliation engine and fingerprinted for the run's record.
///
/// The descriptor is opened once, so the bytes the engine reads and the bytes hashed come from the
/// same file even if the path is replaced meanwhile. The bytes are hashed as the engine reads them
/// (on its reading thread, while they are in the cache), so a saved run costs no second pass over a
/// large file; `info()` makes that pass with `pread` only when the file was not read to its end.
///
/// One thread reads a file at a time (the engine gives each its own), which is what makes the
/// running hash safe without a lock.
public final class ExportFile: ExportSource, @unchecked Sendable {
    public let path: String
    public let side: ExportSide
    /// The last path component.
    public let name: String
    /// From `fstat` when the file was opened.
    public let size: Int64?
    private let descriptor: Int32
    private var hasher = SHA256()
    private var bytesRead: Int64 = 0
    private var readToEnd = false

    private init(path: String, side: ExportSide, descriptor: Int32, size: Int64?) {
        self.path = path; self.side = side; self.descriptor = descriptor; self.size = size
        name = URL(fileURLWithPath: path).lastPathComponent
    }

    deinit { close(descriptor) }

    /// Opens an export for reading. Throws `ReconcileError.fileMissing` when nothing is at `path`,
    /// `ReconcileError.fileUnreadable` for a directory or a file this user may not read.
    public static func open(path: String, side: ExportSide) throws -> ExportFile {
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw ReconcileError.fileMissing(side: side, path: path) }
            throw ReconcileError.fileUnreadable(side: side, path: path, reason: reason(code))
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let code = errno
            close(fd)
            throw ReconcileError.fileUnreadable(side: side, path: path, reason: reason(code))
        }
        let type = status.st_mode & S_IFMT
        // open(2) succeeds on a directory; reading it would fail later with a vaguer message.
        if type == S_IFDIR {
            close(fd)
            throw ReconcileError.fileUnreadable(
                side: side, path: path, reason: "it is a directory; give the path of the export file itself")
        }
        let size: Int64? = type == S_IFREG ? Int64(status.st_size) : nil
        return ExportFile(path: path, side: side, descriptor: fd, size: size)
    }

    /// Reads the next bytes with read(2), retrying when a signal interrupts it; 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.read(descriptor, base, buffer.count)
            if n > 0 {
                hasher.update(UnsafeRawBufferPointer(start: base, count: n))
                bytesRead += Int64(n)
                return n
            }
            if n == 0 { readToEnd = true; return 0 }
            let code = errno
            if code == EINTR { continue }
            throw ReconcileError.fileUnreadable(side: side, path: path, reason: Self.reason(code))
        }
    }

    /// The file's name, size and SHA-256: from what `read` returned when it was read to the end, else
    /// from a pass over the whole file (1 MiB reads).
    public func info() throws -> ExportFileInfo {
        if readToEnd { return ExportFileInfo(name: name, size: bytesRead, sha256: hasher.finalize()) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var offset: Int64 = 0
        while true {
            let n = pread(descriptor, buffer.baseAddress, chunk, off_t(offset))
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw ReconcileError.fileUnreadable(side: side, path: path, reason: Self.reason(code))
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            offset += Int64(n)
        }
        return ExportFileInfo(name: name, size: offset, sha256: hasher.finalize())
    }

    /// Words for an errno, saying what to do where there is something to do.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM:
            return "permission denied; ask for read access, or copy the file somewhere you can read it"
        case EISDIR:
            return "it is a directory; give the path of the export file itself"
        default:
            return String(cString: strerror(code)).lowercased()
        }
    }
}
