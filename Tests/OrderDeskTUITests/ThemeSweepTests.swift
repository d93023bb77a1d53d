import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing

@testable import OrderDeskTUI

/// The accessibility sweep: every screen (and the help overlay) under every shipped theme, loaded from its
/// file, at 80×24, 120×40 and 20×6, and after a resize down to 20×6 and back.
struct ThemeSweepTests {
    /// The repository's `themes/` folder.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    /// Every shipped theme's name, from the folder (so a theme added later is swept too).
    static let shipped: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()

    /// A desk with data behind every screen: orders, customers, contracts, reconciliation runs, escalations
    /// and reports, signed in as a supervisor (who sees every tab's content).
    static func desk(size: (Int, Int), theme: Theme) -> (DeskApp, MemoryTerminal) {
        let book = FakeOrderBook(rows: SampleOrders.rows(count: 40), now: SampleOrders.now)
        let customers = FakeCustomerBook()
        book.customers = customers
        book.contracts = FakeContractBook(customers: customers)
        book.reconcile = SampleReconcile.book()
        book.escalations = FakeEscalationBook(orders: book.rows)
        book.reports = FakeReportBook()
        let terminal = MemoryTerminal(rows: size.0, columns: size.1)
        let app = DeskApp(client: book.client(as: SampleEscalations.supervisor), terminal: terminal, theme: theme)
        app.start()
        return (app, terminal)
    }

    /// The six tabs' keys, then the help overlay on the last one.
    static let screens: [(key: Character, name: String)] = [("1", "queue"), ("2", "customers"), ("3", "contracts"),
                                                             ("4", "reconcile"), ("5", "status"), ("6", "reports")]

    @Test func everyShippedThemeIsSwept() {
        #expect(Set(["default", "light", "high-contrast", "colorblind", "mono"]).isSubset(of: Self.shipped), "\(Self.shipped)")
    }

    @Test(arguments: shipped)
    func everyScreenAtEverySizeAndBackFromTiny(themeName: String) throws {
        let (theme, warnings) = ThemeLoader.load(name: themeName, directories: [Self.folder])
        #expect(warnings.isEmpty, "\(themeName): \(warnings)")
        #expect(theme.name == themeName)
        for size in [(24, 80), (40, 120)] {
            let (app, terminal) = Self.desk(size: size, theme: theme)
            for screen in Self.screens {
                app.press(.character(screen.key))
                // The customers tab opens with the keys in its search field; Esc hands them back to the tabs.
                if app.state.customers.searching { app.press(.escape) }
                let where_ = "\(themeName) \(screen.name) \(size.1)×\(size.0)"
                #expect(app.state.screen.command == DeskScreen.allCases[Int(String(screen.key))! - 1].command, "\(where_)")
                expectFullFrame(terminal, where_)
                let before = terminal.text()
                // Down to 20×6: the too-small notice, whole; back: the same frame as before.
                terminal.resize(rows: 6, columns: 20)
                app.press(.resize)
                expectTooSmallNotice(terminal, where_)
                terminal.resize(rows: size.0, columns: size.1)
                app.press(.resize)
                #expect(terminal.text() == before, "\(where_): the frame after a resize back differs")
            }
            app.press(.character("?"))
            #expect(terminal.text().contains("Keys · : runs a command"), "\(themeName) help \(size.1)×\(size.0)")
            #expect(terminal.text().contains("Esc close"), "\(themeName) help \(size.1)×\(size.0): its close hint")
            terminal.resize(rows: 6, columns: 20)
            app.press(.resize)
            expectTooSmallNotice(terminal, "\(themeName) help")
        }
        // Opening at 20×6 draws the notice, not a screen squeezed into it.
        let (_, tiny) = Self.desk(size: (6, 20), theme: theme)
        expectTooSmallNotice(tiny, "\(themeName) opened at 20×6")
    }

    /// A full-size frame: the title bar's six tabs and the footer's key hints with `? help` on the last row.
    func expectFullFrame(_ terminal: MemoryTerminal, _ where_: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = terminal.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == terminal.size.rows, "\(where_)", sourceLocation: sourceLocation)
        let footer = lines.last ?? ""
        #expect(footer.contains("? help"), "\(where_): footer '\(footer)'", sourceLocation: sourceLocation)
        #expect(footer.contains("q quit") || footer.contains("Esc back"), "\(where_): footer '\(footer)'", sourceLocation: sourceLocation)
        for key in 1...6 {
            #expect(lines[0].contains(" \(key)"), "\(where_): tab \(key) in '\(lines[0])'", sourceLocation: sourceLocation)
        }
    }

    func expectTooSmallNotice(_ terminal: MemoryTerminal, _ where_: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = terminal.text()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("Terminal too small: 20×6."), "\(where_):\n\(text)", sourceLocation: sourceLocation)
        #expect(words.contains("needs at least 80×24."), "\(where_):\n\(text)", sourceLocation: sourceLocation)
        #expect(words.contains("press q to quit."), "\(where_):\n\(text)", sourceLocation: sourceLocation)
    }

    /// In mono every state in the queue reads without colour: each row's state cell has its own symbol, and
    /// no two states share one.
    @Test func monoMarksEveryQueueStateWithItsSymbol() throws {
        let (theme, _) = ThemeLoader.load(name: "mono", directories: [Self.folder])
        #expect(theme.isMonochrome)
        let (app, terminal) = Self.desk(size: (40, 120), theme: theme)
        #expect(Set(OrderState.allCases.map(\.symbol)).count == OrderState.allCases.count, "one symbol a state")
        var seen: Set<OrderState> = []
        for row in 0..<terminal.size.rows {
            let line = terminal.line(row)
            guard let state = OrderState.allCases.first(where: { line.contains(" " + $0.label + " ") }) else { continue }
            let cell: String = String(state.symbol) + " " + state.label
            #expect(line.contains(cell), "row \(row): '\(line)'")
            // No colour at all in the cell: what tells the states apart is the symbol (and attributes).
            let at: Int? = column(of: cell, in: line)
            let column = try #require(at)
            let style = terminal.style(row: row, column: column)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault, "row \(row): \(style)")
            seen.insert(state)
        }
        #expect(seen == Set(OrderState.allCases), "states on screen: \(seen.map(\.rawValue).sorted())")
        _ = app
    }
}
