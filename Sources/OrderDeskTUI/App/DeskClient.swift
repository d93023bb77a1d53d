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

    // MARK: Reconciliation

    /// The saved reconciliation runs, newest first.
    public var reconcileRuns: @Sendable () throws -> [ReconcileRunSummary]
    /// Up to `limit` differences of a run that match `query`, ascending by position, after `afterPosition`
    /// (from the start when nil).
    public var reconcileDifferences: @Sendable (
        _ runID: Int64, _ query: DifferenceQuery, _ afterPosition: Int?, _ limit: Int
    ) throws -> [SavedDifference]
    /// Up to `limit` differences just before `beforePosition`, returned ascending by position.
    public var reconcileDifferencesBefore: @Sendable (
        _ runID: Int64, _ query: DifferenceQuery, _ beforePosition: Int, _ limit: Int
    ) throws -> [SavedDifference]
    /// How many differences of a run match `query`.
    public var reconcileDifferenceCount: @Sendable (_ runID: Int64, _ query: DifferenceQuery) throws -> Int
    /// Records a person's decision about a difference (as `user`); returns the difference as saved.
    public var resolveDifference: @Sendable (
        _ id: Int64, _ resolution: DifferenceResolution, _ note: String
    ) throws -> SavedDifference
    /// Reads both exports, reconciles them and saves the run. Blocking: the desk calls it on a worker
    /// thread and watches `progress`; throws `ReconcileError.cancelled` after `progress.cancel()`.
    public var runReconcile: @Sendable (
        _ idaPath: String, _ sfdcPath: String, _ options: ReconcileOptions, _ progress: ReconcileProgress
    ) throws -> ReconcileRunSummary
    /// Writes a run's open differences as CSV to `path`; returns the rows written.
    public var exportOpenDifferences: @Sendable (_ runID: Int64, _ path: String) throws -> Int
    /// Candidates for completing a file path as typed; directories end with "/".
    public var completePath: @Sendable (_ partial: String) -> [String]

    // MARK: Customers

    /// The customers list, the customer screen and their forms.
    public var customers: CustomerClient

    // MARK: Contracts

    /// The contracts list, the contract screen, the editor and the approvals.
    public var contracts: ContractClient

    // MARK: Escalations

    /// The status view, raising escalations and the supervisors' steps.
    public var escalations: EscalationClient

    // MARK: Reports

    /// The sales reports.
    public var reports: ReportClient

    public init(
        user: UserAccount, databaseName: String, now: @escaping @Sendable () -> Int64,
        queuePage: @escaping @Sendable (QueueFilter, QueueSort, PageRequest, Int) throws -> QueuePage,
        queueCount: @escaping @Sendable (QueueFilter) throws -> QueueTotal,
        rowsBefore: @escaping @Sendable (QueueRow, QueueFilter, QueueSort) throws -> Int,
        orderDetail: @escaping @Sendable (Int64) throws -> OrderDetail,
        apply: @escaping @Sendable (OrderChange, Int64, Int64) throws -> QueueRow,
        dataVersion: @escaping @Sendable () throws -> Int64,
        reconcileRuns: @escaping @Sendable () throws -> [ReconcileRunSummary],
        reconcileDifferences: @escaping @Sendable (Int64, DifferenceQuery, Int?, Int) throws -> [SavedDifference],
        reconcileDifferencesBefore: @escaping @Sendable (Int64, DifferenceQuery, Int, Int) throws -> [SavedDifference],
        reconcileDifferenceCount: @escaping @Sendable (Int64, DifferenceQuery) throws -> Int,
        resolveDifference: @escaping @Sendable (Int64, DifferenceResolution, String) throws -> SavedDifference,
        runReconcile: @escaping @Sendable (String, String, ReconcileOptions, ReconcileProgress) throws -> ReconcileRunSummary,
        exportOpenDifferences: @escaping @Sendable (Int64, String) throws -> Int,
        completePath: @escaping @Sendable (String) -> [String],
        customers: CustomerClient,
        contracts: ContractClient = .empty,
        escalations: EscalationClient = .empty,
        reports: ReportClient = .empty
    ) {
        self.user = user; self.databaseName = databaseName; self.now = now
        self.queuePage = queuePage; self.queueCount = queueCount; self.rowsBefore = rowsBefore
        self.orderDetail = orderDetail; self.apply = apply; self.dataVersion = dataVersion
        self.reconcileRuns = reconcileRuns; self.reconcileDifferences = reconcileDifferences
        self.reconcileDifferencesBefore = reconcileDifferencesBefore
        self.reconcileDifferenceCount = reconcileDifferenceCount; self.resolveDifference = resolveDifference
        self.runReconcile = runReconcile; self.exportOpenDifferences = exportOpenDifferences
        self.completePath = completePath; self.customers = customers
        self.contracts = contracts; self.escalations = escalations; self.reports = reports
    }
}
