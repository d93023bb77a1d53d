import OrderDeskTerminal

extension CommandContext {
    /// The context's table name in `keys.toml`: `global`, `queue`, `detail`, `reconcile-runs`, `reconcile-run`,
    /// `customers`, `customer`, `contracts`, `contract`, `status`, `reports`.
    public var configName: String {
        switch self {
        case .reconcileRuns: return "reconcile-runs"
        case .reconcileRun: return "reconcile-run"
        default: return rawValue
        }
    }

    /// Reads a table name: the config name, the raw value (`reconcileRuns`) or snake case, any letter case.
    public init?(configName: String) {
        let folded = configName.lowercased().filter { $0 != "-" && $0 != "_" }
        guard let context = CommandContext.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = context
    }
}

/// How a `keys.toml` changes a keymap, and what it reports.
///
/// Rules (see DECISIONS.md, "keys.toml"):
/// - An entry replaces all keys of its command in its table's context; `"none"` or `[]` leaves it no key there.
/// - A key taken from another command's standard binding in the same context moves: the other command loses
///   it and keeps its other keys. That is a `note:`, not a problem (as in tmux, vim or lazygit, the user's
///   binding wins), unless the other command is left with no key in a context where a way out matters.
/// - A key given in one file to two commands of one context is a conflict: the later entry is skipped.
/// - A key bound in a context wins over a `[global]` key there (as the standard table already does).
/// - Leaving `app.quit`, `view.back`, `view.help` or `app.command` without any key in a context applies but is
///   warned about, since `:` (or nothing) is then the only way to reach it.
enum KeysFile {
    /// Commands that must stay reachable by a key; losing every key is allowed but warned.
    static let essential: [CommandID] = [.quit, .back, .help, .commandLine]

    /// What a file's entries do to `base`, with every issue by line.
    static func apply(_ document: TOMLSubset.Document, file: String, to base: Keymap) -> (keymap: Keymap, issues: [FileIssue]) {
        var keymap = base
        var issues = document.issues
        func issue(_ line: Int, _ message: String) { issues.append(FileIssue(file: file, line: line, message: message)) }
        let contextNames = CommandContext.allCases.map { "[\($0.configName)]" }.joined(separator: ", ")
        var badTables: Set<String> = []
        for table in document.tables where CommandContext(configName: table.name) == nil {
            badTables.insert(table.name)
            issue(table.line, "unknown context [\(table.name)]; use one of \(contextNames). Its entries are skipped")
        }
        // The keys this file gave, per context: which command and on which line.
        var given: [CommandContext: [Key: (id: CommandID, line: Int)]] = [:]
        // The last line that changed a command's keys in a context (its own entry, or one that took its key).
        var touched: [CommandContext: [CommandID: Int]] = [:]
        for entry in document.entries {
            guard let tableName = entry.table else {
                issue(entry.line, "\(entry.key) is outside any table; put it under a context such as [global] or [queue]")
                continue
            }
            if badTables.contains(tableName) { continue }
            guard let context = CommandContext(configName: tableName) else { continue }
            guard let id = CommandID(rawValue: entry.key) else {
                let guess = CommandCompletion.rank(entry.key, context: context).first.map { "; did you mean \($0.rawValue)?" } ?? ""
                issue(entry.line, "unknown command \(entry.key)\(guess) (`orderdesk keys` lists them)")
                continue
            }
            guard let spec = CommandTable.spec(for: id),
                  spec.contexts.contains(context) || spec.contexts.contains(.global) else {
                let places = CommandTable.spec(for: id)?.contexts.map { "[\($0.configName)]" }.joined(separator: ", ") ?? ""
                issue(entry.line, "\(id.rawValue) does not apply in [\(context.configName)]; put it under \(places)")
                continue
            }
            guard let keys = readKeys(entry.value, line: entry.line, issue: issue) else { continue }
            // A conflict inside the file: skip the later entry, whatever else it binds.
            if let clash = keys.lazy.compactMap({ key in given[context]?[key].map { (key, $0) } }).first(where: { $0.1.id != id }) {
                issue(entry.line, "\(KeyName.configName(clash.0)) is already bound to \(clash.1.id.rawValue) on line \(clash.1.line) in "
                      + "[\(context.configName)]; this entry is skipped. Give one of them another key")
                continue
            }
            for key in keys { given[context, default: [:]][key] = (id, entry.line) }
            for (holder, note) in takeOver(keys, for: id, in: context, keymap: &keymap) {
                issue(entry.line, note)
                touched[context, default: [:]][holder] = entry.line
            }
            keymap.bind(id, to: uniqued(keys), in: context)
            touched[context, default: [:]][id] = entry.line
        }
        // A way out left without a key: one warning a command, naming where, at the line that did it.
        for id in essential {
            let lost = CommandContext.allCases.filter { keymap.keys(for: id, in: $0).isEmpty && !base.keys(for: id, in: $0).isEmpty }
            guard !lost.isEmpty else { continue }
            let line = lost.compactMap { touched[$0]?[id] }.min() ?? touched[.global]?[id] ?? 1
            let places = lost.count == CommandContext.allCases.count ? "any context"
                : lost.map { "[\($0.configName)]" }.joined(separator: ", ")
            issue(line, "\(id.rawValue) has no key left in \(places); only :\(id.rawValue) reaches it there. "
                  + "Bind it a key if that is not what you meant")
        }
        return (keymap, issues.sorted { $0.line < $1.line })
    }

