/// A customer's service location, with what the desk knows about reaching it.
public struct CustomerLocation: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var address: ServiceLocation
    public var serviceability: Serviceability
    /// Feet to the nearest plant at the last check (0 on-net); nil when unknown.
    public var distanceFeet: Int?
    /// Near-net only: the construction estimate of the last check.
    public var constructionEstimate: Money?
    /// Login of the person who ran the last check, and when.
    public var checkedBy: String?
    public var checkedAt: Int64?
    public var survey: SiteSurvey
    /// Product names of the services in place there (installed or billed orders), one entry per product.
    public var services: [String]
    /// Optimistic-lock version of the location row.
    public var version: Int64

    public init(
        id: Int64, address: ServiceLocation, serviceability: Serviceability, distanceFeet: Int?,
        constructionEstimate: Money?, checkedBy: String?, checkedAt: Int64?, survey: SiteSurvey,
        services: [String], version: Int64
    ) {
        self.id = id; self.address = address; self.serviceability = serviceability
        self.distanceFeet = distanceFeet; self.constructionEstimate = constructionEstimate
        self.checkedBy = checkedBy; self.checkedAt = checkedAt; self.survey = survey
        self.services = services; self.version = version
    }
}

/// The fields of a location form, as typed.
public struct LocationEdit: Hashable, Sendable {
    public var street: String
    public var city: String
    public var stateCode: String
    public var zip: String

    public init(street: String = "", city: String = "", stateCode: String = "", zip: String = "") {
        self.street = street; self.city = city; self.stateCode = stateCode; self.zip = zip
    }

    public init(_ location: ServiceLocation) {
        self.init(street: location.street, city: location.city, stateCode: location.stateCode, zip: location.zip)
    }

    /// Every field's problem, in form order; empty when the location may be saved.
    public func validate() -> [FieldError] {
        [
            FieldValidation.required(street, field: "street", label: "Street"),
            FieldValidation.required(city, field: "city", label: "City"),
            FieldValidation.stateCode(stateCode, field: "state_code"),
            FieldValidation.zip(zip, field: "zip"),
        ].compactMap { $0 }
    }

    /// The values as they are saved: trimmed, state code upper-cased.
    public var normalized: LocationEdit {
        LocationEdit(street: FieldValidation.collapsed(street), city: FieldValidation.collapsed(city),
                     stateCode: stateCode.trimmingCharacters(in: .whitespaces).uppercased(),
                     zip: zip.trimmingCharacters(in: .whitespaces))
    }
}
