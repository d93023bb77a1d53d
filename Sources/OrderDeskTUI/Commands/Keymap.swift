import Foundation
import OrderDeskTerminal

/// The effective key bindings: the command table's keys, changed per context by a user's `keys.toml`.
///
/// Everything that shows or reads a key asks the keymap (key handling, the help overlay, the footer hints,
/// the `:` line), so what people see is always what works.
public struct Keymap: Sendable {
    /// The keys of each command in each context it applies in.
    var bindings: [CommandContext: [CommandID: [Key]]]

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
    /// A global command loses, in a context, the keys that context gives its own commands (they win there).
    public func keys(for id: CommandID, in context: CommandContext) -> [Key] {
        if let own = bindings[context]?[id] { return own }
        guard context != .global, let global = bindings[.global]?[id] else { return [] }
        let taken = Set((bindings[context] ?? [:]).filter { $0.key != id }.values.joined())
        return global.filter { !taken.contains($0) }
    }

    /// Replaces the keys of `id` in `context` (empty: the command has no key there, `:` still runs it).
    public mutating func bind(_ id: CommandID, to keys: [Key], in context: CommandContext) {
        bindings[context, default: [:]][id] = keys
    }

    /// The command a key runs in a context, looking in the context first and then in the global ones.
    public func command(for key: Key, in context: CommandContext) -> CommandID? {
        func lookup(_ table: CommandContext) -> CommandID? {
            guard let keys = bindings[table] else { return nil }
            // The command table's order decides between two commands on one key, as before.
            return CommandTable.all.first {
                // A context's own binding of a global command replaces the global one there.
                keys[$0.id]?.contains(key) == true && (table == context || bindings[context]?[$0.id] == nil)
            }?.id
        }
        return lookup(context) ?? (context == .global ? nil : lookup(.global))
    }

    /// How a command's keys are written in help and hints, e.g. "↓ j", "Ctrl-R"; "—" when it has none.
    public func keyLabel(for id: CommandID, in context: CommandContext) -> String {
        let keys = keys(for: id, in: context)
        if keys == CommandTable.spec(for: id)?.keys, let label = CommandTable.spec(for: id)?.keyLabel { return label }
        return keys.isEmpty ? "—" : keys.map(KeyName.label).joined(separator: " ")
    }

    /// The keys a command has in a context as the first word of its label, for the footer ("↓", "Ctrl-R").
    func firstKeyLabel(for id: CommandID, in context: CommandContext) -> String? {
        let keys = keys(for: id, in: context)
        guard let first = keys.first else { return nil }
        if keys == CommandTable.spec(for: id)?.keys, let label = CommandTable.spec(for: id)?.keyLabel {
            return label.split(separator: " ").first.map(String.init) ?? label
        }
        return KeyName.label(first)
    }

    /// Footer hints for a context with the effective keys: `key label` pairs, screen commands first.
    /// A command without a key here is left out (it has nothing to press). `only`, when given, keeps just those
    /// commands (the ones that apply where the cursor is); `relabel` names a command for what its key does
    /// where the cursor is (`n` on a customer's contracts pane).
    public func hints(in context: CommandContext, only: Set<CommandID>? = nil,
                      relabel: [CommandID: String] = [:]) -> [(id: CommandID, key: String, label: String)] {
        CommandTable.commands(in: context).filter { only?.contains($0.id) ?? true }.compactMap { spec in
            guard let label = relabel[spec.id] ?? spec.hint, let key = firstKeyLabel(for: spec.id, in: context) else { return nil }
            return (id: spec.id, key: key, label: label)
        }
    }

    /// Whether a command has its standard keys in a context (false when a user's file changed them).
    public func isStandard(_ id: CommandID, in context: CommandContext) -> Bool {
        keys(for: id, in: context) == Keymap.standard.keys(for: id, in: context)
    }

    /// What a context's table lists in `orderdesk keys`: its own commands (for `[global]`, the global ones) and
    /// the global commands it rebinds, with their keys there, in the command table's order.
    public func entries(in context: CommandContext) -> [(id: CommandID, keys: [Key])] {
        CommandTable.all.filter { $0.contexts.contains(context) || bindings[context]?[$0.id] != nil }
            .map { (id: $0.id, keys: keys(for: $0.id, in: context)) }
    }

    /// Whether an issue from `parse` is a problem (a skipped entry, a command left without a way out) rather
    /// than a `note:` about a standard key that moved.
    public static func isProblem(_ issue: FileIssue) -> Bool { !issue.message.hasPrefix("note:") }

    /// Reads a `keys.toml` on top of `base`; each unknown name, bad key or conflict is an issue with its line.
    ///
    /// Bad entries are skipped and the rest applies. Issues whose message starts with `note:` are
    /// information (a standard key taken over), not problems; see `KeysFile` for the rules.
    public static func parse(_ text: String, file: String, base: Keymap = .standard) -> (keymap: Keymap, issues: [FileIssue]) {
        KeysFile.apply(TOMLSubset.parse(text, file: file), file: file, to: base)
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

    /// Reads a key as written in `keys.toml` (or as `label` writes it); nil when it is not a key OrderDesk knows.
    ///
    /// One character is that character, case and all (`"T"` is not `"t"`). Names are case-insensitive:
    /// `ctrl-x`, `enter`, `esc`, `tab`, `shift-tab`, `up`/`down`/`left`/`right` (or the arrows), `pgup`/`pgdn`,
    /// `home`, `end`, `backspace`, `delete`, `insert`, `space`, `f1`…`f12`.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1 { return arrows[text] ?? .character(text.first!) }
        let lower = text.lowercased()
        if let key = named[lower] { return key }
        for prefix in ["ctrl-", "ctrl+", "c-"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            return .control(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        return nil
    }

    /// Every name `parse` accepts besides single characters, `ctrl-x` and `f1`…`f12`.
    static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "shift-tab": .backTab, "s-tab": .backTab, "backtab": .backTab,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "page-up": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "page-down": .pageDown,
        "home": .home, "end": .end, "backspace": .backspace, "delete": .delete, "del": .delete,
        "insert": .insert, "ins": .insert, "space": .character(" "),
    ]

    private static let arrows: [String: Key] = ["↑": .up, "↓": .down, "←": .left, "→": .right]

    /// How `keys.toml` spells a key (the inverse of `parse`, in the file's own lower-case style).
    public static func configName(_ key: Key) -> String {
        switch key {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-" + String(c)
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .backTab: return "shift-tab"
        case .function(let n): return "f\(n)"
        default: return label(key).lowercased()
        }
    }
}
