import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// A desk over the sample orders and the fake reports (today is Wednesday 2026-11-18), opened on the queue.
final class ReportDesk {
    let app: DeskApp
    let terminal: MemoryTerminal
    let book: FakeOrderBook
    let reports: FakeReportBook
    /// What `DeskApp.monotonicSeconds` answers.
    var clock = 1_000.0

    init(size: (Int, Int) = (24, 80), user: UserAccount = SampleEscalations.supervisor, theme: Theme = .builtInDefault,
         today: Day = Day(unixSeconds: SampleOrders.now)) {
        book = FakeOrderBook(rows: SampleOrders.rows(count: 40), now: SampleOrders.now)
        reports = FakeReportBook(today: today)
        book.reports = reports
        terminal = MemoryTerminal(rows: size.0, columns: size.1)
        app = DeskApp(client: book.client(as: user), terminal: terminal, theme: theme)
        app.monotonicSeconds = { [unowned self] in self.clock }
        app.start()
    }

    /// Tab 6.
    func show() { app.press(.character("6")) }

    /// What the run loop does every 500 ms: look for others' changes, and draw when there were some.
    @discardableResult
    func poll() -> Bool {
        let changed = app.pollForChanges()
        if changed { app.render() }
        return changed
    }

    var state: ReportsState { app.state.reports }
    var period: ReportPeriod { state.period }
    var text: String { terminal.text() }
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    var footer: String { lines.last ?? "" }
    var message: String? { app.state.message?.text }
    var prompt: ReportExportState? {
        if case .reportExport(let p) = app.state.modal { return p }
        return nil
    }
    /// The screen with the attribute map, for mono snapshots.
    var mono: String { text + "\n--- attributes ---\n" + MonoThemeTests().attributeMap(terminal) }
}

extension Day {
    static func iso(_ text: String) -> Day { Day(iso: text)! }
}
