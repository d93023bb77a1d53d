import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Writing a note on an order. The text survives a refused save.
public struct NoteDialogState: Hashable, Sendable {
    public var orderID: Int64
    public var orderNumber: String
    public var version: Int64
    public var field = TextField(multiline: true)
    public var confirmingDiscard = false
    public var error: String?

    public init(orderID: Int64, orderNumber: String, version: Int64) {
        self.orderID = orderID; self.orderNumber = orderNumber; self.version = version
    }
}

public enum NoteDialog {
    public static func update(_ state: inout NoteDialogState, _ key: Key) -> DialogOutcome {
        if let answer = DiscardQuestion.answer(&state.confirmingDiscard, key) { return answer }
        switch key {
        case .control("s"):
            let text = state.field.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { state.error = "The note is empty: type something, or Esc to cancel."; return .stay }
            state.error = nil
            return .submit(.addNote(text), orderID: state.orderID, expectedVersion: state.version)
        case .escape:
            return DiscardQuestion.escape(state.field.text, asking: &state.confirmingDiscard)
        default:
            _ = state.field.handle(key)
            return .stay
        }
    }

    public static func render(_ state: NoteDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: 14, width: 70, title: "Note on order \(state.orderNumber)")
        guard inner.width > 0, inner.height > 3 else { return }
        let textRows = inner.height - 3
        let lines = TextWrap.lines(state.field.text, width: inner.width)
        let shown = Array(lines.suffix(textRows))
        for r in 0..<textRows {
            canvas.cell(r < shown.count ? shown[r] : "", row: inner.top + r, column: inner.left, width: inner.width,
                        style: theme.style(.fieldFocus))
        }
        // The cursor sits at the end of the text, the usual place while writing.
        if !state.confirmingDiscard {
            let lastLine = shown.last ?? ""
            canvas.terminal.setCursor(row: inner.top + max(0, shown.count - 1),
                                      column: inner.left + min(inner.width - 1, DisplayWidth.of(lastLine)))
        }
        canvas.dialogFooter(
            inner, hint: "Ctrl-S save · Enter new line · Esc cancel",
            message: state.confirmingDiscard ? "Discard this note? y discards, any other key keeps writing." : state.error,
            messageSlot: state.confirmingDiscard ? .warning : .danger)
    }
}
