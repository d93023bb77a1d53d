import OrderDeskCore

/// What the contract screens need from the data, as closures (see `DeskClient`). Every change is made as
/// the desk's user; the store checks the role, the lifecycle, the fields and the version again.
public struct ContractClient: Sendable {
    /// Up to `limit` contracts matching `filter`, newest first, relative to `request`.
    public var page: @Sendable (_ filter: ContractFilter, _ request: ContractPageRequest, _ limit: Int) throws -> ContractPage
    /// How many contracts match `filter` (may be a lower bound).
    public var count: @Sendable (_ filter: ContractFilter) throws -> QueueTotal
    /// Everything about one contract.
    public var detail: @Sendable (_ id: Int64) throws -> ContractDetail
    /// What the editor offers for a customer (locations, parents, the policy).
    public var context: @Sendable (_ customerID: Int64) throws -> ContractContext
    /// Saves a new draft.
    public var create: @Sendable (_ draft: ContractDraft) throws -> ContractDetail
    /// Saves a draft's terms with the version the person saw.
    public var save: @Sendable (_ id: Int64, _ draft: ContractDraft, _ expectedVersion: Int64) throws -> ContractDetail
    /// One lifecycle step with the version the person saw.
    public var step: @Sendable (_ id: Int64, _ step: ContractStep, _ expectedVersion: Int64) throws -> ContractDetail
    /// Logins that own contracts (the owner filter's choices).
    public var owners: @Sendable () throws -> [String]

    public init(
        page: @escaping @Sendable (ContractFilter, ContractPageRequest, Int) throws -> ContractPage,
        count: @escaping @Sendable (ContractFilter) throws -> QueueTotal,
        detail: @escaping @Sendable (Int64) throws -> ContractDetail,
        context: @escaping @Sendable (Int64) throws -> ContractContext,
        create: @escaping @Sendable (ContractDraft) throws -> ContractDetail,
        save: @escaping @Sendable (Int64, ContractDraft, Int64) throws -> ContractDetail,
        step: @escaping @Sendable (Int64, ContractStep, Int64) throws -> ContractDetail,
        owners: @escaping @Sendable () throws -> [String]
    ) {
        self.page = page; self.count = count; self.detail = detail; self.context = context; self.create = create
        self.save = save; self.step = step; self.owners = owners
    }

    /// A client with no contracts (for tests of other screens).
    public static let empty = ContractClient(
        page: { _, _, _ in ContractPage(rows: [], hasMoreAfter: false, hasMoreBefore: false) },
        count: { _ in QueueTotal(count: 0, isExact: true) },
        detail: { id in throw OrderDeskError.recordNotFound(what: "contract #\(id)") },
        context: { id in throw OrderDeskError.recordNotFound(what: "customer #\(id)") },
        create: { _ in throw OrderDeskError.refused("No contracts here.") },
        save: { _, _, _ in throw OrderDeskError.refused("No contracts here.") },
        step: { _, _, _ in throw OrderDeskError.refused("No contracts here.") },
        owners: { [] })
}
