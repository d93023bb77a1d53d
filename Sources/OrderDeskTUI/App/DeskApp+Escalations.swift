import Foundation
import OrderDeskCore
import OrderDeskTerminal

// Raising escalations from the queue and the order detail, and the automatic rules while the desk is open.
extension DeskApp {
    /// `e` on an order: the raise dialog.
    func openRaiseEscalation(for row: QueueRow) {
        guard client.user.role != .viewer else {
            // The store refuses too; saying so now spares typing a note for nothing.
            state.message = StatusMessage("A viewer cannot escalate: ask the order's account manager or a supervisor.", isError: true)
            return
        }
        let active = ((try? client.escalations.forOrder(row.id)) ?? []).filter { $0.status.isActive }
        state.modal = .raiseEscalation(RaiseEscalationState(row: row, active: active, today: Day(unixSeconds: client.now())))
    }

    /// Saves the escalation; the dialog stays open with what was typed when the store refuses.
    func raiseEscalation(orderID: Int64, reason: EscalationReason, severity: EscalationSeverity, note: String) {
        do {
            let record = try client.escalations.raise(orderID, reason, severity, note.isEmpty ? nil : note)
            state.modal = nil
            state.message = StatusMessage("Escalated order \(record.orderNumber): \(record.severity.label) \(record.reason.label).")
            reloadEverything()
        } catch {
            report(error)
        }
    }

    /// Runs the automatic rules when they are due: right after the first frame, then every
    /// `autoEscalationInterval`. Escalations they raise show at once, with a word in the footer.
    func runAutoEscalationsWhenDue() {
        let clock = ContinuousClock.now
        if let last = lastAutoEscalation, clock - last < autoEscalationInterval { return }
        lastAutoEscalation = clock
        do {
            let raised = try client.escalations.runRules()
            guard raised > 0 else { return }
            if state.message == nil {
                state.message = StatusMessage("The automatic rules escalated \(raised) stuck order\(raised == 1 ? "" : "s").")
            }
            reloadEverything()
            render()
        } catch {
            // Another desk holding the write lock for long is no reason to stop; the next turn tries again.
            state.message = StatusMessage("The automatic escalation rules could not run: "
                + ((error as? LocalizedError)?.errorDescription ?? String(describing: error)), isError: true)
            render()
        }
    }
}
