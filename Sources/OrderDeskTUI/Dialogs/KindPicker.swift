import OrderDeskCore
import OrderDeskTerminal

/// Choosing which kind of difference a run's table shows, each kind with how many there are.
public struct KindPickerState: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        /// nil for "all kinds".
        public var kind: DifferenceKind?
        public var count: Int
    }

    public var options: [Option]
    public var index = 0

    /// `counts` under the screen's current search and open-only setting; `total` is their sum.
    public init(counts: [DifferenceKind: Int], current: Set<DifferenceKind>) {
        options = [Option(kind: nil, count: counts.values.reduce(0, +))]
            + DifferenceKind.allCases.map { Option(kind: $0, count: counts[$0] ?? 0) }
        if current.count == 1, let i = options.firstIndex(where: { $0.kind == current.first }) { index = i }
    }
}

public enum KindPicker {
    public static func update(_ state: inout KindPickerState, _ key: Key) -> DialogOutcome {
        let n = state.options.count
        switch key {
        case .escape: return .close
        case .down, .character("j"), .tab, .character("f"): state.index = (state.index + 1) % n
        case .up, .character("k"), .backTab: state.index = (state.index + n - 1) % n
        case .home, .character("g"): state.index = 0
        case .end, .character("G"): state.index = n - 1
        case .enter:
            return .chooseKinds(state.options[state.index].kind.map { [$0] } ?? [])
        default: break
        }
        return .stay
    }

    public static func render(_ state: KindPickerState, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: state.options.count + 5, width: 46, title: "Show one kind")
        guard inner.width > 10, inner.height > 3 else { return }
        let countWidth = 7
        let rows = inner.height - 3
        let first = max(0, min(state.index - rows + 1, state.options.count - rows))
        for (i, option) in state.options.enumerated().dropFirst(first).prefix(rows) {
            let selected = i == state.index
            let name = option.kind.map { DisplayWidth.pad($0.shortLabel, to: 9) + $0.label } ?? "All kinds"
            let style = selected ? theme.style(.tableCursor) : theme.style(option.count == 0 ? .muted : .dialog)
            let y = inner.top + i - first
            canvas.cell((selected ? "▸ " : "  ") + name, row: y, column: inner.left, width: inner.width - countWidth, style: style)
            canvas.cell(Money.groupedInteger(option.count), row: y, column: inner.left + inner.width - countWidth,
                        width: countWidth, style: style, alignRight: true)
        }
        canvas.dialogFooter(inner, hint: "↑↓ choose · Enter show · Esc cancel")
    }
}
