/// The two documents a voice number port needs.
public enum PortingDocumentKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Customer Service Record from the losing carrier: the numbers and how the account is listed.
    case csr
    /// Letter of Authorization signed by the customer.
    case loa

    public var label: String { rawValue.uppercased() }
}

/// The fields of an LOA that the gaining carrier compares with the losing carrier's records.
public enum LOAField: String, CaseIterable, Sendable, Hashable {
    case authorizedName = "authorized_name"
    case serviceAddress = "service_address"
    case zip
    case billingTelephoneNumber = "btn"

    public var label: String {
        switch self {
        case .authorizedName: return "authorised name"
        case .serviceAddress: return "service address"
        case .zip: return "ZIP"
        case .billingTelephoneNumber: return "billing telephone number"
        }
    }
}

/// What the LOA says, as typed from the signed letter.
public struct LOADetails: Hashable, Sendable {
    public var authorizedName: String
    public var serviceAddress: String
    public var zip: String
    public var billingTelephoneNumber: String

    public init(authorizedName: String = "", serviceAddress: String = "", zip: String = "", billingTelephoneNumber: String = "") {
        self.authorizedName = authorizedName; self.serviceAddress = serviceAddress; self.zip = zip
        self.billingTelephoneNumber = billingTelephoneNumber
    }

    public func value(of field: LOAField) -> String {
        switch field {
        case .authorizedName: return authorizedName
        case .serviceAddress: return serviceAddress
        case .zip: return zip
        case .billingTelephoneNumber: return billingTelephoneNumber
        }
    }
}

/// A CSR or LOA as recorded on the account.
public struct PortingDocument: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var kind: PortingDocumentKind
    /// Received (nil: missing, still to be obtained).
    public var receivedOn: Day?
    /// The LOA's fields; nil for a CSR or an LOA not yet received.
    public var loa: LOADetails?
    public var note: String?
    public var version: Int64

    public init(id: Int64, kind: PortingDocumentKind, receivedOn: Day?, loa: LOADetails?, note: String?, version: Int64) {
        self.id = id; self.kind = kind; self.receivedOn = receivedOn; self.loa = loa; self.note = note; self.version = version
    }

    public var isReceived: Bool { receivedOn != nil }
}

/// What the account says, against which an LOA is checked.
public struct PortingAccount: Hashable, Sendable {
    public var customerName: String
    public var locations: [ServiceLocation]
    /// The account's billing telephone number (the customer's main number).
    public var billingTelephoneNumber: String?

    public init(customerName: String, locations: [ServiceLocation], billingTelephoneNumber: String?) {
        self.customerName = customerName; self.locations = locations; self.billingTelephoneNumber = billingTelephoneNumber
    }
}

/// One field of an LOA that does not match the account: the port would be rejected for it.
public struct LOAMismatch: Hashable, Sendable {
    public var field: LOAField
    /// What the LOA says.
    public var onLetter: String
    /// What the account says (the closest value, for a field with several candidates).
    public var onAccount: String

    public init(field: LOAField, onLetter: String, onAccount: String) {
        self.field = field; self.onLetter = onLetter; self.onAccount = onAccount
    }
}

/// Checks an LOA against the account, field by field, the way a port desk compares them.
///
/// - Name: the same words once case, accents and punctuation are set aside and the usual business
///   suffixes are written one way (`Incorporated` = `Inc`); a missing or extra word is a mismatch.
/// - Service address: one of the account's locations, house number included (`Road` = `Rd`).
/// - ZIP: the first five digits of that location's ZIP (of any location when the address matched none).
/// - Billing telephone number: the account's number, whatever the punctuation.
public enum LOACheck {
    public static func mismatches(_ loa: LOADetails, account: PortingAccount) -> [LOAMismatch] {
        var found: [LOAMismatch] = []
        if businessName(loa.authorizedName) != businessName(account.customerName) || FieldValidation.isBlank(loa.authorizedName) {
            found.append(LOAMismatch(field: .authorizedName, onLetter: loa.authorizedName, onAccount: account.customerName))
        }
        let street = StreetName.normalized(loa.serviceAddress)
        let matched = account.locations.first { StreetName.normalized($0.street) == street && !street.isEmpty }
        if matched == nil {
            let closest = account.locations.first { StreetName.streetOnly($0.street) == StreetName.streetOnly(loa.serviceAddress) }
                ?? account.locations.first
            found.append(LOAMismatch(field: .serviceAddress, onLetter: loa.serviceAddress, onAccount: closest?.street ?? "no location"))
        }
        let zip5 = String(loa.zip.trimmingCharacters(in: .whitespaces).prefix(5))
        let candidates = matched.map { [$0] } ?? account.locations
        if !candidates.contains(where: { $0.zip.prefix(5) == zip5 }) || zip5.count != 5 {
            found.append(LOAMismatch(field: .zip, onLetter: loa.zip, onAccount: candidates.first?.zip ?? "no location"))
        }
        let letterBTN = PhoneNumber(loa.billingTelephoneNumber)
        let accountBTN = account.billingTelephoneNumber.flatMap(PhoneNumber.init)
        if letterBTN == nil || letterBTN != accountBTN {
            found.append(LOAMismatch(field: .billingTelephoneNumber, onLetter: loa.billingTelephoneNumber,
                                     onAccount: account.billingTelephoneNumber ?? "none on the account"))
        }
        return found
    }

    /// A business name's words, folded, with the legal suffixes written one way.
    /// Runs of single letters are joined first, so `L.L.C.` reads as `llc`.
    static func businessName(_ name: String) -> [String] {
        var words: [String] = []
        var letters = ""
        for word in TextFolding.words(of: name.replacingOccurrences(of: "&", with: " and ")) {
            if word.count == 1 && word.first!.isLetter { letters += word; continue }
            if !letters.isEmpty { words.append(letters); letters = "" }
            words.append(word)
        }
        if !letters.isEmpty { words.append(letters) }
        return words.map { suffixes[$0] ?? $0 }
    }

    private static let suffixes: [String: String] = [
        "incorporated": "inc", "corporation": "corp", "company": "co", "limited": "ltd",
    ]
}
