import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// Builds a desk over the fake order book on an in-memory terminal.
func makeDesk(rows: Int = 80, size: (Int, Int) = (24, 80), user: UserAccount = SampleOrders.manager,
              theme: Theme = .builtInMono) -> (DeskApp, MemoryTerminal, FakeOrderBook) {
    let book = FakeOrderBook(rows: SampleOrders.rows(count: rows), now: SampleOrders.now)
    let terminal = MemoryTerminal(rows: size.0, columns: size.1)
    let app = DeskApp(client: book.client(as: user), terminal: terminal, theme: theme)
    app.start()
    return (app, terminal, book)
}

extension DeskApp {
    func press(_ keys: Key...) { for key in keys { handle(key) } }
    func type(_ text: String) { for c in text { handle(.character(c)) } }
}

struct QueueScrollingTests {
    @Test func scrollingDownVisitsEveryRowOnceInOrder() {
        let (app, _, book) = makeDesk(rows: 137)
        let expected = book.sorted(QueueFilter(), QueueSort()).map(\.id)
        var seen: [Int64] = []
        for i in 0..<expected.count {
            #expect(app.state.queue.cursorPosition == i + 1)
            seen.append(app.state.queue.selected!.id)
            app.press(.character("j"))
        }
        #expect(seen == expected)
        #expect(app.state.queue.cursorPosition == 137, "j on the last row stays there")
        #expect(QueueScreen.position(app.state.queue) == "row 137 of 137")
    }

    @Test func pagingDownAndUpComesBackToTheSameRows() {
        let (app, _, book) = makeDesk(rows: 200)
        let all = book.sorted(QueueFilter(), QueueSort())
        let firstPage = app.state.queue.rows.map(\.id)
        #expect(firstPage == all.prefix(app.state.queue.visibleRows).map(\.id))
        app.press(.pageDown, .pageDown, .pageDown)
        let visible = app.state.queue.visibleRows
        #expect(app.state.queue.rows.map(\.id) == all[(3 * visible)..<(4 * visible)].map(\.id))
        #expect(app.state.queue.cursorPosition == 3 * visible + 1)
        app.press(.pageUp, .pageUp, .pageUp)
        #expect(app.state.queue.rows.map(\.id) == firstPage)
        #expect(app.state.queue.cursorPosition == 1)
    }

    @Test func endAndHomeJumpAndKeepTheRowNumberRight() {
        let (app, _, book) = makeDesk(rows: 95)
        app.press(.character("G"))
        #expect(app.state.queue.selected?.id == book.sorted(QueueFilter(), QueueSort()).last?.id)
        #expect(QueueScreen.position(app.state.queue) == "row 95 of 95")
        app.press(.character("k"))
        #expect(app.state.queue.cursorPosition == 94)
        app.press(.home)
        #expect(app.state.queue.cursorPosition == 1)
        #expect(app.state.queue.selected?.id == book.sorted(QueueFilter(), QueueSort()).first?.id)
    }

    @Test func upFromTheTopOfAPageFetchesTheRowAbove() {
        let (app, _, book) = makeDesk(rows: 60)
        let all = book.sorted(QueueFilter(), QueueSort())
        app.press(.pageDown)
        let visible = app.state.queue.visibleRows
        app.press(.home)
        app.press(.pageDown)
        #expect(app.state.queue.selected?.id == all[visible].id)
        app.press(.up)
        #expect(app.state.queue.selected?.id == all[visible - 1].id)
        #expect(app.state.queue.cursorPosition == visible)
    }

    @Test func sortKeysChangeColumnAndDirection() {
        let (app, _, book) = makeDesk(rows: 50)
        app.press(.character("s"))
        #expect(app.state.queue.sort.column == .orderNumber)
        #expect(app.state.queue.rows.map(\.id) == book.sorted(QueueFilter(), app.state.queue.sort).prefix(app.state.queue.visibleRows).map(\.id))
        app.press(.character("S"))
        #expect(app.state.queue.sort.descending)
        #expect(app.state.queue.selected?.orderNumber == book.rows.map(\.orderNumber).max())
    }
}

