import Foundation

extension DeskApp {
    /// The `:` line's history, most recent first; the launcher restores it when the desk opens and saves it
    /// when it closes.
    public var commandHistory: [String] {
        get { state.commandLine.history }
        set { state.commandLine = CommandLineSession(history: newValue) }
    }
}

/// The `:` line's history on disk: `$XDG_STATE_HOME/orderdesk/history` (`~/.local/state/orderdesk/history`),
/// one line a command, oldest first like a shell's history file.
public enum CommandHistoryFile {
    /// The file, or nil when neither `XDG_STATE_HOME` (absolute) nor `HOME` is set.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/orderdesk/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/orderdesk/history" }
        return nil
    }

    /// The saved history, most recent first; empty when there is none or it cannot be read.
    public static func read(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return Array(lines.reversed().prefix(CommandLineSession.historyLimit))
    }

    /// What to save when a desk closes (most recent first): the commands this session added (`session` less
    /// the `loaded` history it started from) on top of what is in the file now (`onDisk`), so two desks open at
    /// once both keep their commands instead of the last one to close overwriting the other's.
    public static func merged(session: [String], loaded: [String], onDisk: [String]) -> [String] {
        // The session's history is its new commands followed by the start of what it loaded (the limit may
        // have cut the end): the new ones are what comes before the longest such tail.
        var added = session.count
        for start in 0...session.count {
            let tail = session[start...]
            if tail.count <= loaded.count, tail.elementsEqual(loaded.prefix(tail.count)) { added = start; break }
        }
        var out: [String] = []
        for command in session.prefix(added) + onDisk where out.last != command { out.append(command) }
        return Array(out.prefix(CommandLineSession.historyLimit))
    }

    /// Writes `history` (most recent first) over the file, creating its folder. A failure is ignored: losing
    /// the history must not stop the desk from closing cleanly.
    public static func write(_ history: [String], to path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = history.prefix(CommandLineSession.historyLimit).reversed().map { $0 + "\n" }.joined()
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
