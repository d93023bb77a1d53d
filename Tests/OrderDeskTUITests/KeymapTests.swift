import Foundation
import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

/// `keys.toml`: what it changes, and every problem it reports with its line.
struct KeymapParseTests {
    func parse(_ text: String) -> (keymap: Keymap, issues: [FileIssue]) { Keymap.parse(text, file: "keys.toml") }

    /// The problems only (notes about moved standard keys left out), as `line: message`.
    func problems(_ issues: [FileIssue]) -> [String] {
        issues.filter(Keymap.isProblem).map { "\($0.line): \($0.message)" }
    }

    @Test func aReboundKeyRunsTheCommandAndTheOldKeyNoLongerDoesThere() {
        let (keymap, issues) = parse("""
            [queue]
            "order.take" = "T"
            """)
        #expect(problems(issues).isEmpty)
        #expect(keymap.command(for: .character("T"), in: .queue) == .take)
        #expect(keymap.command(for: .character("t"), in: .queue) == nil)
        // Other contexts keep the standard keys.
        #expect(keymap.command(for: .character("t"), in: .detail) == .take)
        #expect(keymap.command(for: .character("T"), in: .detail) == nil)
        #expect(keymap.command(for: .character("t"), in: .reports) == .reportToday)
        #expect(keymap.keyLabel(for: .take, in: .queue) == "T")
        #expect(keymap.keyLabel(for: .take, in: .detail) == "t")
    }

    @Test func arraysBindSeveralKeysAndNamesAreCaseInsensitive() {
        let (keymap, issues) = parse("""
            [queue]
            "order.take" = ["T", "CTRL-T", "F5"]
            [reconcile-runs]
            "reconcile.new" = ["N"]
            """)
        #expect(issues.isEmpty)
        #expect(keymap.keys(for: .take, in: .queue) == [.character("T"), .control("t"), .function(5)])
        #expect(keymap.keyLabel(for: .take, in: .queue) == "T Ctrl-T F5")
        #expect(keymap.command(for: .control("t"), in: .queue) == .take)
        #expect(keymap.command(for: .character("N"), in: .reconcileRuns) == .reconcileNew)
        #expect(keymap.command(for: .character("i"), in: .reconcileRuns) == nil)
        #expect(keymap.command(for: .character("i"), in: .reconcileRun) == .reconcileNew, "the other context keeps i")
    }

    @Test func noneAndAnEmptyArrayDisableACommandWhichTheHelpShowsAsColonOnly() {
        let (keymap, issues) = parse("""
            [queue]
            "queue.sort" = "none"
            "queue.sort_direction" = []
            """)
        #expect(issues.isEmpty)
        #expect(keymap.command(for: .character("s"), in: .queue) == nil)
        #expect(keymap.command(for: .character("S"), in: .queue) == nil)
        #expect(keymap.keyLabel(for: .sortNext, in: .queue) == "—")
        let help = HelpOverlay.lines(for: .queue, keymap: keymap).map(\.text)
        #expect(help.contains { $0.contains("queue.sort ") && $0.contains("—") && $0.hasSuffix("(: only)") })
        #expect(keymap.hints(in: .queue).contains { $0.label == "sort" } == false)
    }

    @Test func aGlobalCommandRoundInAContextReplacesItsGlobalKeysThereOnly() {
        let (keymap, issues) = parse("""
            [reports]
            "app.quit" = "Q"
            """)
        #expect(problems(issues).isEmpty)
        #expect(keymap.command(for: .character("Q"), in: .reports) == .quit)
        #expect(keymap.command(for: .character("q"), in: .reports) == nil)
        #expect(keymap.command(for: .character("q"), in: .queue) == .quit)
    }

