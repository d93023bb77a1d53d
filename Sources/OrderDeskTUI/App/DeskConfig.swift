import Foundation
import OrderDeskTerminal

/// What a user's `config.toml` chooses for the desk.
///
/// ```toml
/// theme = "light"   # a theme name from themes/ (yours first), or a path to a .toml file
/// mouse = false     # leave the mouse to the terminal, so text can be selected (default: true)
/// ```
public struct DeskConfig: Equatable, Sendable {
    /// The theme's name; nil keeps the default (or `--theme`).
    public var theme: String?
    /// Whether the desk reads the mouse: clicks select, the wheel scrolls, tabs switch screens.
    public var mouse: Bool

    public init(theme: String? = nil, mouse: Bool = true) {
        self.theme = theme; self.mouse = mouse
    }

    /// The keys a config file may hold.
    public static let knownKeys = ["theme", "mouse"]

    /// Reads a config file's text; every problem is an issue with its line, and what was understood still counts.
    public static func parse(_ text: String, file: String) -> (config: DeskConfig, issues: [FileIssue]) {
        let document = TOMLSubset.parse(text, file: file)
        var issues = document.issues
        var config = DeskConfig()
        for table in document.tables {
            issues.append(FileIssue(file: file, line: table.line,
                                    message: "unknown table [\(table.name)]; config.toml has only the keys \(knownKeys.joined(separator: ", "))"))
        }
        for entry in document.entries where entry.table == nil {
            switch (entry.key, entry.value) {
            case ("theme", .string(let name)) where !name.isEmpty: config.theme = name
            case ("theme", _): issues.append(FileIssue(file: file, line: entry.line, message: "theme must be a theme's name in quotes, e.g. theme = \"light\""))
            case ("mouse", .boolean(let on)): config.mouse = on
            case ("mouse", _): issues.append(FileIssue(file: file, line: entry.line, message: "mouse must be true or false"))
            default:
                issues.append(FileIssue(file: file, line: entry.line,
                                        message: "unknown key \(entry.key); config.toml knows \(knownKeys.joined(separator: ", "))"))
            }
        }
        return (config, issues.sorted { $0.line < $1.line })
    }

    /// Reads the user's config file; a missing file is the defaults with no issue, an unreadable one an issue.
    public static func load(environment: [String: String]) -> (config: DeskConfig, issues: [FileIssue]) {
        guard let path = ConfigDirectory.configFile(environment: environment),
              FileManager.default.fileExists(atPath: path) else { return (DeskConfig(), []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (DeskConfig(), [FileIssue(file: path, line: 1, message: "cannot read the file as UTF-8 text; using the defaults")])
        }
        return parse(text, file: path)
    }
}
