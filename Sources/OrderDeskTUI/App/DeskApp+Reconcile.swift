import Foundation
import OrderDeskCore

/// The reconcile tab: the runs, a run's differences, and the jobs and dialogs that act on them.
extension DeskApp {
    // MARK: Navigation

    /// Shows the reconcile tab, fresh from the store: the runs, and the open run's window.
    func showReconcile() {
        state.detail = nil
        state.customer = nil
        state.screen = .reconcile
        reloadReconcile()
    }

    /// Reloads the runs (their open counts change as differences are resolved) and the open run's window.
    func reloadReconcile() {
        loadRuns()
        updateRun(.refresh)
    }

    func loadRuns(select: Int64? = nil) {
        do {
            let runs = try client.reconcileRuns()
            ReconcileRunsScreen.loaded(&state.runs, runs, select: select)
            if let id = state.run?.run.id, let fresh = runs.first(where: { $0.id == id }) { state.run?.run = fresh }
        } catch {
            state.runs.loaded = true
            report(error)
        }
    }

    func openSelectedRun() {
        guard let summary = state.runs.selected else { return }
        open(summary)
    }

    func open(_ summary: ReconcileRunSummary) {
        var run = ReconcileRunState(run: summary, visibleRows: visibleDifferenceRows)
        let effects = ReconcileRunScreen.reset(&run)
        state.run = run
        performRun(effects)
    }

    func closeRun() {
        state.run = nil
        loadRuns()
    }

    /// Opens the order a difference is about, over the differences (Esc comes back to them).
    func openDifferenceOrder() {
        guard let saved = state.run?.selected else { return }
        guard let orderID = saved.orderID else {
            let d = saved.difference
            let name = d.idaOrder.map { "Order " + $0 } ?? d.sfdcID.map { "SFDC order " + $0 } ?? "This order"
            state.message = StatusMessage(name + " is not in this desk's store, so there is no order to open.")
            return
        }
        state.detail = OrderDetailState(orderID: orderID)
        loadDetail()
    }

    /// The kind picker, with each kind's count under the current search and open-only setting.
    func openKindPicker() {
        guard let run = state.run else { return }
        var counts: [DifferenceKind: Int] = [:]
        do {
            for kind in DifferenceKind.allCases {
                var query = run.query
                query.kinds = [kind]
                counts[kind] = try client.reconcileDifferenceCount(run.run.id, query)
            }
        } catch {
            report(error)
            return
        }
        state.modal = .kindPicker(KindPickerState(counts: counts, current: run.query.kinds))
    }

    // MARK: The differences' window

    func updateRun(_ action: ReconcileRunAction) {
        guard var run = state.run else { return }
        let effects = ReconcileRunScreen.update(&run, action)
        state.run = run
        performRun(effects)
    }

    func performRun(_ effects: [ReconcileRunEffect]) {
        var pending = effects
        while !pending.isEmpty, var run = state.run {
            let effect = pending.removeFirst()
            do {
                switch effect {
                case let .fetch(request, limit, purpose):
                    let (rows, more) = try fetchDifferences(run, request, limit: limit)
                    pending += ReconcileRunScreen.update(&run, .loaded(rows, more: more, purpose))
                case .count:
                    let total = try client.reconcileDifferenceCount(run.run.id, run.query)
                    pending += ReconcileRunScreen.update(&run, .counted(total))
                }
                state.run = run
            } catch {
                report(error)
            }
        }
    }

    /// One row more than asked tells whether there are more in that direction.
    private func fetchDifferences(
        _ run: ReconcileRunState, _ request: DifferencePageRequest, limit: Int
    ) throws -> ([SavedDifference], Bool) {
        let id = run.run.id, query = run.query
        switch request {
        case .first, .after:
            let after: Int? = if case .after(let p) = request { p } else { nil }
            let rows = try client.reconcileDifferences(id, query, after, limit + 1)
            return (Array(rows.prefix(limit)), rows.count > limit)
        case .last, .before:
            let before: Int = if case .before(let p) = request { p } else { Int.max }
            let rows = try client.reconcileDifferencesBefore(id, query, before, limit + 1)
            return (Array(rows.suffix(limit)), rows.count > limit)
        }
    }