    @Test func everyIssueKindWithItsLine() {
        let (keymap, issues) = parse("""
            # my keys
            "order.take" = "T"
            [queu]
            "order.take" = "T"
            [queue]
            "order.tak" = "T"
            "report.daily" = "D"
            "order.move" = "ctl-m"
            "order.note" = 5
            "order.take" = "T"
            "order.open" = "T"
            "order.escalate" = "ctrl-c"
            [global]
            "app.quit" = "none"
            """)
        #expect(problems(issues) == [
            "2: order.take is outside any table; put it under a context such as [global] or [queue]",
            "3: unknown context [queu]; use one of [global], [queue], [detail], [reconcile-runs], [reconcile-run], [customers], "
                + "[customer], [contracts], [contract], [status], [reports]. Its entries are skipped",
            "6: unknown command order.tak; did you mean order.take? (`orderdesk keys` lists them)",
            "7: report.daily does not apply in [queue]; put it under [reports]",
            "8: unknown key name \"ctl-m\"; write one character, ctrl-x, enter, esc, tab, shift-tab, up, down, left, right, "
                + "pgup, pgdn, home, end, backspace, delete, insert, space or f1…f12",
            "9: write a key as a string (\"T\"), a list ([\"T\", \"ctrl-t\"]) or \"none\"; found 5",
            "11: T is already bound to order.take on line 10 in [queue]; this entry is skipped. Give one of them another key",
            "12: ctrl-c cannot be bound: Ctrl-C interrupts the desk (it quits, restoring the terminal)",
            "14: app.quit has no key left in any context; only :app.quit reaches it there. Bind it a key if that is not what you meant",
        ])
        // The good entry applied, the skipped ones did not.
        #expect(keymap.command(for: .character("T"), in: .queue) == .take)
        #expect(keymap.command(for: .enter, in: .queue) == .open)
        #expect(keymap.command(for: .character("m"), in: .queue) == .move)
        #expect(keymap.command(for: .character("q"), in: .queue) == nil, "the warned entry still applies")
    }

    @Test func syntaxProblemsComeFromTheSharedReaderWithTheirLines() {
        let (_, issues) = parse("""
            [queue]
            "order.take" = "T
            "order.take" = "T"
            "order.take" = "Y"
            """)
        #expect(problems(issues).map { $0.prefix(2) } == ["2:", "4:"])
    }

    @Test func takingAnotherCommandsStandardKeyMovesItWithANote() {
        let (keymap, issues) = parse("""
            [queue]
            "order.take" = "m"
            """)
        #expect(problems(issues).isEmpty)
        #expect(issues.map(\.description) == [
            "keys.toml:2: note: m was order.move's key in [queue]; now it runs order.take there, and it has no key left there "
                + "(:order.move still runs it)",
        ])
        #expect(keymap.command(for: .character("m"), in: .queue) == .take)
        #expect(keymap.keyLabel(for: .move, in: .queue) == "—")
        #expect(keymap.command(for: .character("m"), in: .detail) == .move, "only in that context")
    }

    @Test func aScreenKeyShadowingAGlobalOneIsANoteAndSwappingTwoKeysIsFine() {
        let (keymap, issues) = parse("""
            [queue]
            "order.take" = "q"
            "app.quit" = "Q"
            [global]
            "view.refresh" = "r"
            """)
        #expect(problems(issues).isEmpty)
        #expect(issues.contains { $0.line == 2 && $0.message.hasPrefix("note: q was app.quit's key in [queue]") })
        #expect(issues.contains { $0.line == 5 && $0.message.hasPrefix("note: in [reconcile-run] r still runs reconcile.resolve") })
        #expect(keymap.command(for: .character("q"), in: .queue) == .take)
        #expect(keymap.command(for: .character("Q"), in: .queue) == .quit)
        #expect(keymap.command(for: .character("r"), in: .queue) == .refresh)
        #expect(keymap.command(for: .character("r"), in: .reconcileRun) == .reconcileResolve)
    }

    @Test func takingTheLastKeyOfAWayOutIsWarnedAtThatLine() {
        let (_, issues) = parse("""
            [detail]
            "order.take" = "esc"
            """)
        #expect(problems(issues) == [
            "2: view.back has no key left in [detail]; only :view.back reaches it there. Bind it a key if that is not what you meant",
        ])
    }

    @Test func contextNamesAcceptTheRawValuesToo() {
        let (keymap, issues) = parse("""
            [reconcileRun]
            "reconcile.resolve" = "R"
            [Reconcile_Runs]
            "reconcile.open" = ["enter", "o"]
            """)
        #expect(issues.isEmpty)
        #expect(keymap.command(for: .character("R"), in: .reconcileRun) == .reconcileResolve)
        #expect(keymap.command(for: .character("o"), in: .reconcileRuns) == .reconcileOpen)
    }

    @Test func everyKeyTheDeskUsesReadsBackThroughItsLabelAndItsConfigName() {
        var keys = Set(CommandTable.all.flatMap(\.keys))
        keys.formUnion([.character(" "), .character("T"), .control("t"), .insert, .delete, .backspace, .function(12)])
        for key in keys {
            #expect(KeyName.parse(KeyName.label(key)) == key, "\(key) as \(KeyName.label(key))")
            #expect(KeyName.parse(KeyName.configName(key)) == key, "\(key) as \(KeyName.configName(key))")
        }
        for (name, key) in [("Enter", Key.enter), ("ESC", .escape), ("shift-tab", .backTab), ("PgDn", .pageDown),
                            ("pgup", .pageUp), ("Home", .home), ("end", .end), ("Ctrl-R", .control("r")), ("space", .character(" ")),
                            ("f1", .function(1)), ("F12", .function(12)), ("up", .up), ("→", .right), ("t", .character("t")),
                            ("T", .character("T"))] {
            #expect(KeyName.parse(name) == key, "\(name)")
        }
        for bad in ["ctl-t", "f13", "f0", "ctrl-", "ctrl-tt", "", "hyper-x"] { #expect(KeyName.parse(bad) == nil, "\(bad)") }
    }

    @Test func theStandardKeymapMatchesTheCommandTable() {
        // The table's rule: the first command in table order with the key in the context, else a global one.
        func tableCommand(_ key: Key, _ context: CommandContext) -> CommandID? {
            let candidates = CommandTable.all.filter { $0.keys.contains(key) }
            return (candidates.first { $0.contexts.contains(context) } ?? candidates.first { $0.contexts.contains(.global) })?.id
        }
        for key in Set(CommandTable.all.flatMap(\.keys)) {
            for context in CommandContext.allCases {
                #expect(Keymap.standard.command(for: key, in: context) == tableCommand(key, context), "\(key) in \(context)")
            }
        }
    }
}

