import Foundation
import OrderDeskTerminal
import OrderDeskTUI

extension DeskLauncher {
    /// Gives the desk the user's key bindings. Problems in `keys.toml` do not stop the desk: the bad entries
    /// are skipped, and the first problem shows as a message (unless a theme warning already holds the line)
    /// with the command that lists them all.
    static func applyKeys(to app: DeskApp, environment: [String: String]) {
        let (keymap, issues) = Keymap.load(environment: environment)
        app.keymap = keymap
        let problems = issues.filter(Keymap.isProblem)
        guard let first = problems.first, app.state.message?.isError != true else { return }
        // The file's path is in the problem already; saying it twice would push the row count off the line.
        let more = problems.count == 1 ? "" : " (and \(problems.count - 1) more: orderdesk keys check lists them)"
        app.show(StatusMessage("Keys: \(first)\(more)", isError: true))
    }

    /// Gives the `:` line the history of earlier sessions; returns what was loaded, for `saveHistory`.
    @discardableResult
    static func loadHistory(into app: DeskApp, environment: [String: String]) -> [String] {
        guard let path = CommandHistoryFile.path(environment: environment) else { return [] }
        app.commandHistory = CommandHistoryFile.read(path)
        return app.commandHistory
    }

    /// Keeps the `:` line's history for the next session: this session's commands on top of what the file
    /// holds now, so another desk that closed meanwhile keeps its commands too.
    static func saveHistory(of app: DeskApp, loaded: [String], environment: [String: String]) {
        guard let path = CommandHistoryFile.path(environment: environment) else { return }
        let merged = CommandHistoryFile.merged(session: app.commandHistory, loaded: loaded, onDisk: CommandHistoryFile.read(path))
        CommandHistoryFile.write(merged, to: path)
    }
}
