import Foundation
import OrderDeskTerminal

/// The effective key bindings: the command table's keys, changed per context by a user's `keys.toml`.
///
/// Everything that shows or reads a key asks the keymap (key handling, the help overlay, the footer hints,
/// the `:` line), so what people see is always what works.
public struct Keymap: Sendable {
    /// The keys of each command in each context it applies in.
    private var bindings: [CommandContext: [CommandID: [Key]]]

    /// The command table's own keys.
    public static let standard: Keymap = {
        var bindings: [CommandContext: [CommandID: [Key]]] = [:]
        for spec in CommandTable.all {
            for context in spec.contexts { bindings[context, default: [:]][spec.id] = spec.keys }
        }
        return Keymap(bindings: bindings)
    }()

    init(bindings: [CommandContext: [CommandID: [Key]]]) { self.bindings = bindings }

    /// The keys that run `id` in `context` (its own context's binding; for a global command, the global one).
    public func keys(for id: CommandID, in context: CommandContext) -> [Key] {
        bindings[context]?[id] ?? bindings[.global]?[id] ?? []
    }

    /// Replaces the keys of `id` in `context` (empty: the command has no key there, `:` still runs it).
    public mutating func bind(_ id: CommandID, to keys: [Key], in context: CommandContext) {
        bindings[context, default: [:]][id] = keys
    }

    /// The command a key runs in a context, looking in the context first and then in the global ones.
    public func command(for key: Key, in context: CommandContext) -> CommandID? {
        func lookup(_ context: CommandContext) -> CommandID? {
            guard let table = bindings[context] else { return nil }
            // The command table's order decides between two commands on one key, as before.
            return CommandTable.all.first { table[$0.id]?.contains(key) == true }?.id
        }
        return lookup(context) ?? lookup(.global)
    }

    /// How a command's keys are written in help and hints, e.g. "↓ j", "Ctrl-R"; "—" when it has none.
    public func keyLabel(for id: CommandID, in context: CommandContext) -> String {
        let keys = keys(for: id, in: context)
        if keys == CommandTable.spec(for: id)?.keys, let label = CommandTable.spec(for: id)?.keyLabel { return label }
        return keys.isEmpty ? "—" : keys.map(KeyName.label).joined(separator: " ")
    }

    /// Reads a `keys.toml` on top of `base`; each unknown name, bad key or conflict is an issue with its line.
    public static func parse(_ text: String, file: String, base: Keymap = .standard) -> (keymap: Keymap, issues: [FileIssue]) {
        // Contract stub: the keys helper writes the format and its checks.
        (base, [])
    }

    /// Reads the user's `keys.toml`; a missing file is the standard keymap with no issue.
    public static func load(environment: [String: String]) -> (keymap: Keymap, issues: [FileIssue]) {
        guard let path = ConfigDirectory.keysFile(environment: environment),
              FileManager.default.fileExists(atPath: path) else { return (.standard, []) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (.standard, [FileIssue(file: path, line: 1, message: "cannot read the file as UTF-8 text; using the standard keys")])
        }
        return parse(text, file: path)
    }
}

/// Key names as people write them in `keys.toml` and read them in help: "j", "Enter", "Ctrl-R", "F1", "PgDn".
public enum KeyName {
    /// The label shown for a key.
    public static func label(_ key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }

    /// Reads a key as written in `keys.toml`; nil when it is not a key OrderDesk knows.
    /// Contract stub: the keys helper writes the names it accepts (and tests that `label` reads back).
    public static func parse(_ text: String) -> Key? {
        text.count == 1 ? .character(text.first!) : nil
    }
}