/// The desk with a custom keymap: keys, help and footer follow it.
struct KeymapDeskTests {
    func desk(_ toml: String, size: (Int, Int) = (24, 80)) -> (DeskApp, MemoryTerminal) {
        let (app, terminal, _) = makeDesk(size: size)
        let (keymap, issues) = Keymap.parse(toml, file: "keys.toml")
        #expect(issues.filter(Keymap.isProblem).isEmpty)
        app.keymap = keymap
        app.render()
        return (app, terminal)
    }

    @Test func theNewKeyRunsTheCommandAndTheOldOneSaysThereIsNone() {
        let (app, _) = desk("""
            [queue]
            "order.take" = "T"
            """)
        app.press(.character("t"))
        #expect(app.state.message?.text == "No command on 't' here. Press ? for the keys.")
        app.press(.character("T"))
        #expect(app.state.message?.text.hasSuffix("is yours now.") == true)
    }

    @Test func aReboundCursorKeyStillMovesWhileSearching() {
        let (app, _) = desk("""
            [queue]
            "cursor.down" = ["ctrl-n", "j"]
            """)
        app.press(.character("/"))
        #expect(app.state.queue.searching)
        let before = app.state.queue.cursorPosition
        app.press(.down)
        #expect(app.state.queue.cursorPosition == before, "↓ no longer moves")
        app.press(.control("n"))
        #expect(app.state.queue.cursorPosition == before + 1)
    }

