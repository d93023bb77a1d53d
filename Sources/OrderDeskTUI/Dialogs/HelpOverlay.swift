import OrderDeskTerminal

/// The help overlay, generated from the command table so it can never disagree with the keys.
public enum HelpOverlay {
    /// The help text for a context: one line a command, grouped by context.
    static func lines(for context: CommandContext) -> [(text: String, isHeading: Bool)] {
        let groups: [CommandContext] = context == .global ? [.global] : [context, .global]
        var out: [(String, Bool)] = []
        // Names line up in one column, as wide as the longest shown (at least 20).
        let nameWidth = max(20, CommandTable.commands(in: context).map { DisplayWidth.of($0.name) }.max() ?? 0)
        for group in groups {
            out.append((group.title, true))
            for spec in CommandTable.all where spec.contexts.contains(group) {
                out.append(("  " + DisplayWidth.pad(spec.keyLabel, to: 8) + " " + DisplayWidth.pad(spec.name, to: nameWidth)
                            + " " + spec.description, false))
            }
            out.append(("", false))
        }
        return out
    }

    public static func update(scroll: inout Int, _ key: Key, context: CommandContext) -> DialogOutcome {
        switch key {
        case .escape, .character("?"), .character("q"), .enter, .function(1): return .close
        case .down, .character("j"): scroll = min(scroll + 1, max(0, lines(for: context).count - 1))
        case .up, .character("k"): scroll = max(0, scroll - 1)
        default: break
        }
        return .stay
    }

    public static func render(scroll: Int, context: CommandContext, on canvas: Canvas) {
        let theme = canvas.theme
        let all = lines(for: context)
        let inner = canvas.centredBox(height: all.count + 3, width: 100, title: "Keys · : runs a command by its long name")
        guard inner.width > 0, inner.height > 1 else { return }
        for (i, line) in all.dropFirst(scroll).enumerated() where i < inner.height - 1 {
            canvas.cell(line.text, row: inner.top + i, column: inner.left, width: inner.width,
                        style: line.isHeading ? theme.style(.dialogTitle) : theme.style(.dialog))
        }
        canvas.dialogFooter(inner, hint: "↑↓ scroll · Esc close")
    }
}
