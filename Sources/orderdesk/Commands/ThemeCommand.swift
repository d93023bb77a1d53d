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
        let environment = ProcessInfo.processInfo.environment
        let directories = ThemeLoader.searchDirectories(environment: environment, executablePath: DeskLauncher.executablePath())
        let listings = ThemeLoader.listing(
            directories: directories, userDirectory: ConfigDirectory.themesDirectory(environment: environment))
        let width = listings.map(\.name.count).max() ?? 0
        for theme in listings {
            var line = theme.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + theme.description
            switch theme.origin {
            case .builtIn: line += "  (built-in)"
            case .user, .shipped: line += "  (\(theme.origin.rawValue): \(theme.path ?? ""))"
            }
            print(line)
            for hidden in theme.overrides {
                print(String(repeating: " ", count: width + 2) + "overrides \(hidden)")
            }
        }
        if ColorMapping.colorDisabled(environment: environment) {
            print("NO_COLOR is set: the desk uses mono whatever theme is chosen.")
        }
    }
}

/// `orderdesk theme check FILE`.
struct ThemeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Report each unknown key, bad colour or missing slot of a theme file by line; exit 1 if any.",
        discussion: """
            A theme without `base = "default"` (or "mono") must define every slot; with a base it lists only \
            what it changes.
            """)

    @Argument(help: "The theme file (.toml).")
    var file: String

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw Failure.message("\(file): no such file; give the path to a theme's .toml file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: file) else {
            throw Failure.message("\(file): cannot read the file; check that it is a readable file, not a folder")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure.message("\(file):1: not UTF-8 text; save the theme as UTF-8")
        }
        let issues = ThemeFile.check(text, file: file)
        guard issues.isEmpty else {
            for issue in issues { print(issue.description) }
            let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            throw Failure.message("\(file): \(count); fix each line above and check again")
        }
        print("\(file): ok")
    }
}
