import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// The customer screen's contracts pane: Enter opens a contract's screen, n writes a new contract for the
/// customer, R renews the selected contract.
struct ContractCustomerPaneTests {
    /// Café Roma's screen on its contracts pane (140, 102, 101, 77: newest first).
    func romaContracts(user: UserAccount = SampleOrders.manager, size: (Int, Int) = (24, 80)) -> ContractDesk {
        let desk = ContractDesk(size: size, user: user)
        desk.app.openCustomer(searching: "cafe")
        desk.app.press(.tab, .tab)
        #expect(desk.app.state.customer?.pane == .contracts)
        return desk
    }

    @Test func thePaneListsTheCustomersContractsAndOffersItsKeys() {
        let desk = romaContracts()
        #expect(desk.app.state.customer?.detail?.contracts.map(\.number) == ["CSA-000140", "CSA-000102", "CSA-000101", "CSA-000077"])
        for hint in ["Enter open", "n new contract", "R renew"] { #expect(desk.footer.contains(hint), "\(hint): \(desk.footer)") }
        #expect(desk.text.contains("Enter opens the contract · R renews it · n writes a new contract"))
    }

    @Test func enterOpensTheContractOverTheCustomerAndEscComesBack() {
        let desk = romaContracts()
        desk.app.press(.down)
        #expect(desk.app.state.customer?.selectedContract?.number == "CSA-000102")
        desk.app.press(.enter)
        #expect(desk.app.state.context == .contract)
        #expect(desk.contract?.number == "CSA-000102")
        #expect(desk.lines[0].contains("› Café Roma LLC") && desk.lines[0].contains("› CSA-000102"))
        desk.app.press(.escape)
        #expect(desk.app.state.context == .customer)
        #expect(desk.app.state.customer?.pane == .contracts)
        #expect(desk.app.state.customer?.selectedContract?.number == "CSA-000102")
    }

    @Test func aStepOnTheContractShowsOnTheCustomersPane() {
        let desk = romaContracts(user: SampleContracts.director)
        desk.app.press(.enter, .character("a"))
        desk.app.type("ok")
        desk.app.press(.enter, .escape)
        #expect(desk.app.state.customer?.selectedContract?.status == .approved)
    }

    @Test func nWritesANewContractForThisCustomerOnlyOnTheContractsPane() {
        let desk = romaContracts()
        desk.press(.character("n"))
        #expect(desk.editor == [.new(customerID: 1, kind: .new, parentID: nil)])
        // Elsewhere n still writes a note.
        desk.app.press(.backTab)
        desk.app.press(.character("n"))
        #expect(desk.editor.count == 1)
        guard case .customerForm = desk.app.state.modal else { Issue.record("n on orders is the note"); return }
    }

    @Test func rRenewsTheSelectedContract() {
        let desk = romaContracts()
        desk.app.press(.down, .down)
        #expect(desk.app.state.customer?.selectedContract?.number == "CSA-000101")
        #expect(desk.lines.first { $0.hasPrefix("CSA-000101") }?.contains("⟳ renew") == true)
        desk.press(.character("R"))
        #expect(desk.editor == [.new(customerID: 1, kind: .renewal, parentID: 101)])
        desk.app.press(.character("g"), .character("R"))
        #expect(desk.message == "CSA-000140 is pending approval: only an active or expired contract is renewed.")
        #expect(desk.editor.count == 1)
        // R on another pane says where it works.
        desk.app.press(.tab, .character("R"))
        #expect(desk.message == "R renews a contract: Tab to the Contracts pane.")
    }

    @Test func aCustomerWithoutContractsSaysHowToStartOne() {
        let desk = ContractDesk()
        desk.customers.records[2]!.contracts = []
        desk.app.openCustomer(searching: "nandu")
        desk.customers.records[2]!.contracts = []
        desk.app.press(.tab, .tab)
        desk.app.state.customer?.detail?.contracts = []
        desk.app.press(.enter)
        #expect(desk.message == "This customer has no contracts yet: n writes one.")
    }
}
