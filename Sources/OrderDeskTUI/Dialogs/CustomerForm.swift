import OrderDeskCore
import OrderDeskTerminal

/// Editing the customer's own fields: name, segment, channel, phone and owning account manager.
public struct CustomerFormState: Hashable, Sendable {
    public var customerID: Int64
    /// The version the person is working from; refreshed after a conflict.
    public var version: Int64
    public var form: FormState

    public init(header: CustomerHeader) {
        customerID = header.id; version = header.version
        let values = CustomerForm.values(header)
        form = FormState(title: "Edit customer · " + header.name, fields: [
            .text("name", "Name", values["name"]!),
            .text("segment", "Segment", values["segment"]!, placeholder: "e.g. small business"),
            .choice("channel", "Channel", Channel.allCases.map { FormOption($0.rawValue) },
                    selected: values["channel"]!),
            .text("phone", "Phone", values["phone"]!, width: 20, placeholder: "e.g. (516) 555-0142"),
            .text("owner", "Owner login", values["owner"]!, width: 24, placeholder: "empty for none"),
        ])
    }

    /// What the fields say, as the domain's edit.
    public var edit: CustomerEdit { CustomerForm.edit(form) }

    mutating func reloaded(from detail: CustomerDetail) -> Bool {
        guard detail.header.id == customerID else { return false }
        version = detail.header.version
        form.takeFresh(CustomerForm.values(detail.header))
        return true
    }
}

public enum CustomerForm {
    static func values(_ header: CustomerHeader) -> [String: String] {
        ["name": header.name, "segment": header.segment, "channel": header.channel.rawValue,
         "phone": header.phone ?? "", "owner": header.ownerLogin ?? ""]
    }

    static func edit(_ form: FormState) -> CustomerEdit {
        CustomerEdit(name: form["name"], segment: form["segment"], channel: Channel(rawValue: form["channel"]) ?? .direct,
                     phone: form["phone"], ownerLogin: form["owner"])
    }

    public static func validate(_ form: FormState) -> [FieldError] { edit(form).validate() }

    public static func update(_ state: inout CustomerFormState, _ key: Key) -> DialogOutcome {
        let event = Form.update(&state.form, key, validate: validate)
        return CustomerForms.outcome(event) {
            .customer(customerID: state.customerID, state.edit.normalized, expectedVersion: state.version)
        }
    }
}
