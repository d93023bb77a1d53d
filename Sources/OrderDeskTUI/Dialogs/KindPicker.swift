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

    /// The box, how many options show and the first one shown: one computation for drawing and clicks.
    static func layout(_ state: KindPickerState, rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), inner: (top: Int, left: Int, height: Int, width: Int),
            rows: Int, first: Int) {
        let frame = Canvas.centredFrame(height: state.options.count + 5, width: 46, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        let shown = inner.height - 3
        return (frame, inner, shown, max(0, min(state.index - shown + 1, state.options.count - shown)))
    }

    /// A click on an option selects it, a double click shows it (true: choose, as Enter); the wheel moves
    /// the selection. Nil when the event is outside the options (the picker stays as it is).
    static func mouse(_ state: inout KindPickerState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        switch event.kind {
        case .wheelUp, .wheelDown:
            _ = update(&state, event.kind == .wheelUp ? .up : .down)
            return false
        case .click, .doubleClick:
            let l = layout(state, rows: size.rows, columns: size.columns)
            guard l.inner.width > 10, l.inner.height > 3, event.column >= l.inner.left, event.column < l.inner.left + l.inner.width,
                  let i = RowHit.index(row: event.row, firstRow: l.inner.top, end: l.inner.top + l.rows, offset: l.first,
                                       count: state.options.count)
            else { return nil }
            state.index = i
            return event.kind == .doubleClick
        case .rightClick:
            return nil
        }
    }

    public static func render(_ state: KindPickerState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = layout(state, rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Show one kind")
        guard inner.width > 10, inner.height > 3 else { return }
        let countWidth = 7
        let (rows, first) = (l.rows, l.first)
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
