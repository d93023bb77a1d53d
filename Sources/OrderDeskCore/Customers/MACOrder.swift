/// A product of the price book.
public struct PriceBookProduct: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var code: String
    public var name: String
    public var family: String
    /// List monthly price of one unit.
    public var listMRR: Money
    /// The lowest monthly price of one unit that needs no approval.
    public var floorMRR: Money
    /// One-time charge of one unit.
    public var nrc: Money

    public init(id: Int64, code: String, name: String, family: String, listMRR: Money, floorMRR: Money, nrc: Money) {
        self.id = id; self.code = code; self.name = name; self.family = family
        self.listMRR = listMRR; self.floorMRR = floorMRR; self.nrc = nrc
    }
}

/// The order types an account manager raises on an existing customer: move, add, change, disconnect.
public enum MACOrderType: String, CaseIterable, Sendable, Hashable {
    case move, add, change, disconnect

    public var orderType: OrderType {
        switch self {
        case .move: return .move
        case .add: return .add
        case .change: return .change
        case .disconnect: return .disconnect
        }
    }

    /// Change and disconnect start from the lines in service at the location.
    public var prefillsCurrentService: Bool { self == .change || self == .disconnect }

    public var label: String { rawValue }
}

/// One line of an order being drafted.
public struct DraftLine: Hashable, Sendable {
    public var product: PriceBookProduct
    public var quantity: Int
    /// The monthly charge of the whole line.
    public var mrr: Money
    /// The one-time charge of the whole line.
    public var nrc: Money

    public init(product: PriceBookProduct, quantity: Int, mrr: Money, nrc: Money) {
        self.product = product; self.quantity = quantity; self.mrr = mrr; self.nrc = nrc
    }

    /// A line at list price.
    public init(product: PriceBookProduct, quantity: Int = 1) {
        self.init(product: product, quantity: quantity, mrr: product.listMRR * quantity, nrc: product.nrc * quantity)
    }
}

/// A move, add, change or disconnect order as the person has put it together, before it is saved as a draft.
public struct MACOrderDraft: Hashable, Sendable {
    public var type: MACOrderType
    public var customerID: Int64
    /// The location the order is for (for a move: where service is now).
    public var locationID: Int64?
    /// A move only: where service goes.
    public var newLocationID: Int64?
    public var lines: [DraftLine]
    public var termMonths: Int

    public init(type: MACOrderType, customerID: Int64, locationID: Int64? = nil, newLocationID: Int64? = nil,
                lines: [DraftLine] = [], termMonths: Int = 36) {
        self.type = type; self.customerID = customerID; self.locationID = locationID
        self.newLocationID = newLocationID; self.lines = lines; self.termMonths = termMonths
    }

    /// What keeps the draft from being saved, in the order a person fixes it.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if locationID == nil { errors.append(FieldError(field: "location", message: "Pick the location the order is for.")) }
        if type == .move {
            if newLocationID == nil {
                errors.append(FieldError(field: "new_location", message: "A move needs the new location: pick where service goes."))
            } else if newLocationID == locationID {
                errors.append(FieldError(field: "new_location", message: "The new location is the current one: pick another."))
            }
        }
        if lines.isEmpty { errors.append(FieldError(field: "lines", message: "Add at least one line from the price book.")) }
        for (i, line) in lines.enumerated() {
            if !(1...9_999).contains(line.quantity) {
                errors.append(FieldError(field: "lines", message: "Line \(i + 1): the quantity must be between 1 and 9,999."))
            }
            if line.mrr.cents < 0 || line.nrc.cents < 0 {
                errors.append(FieldError(field: "lines", message: "Line \(i + 1): charges cannot be negative."))
            }
        }
        if ![12, 24, 36, 60].contains(termMonths) {
            errors.append(FieldError(field: "term", message: "The term must be 12, 24, 36 or 60 months."))
        }
        return errors
    }

    public var totalMRR: Money { lines.reduce(.zero) { $0 + $1.mrr } }
    public var totalNRC: Money { lines.reduce(.zero) { $0 + $1.nrc } }
}
