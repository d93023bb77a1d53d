import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// The screen column where `text` starts on a screen row, by display width.
func column(of text: String, in line: String) -> Int? {
    guard let range = line.range(of: text) else { return nil }
    return DisplayWidth.of(String(line[..<range.lowerBound]))
}

extension DeskApp {
    func click(row: Int, column: Int) { handle(.mouse(MouseEvent(.click, row: row, column: column))) }
    func doubleClick(row: Int, column: Int) {
        handle(.mouse(MouseEvent(.click, row: row, column: column)))
        handle(.mouse(MouseEvent(.doubleClick, row: row, column: column)))
    }
    func wheel(_ kind: MouseEvent.Kind, row: Int, column: Int = 10) { handle(.mouse(MouseEvent(kind, row: row, column: column))) }
}

struct QueueMouseTests {
    /// The queue's first data row: under the title bar, the filter line and the header.
    let firstRow = 3

    @Test func aClickOnARowSelectsIt() {
        let (app, terminal, _) = makeDesk()
        let target = app.state.queue.rows[4]
        app.click(row: firstRow + 4, column: 20)
        #expect(app.state.queue.selected?.id == target.id)
        #expect(terminal.line(firstRow + 4).contains(target.orderNumber))
        #expect(app.state.detail == nil, "a single click only selects")
        #expect(QueueScreen.position(app.state.queue).hasPrefix("row 5 of"))
    }

    @Test func clicksOnTheHeaderTheMessageLineOrPastTheRowsDoNothing() {
        let (app, _, _) = makeDesk(rows: 5)
        app.press(.down)
        // Row 23, the key hints, takes clicks now (FooterMouseTests); row 22 is the message line.
        for row in [1, 2, firstRow + 5, firstRow + 10, 22] { app.click(row: row, column: 5) }
        #expect(app.state.queue.cursor == 1)
        #expect(app.state.screen == .queue && app.state.detail == nil)
    }

    @Test func aDoubleClickOpensTheOrder() {
        let (app, terminal, _) = makeDesk()
        let target = app.state.queue.rows[2]
        app.doubleClick(row: firstRow + 2, column: 20)
        #expect(app.state.detail?.orderID == target.id)
        #expect(terminal.line(0).contains("Order " + target.orderNumber))
    }

    @Test func theWheelScrollsThreeRowsAtATimeAndFetchesPastTheWindow() {
        let (app, _, book) = makeDesk(rows: 100)
        let all = book.sorted(QueueFilter(), QueueSort())
        app.wheel(.wheelDown, row: 10)
        #expect(app.state.queue.cursorPosition == 4)
        for _ in 0..<10 { app.wheel(.wheelDown, row: 10) }
        #expect(app.state.queue.cursorPosition == 34)
        #expect(app.state.queue.selected?.id == all[33].id, "the keyset window moved on, as with the arrow keys")
        app.wheel(.wheelUp, row: 10)
        #expect(app.state.queue.cursorPosition == 31)
    }
}

struct TabMouseTests {
    @Test(arguments: [(24, 80), (40, 120)])
    func aClickOnTabThreeShowsTheContracts(size: (Int, Int)) throws {
        let (app, terminal, _) = makeDesk(size: size)
        let bar = terminal.line(0)
        let x = try #require(column(of: " 3", in: bar), "tab 3 in \(bar)")
        app.click(row: 0, column: x + 1)
        #expect(app.state.screen == .contracts)
        // Back to the queue by its tab, wherever it now is (the tabs shrink and grow with the current one).
        let x1 = try #require(column(of: " 1", in: terminal.line(0)))
        app.click(row: 0, column: x1 + 1)
        #expect(app.state.screen == .queue)
    }

    @Test func everyTabIsClickableWhereItIsDrawn() throws {
        for size in [(24, 80), (40, 120), (30, 200)] {
            let (app, terminal, _) = makeDesk(size: size)
            for (i, screen) in DeskScreen.allCases.enumerated().reversed() {
                let x = try #require(column(of: " \(i + 1)", in: terminal.line(0)))
                app.click(row: 0, column: x)
                #expect(app.state.screen == screen, "tab \(i + 1) at \(size)")
            }
        }
    }

