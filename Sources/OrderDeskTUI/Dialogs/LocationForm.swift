import OrderDeskCore
import OrderDeskTerminal

/// Adding or editing a service location: street, city, state and ZIP code.
public struct LocationFormState: Hashable, Sendable {
    public var customerID: Int64
    /// nil for a new location.
    public var locationID: Int64?
    public var version: Int64?
    public var form: FormState

    public init(customerID: Int64, location: CustomerLocation?) {
        self.customerID = customerID; locationID = location?.id; version = location?.version
        let values = LocationForm.values(location.map { LocationEdit($0.address) } ?? LocationEdit())
        form = FormState(title: location.map { "Edit location · " + $0.address.street } ?? "New location", fields: [
            .text("street", "Street", values["street"]!, placeholder: "e.g. 1200 Old Country Rd Ste 4"),
            .text("city", "City", values["city"]!),
            .text("state_code", "State", values["state_code"]!, width: 8, placeholder: "e.g. NY"),
            .text("zip", "ZIP code", values["zip"]!, width: 12, placeholder: "e.g. 11714"),
        ])
    }

    public var edit: LocationEdit { LocationForm.edit(form) }

    mutating func reloaded(from detail: CustomerDetail) -> Bool {
        guard let id = locationID, let fresh = detail.locations.first(where: { $0.id == id }) else { return false }
        version = fresh.version
        form.takeFresh(LocationForm.values(LocationEdit(fresh.address)))
        return true
    }
}

public enum LocationForm {
    static func values(_ edit: LocationEdit) -> [String: String] {
        ["street": edit.street, "city": edit.city, "state_code": edit.stateCode, "zip": edit.zip]
    }

    static func edit(_ form: FormState) -> LocationEdit {
        LocationEdit(street: form["street"], city: form["city"], stateCode: form["state_code"], zip: form["zip"])
    }

    public static func validate(_ form: FormState) -> [FieldError] { edit(form).validate() }

    public static func update(_ state: inout LocationFormState, _ key: Key) -> DialogOutcome {
        let event = Form.update(&state.form, key, validate: validate)
        return CustomerForms.outcome(event) {
            .location(customerID: state.customerID, locationID: state.locationID, state.edit.normalized,
                      expectedVersion: state.version)
        }
    }
}
