import Foundation
import OrderDeskCore
import OrderDeskTerminal

// Tab 6, the sales reports: the period and channel keys, loading, the export, drawing.
extension DeskApp {
    /// Tab 6, fresh from the store (on today's week the first time).
    func showReports() {
        state.detail = nil
        state.contract = nil
        state.customer = nil
        state.screen = .reports
        if state.reports.day == nil {
            ReportsScreen.update(&state.reports, .today(client.reports.today()))
        }
        loadReports()
    }

    /// Whether the reports are what the person sees (no order, customer or contract over them).
    var reportsOnScreen: Bool {
        state.screen == .reports && state.detail == nil && state.customer == nil && state.contract == nil
    }

    /// The commands of the reports screen.
    func runReportsCommand(_ command: CommandID) {
        switch command {
        case .reportExport:
            guard let report = state.reports.report else {
                state.message = StatusMessage("No report to export yet.", isError: true)
                return
            }
            state.modal = .reportExport(ReportExportState(period: report.period, channel: report.query.channel))
        case .reportToday:
            ReportsScreen.update(&state.reports, .today(client.reports.today()))
            loadReports()
        default:
            if ReportsScreen.update(&state.reports, .command(command)) { loadReports() }
        }
    }

    /// Reloads the report when it is on screen (after a change here or elsewhere); otherwise it reloads
    /// when it shows again.
    func reloadReports() {
        guard reportsOnScreen else {
            if state.reports.loaded { state.reports.stale = true }
            return
        }
        // A month's report on a million orders reads hundreds of thousands of audit rows: a change elsewhere
        // brings it up to date at most every `reportsLivePace` seconds (`reportsTick` does it when due).
        if let at = state.reports.loadedAt, monotonicSeconds() - at < Self.reportsLivePace {
            state.reports.stale = true
            return
        }
        loadReports()
    }

    /// The least time between two reloads of the report caused by others' changes.
    static let reportsLivePace = 15.0

    /// Called on every turn of the run loop: reloads a stale report on screen once its pace allows; true
    /// when the screen must be drawn again.
    func reportsTick() -> Bool {
        guard reportsOnScreen, state.reports.stale, let at = state.reports.loadedAt,
              monotonicSeconds() - at >= Self.reportsLivePace else { return false }
        loadReports()
        return true
    }

    /// Ctrl-R: the report now, whatever the pace.
    func refreshReports() {
        guard reportsOnScreen else { return }
        loadReports()
    }

    /// The report and the chart's weeks for the period and channel chosen. What fails is said in place of
    /// the report and in the footer; the last report stays out so nothing shows under the wrong heading.
    private func loadReports() {
        state.reports.stale = false
        state.reports.loadedAt = monotonicSeconds()
        state.reports.error = nil
        let query = state.reports.query
        do {
            state.reports.report = try client.reports.report(query)
            // The chart ends with the period's last week, or this week while the period is under way.
            let last = min(query.period.end, max(query.period.start, client.reports.today()))
            state.reports.weeks = try client.reports.weekly(last, query.channel, query.ownerLogin)
        } catch {
            state.reports.report = nil
            state.reports.weeks = []
            let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
            state.reports.error = "The report could not be made: " + text
            report(error)
        }
        reportsResized()
    }

    /// A new terminal size: the page's height at the new width, and the rows that fit.
    func reportsResized() {
        let area = reportsArea
        let rows = ReportsScreen.page(state.reports, width: terminal.size.columns).count
        ReportsScreen.update(&state.reports, .resized(visibleRows: area.bottom - area.top, contentRows: rows))
    }

    /// The rows between the title bar and the footer.
    private var reportsArea: (top: Int, bottom: Int) { (1, max(1, terminal.size.rows - 2)) }

    /// Writes the CSV the export prompt asked for; the prompt stays with the reason when it cannot.
    func exportReport(to path: String) {
        guard let shown = state.reports.report else { state.modal = nil; return }
        do {
            try client.reports.exportCSV(shown, path)
            state.modal = nil
            state.message = StatusMessage("Wrote the report (" + shown.period.label + ", "
                                          + ReportsScreen.channelName(shown.query.channel) + ") to " + path)
        } catch {
            report(error)
        }
    }

    /// Draws the reports screen when it is on screen; false otherwise.
    func renderReportsScreen(on canvas: Canvas, now: Int64, top: Int, bottom: Int) -> Bool {
        guard state.screen == .reports, state.customer == nil, state.contract == nil else { return false }
        ReportsScreen.render(state.reports, on: canvas, top: top, bottom: bottom)
        return true
    }

    /// The footer's position text on the reports screen.
    var reportsPosition: String { ReportsScreen.position(state.reports) }
}
