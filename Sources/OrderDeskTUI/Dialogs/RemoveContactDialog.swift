import OrderDeskCore
import OrderDeskTerminal

/// "Remove contact Ana Ruiz? y/n": y removes (audited), n or Esc keeps.
public struct RemoveContactState: Hashable, Sendable {
    public var contact: Contact
    /// A refusal from the store (the desk's user may not remove contacts).
    public var error: String?

    public init(contact: Contact) { self.contact = contact }
}

public enum RemoveContactDialog {
    public static func update(_ state: inout RemoveContactState, _ key: Key) -> DialogOutcome {
        switch key {
        case .character("y"), .character("Y"): return .saveCustomerRecord(.removeContact(state.contact))
        case .character("n"), .character("N"), .escape: return .close
        default: return .stay
        }
    }

    public static func render(_ state: RemoveContactState, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: state.error == nil ? 8 : 10, width: 64, title: "Remove contact")
        guard inner.width > 10, inner.height > 3 else { return }
        let contact = state.contact
        let reach = [contact.phone, contact.email].compactMap { $0 }.joined(separator: " · ")
        canvas.cell("Remove " + contact.name + " (" + contact.role.label + ")?", row: inner.top, column: inner.left,
                    width: inner.width, style: theme.style(.dialogTitle))
        canvas.cell(reach, row: inner.top + 1, column: inner.left, width: inner.width, style: theme.style(.dialog))
        canvas.cell("The removal is recorded on the customer's timeline.", row: inner.top + 3, column: inner.left,
                    width: inner.width, style: theme.style(.muted))
        canvas.dialogFooter(inner, hint: "y remove · n keep", message: state.error, messageLines: 3)
    }
}
