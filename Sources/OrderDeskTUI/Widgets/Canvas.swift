import OrderDeskCore
import OrderDeskTerminal

/// Drawing helpers over a `Terminal` and a `Theme`: display-width-aware cells, boxes and bars.
public struct Canvas {
    public let terminal: Terminal
    public let theme: Theme
    public var rows: Int { terminal.size.rows }
    public var columns: Int { terminal.size.columns }

    public init(terminal: Terminal, theme: Theme) { self.terminal = terminal; self.theme = theme }

    public func style(_ slot: ThemeSlot) -> Style { theme.style(slot) }

    /// Text padded or truncated to exactly `width` cells.
    public func cell(_ text: String, row: Int, column: Int, width: Int, style: Style, alignRight: Bool = false) {
        guard width > 0 else { return }
        terminal.draw(DisplayWidth.pad(text, to: width, alignRight: alignRight), row: row, column: column, style: style)
    }

    /// Text from a column to the right edge, truncated.
    public func text(_ text: String, row: Int, column: Int, style: Style) {
        let width = columns - column
        guard width > 0 else { return }
        terminal.draw(DisplayWidth.truncate(text, to: width), row: row, column: column, style: style)
    }

    /// A whole row painted in a style, with text on the left.
    public func bar(_ text: String, row: Int, style: Style) {
        cell(text, row: row, column: 0, width: columns, style: style)
    }

    /// A framed box with a title; returns the inner rectangle.
    @discardableResult
    public func box(top: Int, left: Int, height: Int, width: Int, title: String) -> (top: Int, left: Int, height: Int, width: Int) {
        let border = style(.dialogBorder)
        let inner = style(.dialog)
        guard height >= 2, width >= 2 else { return (top, left, 0, 0) }
        let horizontal = String(repeating: "─", count: width - 2)
        terminal.draw("┌" + horizontal + "┐", row: top, column: left, style: border)
        for r in 1..<(height - 1) {
            terminal.draw("│", row: top + r, column: left, style: border)
            terminal.fill(row: top + r, column: left + 1, width: width - 2, style: inner)
            terminal.draw("│", row: top + r, column: left + width - 1, style: border)
        }
        terminal.draw("└" + horizontal + "┘", row: top + height - 1, column: left, style: border)
        if !title.isEmpty {
            cell(" " + title + " ", row: top, column: left + 2,
                 width: min(DisplayWidth.of(title) + 2, width - 4), style: style(.dialogTitle))
        }
        return Self.inner(of: (top, left, height, width))
    }

    /// The last rows inside a dialog: a message (an error by default) above the key hint. A long message
    /// wraps upwards over at most `messageLines` rows (the rows must be free), and is cut after that.
    public func dialogFooter(
        _ inner: (top: Int, left: Int, height: Int, width: Int), hint: String, message: String? = nil,
        messageSlot: ThemeSlot = .danger, messageLines: Int = 1
    ) {
        guard inner.height >= 2, inner.width > 0 else { return }
        if let message {
            var lines = messageLines > 1 ? TextWrap.lines(message, width: inner.width) : [message]
            let room = max(1, min(messageLines, inner.height - 1))
            if lines.count > room { lines = Array(lines.prefix(room - 1)) + [lines[(room - 1)...].joined(separator: " ")] }
            for (i, line) in lines.enumerated() {
                cell(line, row: inner.top + inner.height - 1 - lines.count + i, column: inner.left, width: inner.width,
                     style: style(messageSlot))
            }
        }
        cell(hint, row: inner.top + inner.height - 1, column: inner.left, width: inner.width, style: style(.muted))
    }

    /// A centred box of at most the given size.
    public func centredBox(height: Int, width: Int, title: String) -> (top: Int, left: Int, height: Int, width: Int) {
        let frame = Self.centredFrame(height: height, width: width, rows: rows, columns: columns)
        return box(top: frame.top, left: frame.left, height: frame.height, width: frame.width, title: title)
    }

    /// Where `centredBox` puts a box (border included) on a `rows` × `columns` screen, without drawing it,
    /// so clicks are hit-tested against the box that is drawn.
    static func centredFrame(height: Int, width: Int, rows: Int, columns: Int) -> (top: Int, left: Int, height: Int, width: Int) {
        let h = min(height, rows - 2), w = min(width, columns - 2)
        return (max(0, (rows - h) / 2), max(0, (columns - w) / 2), h, w)
    }

    /// The inside of a box drawn by `box` with this frame: what `box` returns.
    static func inner(of frame: (top: Int, left: Int, height: Int, width: Int)) -> (top: Int, left: Int, height: Int, width: Int) {
        (frame.top + 1, frame.left + 2, frame.height - 2, frame.width - 4)
    }
}

extension Theme {
    /// The slot that colours an order state.
    func style(for state: OrderState) -> Style {
        switch state {
        case .draft: return style(.stateDraft)
        case .submitted: return style(.stateSubmitted)
        case .pending: return style(.statePending)
        case .held: return style(.stateHeld)
        case .inProgress: return style(.stateInProgress)
        case .scheduled: return style(.stateScheduled)
        case .notDone: return style(.stateNotDone)
        case .installed: return style(.stateInstalled)
        case .billed: return style(.stateBilled)
        case .cancelled: return style(.stateCancelled)
        case .rejected: return style(.stateRejected)
        }
    }
}