    /// The keys an entry's value names: a key, `"none"`, or an array of keys (`[]`: none). Nil after an issue.
    private static func readKeys(_ value: TOMLSubset.Value, line: Int, issue: (Int, String) -> Void) -> [Key]? {
        let names: [String]
        switch value {
        case .string(let name) where name.lowercased() == "none": return []
        case .string(let name): names = [name]
        case .array(let values):
            var strings: [String] = []
            for value in values {
                guard case .string(let name) = value else {
                    issue(line, "keys are written as strings, e.g. [\"T\", \"ctrl-t\"]; found \(value.text)")
                    return nil
                }
                strings.append(name)
            }
            names = strings
        default:
            issue(line, "write a key as a string (\"T\"), a list ([\"T\", \"ctrl-t\"]) or \"none\"; found \(value.text)")
            return nil
        }
        var keys: [Key] = []
        for name in names {
            guard let key = KeyName.parse(name) else {
                issue(line, "unknown key name \"\(name)\"; write one character, ctrl-x, enter, esc, tab, shift-tab, "
                      + "up, down, left, right, pgup, pgdn, home, end, backspace, delete, insert, space or f1…f12")
                return nil
            }
            if let reason = unbindable(key) {
                issue(line, "\(name) cannot be bound: \(reason)")
                return nil
            }
            keys.append(key)
        }
        return keys
    }

    /// Why a key can never reach the desk as itself, or nil.
    static func unbindable(_ key: Key) -> String? {
        switch key {
        case .control("c"): return "Ctrl-C interrupts the desk (it quits, restoring the terminal)"
        case .control("h"): return "terminals send Ctrl-H as Backspace; write backspace"
        case .control("i"): return "terminals send Ctrl-I as Tab; write tab"
        case .control("j"), .control("m"): return "terminals send it as Enter; write enter"
        case .function(let n) where !(1...12).contains(n): return "only f1…f12 can be bound"
        default: return nil
        }
    }

    /// Moves `keys` to `id` in `context`: other commands of the context that had one lose it. Returns a note for
    /// each move, so `orderdesk keys check` can say where a standard key went.
    private static func takeOver(_ keys: [Key], for id: CommandID, in context: CommandContext,
                                 keymap: inout Keymap) -> [(holder: CommandID, note: String)] {
        var notes: [(CommandID, String)] = []
        for key in keys {
            guard let holder = keymap.command(for: key, in: context), holder != id else { continue }
            let holderContext: CommandContext = keymap.bindings[context]?[holder] != nil ? context : .global
            if holderContext == context {
                keymap.bind(holder, to: keymap.keys(for: holder, in: context).filter { $0 != key }, in: context)
            }
            // A global command keeps the key elsewhere: only this context's binding wins over it.
            let left = keymap.keys(for: holder, in: context).filter { !keys.contains($0) }
            let rest = left.isEmpty ? "it has no key left there (:\(holder.rawValue) still runs it)"
                : "it keeps " + left.map(KeyName.configName).joined(separator: ", ")
            let scope = holderContext == context ? "" : " (elsewhere it keeps it)"
            notes.append((holder, "note: \(KeyName.configName(key)) was \(holder.rawValue)'s key in [\(context.configName)]; "
                         + "now it runs \(id.rawValue) there\(scope), and \(rest)"))
        }
        // A [global] key that a screen gives one of its own commands keeps running that one there.
        if context == .global {
            for key in keys {
                for screen in CommandContext.allCases where screen != .global {
                    guard let own = keymap.command(for: key, in: screen), own != id,
                          keymap.bindings[screen]?[own]?.contains(key) == true else { continue }
                    notes.append((own, "note: in [\(screen.configName)] \(KeyName.configName(key)) still runs \(own.rawValue) "
                                  + "(a context's own keys come first); bind \(id.rawValue) under [\(screen.configName)] too to change that"))
                }
            }
        }
        return notes
    }

    private static func uniqued(_ keys: [Key]) -> [Key] {
        var seen: Set<Key> = []
        return keys.filter { seen.insert($0).inserted }
    }
}