    @Test func theFooterShowsTheEffectiveKeys() {
        let (_, terminal) = desk("""
            [queue]
            "order.take" = "T"
            "queue.filter" = "none"
            [global]
            "view.help" = "f1"
            """)
        let footer = terminal.text().split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("T take"))
        #expect(!footer.contains("t take"))
        #expect(!footer.contains("filter"))
        #expect(footer.contains("F1 help"))
    }

    @Test func theHelpOverlayShowsTheEffectiveKeys() {
        let (app, terminal) = desk("""
            [queue]
            "order.take" = ["T", "ctrl-t"]
            "queue.sort" = "none"
            "cursor.down" = ["down", "ctrl-n"]
            [global]
            "view.help" = "f1"
            "view.refresh" = ["ctrl-r", "f5"]
            """, size: (60, 110))
        app.press(.function(1))
        assertSnapshot(terminal.text(), named: "help-custom-keymap-110x60")
        app.press(.function(1))
        #expect(app.state.modal == nil, "the rebound help key closes it too")
    }

    @Test func theCommandLineShowsCandidatesWithTheirEffectiveKeys() {
        let (app, terminal) = desk("""
            [queue]
            "order.take" = "T"
            """)
        app.press(.character(":"))
        app.type("take")
        let line = terminal.text().split(separator: "\n").first { $0.hasPrefix(" order.take ") }
        #expect(line?.split(separator: " ").dropFirst().first == "T", "\(line ?? "no candidate line")")
    }
}

/// The `:` line: fuzzy completion, Tab cycling, the history.
struct CommandLineCompletionTests {
    @Test func fuzzyMatchesRankPrefixAndWordStartsFirst() {
        #expect(CommandCompletion.rank("qf", context: .queue).first == .filter)
        #expect(CommandCompletion.rank("take", context: .queue).first == .take)
        #expect(CommandCompletion.rank("filter", context: .queue).first == .filter)
        #expect(CommandCompletion.rank("filter", context: .contracts).first == .contractsFilter)
        #expect(CommandCompletion.rank("vq", context: .queue).first == .queueScreen)
        #expect(CommandCompletion.rank("order.op", context: .queue) == [.open])
        #expect(CommandCompletion.rank("rr", context: .reconcileRun).first == .reconcileResolve)
        #expect(CommandCompletion.rank("zzz", context: .queue).isEmpty)
        // A subsequence, not a substring: every letter in order.
        #expect(CommandCompletion.score("ot", "order.take") != nil)
        #expect(CommandCompletion.score("to", "order.take") == nil)
        // Word starts beat letters in the middle of a word.
        #expect(CommandCompletion.score("qf", "queue.filter")! > CommandCompletion.score("qf", "queue.clear_filter")!)
    }

    @Test func tabCyclesTheCandidatesAndEnterRunsTheShownOne() {
        let (app, _, _) = makeDesk()
        app.press(.character(":"))
        app.type("filter")
        let candidates = app.commandLineContext.candidates(for: "filter")
        #expect(candidates.first == "queue.filter")
        app.press(.tab)
        #expect(field(app) == candidates[0])
        app.press(.tab)
        #expect(field(app) == candidates[1])
        app.press(.backTab)
        #expect(field(app) == candidates[0])
        app.press(.enter)
        guard case .filter = app.state.modal else { Issue.record("the filter dialog should be open"); return }
    }

    @Test func themeCompletesThemeNames() {
        let (app, _, _) = makeDesk()
        app.themeNames = { ["default", "high-contrast", "light", "mono"] }
        app.press(.character(":"))
        app.type("theme li")
        app.press(.tab)
        #expect(field(app) == "theme light")
        #expect(app.commandLineContext.candidates(for: "theme ") == ["theme default", "theme high-contrast", "theme light", "theme mono"])
    }

    @Test func upAndDownWalkTheHistoryMostRecentFirstWithoutRepeats() {
        let (app, _, _) = makeDesk()
        for line in ["view.help", "view.queue", "view.queue", "view.refresh"] {
            app.press(.character(":"))
            app.type(line)
            app.press(.enter)
            if app.state.modal != nil { app.press(.escape) }
        }
        #expect(app.state.commandLine.history == ["view.refresh", "view.queue", "view.help"])
        app.press(.character(":"))
        app.type("dra")
        app.press(.up)
        #expect(field(app) == "view.refresh")
        app.press(.up, .up, .up)
        #expect(field(app) == "view.help", "stops at the oldest")
        app.press(.down)
        #expect(field(app) == "view.queue")
        app.press(.down, .down)
        #expect(field(app) == "dra", "past the newest: what was typed")
        app.press(.escape)
        #expect(app.state.commandLine.history.count == 3, "the history survives closing the line")
    }

