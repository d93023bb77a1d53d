import Testing
@testable import OrderDeskTUI

/// A row of the in-memory list: an integer, with a label that can change under the same id.
private struct Item: Identifiable, Hashable, Sendable {
    let id: Int
    var label = ""
}

private typealias Window = KeysetWindow<Item>

/// A sorted list of integers paged by keys, answering the window's fetches the way a screen's run loop does.
private struct IntList {
    var items: [Item]
    /// Pages say whether rows lie before them (as the queue's do), not only beyond them in the direction asked.
    var pagesKnowWhatIsBefore = false
    /// Whether the window is told the list's length (otherwise it asks to locate its top).
    var totalKnown = true

    init(_ ids: Range<Int>) { items = ids.map { Item(id: $0) } }

    func page(_ request: Window.Request, limit: Int) -> (rows: [Item], more: Bool, moreBefore: Bool) {
        switch request {
        case .first:
            return (Array(items.prefix(limit)), items.count > limit, false)
        case .last:
            return (Array(items.suffix(limit)), items.count > limit, items.count > limit)
        case .after(let row):
            let rest = items.filter { $0.id > row.id }
            return (Array(rest.prefix(limit)), rest.count > limit, items.count > rest.count)
        case .before(let row):
            let head = items.filter { $0.id < row.id }
            return (Array(head.suffix(limit)), head.count > limit, head.count > limit)
        }
    }

    /// Answers a fetch, then whatever the window asks next.
    func perform(_ fetch: Window.Fetch?, on window: inout Window) {
        var next = fetch
        while let fetch = next {
            next = nil
            let answer = page(fetch.request, limit: fetch.limit)
            switch window.merge(answer.rows, more: answer.more, moreBefore: pagesKnowWhatIsBefore ? answer.moreBefore : nil,
                                for: fetch.purpose, exactTotal: totalKnown ? items.count : nil) {
            case nil: break
            case .fetch(let following): next = following
            case .locateTop: window.topIndex = items.firstIndex { $0.id == window.rows[0].id }!
            }
        }
    }

    func move(_ motion: Window.Motion, _ window: inout Window) {
        let fetch = window.move(motion)
        perform(fetch, on: &window)
    }

    func resize(_ window: inout Window, to visibleRows: Int) {
        let fetch = window.resize(visibleRows: visibleRows)
        perform(fetch, on: &window)
    }

    /// Reloads the window from its first row on, the cursor kept on its row.
    func refresh(_ window: inout Window) {
        let request = window.rows.first.map { Window.Request.after(Item(id: $0.id - 1)) } ?? .first
        perform(Window.Fetch(request, limit: window.pageSize, purpose: window.refreshPurpose), on: &window)
    }

    /// A window `visibleRows` tall over the top of the list.
    func open(visibleRows: Int) -> Window {
        var window = Window(visibleRows: visibleRows)
        perform(window.restart, on: &window)
        return window
    }
}

private func ids(_ window: Window) -> [Int] { window.rows.map(\.id) }

@Suite struct KeysetWindowTests {
    @Test func pagesDownToTheEndAndBackUpToTheTop() {
        let list = IntList(0..<25)
        var w = list.open(visibleRows: 10)
        #expect(ids(w) == Array(0..<10) && w.cursorPosition == 1 && !w.hasMoreBefore && w.hasMoreAfter)

        list.move(.pageDown, &w)
        #expect(ids(w) == Array(10..<20) && w.topIndex == 10 && w.cursorPosition == 11)
        list.move(.pageDown, &w)
        #expect(ids(w) == Array(15..<25) && w.cursorPosition == 16 && !w.hasMoreAfter && w.hasMoreBefore)
        list.move(.pageDown, &w)
        #expect(ids(w) == Array(15..<25) && w.cursorPosition == 25, "at the end page down goes to the last row")

        list.move(.pageUp, &w)
        #expect(ids(w) == Array(5..<15) && w.topIndex == 5 && w.cursorPosition == 15)
        list.move(.pageUp, &w)
        #expect(ids(w) == Array(0..<10) && w.topIndex == 0 && !w.hasMoreBefore && w.hasMoreAfter)
        list.move(.pageUp, &w)
        #expect(w.cursorPosition == 1, "at the top page up goes to the first row")
    }

