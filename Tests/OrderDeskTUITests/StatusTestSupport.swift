import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// A desk over the sample orders and escalations (plus `extra` plain ones), opened on the queue, with a
/// monotonic clock the test moves by hand.
final class StatusDesk {
    let app: DeskApp
    let terminal: MemoryTerminal
    let book: FakeOrderBook
    let escalations: FakeEscalationBook
    /// What `DeskApp.monotonicSeconds` answers.
    var clock = 1_000.0

    init(size: (Int, Int) = (24, 80), user: UserAccount = SampleEscalations.supervisor, extra: Int = 0,
         board: [TeamBoardRow] = SampleBoard.rows, theme: Theme = .builtInDefault,
         adjust: (inout DeskClient) -> Void = { _ in }) {
        book = FakeOrderBook(rows: SampleOrders.rows(count: 40), now: SampleOrders.now)
        escalations = FakeEscalationBook(orders: book.rows, extra: extra, boardRows: board)
        book.escalations = escalations
        terminal = MemoryTerminal(rows: size.0, columns: size.1)
        var client = book.client(as: user)
        adjust(&client)
        app = DeskApp(client: client, terminal: terminal, theme: theme)
        app.monotonicSeconds = { [unowned self] in self.clock }
        app.start()
    }

    /// What the run loop does every 500 ms: look for others' changes, and draw when there were some.
    @discardableResult
    func poll() -> Bool {
        let changed = app.pollForChanges()
        if changed { app.render() }
        return changed
    }

    /// What the run loop does on every turn: end highlights, reload when shown again, draw when needed.
    @discardableResult
    func tick() -> Bool {
        let redraw = app.statusTick()
        if redraw { app.render() }
        return redraw
    }

    /// Tab 5.
    func show() { app.press(.character("5")) }

    var state: StatusState { app.state.status }
    var ids: [Int64] { state.rows.map(\.id) }
    var text: String { terminal.text() }
    var lines: [String] { terminal.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    var footer: String { lines.last ?? "" }
    var message: String? { app.state.message?.text }
    /// The screen line showing this escalation's order.
    func line(_ id: Int64) -> String {
        let number = escalations.row(id).orderNumber
        return lines.first { $0.contains(" " + number + " ") } ?? ""
    }

    var dialog: EscalationDialogState? {
        if case .escalationDialog(let d) = app.state.modal { return d }
        return nil
    }

    /// Moves the list's cursor to this escalation (it must be among the rows held).
    func select(_ id: Int64) {
        app.press(.character("g"))
        for _ in 0..<500 where app.state.status.selected?.id != id { app.press(.down) }
        #expect(app.state.status.selected?.id == id)
    }

    /// The screen with the attribute map, for mono snapshots.
    var mono: String { text + "\n--- attributes ---\n" + MonoThemeTests().attributeMap(terminal) }

    func dump(_ name: String) { try? text.write(toFile: "/tmp/dump/" + name + ".txt", atomically: true, encoding: .utf8) }
}
