import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct ContractListTests {
    @Test func threeOpensEveryContractNewestFirstWithTheCount() {
        let desk = ContractDesk()
        desk.app.press(.character("3"))
        #expect(desk.app.state.screen == .contracts)
        #expect(desk.app.state.context == .contracts)
        let all = desk.contracts.matching(ContractFilter(), user: SampleOrders.manager)
        #expect(desk.app.state.contracts.rows.map(\.id) == all.prefix(desk.app.state.contracts.visibleRows).map(\.id))
        #expect(all.map(\.id) == all.map(\.id).sorted(by: >), "newest first")
        #expect(desk.lines[0].contains(" 3 Contracts "))
        #expect(desk.lines[1].hasPrefix("all contracts, newest first · f filter · i inbox"))
        #expect(desk.lines[1].hasSuffix("18 contracts"))
        #expect(desk.text.contains("1 of 18"))
        #expect(desk.footer.contains("Enter open") && desk.footer.contains("f filter") && desk.footer.contains("i inbox"))
    }

    @Test func colonContractsOpensTheList() {
        let desk = ContractDesk()
        desk.app.press(.character(":"))
        desk.app.type("contracts")
        desk.app.press(.enter)
        #expect(desk.app.state.screen == .contracts)
        #expect(desk.app.state.contracts.loaded)
    }

    @Test func statusWordsRenewalMarksAndWhoMustApproveReadWithoutColour() {
        let desk = ContractDesk()
        desk.app.press(.character("3"))
        func line(_ number: String) -> String { desk.lines.first { $0.hasPrefix(number) } ?? "" }
        #expect(line("CSA-000101").contains("active") && line("CSA-000101").hasSuffix("⟳ renew"))
        #expect(!line("CSA-000102").contains("⟳"), "an active contract ending in 2027 is not due")
        #expect(line("CSA-000140").contains("pending approval") && line("CSA-000140").hasSuffix("director"))
        #expect(line("CSA-000205").hasSuffix("supervisor"))
        #expect(line("CSA-000153").contains("terminated"))
        #expect(line("CSA-000077").contains("expired") && !line("CSA-000077").contains("⟳"))
    }

    @Test func accentedAndWideNamesKeepTheColumnsAligned() {
        let desk = ContractDesk(size: (40, 120))
        desk.app.press(.character("3"))
        let rows = desk.lines.filter { $0.hasPrefix("CSA-") }
        #expect(rows.contains { $0.contains("北京烤鸭") } && rows.contains { $0.contains("東京寿司") } && rows.contains { $0.contains("Ñandú") })
        // The status column starts at the same display column on every row.
        let columns = Set(rows.map { line -> Int in
            let status = ContractStatus.allCases.map { " " + $0.label + " " }.compactMap { line.range(of: $0) }.first!
            return DisplayWidth.of(String(line[..<status.lowerBound]))
        })
        #expect(columns.count == 1, "status column starts at \(columns)")
        // …and so does the term after it.
        let terms = Set(rows.map { line in DisplayWidth.of(String(line[..<["12m ", "24m ", "36m ", "60m "].compactMap { line.range(of: $0) }.first!.lowerBound])) })
        #expect(terms.count == 1, "term column starts at \(terms)")
    }

    @Test func anApproverSeesWhatWaitsForThemInTheTabAndTheList() {
        // At 80 columns the six names fit with the count shortened; from 100 columns it is spelled out.
        let director = ContractDesk(user: SampleContracts.director)
        #expect(director.lines[0].contains(" 3 Contracts (3) "), "from the start, on any tab")
        #expect(ContractDesk(size: (24, 100), user: SampleContracts.director).lines[0].contains(" 3 Contracts (3 awaiting you) "))
        director.app.press(.character("3"))
        #expect(director.lines[1].contains("3 await you · 18 contracts"))
        let supervisor = ContractDesk(size: (24, 100), user: SampleContracts.supervisor)
        #expect(supervisor.lines[0].contains(" 3 Contracts (1 awaiting you) "))
        let manager = ContractDesk(size: (24, 90))
        #expect(manager.lines[0].contains(" 3 Contracts ") && !manager.lines[0].contains("awaiting"))
        // With a customer open the tabs are compact, and the count stays.
        director.app.openCustomer(searching: "cafe")
        #expect(director.lines[0].contains(" 3 (3) "))
    }

    @Test func iTogglesTheApprovalsInbox() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.app.press(.character("3"), .character("i"))
        #expect(desk.app.state.contracts.filter == ContractFilter(awaitingMyApproval: true))
        #expect(desk.app.state.contracts.rows.map(\.number) == ["CSA-000205", "CSA-000154", "CSA-000140"])
        #expect(desk.lines[1].hasPrefix("filter: awaiting my approval · F clears"))
        #expect(desk.text.contains("1 of 3"))
        desk.app.press(.character("i"))
        #expect(desk.app.state.contracts.filter.isEmpty)
        #expect(desk.app.state.contracts.rows.count == 18)

        // A supervisor's inbox holds only what a supervisor may approve.
        let supervisor = ContractDesk(user: SampleContracts.supervisor)
        supervisor.app.press(.character("3"), .character("i"))
        #expect(supervisor.app.state.contracts.rows.map(\.number) == ["CSA-000205"])

        // An account manager approves nothing: the inbox is empty and says why.
        let manager = ContractDesk()
        manager.app.press(.character("3"), .character("i"))
        #expect(manager.app.state.contracts.rows.isEmpty)
        #expect(manager.message?.hasPrefix("Only supervisors and directors approve contracts") == true)
        #expect(manager.text.contains("Nothing awaits your approval. i shows every contract again."))
    }

    @Test func theFilterDialogNarrowsByStatusKindOwnerAndRenewal() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("f"))
        guard case .filter(let dialog) = desk.dialog else { Issue.record("no filter dialog"); return }
        #expect(dialog.owners == ["dana.ruiz", "lee.chen", "sam.ortiz"])
        #expect(desk.text.contains("Filter the contracts"))
        // Status → pending approval (any, draft, pending approval).
        desk.app.press(.right, .right, .enter)
        #expect(desk.app.state.modal == nil)
        #expect(desk.app.state.contracts.filter == ContractFilter(status: .pendingApproval))
        #expect(desk.app.state.contracts.rows.map(\.number) == ["CSA-000205", "CSA-000154", "CSA-000140"])
        #expect(desk.lines[1].hasPrefix("filter: pending approval · F clears"))
        #expect(desk.lines[1].hasSuffix("3 contracts"))

        // Kind ← (from any to the last kind: reclamation), owner → dana.ruiz; status back to any.
        desk.app.press(.character("f"), .left, .left, .down, .left, .down, .right, .enter)
        #expect(desk.app.state.contracts.filter == ContractFilter(kind: .reclamation, ownerLogin: "dana.ruiz"))
        #expect(desk.app.state.contracts.rows.map(\.number) == ["CSA-000150"])

        // Ctrl-U clears in the dialog; then only what is due for renewal.
        desk.app.press(.character("f"), .control("u"), .down, .down, .down, .down, .character(" "), .enter)
        #expect(desk.app.state.contracts.filter == ContractFilter(dueForRenewal: true))
        let today = Day(unixSeconds: SampleOrders.now)
        #expect(!desk.app.state.contracts.rows.isEmpty)
        #expect(desk.app.state.contracts.rows.allSatisfy { $0.isDueForRenewal(today: today) })
        #expect(desk.app.state.contracts.rows.contains { $0.number == "CSA-000101" })

        // F clears the filter; Esc in the dialog changes nothing.
        desk.app.press(.character("F"))
        #expect(desk.app.state.contracts.filter.isEmpty)
        desk.app.press(.character("f"), .right, .escape)
        #expect(desk.app.state.contracts.filter.isEmpty)
        #expect(desk.app.state.modal == nil)
    }

    @Test func aFilterThatMatchesNothingSaysSo() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("f"), .down, .right, .right, .right, .enter) // kind addendum
        desk.app.press(.character("f"), .right, .right, .right, .right, .right, .right, .enter) // + status expired
        #expect(desk.app.state.contracts.filter == ContractFilter(status: .expired, kind: .addendum))
        #expect(desk.app.state.contracts.rows.isEmpty)
        #expect(desk.text.contains("No contract matches: expired · addendum."))
        #expect(desk.text.contains("0 of 0"))
        desk.app.press(.enter)
        #expect(desk.message == "No contract to open: F clears the filter.")
    }

    @Test func pagingFetchesOnlyWhatIsShownAndVisitsEveryRowInOrder() {
        let desk = ContractDesk(extra: 600)
        desk.app.press(.character("3"))
        let all = desk.contracts.matching(ContractFilter(), user: SampleOrders.manager)
        #expect(all.count == 618)
        let visible = desk.app.state.contracts.visibleRows
        #expect(visible == 19)
        desk.app.press(.pageDown, .pageDown, .pageDown)
        #expect(desk.app.state.contracts.rows.map(\.id) == all[(3 * visible)..<(4 * visible)].map(\.id))
        #expect(desk.app.state.contracts.cursorPosition == 3 * visible + 1)
        #expect(desk.text.contains("\(3 * visible + 1) of 618"))
        desk.app.press(.character("G"))
        #expect(desk.app.state.contracts.selected?.id == all.last?.id)
        #expect(desk.text.contains("618 of 618"))
        desk.app.press(.character("k"))
        #expect(desk.app.state.contracts.selected?.id == all[616].id)
        desk.app.press(.character("g"))
        #expect(desk.app.state.contracts.selected?.id == all.first?.id)
        #expect(desk.contracts.fetches.allSatisfy { $0.limit <= visible }, "never more than a screenful")

        // Down through the list one row at a time visits every contract once, in order.
        var seen: [Int64] = []
        for _ in 0..<all.count {
            seen.append(desk.app.state.contracts.selected!.id)
            desk.app.press(.down)
        }
        #expect(seen == all.map(\.id))
    }

    @Test func aCappedCountSaysOrMore() {
        let desk = ContractDesk(extra: 40)
        desk.contracts.countCap = 50
        desk.app.press(.character("3"))
        #expect(desk.lines[1].hasSuffix("50+ contracts"))
        #expect(desk.text.contains("1 of 50+"))
    }

    @Test func enterOpensTheContractAndEscComesBackToTheSameRow() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .down, .down, .down)
        let row = desk.app.state.contracts.selected!
        desk.app.press(.enter)
        #expect(desk.app.state.context == .contract)
        #expect(desk.contract?.id == row.id)
        #expect(desk.lines[0].contains("› " + row.number))
        desk.app.press(.escape)
        #expect(desk.app.state.contract == nil)
        #expect(desk.app.state.context == .contracts)
        #expect(desk.app.state.contracts.selected?.id == row.id)
    }

    @Test func nPicksACustomerAsYouTypeThenOpensTheEditorForThem() {
        let desk = ContractDesk()
        desk.app.press(.character("3"), .character("n"))
        guard case .customerPicker(let picker) = desk.dialog else { Issue.record("no picker"); return }
        #expect(picker.rows.count == 10)
        #expect(desk.text.contains("New contract: whose?"))
        desk.app.type("cafe r")
        guard case .customerPicker(let narrowed) = desk.dialog else { Issue.record("no picker"); return }
        #expect(narrowed.rows.map(\.name) == ["Café Roma LLC"])
        desk.press(.enter)
        #expect(desk.app.state.modal == nil)
        #expect(desk.editor == [.new(customerID: 1, kind: .new, parentID: nil)])

        // Nothing matching: Enter says so and stays.
        desk.app.press(.character("n"))
        desk.app.type("zzzz")
        desk.app.press(.enter)
        guard case .customerPicker(let none) = desk.dialog else { Issue.record("no picker"); return }
        #expect(none.error?.hasPrefix("No customer matches") == true)
        #expect(desk.editor.count == 1)
        desk.app.press(.escape)
        #expect(desk.app.state.modal == nil)
    }

    @Test func aViewerIsToldTheyWriteNoContracts() {
        let desk = ContractDesk(user: SampleOrders.viewer)
        desk.app.press(.character("3"), .character("n"))
        #expect(desk.app.state.modal == nil)
        #expect(desk.message == "val.viewer has the role viewer, which may not write contracts. Ask an admin to change the role.")
    }

    @Test func theListReloadsWhenSomeoneElseChangesAContract() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.app.press(.character("3"))
        _ = try? desk.contracts.step(205, .approve(comment: nil), desk.contracts.detail(number: "CSA-000205").version,
                                     by: SampleContracts.supervisor)
        desk.app.press(.control("r"))
        #expect(desk.app.state.contracts.rows.first { $0.number == "CSA-000205" }?.status == .approved)
        #expect(desk.lines[0].contains(" 3 Contracts (2) "))
    }
}
