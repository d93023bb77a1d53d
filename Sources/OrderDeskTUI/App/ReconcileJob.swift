import Foundation
import OrderDeskCore

/// A reconciliation running on a worker thread. The worker puts its outcome here; the run loop polls
/// it between keys (and reads the progress), so no desk state is ever touched off the loop's thread.
final class ReconcileJob: @unchecked Sendable {
    let progress = ReconcileProgress()
    /// When it started, in the desk's monotonic seconds.
    let startedAt: Double
    private let condition = NSCondition()
    private var _outcome: Result<ReconcileRunSummary, any Error>?

    init(startedAt: Double) { self.startedAt = startedAt }

    /// Runs `work` on a new thread and keeps what it returns or throws.
    func start(_ work: @escaping @Sendable (ReconcileProgress) throws -> ReconcileRunSummary) {
        let thread = Thread { [self] in
            let outcome = Result { try work(progress) }
            condition.lock()
            _outcome = outcome
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "reconcile"
        thread.start()
    }

    /// The outcome once the work has ended; nil while it runs.
    var outcome: Result<ReconcileRunSummary, any Error>? {
        condition.lock(); defer { condition.unlock() }
        return _outcome
    }

    /// Blocks until the work has ended or `timeout` seconds have passed; true when it has ended.
    func wait(timeout: Double) -> Bool {
        condition.lock(); defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while _outcome == nil {
            if !condition.wait(until: deadline) { return _outcome != nil }
        }
        return true
    }
}