    @Test func linesScrollTheWindowOneRowAtItsEdges() {
        let list = IntList(0..<25)
        var w = list.open(visibleRows: 10)
        for _ in 0..<9 { list.move(.down, &w) }
        #expect(ids(w) == Array(0..<10) && w.cursor == 9)
        list.move(.down, &w)
        #expect(ids(w) == Array(1..<11) && w.cursor == 9 && w.selected?.id == 10 && w.hasMoreBefore)
        for _ in 0..<9 { list.move(.up, &w) }
        list.move(.up, &w)
        #expect(ids(w) == Array(0..<10) && w.cursor == 0 && !w.hasMoreBefore)
        list.move(.up, &w)
        #expect(ids(w) == Array(0..<10) && w.cursor == 0, "up on the first row stays there")
    }

    @Test func firstAndLast() {
        let list = IntList(0..<25)
        var w = list.open(visibleRows: 10)
        list.move(.last, &w)
        #expect(ids(w) == Array(15..<25) && w.selected?.id == 24 && w.cursorPosition == 25)
        list.move(.first, &w)
        #expect(ids(w) == Array(0..<10) && w.selected?.id == 0 && w.cursorPosition == 1)

        // Without the list's length the window asks where its top stands.
        var unknown = list
        unknown.totalKnown = false
        unknown.move(.last, &w)
        #expect(w.topIndex == 15 && w.cursorPosition == 25)
    }

    @Test func aTallerWindowFillsBelowThenAbove() {
        let list = IntList(0..<25)
        var w = list.open(visibleRows: 10)
        list.resize(&w, to: 15)
        #expect(ids(w) == Array(0..<15) && w.hasMoreAfter)

        var atEnd = list.open(visibleRows: 10)
        list.move(.last, &atEnd)
        list.resize(&atEnd, to: 15)
        #expect(ids(atEnd) == Array(10..<25) && atEnd.topIndex == 10 && atEnd.selected?.id == 24)

        // A shorter window keeps the cursor's row on screen.
        list.resize(&atEnd, to: 5)
        #expect(ids(atEnd) == Array(20..<25) && atEnd.topIndex == 20 && atEnd.selected?.id == 24 && atEnd.hasMoreBefore)
    }

    @Test func refreshKeepsTheCursorOnItsRow() {
        var list = IntList(0..<25)
        var w = list.open(visibleRows: 10)
        list.move(.pageDown, &w)
        for _ in 0..<3 { list.move(.down, &w) }
        #expect(w.selected?.id == 13)

        // A row above the cursor goes and the cursor's own row changes: the cursor follows its id.
        list.items.removeAll { $0.id == 11 }
        list.items[list.items.firstIndex { $0.id == 13 }!].label = "changed"
        list.refresh(&w)
        #expect(ids(w) == [10, 12, 13, 14, 15, 16, 17, 18, 19, 20])
        #expect(w.selected == Item(id: 13, label: "changed") && w.cursor == 2 && w.topIndex == 10)

        // Pages that know what is before them place the window afresh.
        list.pagesKnowWhatIsBefore = true
        list.items.removeAll { $0.id < 5 }
        list.refresh(&w)
        #expect(w.selected?.id == 13 && w.topIndex == 5 && w.hasMoreBefore)
    }

    @Test func aRowThatVanishedLeavesTheCursorWhereItWas() {
        var list = IntList(0..<25)
        var w = list.open(visibleRows: 10)
        list.move(.pageDown, &w)
        for _ in 0..<3 { list.move(.down, &w) }
        list.items.removeAll { $0.id == 13 }
        list.refresh(&w)
        #expect(ids(w) == [10, 11, 12, 14, 15, 16, 17, 18, 19, 20] && w.cursor == 3 && w.selected?.id == 14)

        // The whole window vanished at the end of the list: it shows the last rows instead.
        list.move(.last, &w)
        list.items.removeAll { $0.id >= 15 }
        list.refresh(&w)
        #expect(ids(w) == Array(4..<13) + [14] && w.topIndex == 4 && w.selected?.id == 14 && !w.hasMoreAfter)

        // The cursor's row vanished as the last of the list: the cursor takes the new last row, and the
        // window, one row short, fills from above.
        list.items.removeAll { $0.id == 14 }
        list.refresh(&w)
        #expect(ids(w) == Array(3..<13) && w.topIndex == 3 && w.selected?.id == 12)
    }

    @Test func cursorCommandsAreMotions() {
        #expect(Window.Motion(.moveDown) == .down && Window.Motion(.pageUp) == .pageUp && Window.Motion(.last) == .last)
        #expect(Window.Motion(.search) == nil)
    }
}