struct QueueSearchAndFilterTests {
    @Test func searchNarrowsAsYouTypeWithAccentsFolded() {
        let (app, terminal, _) = makeDesk(rows: 100)
        app.press(.character("/"))
        app.type("cafe")
        #expect(app.state.queue.filter.search == "cafe")
        #expect(app.state.queue.total?.count == 10)
        #expect(app.state.queue.rows.allSatisfy { $0.customerName == "Café Roma LLC" })
        #expect(terminal.text().contains("row 1 of 10"))
        app.press(.backspace, .backspace, .backspace, .backspace)
        #expect(app.state.queue.total?.count == 100)
        app.type("東京")
        #expect(app.state.queue.rows.allSatisfy { $0.customerName.hasPrefix("東京") })
        app.press(.escape)
        #expect(app.state.queue.filter.search.isEmpty)
        #expect(!app.state.queue.searching)
    }

    @Test func enterKeepsTheSearchAndLeavesTypingMode() {
        let (app, terminal, _) = makeDesk(rows: 100)
        app.press(.character("/"))
        app.type("nandu")
        app.press(.enter)
        #expect(!app.state.queue.searching)
        #expect(app.state.queue.filter.search == "nandu")
        #expect(terminal.text().contains("search \"nandu\""))
        app.press(.character("j"))
        #expect(app.state.queue.cursorPosition == 2, "keys are commands again")
    }

    @Test func filterDialogNarrowsByStateChannelOwnerAndDays() {
        let (app, terminal, book) = makeDesk(rows: 300, size: (30, 120))
        app.press(.character("f"))
        // Toggle not_done (index 6) and held (index 3).
        app.press(.down, .down, .down, .character(" "), .down, .down, .down, .character(" "))
        app.press(.tab, .right, .right) // channel: agent
        app.press(.tab, .right) // owner: mine
        app.press(.tab)
        app.type("5")
        app.press(.enter)
        let filter = app.state.queue.filter
        #expect(filter.states == [.held, .notDone])
        #expect(filter.channel == .agent)
        #expect(filter.owner == .user(SampleOrders.manager.id))
        #expect(filter.minDaysInState == 5)
        let expected = book.sorted(filter, QueueSort())
        #expect(app.state.queue.total?.count == expected.count)
        #expect(app.state.queue.rows.map(\.id) == Array(expected.prefix(app.state.queue.visibleRows)).map(\.id))
        #expect(terminal.text().contains("filter: state held, not done · channel agent · mine · over 5 days in state"))
        app.press(.character("F"))
        #expect(app.state.queue.filter.isEmpty)
        #expect(app.state.queue.total?.count == 300)
    }

    @Test func emptyResultSaysHowToClear() {
        let (app, terminal, _) = makeDesk(rows: 20)
        app.press(.character("/"))
        app.type("zzzz")
        #expect(terminal.text().contains("No orders match this filter. Press F to clear it."))
        #expect(terminal.text().contains("row 0 of 0"))
    }
}

struct LiveRefreshTests {
    @Test func anotherTerminalsChangeAppearsOnThePoll() {
        let (app, terminal, book) = makeDesk(rows: 40)
        let target = app.state.queue.rows[2]
        #expect(target.state != .cancelled)
        book.externalMove(target.id, to: .cancelled)
        #expect(!terminal.text().contains("× cancelled") || app.state.queue.rows[2].state != .cancelled)
        #expect(app.pollForChanges())
        app.render()
        #expect(app.state.queue.rows.first { $0.id == target.id }?.state == .cancelled)
        #expect(!app.pollForChanges(), "nothing changed since")
    }

    @Test func refreshKeepsTheCursorOnItsOrderDeepInTheQueue() {
        let (app, _, book) = makeDesk(rows: 120)
        app.press(.pageDown, .pageDown, .character("j"), .character("j"))
        let position = app.state.queue.cursorPosition
        let selected = app.state.queue.selected!.id
        book.externalMove(app.state.queue.rows[0].id, to: .cancelled)
        app.pollForChanges()
        #expect(app.state.queue.selected?.id == selected)
        #expect(app.state.queue.cursorPosition == position)
    }
}

struct RunLoopTests {
    @Test func runHandlesQueuedKeysAndQuits() {
        let (app, terminal, _) = makeDesk(rows: 30)
        terminal.enqueue(.character("j"), .character("j"), .character("q"))
        app.run()
        #expect(!app.state.isRunning)
        #expect(app.state.queue.cursorPosition == 3)
    }

    @Test func runStopsWhenTheTerminalIsGone() {
        // A closed terminal answers every read at once with nothing; the loop must end rather than spin.
        let (app, _, _) = makeDesk(rows: 5)
        app.run()
        #expect(!app.state.isRunning)
    }
}
