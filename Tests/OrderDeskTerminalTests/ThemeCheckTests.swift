import Foundation
import Testing

@testable import OrderDeskTerminal

/// `orderdesk theme check`'s rules: the loader's issues plus the slots a theme without `base` leaves out.
@Suite("Theme check")
struct ThemeCheckTests {
    @Test(arguments: ThemeFileTests.shipped)
    func shippedThemesCheckClean(name: String) throws {
        let text = try String(contentsOfFile: repositoryThemes + "/\(name).toml", encoding: .utf8)
        #expect(ThemeFile.check(text, file: "\(name).toml").isEmpty)
    }

    @Test func aThemeWithoutBaseMustDefineEverySlot() {
        let text = "version = 1\n[body]\nfg = 7\n[title]\nbold = true\n"
        let issues = ThemeFile.check(text, file: "t.toml")
        #expect(issues.count == ThemeSlot.allCases.count - 2)
        #expect(issues.allSatisfy { $0.line == 1 && $0.message.hasPrefix("missing slot [") })
        #expect(issues.first?.description.hasPrefix("t.toml:1: missing slot [tab]; define every slot, or add base") == true)
        #expect(issues.contains { $0.description == "t.toml:1: missing slot [table.cursor]" })
        #expect(!issues.contains { $0.message.contains("[body]") || $0.message.contains("[title]") })
        // With a base, a partial theme is complete.
        #expect(ThemeFile.check("version = 1\nbase = \"default\"\n[body]\nfg = 7\n", file: "t.toml").isEmpty)
        #expect(ThemeFile.check("version = 1\nbase = \"mono\"\n", file: "t.toml").isEmpty)
    }

    @Test func everyProblemComesWithItsLine() {
        let text = """
            version = 1
            base = "default"
            background = "grey"
            shade = 3
            [table.cursor]
            fg = "#12345g"
            bg = 256
            blink = true
            [tabel.header]
            fg = 1
            """
        let issues = ThemeFile.check(text, file: "x.toml")
        #expect(issues.map(\.line) == [3, 4, 6, 7, 8, 9], "\(issues.map(\.description))")
        #expect(issues[0].description.hasPrefix("x.toml:3: unknown background \"grey\""))
        #expect(issues[1].message.hasPrefix("unknown key shade"))
        #expect(issues[2].message.contains("#12345g"))
        #expect(issues[3].message == "colour index 256 is outside 0–255")
        #expect(issues[4].message.hasPrefix("unknown key blink in [table.cursor]"))
        #expect(issues[5].message.hasPrefix("unknown table [tabel.header]"))
    }

    @Test func backgroundIsRead() {
        #expect(ThemeFile.parse("version = 1\nbackground = \"light\"\n", file: "l.toml").theme.background == .light)
        #expect(ThemeFile.parse("version = 1\n", file: "d.toml").theme.background == .dark)
        #expect(ThemeFile.parse("version = 1\nbackground = 1\n", file: "d.toml").issues.map(\.line) == [2])
    }

    @Test func arraysAreNotColours() {
        let issues = ThemeFile.parse("version = 1\n[ok]\nfg = [1, 2]\n", file: "a.toml").issues
        #expect(issues.map(\.line) == [3])
    }
}
