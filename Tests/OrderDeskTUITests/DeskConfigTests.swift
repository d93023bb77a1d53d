import Foundation
import OrderDeskTerminal
@testable import OrderDeskTUI
import Testing

/// `config.toml`: the theme and the mouse, unknown keys and bad values by line, a missing file is the defaults.
struct DeskConfigTests {
    @Test func theThemeAndTheMouseAreRead() {
        let (config, issues) = DeskConfig.parse("theme = \"light\"\nmouse = false\n", file: "config.toml")
        #expect(issues.isEmpty)
        #expect(config == DeskConfig(theme: "light", mouse: false))
        #expect(DeskConfig.parse("", file: "config.toml").config == DeskConfig(theme: nil, mouse: true))
    }

    @Test func unknownKeysTablesAndBadValuesAreReportedByLine() {
        let text = "theme = 3\nmouse = \"yes\"\ncolours = true\n[keys]\nq = 1\n"
        let (config, issues) = DeskConfig.parse(text, file: "/home/dana/.config/orderdesk/config.toml")
        #expect(config == DeskConfig())
        #expect(issues.map(\.line) == [1, 2, 3, 4])  // the unknown table once, not each of its keys
        #expect(issues[0].description == "/home/dana/.config/orderdesk/config.toml:1: theme must be a theme's name in quotes, e.g. theme = \"light\"")
        #expect(issues[1].message == "mouse must be true or false")
        #expect(issues[2].message.hasPrefix("unknown key colours"))
        #expect(issues[3].message.hasPrefix("unknown table [keys]"))
    }

    @Test func theFileIsFoundInTheUsersConfigFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orderdesk-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_CONFIG_HOME": folder.path, "HOME": "/nonexistent"]
        #expect(DeskConfig.load(environment: environment).config == DeskConfig())
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("orderdesk"), withIntermediateDirectories: true)
        try "mouse = false\n".write(to: folder.appendingPathComponent("orderdesk/config.toml"), atomically: true, encoding: .utf8)
        #expect(DeskConfig.load(environment: environment).config == DeskConfig(mouse: false))
        #expect(ConfigDirectory.configFile(environment: ["HOME": "/home/dana"]) == "/home/dana/.config/orderdesk/config.toml")
        #expect(ConfigDirectory.keysFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/orderdesk/keys.toml")
    }
}
