import OrderDeskCore
import OrderDeskTerminal

/// Adding or editing a contact: name, role, phone and email.
public struct ContactFormState: Hashable, Sendable {
    public var customerID: Int64
    /// nil for a new contact.
    public var contactID: Int64?
    public var version: Int64?
    public var form: FormState

    public init(customerID: Int64, contact: Contact?) {
        self.customerID = customerID; contactID = contact?.id; version = contact?.version
        let values = ContactForm.values(contact.map(ContactEdit.init) ?? ContactEdit())
        form = FormState(title: contact.map { "Edit contact · " + $0.name } ?? "New contact", fields: [
            .text("name", "Name", values["name"]!),
            .choice("role", "Role", ContactRole.allCases.map { FormOption($0.rawValue, $0.label, hint: ContactForm.roleHints[$0]) },
                    selected: values["role"]!),
            .text("phone", "Phone", values["phone"]!, width: 20, placeholder: "e.g. (516) 555-0142"),
            .text("email", "Email", values["email"]!, placeholder: "e.g. ana@example.com"),
        ])
    }

    public var edit: ContactEdit { ContactForm.edit(form) }

    mutating func reloaded(from detail: CustomerDetail) -> Bool {
        guard let id = contactID, let fresh = detail.contacts.first(where: { $0.id == id }) else { return false }
        version = fresh.version
        form.takeFresh(ContactForm.values(ContactEdit(fresh)))
        return true
    }
}

public enum ContactForm {
    static let roleHints: [ContactRole: String] = [
        .billing: "gets the invoices", .technical: "for installs and faults", .signer: "signs contracts and LOAs",
        .siteAccess: "lets technicians in",
    ]

    static func values(_ edit: ContactEdit) -> [String: String] {
        ["name": edit.name, "role": edit.role.rawValue, "phone": edit.phone, "email": edit.email]
    }

    static func edit(_ form: FormState) -> ContactEdit {
        ContactEdit(name: form["name"], role: ContactRole(rawValue: form["role"]) ?? .technical, phone: form["phone"],
                    email: form["email"])
    }

    public static func validate(_ form: FormState) -> [FieldError] { edit(form).validate() }

    public static func update(_ state: inout ContactFormState, _ key: Key) -> DialogOutcome {
        let event = Form.update(&state.form, key, validate: validate)
        return CustomerForms.outcome(event) {
            .contact(customerID: state.customerID, contactID: state.contactID, state.edit.normalized,
                     expectedVersion: state.version)
        }
    }
}