    @Test func theLayoutMatchesTheDrawnLabels() {
        let (app, terminal, _) = makeDesk(size: (24, 80))
        let bar = terminal.line(0)
        for tab in app.titleBarLayout.tabs {
            #expect(column(of: tab.label, in: bar) == tab.x, "\(tab.label) in \(bar)")
        }
    }
}

struct StatusMouseTests {
    @Test func aClickOnABoardRowSwitchesPaneAndSelectsItAndBackOnTheList() {
        let desk = StatusDesk()
        desk.show()
        let layout = desk.app.statusLayout
        #expect(desk.state.pane == .list)
        desk.app.click(row: layout.boardFirst + 1, column: 5)
        #expect(desk.state.pane == .board)
        #expect(desk.state.boardCursor == desk.state.boardTop + 1)
        desk.app.click(row: layout.listFirst + 2, column: 5)
        #expect(desk.state.pane == .list)
        #expect(desk.state.cursor == 2)
        #expect(desk.lines[desk.lines.count - 2].hasSuffix("3 of 8"))
    }

    @Test func aClickOnAPaneTitleOnlySwitchesPane() {
        let desk = StatusDesk()
        desk.show()
        desk.app.click(row: desk.app.statusLayout.boardTitle, column: 3)
        #expect(desk.state.pane == .board)
        #expect(desk.state.cursor == 0)
    }

    @Test func aDoubleClickOnAnEscalationOpensItsOrder() {
        let desk = StatusDesk()
        desk.show()
        let row = desk.state.rows[1]
        desk.app.doubleClick(row: desk.app.statusLayout.listFirst + 1, column: 5)
        #expect(desk.app.state.detail?.orderID == row.orderID)
    }
}

struct DialogMouseTests {
    func form(_ app: DeskApp) -> FormState? {
        guard case .customerForm(let modal) = app.state.modal else { return nil }
        return modal.form
    }

    @Test func aClickOnAFormFieldFocusesIt() throws {
        let (app, terminal, _, _) = makeFormsDesk()
        app.openCustomerForm(CustomerFormsFixture.header)
        app.render()
        let fields = try #require(form(app)).fields
        #expect(form(app)?.focus == 0)
        let target = try #require(fields.indices.last { fields[$0].isFocusable && $0 > 1 })
        let lines = terminal.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try #require(lines.firstIndex { $0.contains("  " + fields[target].label + " ") })
        let x = try #require(column(of: fields[target].label, in: lines[y]))
        app.click(row: y, column: x)
        #expect(form(app)?.focus == target)
        #expect(terminal.line(y).contains("▸ " + fields[target].label))
    }

    @Test func aClickOutsideADialogLeavesItOpenAndTheQueueUnderItAlone() {
        let (app, _, _, _) = makeFormsDesk()
        app.openCustomerForm(CustomerFormsFixture.header)
        app.render()
        app.type("x")
        let before = app.state.modal
        app.doubleClick(row: 3, column: 0)
        app.click(row: 0, column: 14)
        app.wheel(.wheelDown, row: 3, column: 0)
        #expect(app.state.modal == before, "nothing typed is lost")
        #expect(app.state.detail == nil && app.state.screen == .queue && app.state.queue.cursor == 0)
    }

    @Test func theWheelScrollsTheHelp() {
        let (app, _, _) = makeDesk()
        app.press(.character("?"))
        app.wheel(.wheelDown, row: 10)
        #expect(app.state.modal == .help(scroll: 3))
        app.wheel(.wheelUp, row: 10)
        #expect(app.state.modal == .help(scroll: 0))
    }
}

struct TinyTerminalMouseTests {
    @Test func inATinyTerminalClicksDoNothingAndNothingCrashes() {
        let (app, terminal, _) = makeDesk()
        terminal.resize(rows: 5, columns: 20)
        app.handle(.resize)
        for row in -1...6 {
            for columnIndex in [-1, 0, 3, 10, 19, 25] {
                for kind in [MouseEvent.Kind.click, .doubleClick, .rightClick, .wheelUp, .wheelDown] {
                    app.handle(.mouse(MouseEvent(kind, row: row, column: columnIndex)))
                }
            }
        }
        #expect(app.state.screen == .queue && app.state.detail == nil && app.state.modal == nil)
        #expect(app.state.queue.cursor == 0)
        #expect(terminal.text().contains("too small"))
    }
}
