import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Deciding what to do about a difference: one of four resolutions and a note saying why (required).
public struct ResolveDialogState: Hashable, Sendable {
    public enum Focus: Hashable, Sendable { case choice, note }

    public var difference: SavedDifference
    public var choice: DifferenceResolution
    public var note: TextField
    public var focus = Focus.choice
    public var error: String?

    /// Starts from the difference's current resolution, when it has one, so it can be changed.
    public init(difference: SavedDifference) {
        self.difference = difference
        choice = difference.resolution?.resolution ?? .fixInSFDC
        note = TextField(difference.resolution?.note ?? "")
    }
}

public enum ResolveDialog {
    static let explanations: [DifferenceResolution: String] = [
        .fixInSFDC: "the CRM is wrong: correct the order in Salesforce",
        .fixInIDA: "the billing system is wrong: correct it in IDA",
        .accepted: "both are right as they are",
        .ignored: "not worth acting on",
    ]

    public static let noteRequired = "A note is required: say what was done or why (a ticket number helps)."

    public static func update(_ state: inout ResolveDialogState, _ key: Key) -> DialogOutcome {
        let all = DifferenceResolution.allCases
        let index = all.firstIndex(of: state.choice)!
        switch key {
        case .escape: return .close
        case .down: state.choice = all[(index + 1) % all.count]
        case .up: state.choice = all[(index + all.count - 1) % all.count]
        case .tab, .backTab: state.focus = state.focus == .choice ? .note : .choice
        case .enter:
            let note = state.note.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else {
                state.error = noteRequired
                state.focus = .note
                return .stay
            }
            state.error = nil
            return .resolve(differenceID: state.difference.id, state.choice, note: note)
        case .character(let c) where state.focus == .choice:
            if let n = c.wholeNumberValue, (1...all.count).contains(n) {
                state.choice = all[n - 1]
                state.focus = .note
            } else if c != " " {
                // Typing starts the note.
                state.focus = .note
                _ = state.note.handle(key)
            }
        default:
            if state.focus == .note { _ = state.note.handle(key) }
        }
        return .stay
    }

    /// The box, the resolutions' rows and the note's two rows (its label and its field): one computation for
    /// drawing and clicks.
    static func layout(rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), choices: [HitZone<DifferenceResolution>],
            note: [HitZone<ResolveDialogState.Focus>]) {
        let frame = Canvas.centredFrame(height: 15, width: 72, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 20, inner.height > 8 else { return (frame, [], []) }
        // Under the difference and the earlier resolution, and a blank row.
        let end = inner.top + inner.height
        let choices = HitZone.stacked(DifferenceResolution.allCases, top: inner.top + 3, end: end, inner: inner)
        // The note's label, then its field, under a blank row.
        let note = HitZone.stacked([ResolveDialogState.Focus.note, .note], top: inner.top + 3 + choices.count + 1, end: end,
                                   inner: inner)
        return (frame, choices, note)
    }

    /// A click on a resolution chooses it, a double click also moves on to the note (as its digit does); a
    /// click on the note focuses it; the wheel moves through the resolutions. Nil when nothing changed.
    static func mouse(_ state: inout ResolveDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        if let key = DialogMouse.wheelKey(event) {
            _ = update(&state, key)
            return false
        }
        let l = layout(rows: size.rows, columns: size.columns)
        if case let (choice, double)? = DialogMouse.click(event, in: l.choices) {
            state.choice = choice
            state.focus = double ? .note : .choice
            return false
        }
        guard DialogMouse.click(event, in: l.note) != nil else { return nil }
        state.focus = .note
        return false
    }

    public static func render(_ state: ResolveDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let d = state.difference.difference
        let keys = (d.idaOrder ?? d.sfdcID ?? "")
        let l = layout(rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Resolve " + d.kind.label + " · " + keys)
        guard inner.width > 20, inner.height > 8 else { return }
        var y = inner.top
        if let field = d.field {
            canvas.cell(field.rawValue.replacingOccurrences(of: "_", with: " ") + ": IDA " + (d.idaValue ?? "(empty)")
                            + "  ≠  SFDC " + (d.sfdcValue ?? "(empty)"),
                        row: y, column: inner.left, width: inner.width, style: theme.style(.warning))
        } else {
            canvas.cell(ReconcileRunScreen.sides(d), row: y, column: inner.left, width: inner.width, style: theme.style(.dialog))
        }
        y += 1
        if let earlier = state.difference.earlierResolution {
            canvas.cell("↻ last time: " + earlier.resolution.label + " by " + earlier.by + ": " + earlier.note,
                        row: y, column: inner.left, width: inner.width, style: theme.style(.accent))
        }
        for (i, zone) in l.choices.enumerated() {
            let resolution = zone.target
            let selected = resolution == state.choice
            let focused = selected && state.focus == .choice
            let text = (selected ? "(•) " : "( ) ") + "\(i + 1) " + DisplayWidth.pad(resolution.label, to: 12)
                + (explanations[resolution] ?? "")
            canvas.cell(text, row: zone.row, column: zone.left, width: zone.width,
                        style: focused ? theme.style(.tableCursor) : selected ? theme.style(.dialogTitle) : theme.style(.dialog))
        }
        y = l.note[0].row
        canvas.cell((state.focus == .note ? "▸ " : "  ") + "Note (required)", row: y, column: inner.left, width: inner.width,
                    style: state.focus == .note ? theme.style(.accent) : theme.style(.dialog))
        y += 1
        let x = state.note.draw(on: canvas, row: y, column: inner.left, width: inner.width,
                                style: state.focus == .note ? theme.style(.fieldFocus) : theme.style(.field))
        if state.focus == .note { canvas.terminal.setCursor(row: y, column: x) }
        canvas.dialogFooter(inner, hint: "↑↓ or 1–4 choose · Tab note · Enter save · Esc cancel", message: state.error,
                            messageLines: 2)
    }
}
