import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct StatusSnapshotTests {
    @Test func supervisorAt80x24() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.down)
        assertSnapshot(desk.text, named: "status-80x24")
    }

    /// A million-order team: six-digit totals and seven-figure MRR keep their digits at 80 columns.
    @Test func aLargeTeamsFiguresFitAt80x24() {
        let big = SampleBoard.rows.map { row in
            SampleBoard.row(row.id, row.login, row.name, open: row.openOrders * 1_041, notDone: row.notDone * 997,
                            aging: (row.aging.upTo7 * 1_013, row.aging.upTo14 * 1_009, row.aging.upTo30 * 1_021,
                                    row.aging.over30 * 7_219),
                            installs: row.installsThisWeek * 193, mrr: row.mrrBookedThisWeek.cents * 131)
        }
        let desk = StatusDesk(board: big)
        desk.show()
        let text = desk.text
        #expect(text.contains(Money.groupedInteger(big.reduce(0) { $0 + $1.openOrders })))
        #expect(!desk.lines[4...10].contains { $0.contains("…") }, "a figure was cut:\n\(text)")
        assertSnapshot(text, named: "status-80x24-large-team")
    }

    @Test func directorAt120x40() {
        let desk = StatusDesk(size: (40, 120), user: SampleEscalations.director, extra: 12)
        desk.show()
        desk.app.press(.down, .down)
        assertSnapshot(desk.text, named: "status-120x40")
    }

    @Test func monoWithAChangedRowAndTheBoardFocused() {
        let desk = StatusDesk(theme: .builtInMono)
        desk.show()
        desk.escalations.externalChange(7) { $0.status = .acknowledged }
        desk.poll()
        desk.app.press(.tab, .down)
        MonoThemeTests().expectNoColour(desk.terminal)
        assertSnapshot(desk.mono, named: "status-80x24-mono")
    }

    @Test func accountManagerAt80x24() {
        let desk = StatusDesk(user: SampleEscalations.manager)
        desk.show()
        desk.app.press(.character("r"))
        assertSnapshot(desk.text, named: "status-manager-80x24")
    }

    @Test func resolveDialogAt80x24() {
        let desk = StatusDesk()
        desk.show()
        desk.select(3)
        desk.app.press(.character("r"), .control("s"))
        desk.app.type("Chef called back; apology and a credit on the next bill.")
        assertSnapshot(desk.text, named: "status-resolve-80x24")
    }

    @Test func reassignAndFilterDialogsAt80x24() {
        let desk = StatusDesk()
        desk.show()
        desk.app.press(.character("o"))
        assertSnapshot(desk.text, named: "status-reassign-80x24")
        desk.app.press(.escape, .character("f"), .right, .down, .right)
        assertSnapshot(desk.text, named: "status-filter-80x24")
    }
}
