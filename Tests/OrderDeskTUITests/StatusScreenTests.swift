import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct StatusListTests {
    @Test func fiveOpensTheActiveEscalationsBreachedFirstThenSeverityThenAge() {
        let desk = StatusDesk()
        desk.show()
        #expect(desk.app.state.screen == .status && desk.app.state.context == .status)
        #expect(desk.ids == [1, 2, 3, 7, 4, 10, 6, 5])
        #expect(desk.ids == desk.escalations.matching(EscalationFilter(), asOf: SampleOrders.now).map(\.id))
        #expect(desk.lines[0].contains(" 5 Status "))
        #expect(desk.text.contains("▸ Escalations · open or acknowledged · f filter"))
        #expect(desk.text.contains("8 escalations"))
        #expect(desk.lines[desk.lines.count - 2].hasSuffix("1 of 8"))
        #expect(desk.footer.contains("Enter order") && desk.footer.contains("a ack") && desk.footer.contains("f filter"))
    }

    @Test func colonStatusOpensTheView() {
        let desk = StatusDesk()
        desk.app.press(.character(":"))
        desk.app.type("view.status")
        desk.app.press(.enter)
        #expect(desk.app.state.screen == .status)
        #expect(desk.state.loaded)
    }

    @Test func slaStatesReadWithoutColour() {
        let desk = StatusDesk()
        desk.show()
        #expect(desk.line(1).contains("✗ breached") && desk.line(1).contains(" P1 "))
        #expect(desk.line(2).contains("✗ breached") && desk.line(2).contains("ack'd"))
        #expect(desk.line(3).contains("! due 0:42"))
        #expect(desk.line(4).contains("✓ due 14h") && desk.line(4).contains(" open "))
        #expect(desk.line(5).contains("✓ due 24h"))
        #expect(desk.line(1).hasSuffix(" 6h"), "age since raised")
        #expect(desk.line(6).hasSuffix(" 4d"))
    }

    @Test func theSummaryCountsBySeverityAndSLAWithTheSparkline() {
        let desk = StatusDesk()
        desk.show()
        #expect(desk.lines[1].hasPrefix("8 active  │ P1 2 · P2 4 · P3 2  │ ✗ 2 breached · ! 1 due within 1h · ✓ 5 on time"))
        #expect(desk.lines[2].hasPrefix("Active, last 14 days ▃▄▄▅▆▅▇▇▆▅▇█▇▇  max 10 · today 8"))
    }

    @Test func accentedAndWideNamesKeepTheColumnsAligned() {
        let desk = StatusDesk(size: (40, 120))
        desk.show()
        let rows = desk.state.rows.map { desk.line($0.id) }
        #expect(rows.contains { $0.contains("東京寿司") } && rows.contains { $0.contains("北京烤鸭") } && rows.contains { $0.contains("Crème Brûlée") })
        let reasonColumns = Set(zip(desk.state.rows, rows).map { row, line in
            DisplayWidth.of(String(line[..<line.range(of: " " + row.reason.label.prefix(10))!.lowerBound]))
        })
        #expect(reasonColumns.count == 1, "reason column starts at \(reasonColumns)")
        // The board's figures line up under their headers whatever the names hold.
        let board = desk.lines.filter { $0.contains("王小明") || $0.contains("Zoë Ångström") || $0.contains("José Núñez") }
        #expect(board.count == 3)
        #expect(Set(board.map(DisplayWidth.of)).count == 1)
    }

    @Test func pagingWalksEveryEscalationInOrderAndFetchesOnlyWhatItShows() {
        let desk = StatusDesk(extra: 60)
        desk.show()
        let expected = desk.escalations.matching(EscalationFilter(), asOf: SampleOrders.now).map(\.id)
        #expect(expected.count == 68)
        var seen: [Int64] = []
        for i in 0..<expected.count {
            #expect(desk.state.cursorPosition == i + 1)
            seen.append(desk.state.selected!.id)
            desk.app.press(.down)
        }
        #expect(seen == expected)
        #expect(desk.escalations.fetches.allSatisfy { $0.limit <= desk.state.visibleRows })
        #expect(desk.state.visibleRows == 10, "at 80×24 the list has ten rows under four board rows")
        desk.app.press(.character("g"))
        #expect(desk.state.selected?.id == expected[0])
        desk.app.press(.pageDown)
        #expect(desk.state.rows.first?.id == expected[10])
        desk.app.press(.character("G"))
        #expect(desk.state.selected?.id == expected.last)
        #expect(desk.text.contains("68 of 68"))
        desk.app.press(.pageUp)
        #expect(desk.state.rows.map(\.id) == Array(expected[48..<58]))
    }

    @Test func theCountWaitsUntilTheRowsAreDrawn() {
        final class Probe: @unchecked Sendable { var terminal: MemoryTerminal?; var frame: String? }
        let probe = Probe()
        let desk = StatusDesk(adjust: { client in
            let count = client.escalations.count
            client.escalations.count = { filter in
                probe.frame = probe.terminal?.text()
                return try count(filter)
            }
        })
        probe.terminal = desk.terminal
        desk.show()
        #expect(probe.frame?.contains("Café Roma LLC") == true, "the rows were drawn before counting")
        #expect(probe.frame?.contains("1 of …") == true)
        #expect(!desk.state.countPending)
        #expect(desk.text.contains("1 of 8"))
    }

    @Test func theFilterDialogNarrowsByStatusSeverityOwnerAndReason() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("f"))
        guard case .filter(let dialog) = desk.dialog else { Issue.record("no filter dialog"); return }
        #expect(dialog.owners == SampleEscalations.owners)
        #expect(desk.text.contains("Filter the escalations"))
        // Status → open; severity → P1.
        desk.app.press(.right, .down, .right, .enter)
        #expect(desk.app.state.modal == nil)
        #expect(desk.state.filter == EscalationFilter(status: .open, severity: .p1))
        #expect(desk.ids == [1, 3])
        #expect(desk.text.contains("▸ Escalations · open · P1 · F clears"))
        #expect(desk.text.contains("2 escalations"))
        // Ctrl-U clears in the dialog; owner rita.okafor, reason customer complaint.
        desk.app.press(.character("f"), .control("u"), .down, .down, .right, .right, .down, .right, .right, .right, .right, .right, .enter)
        #expect(desk.state.filter == EscalationFilter(ownerLogin: "rita.okafor", reason: .customerComplaint))
        #expect(desk.ids == [10])
        // Resolved ones (← from the default wraps to the last status).
        desk.app.press(.character("f"), .control("u"), .left, .enter)
        #expect(desk.ids == [9, 8])
        #expect(desk.line(9).contains("—") && desk.line(9).contains("resolved"))
        desk.app.press(.character("F"))
        #expect(desk.state.filter == EscalationFilter())
        #expect(desk.ids.count == 8)
        // Nothing matching says so: open P3 escalations owned by lee.chen.
        desk.app.press(.character("f"), .right, .down, .right, .right, .right, .down, .right, .enter)
        #expect(desk.state.filter == EscalationFilter(status: .open, severity: .p3, ownerLogin: "lee.chen"))
        #expect(desk.ids.isEmpty)
        #expect(desk.text.contains("No escalation matches: open · P3 · owner lee.chen."))
        #expect(desk.text.contains("F clears the filter; f changes it."))
    }

    @Test func enterOpensTheOrderAndEscComesBackToTheSameRow() {
        let desk = StatusDesk()
        desk.show()
        desk.select(7)
        desk.app.press(.enter)
        #expect(desk.app.state.context == .detail)
        #expect(desk.app.state.detail?.orderID == desk.escalations.row(7).orderID)
        #expect(desk.lines[0].contains("Order " + desk.escalations.row(7).orderNumber))
        desk.app.press(.escape)
        #expect(desk.app.state.context == .status)
        #expect(desk.state.selected?.id == 7)
        #expect(desk.text.contains("▸ Escalations"))
    }

    @Test func tabSwitchesToTheBoardWhichScrolls() {
        let desk = StatusDesk()
        desk.show()
        #expect(desk.text.contains("  Team board · week of 2026-11-16"))
        #expect(desk.text.contains("1–4 of 6 AMs ↓"))
        desk.app.press(.tab)
        #expect(desk.state.pane == .board)
        #expect(desk.text.contains("▸ Team board") && desk.text.contains("  Escalations"))
        #expect(desk.lines[desk.lines.count - 2].hasSuffix("AM 1 of 6"))
        #expect(!desk.text.contains("Zoë Ångström"))
        desk.app.press(.down, .down, .down, .down, .down)
        #expect(desk.state.boardCursor == 5 && desk.state.boardTop == 2)
        #expect(desk.text.contains("Zoë Ångström") && desk.text.contains("3–6 of 6 AMs ↑"))
        #expect(desk.text.contains("Team (6)"))
        #expect(desk.state.cursor == 0, "the list's cursor stays where it was")
        desk.app.press(.backTab)
        #expect(desk.state.pane == .list)
    }

    @Test func enterOnTheBoardShowsTheAccountManagersOpenOrders() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.tab, .enter) // Dana Ruiz, the board's first row
        #expect(desk.app.state.screen == .queue)
        let filter = desk.app.state.queue.filter
        #expect(filter.owner == .person(7, login: "dana.ruiz"))
        #expect(filter.states == Set(OrderState.allCases.filter(\.isOpen)))
        #expect(desk.message == "Dana Ruiz's open orders. F clears the filter; 5 goes back to the status view.")
        let expected = desk.book.rows.filter { $0.ownerLogin == "dana.ruiz" && $0.state.isOpen }.count
        #expect(desk.app.state.queue.total?.count == expected && expected > 0)
        #expect(desk.app.state.queue.rows.allSatisfy { $0.ownerLogin == "dana.ruiz" && $0.state.isOpen })
        #expect(desk.text.contains("· owner dana.ruiz"))
        // The filter dialog names her, and one change goes back to anyone.
        desk.app.press(.character("f"))
        #expect(desk.text.contains("Owner    ◂ dana.ruiz ▸"))
        desk.app.press(.escape, .character("5"))
        #expect(desk.app.state.screen == .status && desk.state.pane == .board)
    }

    @Test func helpListsTheStatusCommands() {
        let desk = StatusDesk(size: (40, 120))
        desk.show()
        desk.app.press(.character("?"))
        #expect(desk.text.contains("Status"))
        #expect(desk.text.contains("escalation.acknowledge") && desk.text.contains("escalation.reopen"))
        #expect(desk.text.contains("status.next_pane"))
    }

    @Test func tinyAndOddSizesNeverCrash() {
        let desk = StatusDesk(extra: 30)
        desk.show()
        for (r, c) in [(1, 1), (0, 0), (3, 10), (24, 79), (23, 80), (5, 200), (24, 80), (25, 81), (60, 40), (200, 300)] {
            desk.terminal.resize(rows: r, columns: c)
            desk.app.handle(.resize)
            desk.app.press(.character("j"), .pageDown, .tab, .character("j"), .tab, .character("?"), .escape, .character("G"))
        }
        desk.terminal.resize(rows: 24, columns: 80)
        desk.app.handle(.resize)
        #expect(desk.state.rows.count == desk.state.visibleRows)
        #expect(desk.text.contains("Escalations"))
    }
}

