import OrderDeskTerminal

/// The help overlay, generated from the command table and the effective keymap so it can never disagree
/// with the keys.
public enum HelpOverlay {
    /// The help text for a context: one line a command, grouped by context. A command without a key shows
    /// `—` and "(: only)", since the `:` line still runs it.
    static func lines(for context: CommandContext, keymap: Keymap = .standard) -> [(text: String, isHeading: Bool)] {
        let groups: [CommandContext] = context == .global ? [.global] : [context, .global]
        var out: [(String, Bool)] = []
        // Names line up in one column, as wide as the longest shown (at least 20).
        let nameWidth = max(20, CommandTable.commands(in: context).map { DisplayWidth.of($0.name) }.max() ?? 0)
        // Global commands are labelled with their keys in this context (a screen's own key wins there).
        func label(_ spec: CommandSpec) -> String { keymap.keyLabel(for: spec.id, in: context) }
        let keyWidth = max(8, CommandTable.commands(in: context).map { DisplayWidth.of(label($0)) }.max() ?? 0)
        for group in groups {
            out.append((group.title, true))
            for spec in CommandTable.all where spec.contexts.contains(group) {
                let key = label(spec)
                let unbound = key == "—" ? " (: only)" : ""
                out.append(("  " + DisplayWidth.pad(key, to: keyWidth) + " " + DisplayWidth.pad(spec.name, to: nameWidth)
                            + " " + spec.description + unbound, false))
            }
            out.append(("", false))
        }
        return out
    }

    public static func update(scroll: inout Int, _ key: Key, context: CommandContext, keymap: Keymap = .standard) -> DialogOutcome {
        // The help keys close it too, whatever they were rebound to; the overlay's own keys stay as they are.
        if keymap.command(for: key, in: context) == .help { return .close }
        switch key {
        case .escape, .character("?"), .character("q"), .enter, .function(1): return .close
        case .down, .character("j"): scroll = min(scroll + 1, max(0, lines(for: context, keymap: keymap).count - 1))
        case .up, .character("k"): scroll = max(0, scroll - 1)
        default: break
        }
        return .stay
    }

    public static func render(scroll: Int, context: CommandContext, keymap: Keymap = .standard, on canvas: Canvas) {
        let theme = canvas.theme
        let all = lines(for: context, keymap: keymap)
        let inner = canvas.centredBox(height: all.count + 3, width: 100, title: "Keys · : runs a command by its long name")
        guard inner.width > 0, inner.height > 1 else { return }
        for (i, line) in all.dropFirst(scroll).enumerated() where i < inner.height - 1 {
            canvas.cell(line.text, row: inner.top + i, column: inner.left, width: inner.width,
                        style: line.isHeading ? theme.style(.dialogTitle) : theme.style(.dialog))
        }
        canvas.dialogFooter(inner, hint: "↑↓ scroll · Esc close")
    }
}