    @Test func theHistoryKeepsAtMostItsLimit() {
        var session = CommandLineSession()
        for i in 0..<150 { session.remember("line \(i)") }
        #expect(session.history.count == CommandLineSession.historyLimit)
        #expect(session.history.first == "line 149")
    }

    @Test func anUnknownNameSuggestsTheBestCandidate() {
        let (app, _, _) = makeDesk()
        app.press(.character(":"))
        app.type("tkae")
        app.press(.enter)
        #expect(app.state.message?.text.hasPrefix("Unknown command 'tkae'.") == true)
        app.press(.escape)
        app.press(.character(":"))
        app.type("qfiltr")
        app.press(.enter)
        #expect(app.state.message?.text == "Unknown command 'qfiltr'. Did you mean queue.filter? Tab completes it.")
    }

    func field(_ app: DeskApp) -> String? {
        guard case .commandLine(let field) = app.state.modal else { return nil }
        return field.text
    }
}

/// The `:` line's history on disk.
struct CommandHistoryFileTests {
    @Test func theHistoryRoundTripsThroughItsFileOldestFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orderdesk-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try #require(CommandHistoryFile.path(environment: ["XDG_STATE_HOME": folder, "HOME": "/nowhere"]))
        #expect(path == folder + "/orderdesk/history")
        #expect(CommandHistoryFile.path(environment: ["HOME": "/home/dana"]) == "/home/dana/.local/state/orderdesk/history")
        #expect(CommandHistoryFile.read(path).isEmpty, "no file yet")
        CommandHistoryFile.write(["view.refresh", "theme light", "view.help"], to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "view.help\ntheme light\nview.refresh\n")
        let (app, _, _) = makeDesk()
        app.commandHistory = CommandHistoryFile.read(path)
        app.press(.character(":"), .up)
        guard case .commandLine(let field) = app.state.modal else { Issue.record("no command line"); return }
        #expect(field.text == "view.refresh", "the most recent line of the last session comes first")
        CommandHistoryFile.write((0..<150).map { "line \($0)" }, to: path)
        #expect(CommandHistoryFile.read(path).count == CommandLineSession.historyLimit)
        #expect(CommandHistoryFile.read(path).first == "line 0")
    }

    @Test func twoDesksOpenAtOnceBothKeepTheirCommands() {
        let loaded = ["view.help", "view.queue"]
        // Desk A closed first and wrote "view.reports" on top; desk B ran "queue.filter" and "theme light".
        let onDisk = ["view.reports", "view.help", "view.queue"]
        let session = ["theme light", "queue.filter", "view.help", "view.queue"]
        #expect(CommandHistoryFile.merged(session: session, loaded: loaded, onDisk: onDisk)
            == ["theme light", "queue.filter", "view.reports", "view.help", "view.queue"])
        // Nothing run: the file stays as the other desk left it.
        #expect(CommandHistoryFile.merged(session: loaded, loaded: loaded, onDisk: onDisk) == onDisk)
        // A full history whose oldest lines the session pushed out still finds what was added.
        let full = (0..<CommandLineSession.historyLimit).map { "line \($0)" }
        let pushed = ["queue.sort"] + full.dropLast()
        #expect(CommandHistoryFile.merged(session: pushed, loaded: full, onDisk: full).prefix(2) == ["queue.sort", "line 0"])
        #expect(CommandHistoryFile.merged(session: pushed, loaded: full, onDisk: full).count == CommandLineSession.historyLimit)
        // The same command at the junction is not written twice in a row.
        #expect(CommandHistoryFile.merged(session: ["view.help"], loaded: [], onDisk: ["view.help", "view.queue"])
            == ["view.help", "view.queue"])
        // A first session with no file.
        #expect(CommandHistoryFile.merged(session: ["view.help"], loaded: [], onDisk: []) == ["view.help"])
    }
}