struct StatusStepTests {
    @Test func aAcknowledgesWithoutADialog() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("a"))
        #expect(desk.app.state.modal == nil)
        #expect(desk.escalations.row(1).status == .acknowledged)
        #expect(desk.message == "Acknowledged the escalation of order \(desk.escalations.row(1).orderNumber). r resolves it.")
        #expect(desk.line(1).contains("ack'd"))
        #expect(desk.state.highlights.isEmpty, "one's own change is not flashed")
        // Acknowledged already: said at once, nothing sent to the store.
        let sent = desk.escalations.steps.count
        desk.app.press(.character("a"))
        #expect(desk.escalations.steps.count == sent)
        #expect(desk.message?.hasSuffix("is acknowledged, so it cannot be acknowledged; it can be resolved.") == true)
    }

    @Test func rResolvesWithTheRequiredNote() {
        let desk = StatusDesk()
        desk.show()
        desk.select(3)
        desk.app.press(.character("r"))
        guard case .resolve = desk.dialog else { Issue.record("no resolve dialog"); return }
        #expect(desk.text.contains("Resolve the escalation of order " + desk.escalations.row(3).orderNumber))
        desk.app.press(.control("s"))
        #expect(desk.text.contains("Say how it was resolved: the note is required."))
        #expect(desk.escalations.steps.isEmpty)
        desk.app.type("Chef called back; apology and credit.")
        desk.app.press(.control("s"))
        #expect(desk.app.state.modal == nil)
        #expect(desk.escalations.records[3]?.status == .resolved)
        #expect(desk.escalations.records[3]?.resolution == "Chef called back; apology and credit.")
        #expect(!desk.ids.contains(3))
        #expect(desk.text.contains("7 escalations"))
        #expect(desk.message?.hasPrefix("Resolved the escalation of order") == true)
    }

    @Test func oReassignsFromThePicker() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("o"))
        guard case .reassign(let picker) = desk.dialog else { Issue.record("no picker"); return }
        #expect(picker.owners == ["lee.chen", "rita.okafor"])
        #expect(picker.cursor == 1, "starts on someone else than the owner")
        #expect(desk.text.contains("lee.chen  (owns it now)"))
        desk.app.press(.up, .enter)
        #expect(desk.text.contains("lee.chen already owns it"))
        desk.app.press(.down, .enter)
        #expect(desk.app.state.modal == nil)
        #expect(desk.escalations.row(1).ownerLogin == "rita.okafor")
        #expect(desk.message == "Reassigned the escalation of order \(desk.escalations.row(1).orderNumber) to rita.okafor.")
        #expect(desk.line(1).contains("rita.okafor"))
    }

    @Test func capitalOReopensAResolvedOne() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("O"))
        #expect(desk.message?.contains("is open, so it cannot be reopened") == true)
        desk.app.press(.character("f"), .left, .enter)
        desk.select(9)
        desk.app.press(.character("O"))
        #expect(desk.escalations.row(9).status == .open)
        #expect(desk.message?.hasPrefix("Reopened the escalation of order") == true)
        #expect(desk.ids == [8], "the resolved list no longer holds it")
    }

    @Test func nAddsANoteToTheThread() {
        let desk = StatusDesk(user: SampleEscalations.director)
        desk.show()
        desk.select(10)
        desk.app.press(.character("n"))
        desk.app.type("Spoke to the owner.")
        desk.app.press(.enter)
        desk.app.type("Install team booked.")
        desk.app.press(.control("s"))
        #expect(desk.app.state.modal == nil)
        #expect(desk.escalations.records[10]?.notes.last?.text == "Spoke to the owner.\nInstall team booked.")
        #expect(desk.escalations.records[10]?.notes.last?.authorLogin == "rita.okafor")
        #expect(desk.message == "Note added to the escalation of order \(desk.escalations.row(10).orderNumber).")
        // Esc with text asks first; any key but y keeps writing.
        desk.app.press(.character("n"), .character("x"), .escape)
        #expect(desk.text.contains("Discard what you wrote?"))
        desk.app.press(.character("k"))
        guard case .note(let note) = desk.dialog else { Issue.record("the note closed"); return }
        #expect(note.field.text == "x")
    }

    @Test func anAccountManagerSeesTheirOwnReadOnlyAndIsToldWhoMayAct() {
        let desk = StatusDesk(user: SampleEscalations.manager)
        desk.show()
        #expect(desk.ids == [1, 3, 7, 4])
        #expect(desk.state.filter.involvingLogin == "dana.ruiz")
        #expect(desk.text.contains("▸ Your escalations (read-only) · open or acknowledged · f filter"))
        #expect(desk.text.contains("Team board") && desk.text.contains("8 active"), "the summary and the board stay")
        #expect(desk.footer.contains("Tab pane") && !desk.footer.contains("ack"))
        for key: Character in ["a", "r", "o", "O", "n"] {
            desk.app.press(.character(key))
            #expect(desk.app.state.modal == nil)
            #expect(desk.message?.hasPrefix("Supervisors and directors ") == true)
            #expect(desk.message?.hasSuffix("; ask its owner, lee.chen.") == true)
            #expect(DisplayWidth.of(" " + (desk.message ?? "")) <= 80, "fits the footer at 80 columns")
        }
        #expect(desk.escalations.steps.isEmpty)
        // The filter dialog cannot drop the account manager's own.
        desk.app.press(.character("f"), .control("u"), .down, .right, .enter)
        #expect(desk.state.filter == EscalationFilter(severity: .p1, involvingLogin: "dana.ruiz"))
        #expect(desk.ids == [1, 3])
        desk.app.press(.character("F"))
        #expect(desk.state.filter == EscalationFilter(involvingLogin: "dana.ruiz"))
        // …and the store refuses anyway.
        #expect(throws: OrderDeskError.self) { try desk.app.client.escalations.step(1, .acknowledge, 1) }
        #expect(desk.escalations.row(1).status == .open)
    }

    @Test func aViewerIsHeldToTheirOwnToo() {
        let desk = StatusDesk(user: SampleEscalations.viewer)
        desk.show()
        #expect(desk.state.filter.involvingLogin == "val.viewer")
        #expect(desk.ids.isEmpty)
        #expect(desk.text.contains("None of your orders is escalated."))
        desk.app.press(.character("a"))
        #expect(desk.message == "Supervisors and directors acknowledge escalations.")
    }

    @Test func aConflictInADialogReloadsAndKeepsWhatWasTyped() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("r"))
        desk.app.type("Install rebooked for Friday.")
        desk.escalations.externalChange(1) { $0.severity = .p1 }
        desk.app.press(.control("s"))
        guard case .resolve(let dialog) = desk.dialog else { Issue.record("the dialog closed"); return }
        #expect(dialog.field.text == "Install rebooked for Friday.")
        #expect(dialog.error?.contains("was changed by Rita Okafor") == true)
        #expect(dialog.target.version == 2, "it takes the new version")
        #expect(desk.app.state.message?.isError == true)
        #expect(desk.state.rows.first { $0.id == 1 }?.version == 2, "the list was reloaded")
        desk.app.press(.control("s"))
        #expect(desk.app.state.modal == nil)
        #expect(desk.escalations.row(1).status == .resolved)
    }

    @Test func aConflictWithoutADialogReloadsSoTheKeyWorksAgain() {
        let desk = StatusDesk()
        desk.show()
        desk.escalations.externalChange(1) { $0.ownerLogin = "rita.okafor" }
        desk.app.press(.character("a"))
        #expect(desk.message?.contains("was changed by Rita Okafor") == true)
        #expect(desk.escalations.row(1).status == .open)
        #expect(desk.line(1).contains("rita.okafor"))
        desk.app.press(.character("a"))
        #expect(desk.escalations.row(1).status == .acknowledged)
    }

    @Test func aRefusalFromTheStoreShowsInTheDialog() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("r"))
        desk.app.type("Done.")
        // Someone resolved it meanwhile and the desk has not reloaded yet: the store refuses.
        desk.escalations.externalChange(1) { $0.status = .resolved; $0.resolution = "x"; $0.resolvedAt = 1 }
        if case .escalationDialog(var dialog) = desk.app.state.modal {
            EscalationDialogs.refreshVersion(&dialog, id: 1, version: 2, owner: "lee.chen")
            desk.app.state.modal = .escalationDialog(dialog)
        }
        desk.app.press(.control("s"))
        guard case .resolve(let dialog) = desk.dialog else { Issue.record("the dialog closed"); return }
        #expect(dialog.error == "The escalation of order \(desk.escalations.row(1).orderNumber) is resolved, so it cannot be resolved; it can be open.")
        #expect(dialog.field.text == "Done.")
        #expect(desk.message == dialog.error)
    }
}

