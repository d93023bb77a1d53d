import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

extension ContractDesk {
    /// The last step the client was asked for: the contract's number, the step and the version sent.
    var lastStep: (number: String, step: ContractStep, version: Int64, login: String)? {
        contracts.steps.last.map { ("CSA-" + String($0.id).leftPadded(to: 6), $0.step, $0.version, $0.login) }
    }

    var dialogError: String? {
        switch dialog {
        case .submit(let d): return d.error
        case .decision(let d): return d.error
        case .activate(let d): return d.error
        case .terminate(let d): return d.error
        case .customerPicker(let d): return d.error
        case .filter, nil: return nil
        }
    }
}

struct ContractScreenTests {
    @Test func theScreenShowsTheHeaderLinesFiguresRouteAndHistory() {
        let desk = ContractDesk(size: (40, 120), user: SampleContracts.director)
        desk.open("CSA-000140")
        let text = desk.text
        #expect(desk.lines[1].hasPrefix(" CSA-000140 · renewal of CSA-000101 · pending approval · MRR 1,684.60"))
        #expect(text.contains("customer Café Roma LLC · account 07830012345 · owner Dana Ruiz (dana.ruiz)"))
        #expect(text.contains("term 36 months · no start date yet · at 12 Main St, Bethpage, NY 11714"))
        #expect(text.contains("submitted by dana.ruiz at 2026-11-13 11:26 · awaiting a director's approval"))
        #expect(text.contains("FIB-500 Fiber Internet 500 Mbps"))
        #expect(desk.lines.first { $0.contains("FIB-500") }?.contains("254.15    15%") == true)
        #expect(text.contains("Discount           9.62% (deepest line 15%)  ✗ discount"))
        #expect(text.contains("A director must approve: line 1's discount of 15% is over"))
        #expect(text.contains("dana.ruiz    submitted"))
        // Side by side at 120×40: the route and the figures share rows.
        #expect(desk.lines.contains { $0.contains("Route") && $0.contains("Figures") })
    }

