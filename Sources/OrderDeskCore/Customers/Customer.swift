/// One line of the customers list.
public struct CustomerSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var accountNumber: String
    public var phone: String?
    /// City and state of the first location (`Bethpage, NY`), for telling namesakes apart.
    public var place: String?
    public var channel: Channel
    /// Orders not yet billed, cancelled or rejected.
    public var openOrders: Int
    /// Monthly recurring revenue in service: installed and billed orders, less disconnects.
    public var totalMRR: Money

    public init(id: Int64, name: String, accountNumber: String, phone: String?, place: String?, channel: Channel,
                openOrders: Int, totalMRR: Money) {
        self.id = id; self.name = name; self.accountNumber = accountNumber; self.phone = phone; self.place = place
        self.channel = channel; self.openOrders = openOrders; self.totalMRR = totalMRR
    }
}

/// Which page of the customers list to fetch. The list is sorted by name (case and accents folded), then id.
public enum CustomerPageRequest: Hashable, Sendable {
    case first
    case last
    /// Customers that sort after this one.
    case after(CustomerSummary)
    /// Customers that sort before this one (returned in display order).
    case before(CustomerSummary)
}

/// A page of the customers list in display order.
public struct CustomerPage: Hashable, Sendable {
    public var rows: [CustomerSummary]
    public var hasMoreAfter: Bool
    public var hasMoreBefore: Bool

    public init(rows: [CustomerSummary], hasMoreAfter: Bool, hasMoreBefore: Bool) {
        self.rows = rows; self.hasMoreAfter = hasMoreAfter; self.hasMoreBefore = hasMoreBefore
    }
}

/// The customer's own fields, as the header shows them.
public struct CustomerHeader: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var accountNumber: String
    public var segment: String
    public var channel: Channel
    public var phone: String?
    /// The owning account manager's login and name.
    public var ownerLogin: String?
    public var ownerName: String?
    public var since: Day?
    public var openOrders: Int
    public var totalMRR: Money
    public var version: Int64
    /// Who last changed the customer, and when (for conflict messages).
    public var updatedBy: String?
    public var updatedAt: Int64

    public init(id: Int64, name: String, accountNumber: String, segment: String, channel: Channel, phone: String?,
                ownerLogin: String?, ownerName: String?, since: Day?, openOrders: Int, totalMRR: Money,
                version: Int64, updatedBy: String?, updatedAt: Int64) {
        self.id = id; self.name = name; self.accountNumber = accountNumber; self.segment = segment
        self.channel = channel; self.phone = phone; self.ownerLogin = ownerLogin; self.ownerName = ownerName
        self.since = since; self.openOrders = openOrders; self.totalMRR = totalMRR; self.version = version
        self.updatedBy = updatedBy; self.updatedAt = updatedAt
    }
}

/// Everything the customer screen shows.
public struct CustomerDetail: Hashable, Sendable {
    public var header: CustomerHeader
    public var locations: [CustomerLocation]
    /// Every order of the customer, newest booked first.
    public var orders: [QueueRow]
    public var contracts: [ContractSummary]
    public var contacts: [Contact]
    public var documents: [PortingDocument]
    /// Notes and audit events, newest first.
    public var timeline: [TimelineEntry]

    public init(header: CustomerHeader, locations: [CustomerLocation], orders: [QueueRow], contracts: [ContractSummary],
                contacts: [Contact], documents: [PortingDocument], timeline: [TimelineEntry]) {
        self.header = header; self.locations = locations; self.orders = orders; self.contracts = contracts
        self.contacts = contacts; self.documents = documents; self.timeline = timeline
    }

    /// What an LOA is checked against.
    public var portingAccount: PortingAccount {
        PortingAccount(customerName: header.name, locations: locations.map(\.address), billingTelephoneNumber: header.phone)
    }
}

/// The fields of the customer form, as typed.
public struct CustomerEdit: Hashable, Sendable {
    public var name: String
    public var segment: String
    public var channel: Channel
    public var phone: String
    /// The owning account manager's login; empty for none.
    public var ownerLogin: String

    public init(name: String, segment: String, channel: Channel, phone: String, ownerLogin: String) {
        self.name = name; self.segment = segment; self.channel = channel; self.phone = phone; self.ownerLogin = ownerLogin
    }

    public init(_ header: CustomerHeader) {
        self.init(name: header.name, segment: header.segment, channel: header.channel, phone: header.phone ?? "",
                  ownerLogin: header.ownerLogin ?? "")
    }

    /// Every field's problem, in form order (whether the owner is a user is the store's to say).
    public func validate() -> [FieldError] {
        [
            FieldValidation.required(name, field: "name", label: "Name", maxLength: 120),
            FieldValidation.required(segment, field: "segment", label: "Segment", maxLength: 40),
            FieldValidation.phone(phone, field: "phone", required: true),
        ].compactMap { $0 }
    }

    /// The values as they are saved: trimmed, the phone formatted.
    public var normalized: CustomerEdit {
        CustomerEdit(name: FieldValidation.collapsed(name), segment: FieldValidation.collapsed(segment), channel: channel,
                     phone: PhoneNumber(phone)?.formatted ?? phone, ownerLogin: ownerLogin.trimmingCharacters(in: .whitespaces))
    }
}