struct StatusLiveTests {
    @Test func aReloadHighlightsChangedAndNewRowsForThreeSecondsKeepingTheCursor() {
        let desk = StatusDesk()
        desk.show()
        desk.select(10)
        #expect(desk.state.highlights.isEmpty)
        desk.escalations.externalChange(4) { $0.ownerLogin = "rita.okafor" }
        let new = desk.escalations.externalRaise(orderIndex: 20, severity: .p1, dueIn: 4 * 3_600)
        #expect(desk.poll())
        #expect(desk.state.selected?.id == 10, "the cursor stays on its escalation")
        #expect(desk.ids == [1, 2, 3, new, 7, 4, 10, 6, 5])
        #expect(Set(desk.state.highlights.keys) == [4, new])
        #expect(desk.line(4).hasPrefix("• ") && desk.line(new).hasPrefix("• "))
        #expect(!desk.line(7).hasPrefix("•"))
        #expect(desk.text.contains("9 active"))
        let row = desk.lines.firstIndex(of: desk.line(4))!
        #expect(desk.terminal.style(row: row, column: 30) == desk.app.theme.style(.tableSelection).adding(bold: true))
        // Nothing ends before its time; then the frame is drawn again without the marks.
        desk.clock += 2.9
        #expect(!desk.tick())
        desk.clock += 0.2
        #expect(desk.tick())
        #expect(desk.state.highlights.isEmpty)
        #expect(!desk.line(4).hasPrefix("•") && !desk.line(new).hasPrefix("•"))
        #expect(!desk.tick())
    }

