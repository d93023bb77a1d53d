/// What a contact person is for.
public enum ContactRole: String, CaseIterable, Sendable, Codable, Hashable {
    case billing, technical, signer
    case siteAccess = "site_access"

    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// A person at the customer.
public struct Contact: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var role: ContactRole
    public var phone: String?
    public var email: String?
    public var version: Int64

    public init(id: Int64, name: String, role: ContactRole, phone: String?, email: String?, version: Int64) {
        self.id = id; self.name = name; self.role = role; self.phone = phone; self.email = email; self.version = version
    }
}

/// The fields of a contact form, as typed.
public struct ContactEdit: Hashable, Sendable {
    public var name: String
    public var role: ContactRole
    public var phone: String
    public var email: String

    public init(name: String = "", role: ContactRole = .technical, phone: String = "", email: String = "") {
        self.name = name; self.role = role; self.phone = phone; self.email = email
    }

    public init(_ contact: Contact) {
        self.init(name: contact.name, role: contact.role, phone: contact.phone ?? "", email: contact.email ?? "")
    }

    /// Every field's problem, in form order. A contact needs a name and a way to reach them:
    /// a phone number, an email address, or both.
    public func validate() -> [FieldError] {
        var errors = [
            FieldValidation.required(name, field: "name", label: "Name"),
            FieldValidation.phone(phone, field: "phone", required: false),
            FieldValidation.email(email, field: "email", required: false),
        ].compactMap { $0 }
        if FieldValidation.isBlank(phone) && FieldValidation.isBlank(email) {
            errors.append(FieldError(field: "phone", message: "Give a phone number or an email address (or both)."))
        }
        return errors
    }

    /// The values as they are saved: trimmed, the phone formatted `(516) 555-0142`, the email lower-cased.
    public var normalized: ContactEdit {
        ContactEdit(name: FieldValidation.collapsed(name), role: role,
                    phone: PhoneNumber(phone)?.formatted ?? phone.trimmingCharacters(in: .whitespaces),
                    email: email.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
