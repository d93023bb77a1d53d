import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct QueueSnapshotTests {
    @Test func queueAt80x24() {
        let (_, terminal, _) = makeDesk(rows: 40)
        assertSnapshot(terminal.text(), named: "queue-80x24")
    }

    @Test func queueAt120x40() {
        let (_, terminal, _) = makeDesk(rows: 60, size: (40, 120))
        assertSnapshot(terminal.text(), named: "queue-120x40")
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let (_, terminal, _) = makeDesk(rows: 40, size: (30, 100))
        let lines = terminal.text().split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.contains("東京") || $0.contains("Café") || $0.contains("北京") || $0.contains("Bethpage") }
        #expect(rows.count >= 4)
        // The state column starts at the same display column on every row, whatever the customer name holds.
        let stateColumns = Set(rows.map { line -> Int in
            let type = OrderType.allCases.map(\.short).compactMap { line.range(of: " " + $0 + " ") }.first!
            return DisplayWidth.of(String(line[..<type.lowerBound]))
        })
        #expect(stateColumns.count == 1, "state column starts at \(stateColumns)")
        assertSnapshot(terminal.text(), named: "queue-100x30-wide")
    }

    @Test func detailAt80x24() {
        let (app, terminal, _) = makeDesk(rows: 10)
        app.press(.enter)
        assertSnapshot(terminal.text(), named: "detail-80x24")
    }

    @Test func moveDialogAt80x24() {
        let (app, terminal, _) = makeDesk(rows: 10)
        while app.state.queue.selected?.state != .scheduled { app.press(.down) }
        app.press(.character("m"))
        assertSnapshot(terminal.text(), named: "move-80x24")
    }

    @Test func tooSmallWindowsSayWhatIsNeededAndNeverCrash() {
        let (app, terminal, _) = makeDesk(rows: 40)
        terminal.resize(rows: 20, columns: 60)
        app.press(terminal.readKey(timeoutMilliseconds: 0)!)
        #expect(terminal.text().contains("Terminal too small: 60×20."))
        for (r, c) in [(1, 1), (0, 0), (3, 10), (24, 79), (23, 80), (5, 200)] {
            terminal.resize(rows: r, columns: c)
            app.handle(.resize)
            app.press(.character("j"), .pageDown, .character("?"), .escape)
        }
        terminal.resize(rows: 24, columns: 80)
        app.handle(.resize)
        #expect(terminal.text().contains("row "))
        #expect(app.state.queue.rows.count == app.state.queue.visibleRows)
    }

    @Test func growingTheWindowFillsTheExtraRows() {
        let (app, terminal, _) = makeDesk(rows: 100)
        terminal.resize(rows: 40, columns: 120)
        app.handle(.resize)
        #expect(app.state.queue.rows.count == 35)
        terminal.resize(rows: 24, columns: 80)
        app.handle(.resize)
        #expect(app.state.queue.rows.count == 19)
    }
}

/// Without colour, the mono theme must still tell the cursor row, headers and states apart by attributes.
struct MonoThemeTests {
    /// One character a cell: R reverse, B bold, U underline, D dim, . plain (the first that applies).
    func attributeMap(_ terminal: MemoryTerminal) -> String {
        (0..<terminal.size.rows).map { row in
            String((0..<terminal.size.columns).map { column -> Character in
                let style = terminal.style(row: row, column: column)
                if style.reverse { return "R" }
                if style.bold { return "B" }
                if style.underline { return "U" }
                if style.dim { return "D" }
                return "."
            })
        }.joined(separator: "\n")
    }

    /// Every cell in the terminal's own colours: the mono theme says everything with attributes.
    func expectNoColour(_ terminal: MemoryTerminal, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in 0..<terminal.size.rows {
            for column in 0..<terminal.size.columns {
                let style = terminal.style(row: row, column: column)
                #expect(style.foreground == .terminalDefault && style.background == .terminalDefault,
                        "row \(row), column \(column)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func monoQueueUsesNoColourAndMarksTheCursorAndStates() {
        let (app, terminal, _) = makeDesk(rows: 40, theme: .builtInMono)
        app.press(.character("j"))
        expectNoColour(terminal)
        let map = attributeMap(terminal).split(separator: "\n")
        let cursorLine = map[3 + app.state.queue.cursor] // title, filter line, header, then rows
        #expect(cursorLine.allSatisfy { $0 == "R" }, "the cursor row is reversed across the width")
        assertSnapshot(terminal.text() + "\n--- attributes ---\n" + attributeMap(terminal), named: "queue-80x24-mono")
    }
}
