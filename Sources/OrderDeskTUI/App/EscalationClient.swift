import OrderDeskCore

/// What the escalation screens need from the data, as closures (see `DeskClient`). Every change is made
/// as the desk's user; the store checks the role, the status and the version again.
public struct EscalationClient: Sendable {
    /// Active escalations by severity and SLA state, now.
    public var summary: @Sendable () throws -> EscalationSummary
    /// The team board, now.
    public var teamBoard: @Sendable () throws -> TeamBoard
    /// Active escalations at the end of each of the last 14 days.
    public var history: @Sendable () throws -> EscalationHistory
    /// Up to `limit` escalations matching `filter` in the list's order at `asOf`, relative to `request`.
    public var page: @Sendable (_ filter: EscalationFilter, _ asOf: Int64, _ request: EscalationPageRequest,
                                _ limit: Int) throws -> EscalationPage
    /// How many escalations match `filter`.
    public var count: @Sendable (_ filter: EscalationFilter) throws -> Int
    /// One escalation with its notes.
    public var detail: @Sendable (_ id: Int64) throws -> EscalationRecord
    /// An order's escalations, newest first.
    public var forOrder: @Sendable (_ orderID: Int64) throws -> [EscalationRecord]
    /// Raises an escalation on an order (the owner is chosen by the store).
    public var raise: @Sendable (_ orderID: Int64, _ reason: EscalationReason, _ severity: EscalationSeverity,
                                 _ note: String?) throws -> EscalationRecord
    /// A supervisor's step with the version the person saw.
    public var step: @Sendable (_ id: Int64, _ step: EscalationStep, _ expectedVersion: Int64) throws -> EscalationRecord
    /// Adds a note to the escalation's thread.
    public var addNote: @Sendable (_ id: Int64, _ text: String) throws -> EscalationRecord
    /// Who can own an escalation (supervisors and directors).
    public var owners: @Sendable () throws -> [String]
    /// Runs the automatic rules now; returns how many escalations they raised.
    public var runRules: @Sendable () throws -> Int

    public init(
        summary: @escaping @Sendable () throws -> EscalationSummary,
        teamBoard: @escaping @Sendable () throws -> TeamBoard,
        history: @escaping @Sendable () throws -> EscalationHistory,
        page: @escaping @Sendable (EscalationFilter, Int64, EscalationPageRequest, Int) throws -> EscalationPage,
        count: @escaping @Sendable (EscalationFilter) throws -> Int,
        detail: @escaping @Sendable (Int64) throws -> EscalationRecord,
        forOrder: @escaping @Sendable (Int64) throws -> [EscalationRecord],
        raise: @escaping @Sendable (Int64, EscalationReason, EscalationSeverity, String?) throws -> EscalationRecord,
        step: @escaping @Sendable (Int64, EscalationStep, Int64) throws -> EscalationRecord,
        addNote: @escaping @Sendable (Int64, String) throws -> EscalationRecord,
        owners: @escaping @Sendable () throws -> [String],
        runRules: @escaping @Sendable () throws -> Int
    ) {
        self.summary = summary; self.teamBoard = teamBoard; self.history = history; self.page = page
        self.count = count; self.detail = detail; self.forOrder = forOrder; self.raise = raise; self.step = step
        self.addNote = addNote; self.owners = owners; self.runRules = runRules
    }

    /// A client with no escalations (for tests of other screens).
    public static let empty = EscalationClient(
        summary: { .empty },
        teamBoard: { TeamBoard(rows: [], weekStart: Day(ordinal: 0)) },
        history: { EscalationHistory(lastDay: Day(ordinal: 0), counts: Array(repeating: 0, count: EscalationHistory.days)) },
        page: { _, _, _, _ in EscalationPage(rows: [], hasMoreAfter: false, hasMoreBefore: false) },
        count: { _ in 0 },
        detail: { id in throw OrderDeskError.recordNotFound(what: "escalation #\(id)") },
        forOrder: { _ in [] },
        raise: { _, _, _, _ in throw OrderDeskError.refused("No escalations here.") },
        step: { _, _, _ in throw OrderDeskError.refused("No escalations here.") },
        addNote: { _, _ in throw OrderDeskError.refused("No escalations here.") },
        owners: { [] },
        runRules: { 0 })
}
