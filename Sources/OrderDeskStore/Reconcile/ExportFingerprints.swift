import Foundation
import OrderDeskCore

/// Hashes both export files on a background thread while the engine reads them, so a run's record
/// (names, sizes, SHA-256) costs no extra wall time on a large file.
final class ExportFingerprints: @unchecked Sendable {
    // Guarded by `lock`.
    private var stopped = false
    private var outcome: Result<(ExportFileInfo, ExportFileInfo)?, any Error>?
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts hashing at once.
    init(ida: ExportFile, sfdc: ExportFile, progress: ReconcileProgress?) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let shouldStop = { self.isStopped || progress?.isCancelled == true }
            let result = Result { () throws -> (ExportFileInfo, ExportFileInfo)? in
                guard let idaInfo = try ida.info(stopIf: shouldStop),
                      let sfdcInfo = try sfdc.info(stopIf: shouldStop) else { return nil }
                return (idaInfo, sfdcInfo)
            }
            lock.lock(); outcome = result; lock.unlock()
            finished.signal()
        }
    }

    /// Asks the hashing to give up at its next read.
    func stop() { lock.lock(); stopped = true; lock.unlock() }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    /// Waits for the hashing; nil when it was stopped or the run cancelled. Call once.
    func wait() throws -> (ExportFileInfo, ExportFileInfo)? {
        finished.wait()
        lock.lock(); defer { lock.unlock() }
        return try outcome?.get() ?? nil
    }
}
