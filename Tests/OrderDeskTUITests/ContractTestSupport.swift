import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// A desk over the sample orders, customers and contracts (plus `extra` plain contracts), on the queue,
/// with the editor requests it makes collected in `editor`.
final class ContractDesk {
    let app: DeskApp
    let terminal: MemoryTerminal
    let book: FakeOrderBook
    let contracts: FakeContractBook
    let customers: FakeCustomerBook
    /// Every request to open the contract editor, in order.
    private(set) var editor: [ContractEditorTarget] = []

    init(size: (Int, Int) = (24, 80), user: UserAccount = SampleOrders.manager, extra: Int = 0,
         theme: Theme = .builtInDefault) {
        book = FakeOrderBook(rows: SampleOrders.rows(count: 40), now: SampleOrders.now)
        customers = FakeCustomerBook()
        book.customers = customers
        contracts = FakeContractBook(customers: customers, extra: extra)
        book.contracts = contracts
        terminal = MemoryTerminal(rows: size.0, columns: size.1)
        app = DeskApp(client: book.client(as: user), terminal: terminal, theme: theme)
        app.contractEditorWatcher = { [unowned self] in self.editor.append($0) }
        app.start()
    }

    /// Tab 3, then the contract with this number opened from the list (paging down to it).
    func open(_ number: String) {
        app.press(.character("3"), .character("g"))
        for _ in 0..<2_000 where app.state.contracts.selected?.number != number { app.press(.down) }
        #expect(app.state.contracts.selected?.number == number)
        app.press(.enter)
    }

    /// Presses keys; an editor they open is closed again (the editor is another screen's, and its keys
    /// would take the next ones), after its request was noted in `editor`.
    func press(_ keys: Key...) {
        for key in keys {
            app.handle(key)
            if case .contractEditor = app.state.modal { app.state.modal = nil }
        }
    }

    var text: String { terminal.text() }
    var lines: [String] { terminal.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    var footer: String { lines.last ?? "" }
    var message: String? { app.state.message?.text }

    /// The open contract as loaded.
    var contract: ContractDetail? { app.state.contract?.detail }

    var dialog: ContractDialogState? {
        if case .contractDialog(let d) = app.state.modal { return d }
        return nil
    }

    /// Writes the screen to /tmp/dump for a look while working on it.
    func dump(_ name: String) {
        try? terminal.text().write(toFile: "/tmp/dump/" + name + ".txt", atomically: true, encoding: .utf8)
    }
}
