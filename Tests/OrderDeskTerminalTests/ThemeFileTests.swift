import Foundation
import Testing

@testable import OrderDeskTerminal

/// The repository's `themes/` folder, found from this file's path.
let repositoryThemes = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes").path

@Suite("Theme files")
struct ThemeFileTests {
    static let shipped = ["default", "mono", "light", "high-contrast", "colorblind"]

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: repositoryThemes + "/\(name).toml", encoding: .utf8)
    }

    @Test(arguments: shipped)
    func shippedThemeParsesCleanlyAndCoversEverySlot(name: String) throws {
        let text = try read(name)
        let result = ThemeFile.parse(text, file: "\(name).toml")
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.theme.name == name)
        for slot in ThemeSlot.allCases {
            #expect(text.contains("[\(slot.rawValue)]"), "\(name).toml has no [\(slot.rawValue)]")
        }
    }

    @Test func builtInsMatchTheirFiles() throws {
        let parsedDefault = ThemeFile.parse(try read("default"), file: "default.toml").theme
        let parsedMono = ThemeFile.parse(try read("mono"), file: "mono.toml").theme
        for slot in ThemeSlot.allCases {
            #expect(parsedDefault.style(slot) == Theme.builtInDefault.style(slot), "default \(slot)")
            #expect(parsedMono.style(slot) == Theme.builtInMono.style(slot), "mono \(slot)")
        }
    }

    @Test func monoHasNoColourAndStatesStillDiffer() {
        let mono = Theme.builtInMono
        #expect(mono.isMonochrome)
        #expect(!Theme.builtInDefault.isMonochrome)
        let body = mono.style(.body)
        for slot in [ThemeSlot.stateNotDone, .stateHeld, .stateCancelled, .tableCursor, .tableHeader, .statusLine] {
            #expect(mono.style(slot) != body, "\(slot) looks like body text")
        }
        // Danger, warning and muted states differ from each other without colour.
        let danger = mono.style(.stateNotDone), warning = mono.style(.stateHeld), muted = mono.style(.stateCancelled)
        #expect(Set([danger, warning, muted, mono.style(.stateInstalled)]).count == 4)
    }

    @Test func valuesOfEveryKind() {
        let text = """
            version = 1
            name = 'custom'   # a literal string
            description = "Tabs \\"and\\" quotes"
            [body]
            fg = "#FF8000"    # upper-case hex
            bg = 17
            [title]
            fg = "bright-blue"
            bg = "123"
            bold = false
            [muted]
            fg = "grey"
            [accent]
            fg = "default"
            reverse = true
            """
        let (theme, issues) = ThemeFile.parse(text, file: "custom.toml")
        #expect(issues.isEmpty, "\(issues)")
        #expect(theme.name == "custom")
        #expect(theme.description == "Tabs \"and\" quotes")
        #expect(theme.style(.body) == Style(foreground: .rgb(255, 128, 0), background: .indexed(17)))
        #expect(theme.style(.title) == Style(foreground: .indexed(12), background: .indexed(123), bold: false))
        #expect(theme.style(.muted).foreground == .indexed(8))
        // Keys left out come from the base theme: accent keeps nothing but what the file says plus defaults.
        #expect(theme.style(.accent) == Style(foreground: .terminalDefault, reverse: true))
        // Slots left out come from the built-in default.
        #expect(theme.style(.stateNotDone) == Theme.builtInDefault.style(.stateNotDone))
    }

    @Test func brokenThemeReportsEachProblemOnItsLine() {
        let text = """
            # line 1: a comment
            name = "broken"
            colour = "red"
            [table.cursor]
            fg = "purple"
            bg = 300
            bold = "yes"
            sparkle = true
            [nonsense]
            fg = 1
            [ok
            this is not toml
            [danger]
            fg = "#12345"
            underline = tru
            fg = 2
            """
        let (theme, issues) = ThemeFile.parse(text, file: "broken.toml")
        let lines = issues.map(\.line)
        #expect(lines == [1, 3, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16], "\(issues.map(\.description))")
        #expect(issues.first?.description == "broken.toml:1: missing version = 1 at the top of the file")
        #expect(issues.contains { $0.line == 5 && $0.message.contains("purple") })
        #expect(issues.contains { $0.line == 9 && $0.message.contains("[nonsense]") })
        #expect(issues.contains { $0.line == 16 && $0.message.contains("twice") })
        // Bad values fall back; a repeated key is reported and only its first value counts (here a bad one).
        #expect(theme.style(.tableCursor) == Theme.builtInDefault.style(.tableCursor))
        #expect(theme.style(.danger).foreground == Theme.builtInDefault.style(.danger).foreground)
        #expect(theme.name == "broken")
    }

    @Test func versionMustBeOne() {
        let (_, wrong) = ThemeFile.parse("\n\nversion = 2\n", file: "v.toml")
        #expect(wrong.map(\.description) == ["v.toml:3: unsupported version 2; this OrderDesk reads version 1"])
        let (_, text) = ThemeFile.parse("version = \"1\"", file: "v.toml")
        #expect(text.map(\.line) == [1])
        let (_, good) = ThemeFile.parse("version = 1", file: "v.toml")
        #expect(good.isEmpty)
    }

    @Test func monoBaseFallsBackToMono() {
        let (theme, issues) = ThemeFile.parse("version = 1\nbase = \"mono\"\n[title]\nunderline = true\n", file: "m.toml")
        #expect(issues.isEmpty)
        #expect(theme.isMonochrome)
        #expect(theme.style(.title) == Style(bold: true, underline: true))
        #expect(theme.style(.tableCursor) == Theme.builtInMono.style(.tableCursor))
        #expect(theme.name == "m")
    }

    @Test func hashInsideAStringIsNotAComment() {
        #expect(ThemeFile.stripComment(##"fg = "#ff0000" # red"##) == ##"fg = "#ff0000" "##)
        #expect(ThemeFile.stripComment("bold = true#x") == "bold = true")
    }
}
