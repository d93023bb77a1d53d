import Foundation
import OrderDeskTerminal

/// What the `:` line remembers beside its text: the session's history and where Tab or ↑/↓ are in it.
/// It lives in `DeskState`, so the history survives closing the line.
public struct CommandLineSession: Hashable, Sendable {
    /// Lines that ran, most recent first; no line twice in a row.
    public private(set) var history: [String] = []
    /// The history entry shown (0 the most recent); nil while typing.
    var browsing: Int?
    /// What was typed before ↑ started walking the history, given back by ↓ past the newest entry.
    var draft = ""
    /// The text Tab is cycling the candidates of, and which candidate is shown; nil when not cycling.
    var cycle: (query: String, index: Int)? {
        get { cycleQuery.map { ($0, cycleIndex) } }
        set { cycleQuery = newValue?.query; cycleIndex = newValue?.index ?? 0 }
    }
    private var cycleQuery: String?
    private var cycleIndex = 0

    /// How many lines the history keeps.
    public static let historyLimit = 100

    public init(history: [String] = []) { self.history = Array(history.prefix(Self.historyLimit)) }

    /// Adds a line that ran, unless it is the same as the last one.
    public mutating func remember(_ line: String) {
        guard !line.isEmpty, history.first != line else { return }
        history.insert(line, at: 0)
        if history.count > Self.historyLimit { history.removeLast(history.count - Self.historyLimit) }
    }

    /// Forgets where ↑/↓ and Tab were (a new `:` line starts at the bottom of the history).
    mutating func reset() { browsing = nil; draft = ""; cycle = nil }
}

/// What the `:` line needs from the desk to complete and label commands.
public struct CommandLineContext {
    public var keymap: Keymap
    public var context: CommandContext
    public var themeNames: [String]

    public init(keymap: Keymap = .standard, context: CommandContext, themeNames: [String] = []) {
        self.keymap = keymap; self.context = context; self.themeNames = themeNames
    }

    /// The completions of `text`, best first: `theme NAME` lines after `theme `, else command names.
    public func candidates(for text: String) -> [String] {
        let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if words.count == 2, CommandTable.command(named: words[0]) == .theme {
            let partial = words[1].trimmingCharacters(in: .whitespaces).lowercased()
            let starting = themeNames.filter { $0.lowercased().hasPrefix(partial) }
            let names = starting.isEmpty ? themeNames.filter { $0.lowercased().contains(partial) } : starting
            return names.map { words[0] + " " + $0 }
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return CommandCompletion.rank(text, context: context).map(\.rawValue)
    }

    /// The key shown beside a candidate: the command's effective key here, or in the first place it works.
    func keyLabel(for candidate: String) -> String {
        guard let id = CommandID(rawValue: candidate), let spec = CommandTable.spec(for: id) else { return "" }
        let here = spec.contexts.contains(context) || spec.contexts.contains(.global) ? context : spec.contexts[0]
        return keymap.keyLabel(for: id, in: here)
    }
}

/// The `:` line: type a command's long name (fuzzy: `qf`, `take`), Tab cycles the candidates, ↑/↓ walk the
/// history, Enter runs it.
public enum CommandLinePrompt {
    /// The most candidates listed above the line.
    static let shownCandidates = 8

    public static func update(_ field: inout TextField, _ key: Key, session: inout CommandLineSession,
                              environment: CommandLineContext, message: inout String?) -> DialogOutcome {
        switch key {
        case .escape:
            session.reset()
            return .close
        case .enter:
            let typed = field.text.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { session.reset(); return .close }
            // A command with an argument: `theme NAME`.
            let words = typed.split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2, CommandTable.command(named: words[0]) == .theme {
                let name = words[1].trimmingCharacters(in: .whitespaces)
                session.remember("theme " + name)
                session.reset()
                return .setTheme(name)
            }
            if CommandTable.command(named: typed) == .theme {
                message = "Name the theme: :theme NAME (for example :theme light; Tab lists them)."
                return .stay
            }
            guard let command = CommandTable.command(named: typed) else {
                let guess = environment.candidates(for: typed).first.map { " Did you mean \($0)? Tab completes it." }
                    ?? " Press Tab to complete, or ? for the list."
                message = "Unknown command '\(typed)'." + guess
                return .stay
            }
            session.remember(command.rawValue)
            session.reset()
            return .run(command)
        case .tab, .backTab:
            let query = session.cycle?.query ?? field.text
            let options = environment.candidates(for: query)
            guard !options.isEmpty else {
                message = "No command matches '\(field.text)'."
                return .stay
            }
            if options.count == 1 {
                field = TextField(options[0])
                session.cycle = nil
                return .stay
            }
            let step = key == .tab ? 1 : options.count - 1
            let index = session.cycle.map { ($0.index + step) % options.count } ?? (key == .tab ? 0 : options.count - 1)
            session.cycle = (query, index)
            field = TextField(options[index])
            return .stay
        case .up:
            guard !session.history.isEmpty else { return .stay }
            if session.browsing == nil { session.draft = field.text }
            let index = min((session.browsing ?? -1) + 1, session.history.count - 1)
            session.browsing = index
            session.cycle = nil
            field = TextField(session.history[index])
            return .stay
        case .down:
            guard let index = session.browsing else { return .stay }
            session.browsing = index == 0 ? nil : index - 1
            field = TextField(index == 0 ? session.draft : session.history[index - 1])
            return .stay
        default:
            session.cycle = nil
            session.browsing = nil
            _ = field.handle(key)
            return .stay
        }
    }

    public static func render(_ field: TextField, session: CommandLineSession, environment: CommandLineContext,
                              on canvas: Canvas, row: Int) {
        renderCandidates(field, session: session, environment: environment, on: canvas, above: row)
        canvas.fill(row: row, style: canvas.theme.style(.fieldFocus))
        canvas.cell(":", row: row, column: 0, width: 1, style: canvas.theme.style(.fieldFocus))
        let x = field.draw(on: canvas, row: row, column: 1, width: canvas.columns - 1, style: canvas.theme.style(.fieldFocus))
        canvas.terminal.setCursor(row: row, column: x)
    }

    /// The candidates for what is typed, with their keys and what they do, just above the line; the one Tab
    /// shows is highlighted.
    private static func renderCandidates(_ field: TextField, session: CommandLineSession, environment: CommandLineContext,
                                         on canvas: Canvas, above row: Int) {
        let options = environment.candidates(for: session.cycle?.query ?? field.text)
        guard !options.isEmpty, row > 1 else { return }
        let first = max(0, min((session.cycle?.index ?? 0) - shownCandidates + 1, options.count - shownCandidates))
        let shown = Array(options.dropFirst(first).prefix(min(shownCandidates, row - 1)))
        let nameWidth = shown.map(DisplayWidth.of).max() ?? 0
        let keys = shown.map(environment.keyLabel)
        let keyWidth = max(5, keys.map(DisplayWidth.of).max() ?? 0)
        for (i, option) in shown.enumerated() {
            let y = row - shown.count + i
            let description = CommandID(rawValue: option).flatMap { CommandTable.spec(for: $0) }?.description ?? ""
            let text = " " + DisplayWidth.pad(option, to: nameWidth) + "  " + DisplayWidth.pad(keys[i], to: keyWidth) + "  "
                + description
            let selected = session.cycle.map { $0.index == first + i } ?? false
            let style = canvas.theme.style(selected ? .tableCursor : .dialog)
            canvas.fill(row: y, style: style)
            canvas.cell(text, row: y, column: 0, width: canvas.columns, style: style)
        }
    }
}