    @Test func everythingIsReachableAt80x24WithTabAndScrolling() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        #expect(desk.text.contains("[Lines 3] · Figures · Route 1 · History 2"))
        var seen = desk.text
        for section in ["Figures", "Route", "History"] {
            desk.app.press(.tab)
            #expect(desk.app.state.contract?.section.title == section)
            #expect(desk.text.contains("[" + section))
            // The section's heading is the first line under the strip.
            #expect(desk.lines[7].hasPrefix(" " + section), "\(section): \(desk.lines[7])")
            seen += desk.text
        }
        for wanted in ["Contract value", "Early termination", "months 25–36", "A director must approve", "created    draft"] {
            #expect(seen.contains(wanted), "\(wanted) reachable")
        }
        desk.app.press(.tab)
        #expect(desk.app.state.contract?.section == .lines && desk.app.state.contract?.scroll == 0)
        desk.app.press(.backTab)
        #expect(desk.app.state.contract?.section == .history)
        // Scrolling with j/k and Home/End works too, and the strip follows.
        desk.app.press(.character("g"))
        #expect(desk.app.state.contract?.scroll == 0)
        for _ in 0..<9 { desk.app.press(.character("j")) }
        #expect(desk.app.state.contract?.section == .figures)
        desk.app.press(.character("G"))
        #expect(desk.app.state.contract?.section == .history)
    }

    @Test func theFooterOffersOnlyTheStepsThatApply() {
        let director = ContractDesk(user: SampleContracts.director)
        director.open("CSA-000140")
        for hint in ["Esc back", "w withdraw", "a approve", "x reject"] { #expect(director.footer.contains(hint), "\(hint)") }
        for hint in ["e edit", "s submit", "t sent", "T terminate"] { #expect(!director.footer.contains(hint), "\(hint)") }

        let manager = ContractDesk()
        manager.open("CSA-000140")
        #expect(!manager.footer.contains("a approve"), "an account manager approves nothing")
        manager.app.press(.escape)
        manager.open("CSA-000101")
        for hint in ["A addendum", "R renew"] { #expect(manager.footer.contains(hint), "\(hint)") }
        #expect(!manager.footer.contains("T terminate"), "a supervisor or a director terminates")
        manager.app.press(.escape)
        manager.open("CSA-000150")
        #expect(manager.footer.contains("e edit") && manager.footer.contains("s submit"))

        let supervisor = ContractDesk(user: SampleContracts.supervisor)
        supervisor.open("CSA-000101")
        #expect(supervisor.footer.contains("T terminate"))
    }

    @Test func editingADraftOpensTheEditorAndAnythingElseSaysWhyNot() {
        let desk = ContractDesk()
        desk.open("CSA-000101")
        desk.app.press(.character("e"))
        #expect(desk.message == "CSA-000101 is active, so it is read-only: make an addendum (A) to change it.")
        #expect(desk.app.state.message?.isError == true)
        #expect(desk.text.contains("CSA-000101 is active, so it is read-only"))
        #expect(desk.editor.isEmpty)
        desk.app.press(.escape)
        desk.open("CSA-000140")
        desk.app.press(.character("e"))
        #expect(desk.message == "CSA-000140 is pending approval: withdraw it (w) to edit it; it will need approval again.")
        desk.app.press(.escape)
        desk.open("CSA-000150")
        desk.app.press(.character("e"))
        #expect(desk.editor == [.edit(desk.contracts.detail(number: "CSA-000150"))])
    }

    @Test func aRejectionCommentStandsOutForTheSubmitter() {
        let desk = ContractDesk()
        desk.open("CSA-000150")
        let flat = desk.terminal.flatText
        #expect(flat.contains("✗ Rejected by rita.okafor at 2026-11-12 11:36: “12% off the voice lines is over the 36-month allowance"))
        #expect(flat.contains("e edits it, s submits it again"))
        let row = desk.lines.firstIndex { $0.contains("✗ Rejected") }!
        #expect(desk.terminal.style(row: row, column: 2) == Theme.builtInDefault.style(.danger))
    }

    // MARK: Every step through the client, with its version

    @Test func submitShowsWhoMustApproveThenSubmitsWithTheVersion() {
        let desk = ContractDesk()
        desk.open("CSA-000150")
        let version = desk.contract!.version
        desk.app.press(.character("s"))
        guard case .submit = desk.dialog else { Issue.record("no submit dialog"); return }
        #expect(desk.text.contains("A director must approve: line 1's discount of 12% is over the 36-month"))
        #expect(desk.text.contains("• director   discount"))
        #expect(desk.text.contains("Submit CSA-000150 for approval?"))
        desk.app.press(.enter)
        #expect(desk.lastStep?.number == "CSA-000150")
        #expect(desk.lastStep?.step == .submit && desk.lastStep?.version == version)
        #expect(desk.app.state.modal == nil)
        #expect(desk.contract?.status == .pendingApproval)
        #expect(desk.message == "CSA-000150 submitted: it waits for a director's approval.")
        #expect(desk.text.contains("awaiting a director's approval"))
        // Esc in the confirmation submits nothing.
        let count = desk.contracts.steps.count
        desk.app.press(.escape)
        desk.open("CSA-000101")
        desk.app.press(.character("s"))
        #expect(desk.contracts.steps.count == count)
        #expect(desk.message?.hasPrefix("CSA-000101 is active: it cannot be submitted.") == true)
    }

    @Test func withdrawSendActivateAndTheirVersions() {
        let desk = ContractDesk()
        desk.open("CSA-000151")
        var version = desk.contract!.version
        desk.app.press(.character("t"))
        #expect(desk.lastStep?.step == .send && desk.lastStep?.version == version)
        #expect(desk.contract?.status == .sent)
        #expect(desk.message == "CSA-000151 marked sent. v activates it once countersigned.")

        // Activate: the start date is asked for, prefilled with today (the contract has none).
        version = desk.contract!.version
        desk.app.press(.character("v"))
        guard case .activate(let dialog) = desk.dialog else { Issue.record("no activate dialog"); return }
        #expect(dialog.start.text == "2026-11-18")
        #expect(desk.text.contains("The 36-month term then ends on 2029-11-17."))
        desk.app.press(.control("u"))
        desk.app.type("2026-12-01")
        desk.app.press(.enter)
        #expect(desk.lastStep?.step == .activate(startOn: Day(year: 2026, month: 12, day: 1)!) && desk.lastStep?.version == version)
        #expect(desk.contract?.status == .active)
        #expect(desk.message == "CSA-000151 is active from 2026-12-01 to 2029-11-30.")

        // Withdraw a sent contract back to draft.
        desk.app.press(.escape)
        desk.open("CSA-000152")
        version = desk.contract!.version
        desk.app.press(.character("w"))
        #expect(desk.lastStep?.number == "CSA-000152" && desk.lastStep?.step == .withdraw && desk.lastStep?.version == version)
        #expect(desk.contract?.status == .draft)
    }

    @Test func aBadStartDateIsRefusedByTheDialog() {
        let desk = ContractDesk()
        desk.open("CSA-000152")
        desk.app.press(.character("v"), .control("u"))
        desk.app.type("2026-02-30")
        desk.app.press(.enter)
        #expect(desk.dialogError == "Start date: '2026-02-30' is not a date; type it as yyyy-MM-dd.")
        #expect(desk.contracts.steps.isEmpty)
    }

    @Test func approveWithAComment() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        let version = desk.contract!.version
        desk.app.press(.character("a"))
        guard case .decision(let dialog) = desk.dialog else { Issue.record("no decision dialog"); return }
        #expect(dialog.approve && !dialog.commentRequired)
        let flat = desk.text
        #expect(flat.contains("Approve CSA-000140"))
        #expect(flat.contains("Discount           9.62% (deepest line 15%)  ✗ discount"))
        #expect(flat.contains("Payback            1 month"))
        #expect(flat.contains("A director must approve: line 1's discount of 15%"))
        #expect(flat.contains("Comment (optional)"))
        desk.app.type("Renewal at 15% to keep them.")
        desk.app.press(.enter)
        #expect(desk.lastStep?.step == .approve(comment: "Renewal at 15% to keep them.") && desk.lastStep?.version == version)
        #expect(desk.lastStep?.login == "rita.okafor")
        #expect(desk.contract?.status == .approved)
        #expect(desk.message == "CSA-000140 approved. t marks it sent to the customer.")
        #expect(desk.text.contains("✓ Approved by rita.okafor"))
        #expect(desk.lines[0].contains("(2 awaiting you)"), "the tab's count follows")
        // Back on the list, the row shows it.
        desk.app.press(.escape)
        #expect(desk.app.state.contracts.rows.first { $0.number == "CSA-000140" }?.status == .approved)
    }

    @Test func rejectWithoutACommentIsRefusedByTheDialog() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        let version = desk.contract!.version
        desk.app.press(.character("x"))
        #expect(desk.text.contains("Reject CSA-000140 back to draft"))
        #expect(desk.text.contains("Comment (required)"))
        desk.app.press(.enter)
        #expect(desk.dialogError == "A rejection needs a comment: tell dana.ruiz what to change.")
        #expect(desk.text.contains("A rejection needs a comment: tell dana.ruiz what to change."))
        #expect(desk.contracts.steps.isEmpty, "nothing sent to the client")
        desk.app.type("Bring line 1 to 10%.")
        desk.app.press(.enter)
        #expect(desk.lastStep?.step == .reject(comment: "Bring line 1 to 10%.") && desk.lastStep?.version == version)
        #expect(desk.contract?.status == .draft)
        #expect(desk.message == "CSA-000140 rejected back to draft; your comment is on it for dana.ruiz.")
        #expect(desk.terminal.flatText.contains("✗ Rejected by rita.okafor at 2026-11-18 11:06: “Bring line 1 to 10%.”"))
    }

    @Test func escapeWithACommentTypedAsksFirst() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        desk.app.press(.character("x"))
        desk.app.type("Too deep")
        desk.app.press(.escape)
        #expect(desk.app.state.modal != nil)
        #expect(desk.text.contains("Discard the comment? y discards"))
        desk.app.press(.character("n"))
        guard case .decision(let dialog) = desk.dialog else { Issue.record("the dialog closed"); return }
        #expect(dialog.comment.text == "Too deep")
        desk.app.press(.escape, .character("y"))
        #expect(desk.app.state.modal == nil)
    }

    @Test func approvingANegativeNPVNeedsAComment() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000154")
        #expect(desk.text.contains("The NPV is negative: a director approves it only with a comment."))
        desk.app.press(.character("a"))
        #expect(desk.text.contains("Comment (required: the NPV is negative)"))
        desk.app.press(.enter)
        #expect(desk.dialogError == "CSA-000154 has a negative NPV: a director approves it only with a comment that says why.")
        #expect(desk.contracts.steps.isEmpty)
        desk.app.type("Anchor site for the block: the build serves three more.")
        desk.app.press(.enter)
        #expect(desk.lastStep?.step == .approve(comment: "Anchor site for the block: the build serves three more."))
        #expect(desk.contract?.status == .approved)
    }

    @Test func terminateAsksForTheDayAndAReason() {
        let desk = ContractDesk(user: SampleContracts.supervisor)
        desk.open("CSA-000101")
        let version = desk.contract!.version
        desk.app.press(.character("T"))
        guard case .terminate(let dialog) = desk.dialog else { Issue.record("no terminate dialog"); return }
        #expect(dialog.day.text == "2026-11-18")
        #expect(desk.text.contains("Early-termination fee on that day: $"))
        desk.app.press(.enter)
        #expect(desk.dialogError == "Give the reason for ending CSA-000101 early: it goes on the contract's history.")
        #expect(desk.contracts.steps.isEmpty)
        desk.app.type("Customer moved out of the area.")
        desk.app.press(.enter)
        #expect(desk.lastStep?.step == .terminate(on: Day(year: 2026, month: 11, day: 18)!, reason: "Customer moved out of the area."))
        #expect(desk.lastStep?.version == version)
        #expect(desk.contract?.status == .terminated)
        #expect(desk.message == "CSA-000101 terminated on 2026-11-18.")
        #expect(desk.text.contains("terminated on 2026-11-18"))
    }

    // MARK: Refusals

    @Test func theLifecycleRefusesWithItsOwnWords() {
        // A supervisor may not approve what needs a director.
        let supervisor = ContractDesk(user: SampleContracts.supervisor)
        supervisor.open("CSA-000140")
        supervisor.app.press(.character("a"))
        #expect(supervisor.app.state.modal == nil)
        #expect(supervisor.message == "CSA-000140 needs a director's approval; lee.chen is a supervisor.")
        // An account manager approves nothing, and never their own submission.
        let manager = ContractDesk()
        manager.open("CSA-000140")
        manager.app.press(.character("x"))
        #expect(manager.message == "dana.ruiz has the role account_manager, which may not reject contracts. Ask an admin to change the role.")
        let director = ContractDesk(user: SampleContracts.director)
        director.open("CSA-000101")
        director.app.press(.character("a"))
        #expect(director.message == "CSA-000101 is active: it cannot be approved. What can be done now: terminate.")
        // A viewer does nothing.
        let viewer = ContractDesk(user: SampleOrders.viewer)
        viewer.open("CSA-000150")
        viewer.app.press(.character("s"))
        #expect(viewer.message == "val.viewer has the role viewer, which may not submit contracts. Ask an admin to change the role.")
        #expect(viewer.contracts.steps.isEmpty)
        // An account manager may not terminate.
        manager.app.press(.escape)
        manager.open("CSA-000101")
        manager.app.press(.character("T"))
        #expect(manager.message == "dana.ruiz has the role account_manager, which may not terminate contracts. Ask an admin to change the role.")
    }

    @Test func theSubmitterMayNotApproveTheirOwn() {
        let book = ContractDesk(user: SampleContracts.director)
        // The director submits the rejected draft again, then tries to approve it.
        book.open("CSA-000150")
        book.app.press(.character("s"), .enter)
        #expect(book.contract?.status == .pendingApproval)
        book.app.press(.character("a"))
        #expect(book.message == "You submitted CSA-000150: someone else must approve it (the approver is never the submitter).")
    }

    @Test func aConflictReloadsKeepsTheCommentAndTheNextTryWorks() {
        let desk = ContractDesk(user: SampleContracts.director)
        desk.open("CSA-000140")
        let seen = desk.contract!.version
        desk.app.press(.character("a"))
        desk.app.type("Fine for a renewal.")
        desk.contracts.externalEdit(140)
        desk.app.press(.enter)
        #expect(desk.lastStep?.version == seen)
        #expect(desk.contract?.status == .pendingApproval)
        guard case .decision(let dialog) = desk.dialog else { Issue.record("the dialog closed"); return }
        #expect(dialog.comment.text == "Fine for a renewal.", "what was typed is kept")
        #expect(dialog.version == seen + 1, "the dialog works from the reloaded contract")
        #expect(desk.contract?.version == seen + 1)
        #expect(dialog.error?.hasPrefix("The contract CSA-000140 was changed by Sam Ortiz at 2026-11-18 11:06 after you opened it.") == true)
        #expect(desk.message?.contains("It has been reloaded; what you typed is kept") == true)
        desk.app.press(.enter)
        #expect(desk.lastStep?.step == .approve(comment: "Fine for a renewal.") && desk.lastStep?.version == seen + 1)
        #expect(desk.contract?.status == .approved)
    }

    @Test func aConflictOnAStepWithoutADialogReloadsAndSaysSo() {
        let desk = ContractDesk()
        desk.open("CSA-000151")
        desk.contracts.externalEdit(151)
        desk.app.press(.character("t"))
        #expect(desk.message?.hasPrefix("The contract CSA-000151 was changed by Sam Ortiz") == true)
        #expect(desk.contract?.version == desk.contracts.detail(number: "CSA-000151").version, "reloaded")
        desk.app.press(.character("t"))
        #expect(desk.contract?.status == .sent)
    }

    // MARK: Addendum, renewal, the editor's save

    @Test func addendumAndRenewalStartTheEditorWithTheParent() {
        let desk = ContractDesk()
        desk.open("CSA-000101")
        desk.press(.character("A"), .character("R"))
        #expect(desk.editor == [.new(customerID: 1, kind: .addendum, parentID: 101), .new(customerID: 1, kind: .renewal, parentID: 101)])
        desk.app.press(.escape)
        desk.open("CSA-000140")
        desk.app.press(.character("A"))
        #expect(desk.message == "CSA-000140 is pending approval: an addendum amends an active contract.")
        desk.app.press(.character("R"))
        #expect(desk.message == "CSA-000140 is pending approval: only an active or expired contract is renewed.")
        #expect(desk.editor.count == 2)
        desk.app.press(.escape)
        desk.open("CSA-000077")
        desk.press(.character("R"))
        #expect(desk.editor.last == .new(customerID: 1, kind: .renewal, parentID: 77))
    }

    @Test func afterTheEditorSavesTheContractsScreenShowsIt() throws {
        let desk = ContractDesk()
        desk.app.press(.character("3"))
        var draft = desk.contracts.detail(number: "CSA-000150").terms
        draft.kind = .new
        let created = try desk.contracts.create(draft, by: SampleOrders.manager)
        desk.app.contractChanged(created)
        desk.app.render()
        #expect(desk.app.state.contract?.contractID == created.id)
        #expect(desk.app.state.context == .contract)
        #expect(desk.lines[1].hasPrefix(" " + created.number + " · new · draft"))
        desk.app.press(.escape)
        #expect(desk.app.state.contracts.rows.first?.id == created.id, "the list shows it, newest first")
    }
}
