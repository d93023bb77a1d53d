/// A customer's service address.
public struct ServiceLocation: Hashable, Sendable {
    public var id: Int64
    public var street: String
    public var city: String
    public var stateCode: String
    public var zip: String

    public init(id: Int64, street: String, city: String, stateCode: String, zip: String) {
        self.id = id; self.street = street; self.city = city; self.stateCode = stateCode; self.zip = zip
    }

    /// `12 Main St, Bethpage, NY 11714`
    public var singleLine: String { "\(street), \(city), \(stateCode) \(zip)" }
}

/// One product on an order.
public struct OrderLine: Hashable, Sendable {
    public var productCode: String
    public var productName: String
    public var quantity: Int
    /// Monthly recurring charge for the whole line.
    public var mrr: Money
    /// Non-recurring charge for the whole line.
    public var nrc: Money

    public init(productCode: String, productName: String, quantity: Int, mrr: Money, nrc: Money) {
        self.productCode = productCode; self.productName = productName; self.quantity = quantity
        self.mrr = mrr; self.nrc = nrc
    }
}

/// A note someone wrote on an order.
public struct OrderNote: Hashable, Sendable {
    public var author: String
    public var at: Int64
    public var text: String
    public init(author: String, at: Int64, text: String) { self.author = author; self.at = at; self.text = text }
}

/// One row of the audit log: who changed what, when, from what to what.
public struct AuditEntry: Hashable, Sendable {
    public var at: Int64
    public var actor: String
    public var action: String
    public var field: String?
    public var oldValue: String?
    public var newValue: String?

    public init(at: Int64, actor: String, action: String, field: String?, oldValue: String?, newValue: String?) {
        self.at = at; self.actor = actor; self.action = action; self.field = field
        self.oldValue = oldValue; self.newValue = newValue
    }
}

/// Everything the order detail screen shows.
public struct OrderDetail: Hashable, Sendable {
    public var row: QueueRow
    public var ownerName: String?
    public var customerPhone: String?
    public var segment: String?
    public var location: ServiceLocation?
    /// A move's destination (`location` is where service is now).
    public var newLocation: ServiceLocation?
    public var lines: [OrderLine]
    public var termMonths: Int
    public var submittedOn: Day?
    public var billStartOn: Day?
    public var reasonCode: String?
    public var notes: [OrderNote]
    public var history: [AuditEntry]
    /// Login and time of the last change, for conflict messages.
    public var updatedBy: String?
    public var updatedAt: Int64

    public init(
        row: QueueRow, ownerName: String?, customerPhone: String?, segment: String?, location: ServiceLocation?,
        lines: [OrderLine], termMonths: Int, submittedOn: Day?, billStartOn: Day?, reasonCode: String?,
        notes: [OrderNote], history: [AuditEntry], updatedBy: String?, updatedAt: Int64, newLocation: ServiceLocation? = nil
    ) {
        self.row = row; self.ownerName = ownerName; self.customerPhone = customerPhone; self.segment = segment
        self.location = location; self.lines = lines; self.termMonths = termMonths
        self.submittedOn = submittedOn; self.billStartOn = billStartOn; self.reasonCode = reasonCode
        self.notes = notes; self.history = history; self.updatedBy = updatedBy; self.updatedAt = updatedAt
        self.newLocation = newLocation
    }

    public var totalMRR: Money { lines.reduce(.zero) { $0 + $1.mrr } }
    public var totalNRC: Money { lines.reduce(.zero) { $0 + $1.nrc } }
}

/// A change a person makes to an order. `expectedVersion` is the version they saw.
public enum OrderChange: Hashable, Sendable {
    /// Assign the order to the acting user.
    case take
    case move(to: OrderState, input: TransitionInput)
    case addNote(String)
}
