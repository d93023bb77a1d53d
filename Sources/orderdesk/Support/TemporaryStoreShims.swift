// Stand-ins until the store's reconciliation lands (branch reconcile-store); deleted at the merge.
import Foundation
import OrderDeskCore
import OrderDeskStore

final class ExportFile: ExportSource, @unchecked Sendable {
    let name: String
    let size: Int64?
    private let fd: Int32
    static func open(path: String, side: ExportSide) throws -> ExportFile {
        let fd = Glibc.open(path, O_RDONLY)
        guard fd >= 0 else { throw ReconcileError.fileMissing(side: side, path: path) }
        var st = stat()
        fstat(fd, &st)
        return ExportFile(name: (path as NSString).lastPathComponent, size: Int64(st.st_size), fd: fd)
    }
    private init(name: String, size: Int64, fd: Int32) { self.name = name; self.size = size; self.fd = fd }
    deinit { close(fd) }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int { Glibc.read(fd, buffer.baseAddress, buffer.count) }
}

extension AppDatabase {
    func reconcileAndSave(ida: ExportFile, sfdc: ExportFile, options: ReconcileOptions, actor: UserAccount, now: Int64, progress: ReconcileProgress?) throws -> (ReconcileResult, ReconcileRunSummary) {
        throw CLIError.badValue(option: "--save", value: "", expected: "the store's reconciliation (not merged yet)")
    }
}
