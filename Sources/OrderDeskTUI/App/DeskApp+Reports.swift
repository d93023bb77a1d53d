import Foundation
import OrderDeskCore
import OrderDeskTerminal

// Tab 6, the sales reports. CONTRACT STUBS: the reports-screen helper fills these in.
extension DeskApp {
    /// Tab 6, fresh from the store.
    func showReports() {
        state.detail = nil
        state.contract = nil
        state.customer = nil
        state.screen = .reports
    }

    /// The commands of the reports screen.
    func runReportsCommand(_ command: CommandID) {}

    /// Reloads the report when it is on screen (after a change here or elsewhere).
    func reloadReports() {}

    /// A new terminal size.
    func reportsResized() {}

    /// Writes the CSV the export prompt asked for.
    func exportReport(to path: String) { state.modal = nil }

    /// Draws the reports screen when it is on screen; false otherwise.
    func renderReportsScreen(on canvas: Canvas, now: Int64, top: Int, bottom: Int) -> Bool {
        guard state.screen == .reports, state.customer == nil, state.contract == nil else { return false }
        return true
    }

    /// The footer's position text on the reports screen.
    var reportsPosition: String { "" }
}
