import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// Under `NO_COLOR` the desk must say everything with attributes and symbols. These snapshots render it with
/// the theme the NO_COLOR path really picks (the repository's mono.toml through the loader), and store the
/// attributes beside the text, so a slide back to colour-only markers fails.
struct NoColorSnapshotTests {
    /// The theme the launcher would open with when NO_COLOR is set, whatever --theme and config.toml say.
    func noColorTheme() throws -> Theme {
        let name = ThemeChoice.name(flag: "light", config: "colorblind", environment: ["NO_COLOR": "1"])
        #expect(name == "mono")
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        let (theme, warnings) = ThemeLoader.load(name: name, directories: [themes])
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(theme.isMonochrome)
        return theme
    }

    /// One character a cell for its full set of attributes, so bold + underline differs from bold alone:
    /// a hexadecimal digit of bold 1 + underline 2 + reverse 4 + dim 8, "." for none.
    func attributes(_ terminal: MemoryTerminal) -> String {
        (0..<terminal.size.rows).map { row in
            String((0..<terminal.size.columns).map { column -> Character in
                let s = terminal.style(row: row, column: column)
                let bits = (s.bold ? 1 : 0) | (s.underline ? 2 : 0) | (s.reverse ? 4 : 0) | (s.dim ? 8 : 0)
                return bits == 0 ? "." : Character(String(bits, radix: 16))
            })
        }.joined(separator: "\n")
    }

    func snapshot(_ terminal: MemoryTerminal) -> String {
        MonoThemeTests().expectNoColour(terminal)
        return terminal.text() + "\n--- attributes: bold 1 + underline 2 + reverse 4 + dim 8 (hex), . none ---\n"
            + attributes(terminal)
    }

    @Test func queue() throws {
        let (app, terminal, _) = makeDesk(rows: 40, theme: try noColorTheme())
        app.press(.character("j"), .character("j"))
        let map = attributes(terminal).split(separator: "\n")
        #expect(map[3 + app.state.queue.cursor].allSatisfy { $0 == "4" || $0 == "5" }, "the cursor row is reversed")
        // Danger states are bold + underlined (3) in the state column, held ones bold (1), cancelled dim (8).
        let lines = terminal.text().split(separator: "\n")
        for (marker, bits) in [("✗ not done", "3"), ("⊘ rejected", "3"), ("‖ held", "1"), ("× cancelled", "8")] {
            let row = try #require(lines.indices.first { lines[$0].contains(marker) && $0 != 3 + app.state.queue.cursor })
            let column = DisplayWidth.of(String(lines[row][..<lines[row].range(of: marker)!.lowerBound]))
            #expect(String(Array(map[row])[column]) == bits, "\(marker) is marked \(bits)")
        }
        assertSnapshot(snapshot(terminal), named: "queue-80x24-no-color")
    }

    @Test func detail() throws {
        let (app, terminal, _) = makeDesk(rows: 10, theme: try noColorTheme())
        app.press(.enter)
        assertSnapshot(snapshot(terminal), named: "detail-80x24-no-color")
    }

    @Test func moveDialog() throws {
        let (app, terminal, _) = makeDesk(rows: 10, theme: try noColorTheme())
        while app.state.queue.selected?.state != .scheduled { app.press(.down) }
        app.press(.character("m"))
        assertSnapshot(snapshot(terminal), named: "move-80x24-no-color")
    }

    /// `:theme` under NO_COLOR leaves the desk in mono and says colour is off.
    @Test func themeCommandSaysColourIsOff() throws {
        let (app, _, _) = makeDesk(rows: 10, theme: try noColorTheme())
        app.themeLoader = { name in ThemeLoader.loadIfUsable(name: name, directories: []) }
        let message = app.themeMessage(for: "default", colorOff: true)
        #expect(message.isError && message.text.hasPrefix("Colour is off (NO_COLOR is set)"))
        #expect(app.theme.isMonochrome)
    }
}

/// `:theme NAME` at run time: applied at once, or the current theme stays with the reason.
struct ThemeSwitchTests {
    @Test func applyingAThemeChangesTheNextFrame() throws {
        let (app, terminal, _) = makeDesk(rows: 10, theme: .builtInMono)
        app.themeLoader = { name in ThemeLoader.loadIfUsable(name: name, directories: []) }
        let message = app.themeMessage(for: "default", colorOff: false)
        #expect(message == StatusMessage("Theme default applied."))
        #expect(app.theme == .builtInDefault)
        app.press(.character("j"))
        let cursorRow = 3 + app.state.queue.cursor
        #expect(terminal.style(row: cursorRow, column: 0).background == Theme.builtInDefault.style(.tableCursor).background)

        let missing = app.themeMessage(for: "nowhere", colorOff: false)
        #expect(missing == StatusMessage("Theme nowhere cannot be used, still default: not found: there are no theme folders "
            + "to look in. See orderdesk theme list / theme check FILE.", isError: true))
        #expect(app.theme == .builtInDefault)

        app.themeLoader = nil
        #expect(app.themeMessage(for: "mono", colorOff: false).isError)
    }
}