    @Test func offScreenTheViewWaitsAndReloadsWhenItShowsAgain() {
        let desk = StatusDesk()
        desk.show()
        desk.select(4)
        desk.app.press(.enter)
        let fetches = desk.escalations.fetches.count
        desk.escalations.externalChange(4) { $0.status = .acknowledged }
        #expect(desk.poll())
        #expect(desk.escalations.fetches.count == fetches, "not reloaded under the order's detail")
        #expect(desk.state.stale)
        #expect(!desk.tick(), "nothing to draw while the detail is over it")
        desk.app.press(.escape)
        #expect(desk.tick())
        #expect(desk.state.selected?.id == 4)
        #expect(desk.state.highlights.keys.contains(4))
        #expect(desk.line(4).contains("ack'd"))
        // Another tab: nothing fetched until 5 again.
        desk.app.press(.character("1"))
        let before = desk.escalations.fetches.count
        desk.escalations.externalChange(7) { $0.status = .acknowledged }
        desk.poll()
        #expect(!desk.tick())
        #expect(desk.escalations.fetches.count == before)
        desk.show()
        #expect(desk.state.highlights.keys.contains(7))
    }

    @Test func ctrlRReloadsWithoutHighlightingWhatDidNotChange() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.control("r"))
        #expect(desk.state.highlights.isEmpty)
        #expect(desk.ids == [1, 2, 3, 7, 4, 10, 6, 5])
    }
}
