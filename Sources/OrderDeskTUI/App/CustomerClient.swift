import OrderDeskCore

/// What the customer screens need from the data, as closures (see `DeskClient`). Every change is made
/// as the desk's user; the store checks the role, the fields and the version again below the UI.
public struct CustomerClient: Sendable {
    /// Up to `limit` customers matching `search` (name, account number, phone, address; empty for all),
    /// sorted by name, relative to `request`.
    public var page: @Sendable (_ search: String, _ request: CustomerPageRequest, _ limit: Int) throws -> CustomerPage
    /// How many customers match `search`; may be a lower bound for a broad search.
    public var count: @Sendable (_ search: String) throws -> QueueTotal
    /// Everything the customer screen shows. Throws `OrderDeskError.recordNotFound`.
    public var detail: @Sendable (_ customerID: Int64) throws -> CustomerDetail
    /// The customer an order belongs to.
    public var customerOfOrder: @Sendable (_ orderID: Int64) throws -> Int64
    /// Saves the customer's own fields; `OrderDeskError.recordConflict` when `expectedVersion` is stale,
    /// `.invalidFields` when a field fails its check.
    public var updateCustomer: @Sendable (_ customerID: Int64, _ edit: CustomerEdit, _ expectedVersion: Int64) throws -> CustomerHeader
    /// Adds a location (`locationID` nil) or saves one (with the version the person saw).
    public var saveLocation: @Sendable (
        _ customerID: Int64, _ locationID: Int64?, _ edit: LocationEdit, _ expectedVersion: Int64?
    ) throws -> CustomerLocation
    /// Adds a contact (`contactID` nil) or saves one (with the version the person saw).
    public var saveContact: @Sendable (
        _ customerID: Int64, _ contactID: Int64?, _ edit: ContactEdit, _ expectedVersion: Int64?
    ) throws -> Contact
    /// Removes a contact (audited).
    public var deleteContact: @Sendable (_ contactID: Int64, _ expectedVersion: Int64) throws -> Void
    /// Runs the serviceability check on a location against the plant table and records the result and who ran it.
    public var checkServiceability: @Sendable (_ locationID: Int64) throws -> CustomerLocation
    /// Records a survey request, schedule or result on a location.
    public var recordSurvey: @Sendable (_ locationID: Int64, _ survey: SiteSurvey, _ expectedVersion: Int64) throws -> CustomerLocation
    /// Records a CSR or LOA: received on a day (nil: missing) and, for an LOA, what the letter says.
    /// Adds one when `documentID` is nil.
    public var saveDocument: @Sendable (
        _ customerID: Int64, _ documentID: Int64?, _ kind: PortingDocumentKind, _ receivedOn: Day?, _ loa: LOADetails?,
        _ note: String?, _ expectedVersion: Int64?
    ) throws -> PortingDocument
    /// Writes a note on the customer's timeline.
    public var addNote: @Sendable (_ customerID: Int64, _ text: String) throws -> Void
    /// Products whose code, name or family match `search` (all when empty), by family then name.
    public var priceBook: @Sendable (_ search: String) throws -> [PriceBookProduct]
    /// The lines of the service in place at a location (installed and billed orders, less disconnects),
    /// to prefill a change or disconnect.
    public var serviceLines: @Sendable (_ locationID: Int64) throws -> [DraftLine]
    /// Saves a move/add/change/disconnect order as a draft; returns its queue row.
    public var createOrder: @Sendable (_ draft: MACOrderDraft) throws -> QueueRow

    public init(
        page: @escaping @Sendable (String, CustomerPageRequest, Int) throws -> CustomerPage,
        count: @escaping @Sendable (String) throws -> QueueTotal,
        detail: @escaping @Sendable (Int64) throws -> CustomerDetail,
        customerOfOrder: @escaping @Sendable (Int64) throws -> Int64,
        updateCustomer: @escaping @Sendable (Int64, CustomerEdit, Int64) throws -> CustomerHeader,
        saveLocation: @escaping @Sendable (Int64, Int64?, LocationEdit, Int64?) throws -> CustomerLocation,
        saveContact: @escaping @Sendable (Int64, Int64?, ContactEdit, Int64?) throws -> Contact,
        deleteContact: @escaping @Sendable (Int64, Int64) throws -> Void,
        checkServiceability: @escaping @Sendable (Int64) throws -> CustomerLocation,
        recordSurvey: @escaping @Sendable (Int64, SiteSurvey, Int64) throws -> CustomerLocation,
        saveDocument: @escaping @Sendable (Int64, Int64?, PortingDocumentKind, Day?, LOADetails?, String?, Int64?) throws -> PortingDocument,
        addNote: @escaping @Sendable (Int64, String) throws -> Void,
        priceBook: @escaping @Sendable (String) throws -> [PriceBookProduct],
        serviceLines: @escaping @Sendable (Int64) throws -> [DraftLine],
        createOrder: @escaping @Sendable (MACOrderDraft) throws -> QueueRow
    ) {
        self.page = page; self.count = count; self.detail = detail; self.customerOfOrder = customerOfOrder
        self.updateCustomer = updateCustomer; self.saveLocation = saveLocation; self.saveContact = saveContact
        self.deleteContact = deleteContact; self.checkServiceability = checkServiceability
        self.recordSurvey = recordSurvey; self.saveDocument = saveDocument; self.addNote = addNote
        self.priceBook = priceBook; self.serviceLines = serviceLines; self.createOrder = createOrder
    }
}
