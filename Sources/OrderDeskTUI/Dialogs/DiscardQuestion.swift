import Foundation
import OrderDeskTerminal

/// Asking before a dialog throws away what was written: Esc with text asks, `y` discards, any other key
/// goes back to writing. Shared by the dialogs that take free text (notes, comments, resolutions).
enum DiscardQuestion {
    /// While the question is up: `y` closes the dialog, any other key dismisses the question. Nil when it is not up.
    static func answer(_ asking: inout Bool, _ key: Key) -> DialogOutcome? {
        guard asking else { return nil }
        if key == .character("y") || key == .character("Y") { return .close }
        asking = false
        return .stay
    }

    /// Esc: closes at once when nothing was written, else asks.
    static func escape(_ text: String, asking: inout Bool) -> DialogOutcome {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .close }
        asking = true
        return .stay
    }
}
