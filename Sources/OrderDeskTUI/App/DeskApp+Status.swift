import Foundation
import OrderDeskCore
import OrderDeskTerminal

// Tab 5, the live status view: loading, commands, dialogs, drawing.
// CONTRACT STUBS: the status-view helper fills these in.
extension DeskApp {
    /// Tab 5, fresh from the store.
    func showStatus() {
        state.detail = nil
        state.contract = nil
        state.customer = nil
        state.screen = .status
    }

    /// The commands of the status view.
    func runStatusCommand(_ command: CommandID) {}

    /// Reloads the status view where it stands when it is on screen (after any change, here or elsewhere).
    func reloadStatus() {}

    /// The count asked for while handling a key.
    func performStatusCount() { state.status.countPending = false }

    /// A new terminal size.
    func statusResized() {}

    /// Performs what a status-view dialog asks for.
    func performEscalationDialog(_ request: EscalationDialogRequest) { state.modal = nil }

    /// Called on every turn of the run loop: true when the screen must be drawn again (a changed row's
    /// highlight has just ended).
    func statusTick() -> Bool { false }

    /// Draws the status view when it is on screen; false otherwise.
    func renderStatusScreen(on canvas: Canvas, now: Int64, top: Int, bottom: Int) -> Bool {
        guard state.screen == .status, state.customer == nil, state.contract == nil else { return false }
        return true
    }

    /// The footer's position text on the status view.
    var statusPosition: String { "" }
}