    // MARK: Resolving and exporting

    func resolve(_ id: Int64, _ resolution: DifferenceResolution, note: String) {
        do {
            let saved = try client.resolveDifference(id, resolution, note)
            state.modal = nil
            let d = saved.difference
            state.message = StatusMessage("Resolved " + d.kind.label + " on " + (d.idaOrder ?? d.sfdcID ?? "?") + ": "
                                          + resolution.label + ".")
            reloadReconcile()
        } catch {
            report(error)
        }
    }

    func exportOpen(runID: Int64, path: String) {
        do {
            let written = try client.exportOpenDifferences(runID, path)
            state.modal = nil
            state.message = StatusMessage("Wrote \(written) open \(written == 1 ? "difference" : "differences") to \(path)")
        } catch {
            report(error)
        }
    }

    /// Hands completion candidates to the dialog that asked for them.
    func complete(_ partial: String) {
        let candidates = client.completePath(partial)
        switch state.modal {
        case .importRun(var dialog):
            ReconcileImportDialog.completed(&dialog, candidates)
            state.modal = .importRun(dialog)
        case .export(var prompt):
            prompt.error = prompt.path.complete(with: candidates)
            state.modal = .export(prompt)
        case .reportExport(var prompt):
            prompt.error = prompt.path.complete(with: candidates)
            state.modal = .reportExport(prompt)
        default: break
        }
    }

    // MARK: The reconciliation job

    /// Starts `runReconcile` on a worker thread; the dialog shows its progress until it ends.
    func startReconcile(ida: String, sfdc: String, options: ReconcileOptions) {
        guard job == nil, case .importRun(var dialog) = state.modal else { return }
        let job = ReconcileJob(startedAt: monotonicSeconds())
        self.job = job
        dialog.running = ReconcileImportState.Running(snapshot: job.progress.snapshot, elapsed: 0)
        state.modal = .importRun(dialog)
        let runReconcile = client.runReconcile
        job.start { progress in try runReconcile(ida, sfdc, options, progress) }
    }

    /// Copies the job's progress into the dialog and, once it has ended, acts on the outcome.
    /// Returns true when there is something new to draw.
    @discardableResult
    func pollJob() -> Bool {
        guard let job else { return false }
        if case .importRun(var dialog) = state.modal, var running = dialog.running {
            running.snapshot = job.progress.snapshot
            running.elapsed = monotonicSeconds() - job.startedAt
            dialog.running = running
            state.modal = .importRun(dialog)
        }
        guard let outcome = job.outcome else { return true }
        self.job = nil
        finish(outcome)
        return true
    }

    private func finish(_ outcome: Result<ReconcileRunSummary, any Error>) {
        var dialog: ReconcileImportState
        if case .importRun(let open) = state.modal { dialog = open } else { dialog = ReconcileImportState() }
        dialog.running = nil
        switch outcome {
        case .success(let summary):
            state.modal = nil
            state.detail = nil
            state.customer = nil
            state.screen = .reconcile
            loadRuns(select: summary.id)
            open(state.runs.runs.first { $0.id == summary.id } ?? summary)
            let n = summary.summary.differences
            state.message = StatusMessage("Run #\(summary.id) saved: \(Money.groupedInteger(n)) "
                                          + (n == 1 ? "difference" : "differences") + ", \(summary.openDifferences) open.")
        case .failure(let error as ReconcileError) where error == .cancelled:
            dialog.notice = "Cancelled; nothing was saved."
            state.modal = .importRun(dialog)
            state.message = StatusMessage("Cancelled; nothing was saved.")
        case .failure(let error):
            state.modal = .importRun(dialog)
            report(error)
        }
    }

    /// For tests: waits for the running job to end (up to `timeout` seconds), then lets the loop see it.
    @discardableResult
    func waitForJob(timeout: Double = 5) -> Bool {
        guard let job else { return true }
        let ended = job.wait(timeout: timeout)
        pollJob()
        render()
        return ended
    }
}
