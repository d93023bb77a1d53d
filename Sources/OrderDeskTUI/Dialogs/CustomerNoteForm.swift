import OrderDeskCore
import OrderDeskTerminal

/// A note on the customer's timeline: several lines, Ctrl-S saves.
public struct CustomerNoteFormState: Hashable, Sendable {
    public var customerID: Int64
    public var form: FormState

    public init(customerID: Int64, customerName: String? = nil) {
        self.customerID = customerID
        form = FormState(title: "Note on " + (customerName ?? "the customer"), fields: [
            .multiline("note", "Note", "", rows: 8),
        ], preferredWidth: 72)
    }

    public var text: String { form["note"].trimmingCharacters(in: .whitespacesAndNewlines) }
}

public enum CustomerNoteForm {
    public static let emptyMessage = "The note is empty: type something, or Esc to cancel."

    public static func validate(_ form: FormState) -> [FieldError] {
        FieldValidation.isBlank(form["note"]) ? [FieldError(field: "note", message: emptyMessage)] : []
    }

    public static func update(_ state: inout CustomerNoteFormState, _ key: Key) -> DialogOutcome {
        let event = Form.update(&state.form, key, validate: validate)
        return CustomerForms.outcome(event) { .note(customerID: state.customerID, state.text) }
    }
}
