import OrderDeskCore
import OrderDeskTerminal

/// A save one of the customer screen's forms asks the desk for; the form stays open until it succeeds.
public enum CustomerSave: Hashable, Sendable {
    case customer(customerID: Int64, CustomerEdit, expectedVersion: Int64)
    /// A new location when `locationID` is nil.
    case location(customerID: Int64, locationID: Int64?, LocationEdit, expectedVersion: Int64?)
    /// A new contact when `contactID` is nil.
    case contact(customerID: Int64, contactID: Int64?, ContactEdit, expectedVersion: Int64?)
    case removeContact(Contact)
    case survey(locationID: Int64, SiteSurvey, expectedVersion: Int64)
    /// A new document when `documentID` is nil.
    case document(customerID: Int64, documentID: Int64?, PortingDocumentKind, receivedOn: Day?, loa: LOADetails?,
                  note: String?, expectedVersion: Int64?)
    case note(customerID: Int64, String)
}

/// The customer screen's forms, one of which is open over it.
public enum CustomerFormModal: Hashable, Sendable {
    case customer(CustomerFormState)
    case location(LocationFormState)
    case contact(ContactFormState)
    case survey(SurveyFormState)
    case document(DocumentFormState)
    case note(CustomerNoteFormState)
    case removeContact(RemoveContactState)

    /// The form inside (nil for the yes/no question).
    public var form: FormState? {
        get {
            switch self {
            case .customer(let s): return s.form
            case .location(let s): return s.form
            case .contact(let s): return s.form
            case .survey(let s): return s.form
            case .document(let s): return s.form
            case .note(let s): return s.form
            case .removeContact: return nil
            }
        }
        set {
            guard let form = newValue else { return }
            switch self {
            case .customer(var s): s.form = form; self = .customer(s)
            case .location(var s): s.form = form; self = .location(s)
            case .contact(var s): s.form = form; self = .contact(s)
            case .survey(var s): s.form = form; self = .survey(s)
            case .document(var s): s.form = form; self = .document(s)
            case .note(var s): s.form = form; self = .note(s)
            case .removeContact: break
            }
        }
    }

    /// The customer whose screen the form belongs to, when known (to reload it after a conflict).
    public var customerID: Int64? {
        switch self {
        case .customer(let s): return s.customerID
        case .location(let s): return s.customerID
        case .contact(let s): return s.customerID
        case .survey(let s): return s.customerID
        case .document(let s): return s.customerID
        case .note(let s): return s.customerID
        case .removeContact: return nil
        }
    }

    /// After a conflict: takes the fresh record's version, and its values in the fields not typed in.
    /// False when the record is no longer there.
    public mutating func reloaded(from detail: CustomerDetail) -> Bool {
        switch self {
        case .customer(var s): defer { self = .customer(s) }; return s.reloaded(from: detail)
        case .location(var s): defer { self = .location(s) }; return s.reloaded(from: detail)
        case .contact(var s): defer { self = .contact(s) }; return s.reloaded(from: detail)
        case .survey(var s): defer { self = .survey(s) }; return s.reloaded(from: detail)
        case .document(var s): defer { self = .document(s) }; return s.reloaded(from: detail)
        case .note, .removeContact: return true
        }
    }
}

public enum CustomerForms {
    public static func update(_ modal: inout CustomerFormModal, _ key: Key) -> DialogOutcome {
        switch modal {
        case .customer(var s): defer { modal = .customer(s) }; return CustomerForm.update(&s, key)
        case .location(var s): defer { modal = .location(s) }; return LocationForm.update(&s, key)
        case .contact(var s): defer { modal = .contact(s) }; return ContactForm.update(&s, key)
        case .survey(var s): defer { modal = .survey(s) }; return SurveyForm.update(&s, key)
        case .document(var s): defer { modal = .document(s) }; return DocumentForm.update(&s, key)
        case .note(var s): defer { modal = .note(s) }; return CustomerNoteForm.update(&s, key)
        case .removeContact(var s): defer { modal = .removeContact(s) }; return RemoveContactDialog.update(&s, key)
        }
    }

    public static func render(_ modal: CustomerFormModal, on canvas: Canvas) {
        switch modal {
        case .customer(let s): Form.render(s.form, on: canvas)
        case .location(let s): Form.render(s.form, on: canvas)
        case .contact(let s): Form.render(s.form, on: canvas)
        case .survey(let s): Form.render(s.form, on: canvas)
        case .document(let s): Form.render(s.form, on: canvas)
        case .note(let s): Form.render(s.form, on: canvas)
        case .removeContact(let s): RemoveContactDialog.render(s, on: canvas)
        }
    }

    /// A form's key handling when Ctrl-S produces one save: the common shape of the forms below.
    static func outcome(_ event: FormEvent, save: () -> CustomerSave) -> DialogOutcome {
        switch event {
        case .save: return .saveCustomerRecord(save())
        case .close: return .close
        case .stay, .edited: return .stay
        }
    }

    /// Blank (after trimming) as nil.
    static func optional(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension CustomerForms {
    /// A click on one of the forms' fields focuses it, as Tab would (the field left is checked). Clicks
    /// elsewhere, and while the discard question is up, change nothing.
    static func click(_ modal: inout CustomerFormModal, row: Int, column: Int, size: TerminalSize) {
        guard var form = modal.form, !form.confirmingDiscard,
              let index = Form.field(atRow: row, column: column, form, rows: size.rows, columns: size.columns)
        else { return }
        let validate: Form.Validator
        switch modal {
        case .customer: validate = CustomerForm.validate
        case .location: validate = LocationForm.validate
        case .contact: validate = ContactForm.validate
        case .survey: validate = SurveyForm.validate
        case .document: validate = DocumentForm.validate
        case .note: validate = CustomerNoteForm.validate
        case .removeContact: return
        }
        Form.focus(&form, on: index, validate: validate)
        modal.form = form
    }
}
