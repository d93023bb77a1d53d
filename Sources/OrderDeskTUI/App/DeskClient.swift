import OrderDeskCore

/// Everything the desk needs from the data, as closures: the executable builds it from the store,
/// tests from an in-memory fake. Nothing here knows about SQL, so a server-backed store can plug in.
public struct DeskClient: Sendable {
    /// The person using the desk.
    public var user: UserAccount
    /// Shown in the title bar (the database file's name).
    public var databaseName: String
    /// The current time, Unix seconds.
    public var now: @Sendable () -> Int64
    public var queuePage: @Sendable (_ filter: QueueFilter, _ sort: QueueSort, _ request: PageRequest, _ limit: Int) throws -> QueuePage
    /// How many orders match; may be a lower bound for broad searches.
    public var queueCount: @Sendable (_ filter: QueueFilter) throws -> QueueTotal
    /// The 0-based position of a row within the filter and sort.
    public var rowsBefore: @Sendable (_ row: QueueRow, _ filter: QueueFilter, _ sort: QueueSort) throws -> Int
    public var orderDetail: @Sendable (_ id: Int64) throws -> OrderDetail
    /// Applies a change as `user`; refuses with `OrderDeskError.conflict` when `expectedVersion` is stale.
    public var apply: @Sendable (_ change: OrderChange, _ orderID: Int64, _ expectedVersion: Int64) throws -> QueueRow
    /// A number that changes whenever anyone (another terminal, another process) commits a change.
    public var dataVersion: @Sendable () throws -> Int64

    public init(
        user: UserAccount, databaseName: String, now: @escaping @Sendable () -> Int64,
        queuePage: @escaping @Sendable (QueueFilter, QueueSort, PageRequest, Int) throws -> QueuePage,
        queueCount: @escaping @Sendable (QueueFilter) throws -> QueueTotal,
        rowsBefore: @escaping @Sendable (QueueRow, QueueFilter, QueueSort) throws -> Int,
        orderDetail: @escaping @Sendable (Int64) throws -> OrderDetail,
        apply: @escaping @Sendable (OrderChange, Int64, Int64) throws -> QueueRow,
        dataVersion: @escaping @Sendable () throws -> Int64
    ) {
        self.user = user; self.databaseName = databaseName; self.now = now
        self.queuePage = queuePage; self.queueCount = queueCount; self.rowsBefore = rowsBefore
        self.orderDetail = orderDetail; self.apply = apply; self.dataVersion = dataVersion
    }
}
