import ArgumentParser
import Foundation
import OrderDeskTerminal

/// `orderdesk theme list|check FILE`: the themes this desk finds, and a theme file's problems by line.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "List the themes, or check a theme file.",
        subcommands: [ThemeListCommand.self, ThemeCheckCommand.self])
}

/// `orderdesk theme list`.
struct ThemeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the themes and where each comes from.")

    func run() throws {
        // Contract stub: the themes helper writes this.
        throw ValidationError("theme list is not written yet")
    }
}

/// `orderdesk theme check FILE`.
struct ThemeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Report each unknown key, bad colour or missing slot of a theme file by line; exit 1 if any.")

    @Argument(help: "The theme file (.toml).")
    var file: String

    func run() throws {
        // Contract stub: the themes helper writes this.
        throw ValidationError("theme check is not written yet")
    }
}
