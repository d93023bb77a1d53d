import Foundation
import Testing

/// `orderdesk theme list` and `theme check FILE`, run as a user would.
struct ThemeCommandTests {
    @Test func checkReportsEachProblemByLineAndExitsOne() throws {
        let directory = try TemporaryDirectory()
        let bad = directory.path + "/bad.toml"
        try """
            version = 1
            sparkle = true
            [table.cursor]
            fg = "purple"
            bg = 300
            [nonsense]
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try Binary.run(["theme", "check", bad])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(bad + ":2: unknown key sparkle") })
        #expect(lines.contains { $0.hasPrefix(bad + ":4: unknown colour \"purple\"") })
        #expect(lines.contains { $0.hasPrefix(bad + ":5: colour index 300 is outside 0–255") })
        #expect(lines.contains { $0.hasPrefix(bad + ":6: unknown table [nonsense]") })
        // No base: every slot it leaves out is missing.
        #expect(lines.contains { $0.hasPrefix(bad + ":1: missing slot [body]") })
        #expect(result.stderr.contains("problems; fix each line above"))

        let good = directory.path + "/good.toml"
        try "version = 1\nbase = \"default\"\n[title]\nfg = 33\n".write(toFile: good, atomically: true, encoding: .utf8)
        let ok = try Binary.run(["theme", "check", good])
        #expect(ok.status == 0 && ok.stdout == good + ": ok\n", "\(ok)")

        let missing = try Binary.run(["theme", "check", directory.path + "/none.toml"])
        #expect(missing.status == 1 && missing.stderr.contains("none.toml: no such file"), "\(missing)")
        let folder = try Binary.run(["theme", "check", directory.path])
        #expect(folder.status == 1 && folder.stderr.contains("cannot read the file"), "\(folder)")
    }

    @Test func shippedThemesCheckOk() throws {
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        for name in ["default", "light", "high-contrast", "mono", "colorblind"] {
            let result = try Binary.run(["theme", "check", themes + "/\(name).toml"])
            #expect(result.status == 0, "\(name): \(result.stdout) \(result.stderr)")
        }
    }

    @Test func listShowsEveryThemeWhereItComesFromAndOverrides() throws {
        let config = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: config.path + "/orderdesk/themes", withIntermediateDirectories: true)
        try "version = 1\nbase = \"default\"\ndescription = \"My own light\"\n"
            .write(toFile: config.path + "/orderdesk/themes/light.toml", atomically: true, encoding: .utf8)
        let result = try Binary.run(["theme", "list"], environment: ["XDG_CONFIG_HOME": config.path, "NO_COLOR": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != " " }) }
            == ["colorblind", "default", "high-contrast", "light", "mono"], "\(result.stdout)")
        let light = try #require(lines.firstIndex { $0.hasPrefix("light") })
        #expect(lines[light].contains("My own light") && lines[light].contains("(your folder: \(config.path)/orderdesk/themes/light.toml)"))
        #expect(lines[light + 1].trimmingCharacters(in: .whitespaces).hasPrefix("overrides /") && lines[light + 1].hasSuffix("/themes/light.toml"))
        #expect(lines.contains { $0.hasPrefix("high-contrast") && $0.contains("(shipped: ") })
        let noColor = try Binary.run(["theme", "list"], environment: ["NO_COLOR": "1"])
        #expect(noColor.stdout.contains("NO_COLOR is set"))
    }
}

/// The desk opens, quits and gives the terminal back on terminals of every colour depth; themes at start and
/// at run time. `NO_COLOR` is set in each pane (empty: not counted), as the runner's own environment may have it.
@Suite(.serialized) struct ThemeTerminalEndToEndTests {
    /// Opens the desk on a copy of the demo in tmux, with `TERM` set by the command (tmux sets the pane's own
    /// and its -e cannot change it) and `$XDG_CONFIG_HOME` in a fresh folder that `prepare` may fill first;
    /// returns once the queue shows. Keep the folder alive as long as the session.
    func openDesk(_ arguments: String = "", term: String = "xterm-256color", noColor: String = "", columns: Int = 120,
                  prepare: (String) throws -> Void = { _ in }) throws -> (TemporaryDirectory, TmuxSession) {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        try prepare(directory.path)
        let desk = try TmuxSession(command: "echo BEFORE-DESK; TERM=\(term) \(Binary.url.path) --db \(db) \(arguments)",
                                   columns: columns, environment: ["XDG_CONFIG_HOME": directory.path, "NO_COLOR": noColor])
        try desk.waitFor("row 1 of 3,000")
        return (directory, desk)
    }

    /// (TERM, whether its terminfo has an alternate screen that brings the shell's text back)
    @Test(arguments: [("xterm-256color", true), ("screen", true), ("xterm", true), ("vt100", false)])
    func deskRendersQuitsAndRestoresTheTerminal(term: String, alternateScreen: Bool) throws {
        let (_, desk) = try openDesk(term: term)
        #expect(try desk.alternateScreenOn() == alternateScreen, "the desk draws on the alternate screen where there is one")
        try desk.press("q")
        let screen = try desk.waitFor("EXIT=0")
        #expect(try !desk.alternateScreenOn(), "left the alternate screen")
        if alternateScreen {
            #expect(screen.contains("BEFORE-DESK"), "the shell's text is back")
            #expect(!screen.contains("row 1 of 3,000"), "the desk's screen is gone")
        }
        // Echo is back on: the shell's `read` shows what is typed (ncurses had turned echo off).
        try desk.type("typed-after-quit")
        try desk.waitFor("typed-after-quit")
    }

    /// config.toml chooses the theme (and its mistakes are shown, not fatal); `:theme NAME` switches at once.
    @Test func configThemeAndSwitchingAtRunTime() throws {
        let (directory, desk) = try openDesk(columns: 200) { config in
            try FileManager.default.createDirectory(atPath: config + "/orderdesk", withIntermediateDirectories: true)
            try "theme = \"light\"\nshade = 1\n".write(toFile: config + "/orderdesk/config.toml", atomically: true, encoding: .utf8)
        }
        try desk.waitFor("config.toml:2: unknown key shade")
        // light's cursor bar is 16 on 153; default's is 231 on 25.
        #expect(try desk.coloredScreen().contains("48;5;153"), "config.toml's light theme is in use")
        try desk.press(":")
        try desk.type("theme default")
        try desk.press("Enter")
        try desk.waitFor("Theme default applied.")
        let colours = try desk.coloredScreen()
        #expect(colours.contains("48;5;25") && !colours.contains("48;5;153"), "the default theme is drawn at once")
        try desk.press(":")
        try desk.type("theme nowhere")
        try desk.press("Enter")
        // The reason names the first folder looked in: the user's own.
        try desk.waitFor("Theme nowhere cannot be used, still default: not found: no nowhere.toml in \(directory.path)/orderdesk/themes, ")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }

    /// A broken theme at start-up never stops the desk: the built-in default is used and the problem shown.
    @Test func aBrokenThemeAtStartFallsBackWithAMessage() throws {
        let themes = try TemporaryDirectory()
        try "version = 9\n[title]\nfg = 1\n".write(toFile: themes.path + "/future.toml", atomically: true, encoding: .utf8)
        let (_, desk) = try openDesk("--theme \(themes.path)/future.toml", columns: 200)
        try desk.waitFor("future.toml:1: unsupported version 9; this OrderDesk reads version 1; using the built-in default theme")
        #expect(try desk.coloredScreen().contains("48;5;25"), "the built-in default's cursor bar")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }

    /// NO_COLOR beats --theme: no colour at all, and `:theme` says colour is off.
    @Test func noColorWinsOverEverything() throws {
        let (_, desk) = try openDesk("--theme light", noColor: "1")
        #expect(try !desk.coloredScreen().contains("38;5;"), "no colour under NO_COLOR")
        #expect(try !desk.coloredScreen().contains("48;5;"), "no colour under NO_COLOR")
        try desk.press(":")
        try desk.type("theme light")
        try desk.press("Enter")
        try desk.waitFor("Colour is off (NO_COLOR is set)")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
    }
}

extension TmuxSession {
    /// The visible screen with its colour escapes (`capture-pane -e`).
    func coloredScreen() throws -> String { try tmuxOutput(["capture-pane", "-p", "-e", "-t", name]) }

    /// Whether the pane shows the alternate screen.
    func alternateScreenOn() throws -> Bool {
        try tmuxOutput(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    private func tmuxOutput(_ arguments: [String]) throws -> String { try tmux(["-S", socket] + arguments) }
}
