import Foundation
import Testing

/// The mouse in the real binary under tmux: raw SGR 1006 reports typed into the pane, as a terminal sends
/// them when the program has asked for the mouse (tmux's own `mouse` option must be on for a person's
/// clicks to reach the program; a test types the reports itself).
@Suite(.serialized) struct MouseEndToEndTests {
    /// A press of button 1 at a one-based cell and its release, as SGR 1006 encodes them.
    static func click(column: Int, row: Int) -> String { "\u{1b}[<0;\(column);\(row)M\u{1b}[<0;\(column);\(row)m" }

    /// Screen row 7 (zero-based) is the queue's fifth order: title bar, filter line, header, then the rows.
    static let fifthOrderRow = 8

    @Test(arguments: ["tmux-256color", "xterm-256color"])
    func aClickSelectsAQueueRowAndADoubleClickOpensIt(term: String) throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)", term: term,
                                   environment: ["XDG_CONFIG_HOME": directory.path])
        try desk.waitFor("row 1 of 3,000")
        #expect(try desk.format("#{mouse_any_flag}") == "1", "the desk asked for the mouse")
        #expect(try desk.format("#{mouse_sgr_flag}") == "1", "in SGR 1006 form, whatever terminfo says")
        try desk.type(Self.click(column: 10, row: Self.fifthOrderRow))
        try desk.waitFor("row 5 of 3,000")
        try desk.type(Self.click(column: 10, row: Self.fifthOrderRow) + Self.click(column: 10, row: Self.fifthOrderRow))
        try desk.waitFor("› Order")
        try desk.press("q")
        try desk.waitFor("EXIT=0")
        #expect(try desk.format("#{mouse_any_flag}") == "0", "the mouse is given back on quit")
        #expect(try desk.format("#{mouse_sgr_flag}") == "0", "SGR reports too")
    }

    /// SIGINT to the desk alone (Ctrl-C in the pane would also end the shell that prints the status).
    @Test func anInterruptGivesTheMouseBackToo() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)", environment: ["XDG_CONFIG_HOME": directory.path])
        try desk.waitFor("row 1 of 3,000")
        #expect(try desk.format("#{mouse_sgr_flag}") == "1")
        let pid = try #require(try desk.programPID(), "no program in the pane")
        #expect(kill(pid, SIGINT) == 0)
        try desk.waitFor("EXIT=130")
        #expect(try desk.format("#{mouse_any_flag}") == "0")
        #expect(try desk.format("#{mouse_sgr_flag}") == "0")
    }

    @Test func aClickPastColumn223WorksOnAWideTerminal() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)", columns: 260, rows: 30,
                                   environment: ["XDG_CONFIG_HOME": directory.path])
        try desk.waitFor("row 1 of 3,000")
        try desk.type(Self.click(column: 240, row: Self.fifthOrderRow))
        try desk.waitFor("row 5 of 3,000")
    }

    @Test func mouseFalseInTheConfigLeavesTheMouseToTheTerminal() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        try FileManager.default.createDirectory(atPath: directory.path + "/orderdesk", withIntermediateDirectories: true)
        try "mouse = false\n".write(toFile: directory.path + "/orderdesk/config.toml", atomically: true, encoding: .utf8)
        let desk = try TmuxSession(command: "\(Binary.url.path) --db \(db)",
                                   environment: ["XDG_CONFIG_HOME": directory.path])
        try desk.waitFor("row 1 of 3,000")
        // No mouse mode requested: tmux (and a terminal) keep clicks for selecting text and never send reports.
        #expect(try desk.format("#{mouse_any_flag}") == "0")
        #expect(try desk.format("#{mouse_sgr_flag}") == "0")
        try desk.press("j")
        try desk.waitFor("row 2 of 3,000")
    }
}
