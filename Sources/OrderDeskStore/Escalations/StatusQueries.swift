import GRDB
import OrderDeskCore

// The status view's reads. CONTRACT STUBS: the store helper replaces these bodies.
extension AppDatabase {
    /// Active escalations by severity and by SLA state at `now`.
    public func escalationSummary(now: Int64) throws -> EscalationSummary {
        .empty
    }

    /// One row per account manager (every user whose role is account_manager, by login), at `now`.
    public func teamBoard(now: Int64) throws -> TeamBoard {
        TeamBoard(rows: [], weekStart: TeamBoard.weekStart(now: now))
    }

    /// Active escalations at the end of each of the last `EscalationHistory.days` days (the last is `now`).
    public func escalationHistory(now: Int64) throws -> EscalationHistory {
        EscalationHistory(lastDay: Day(unixSeconds: now), counts: Array(repeating: 0, count: EscalationHistory.days))
    }

    /// Up to `limit` escalations matching `filter` in the list's order at `asOf` (see `EscalationSortKey`),
    /// relative to `request`.
    public func escalationPage(_ filter: EscalationFilter, asOf: Int64, _ request: EscalationPageRequest,
                               limit: Int) throws -> EscalationPage {
        EscalationPage(rows: [], hasMoreAfter: false, hasMoreBefore: false)
    }

    /// How many escalations match `filter`.
    public func escalationCount(_ filter: EscalationFilter) throws -> Int { 0 }

    /// The logins that can own an escalation (supervisors and directors), by login.
    public func escalationOwners() throws -> [String] { [] }

    /// The SLA policy from the settings (defaults when unset).
    public func slaPolicy() throws -> SLAPolicy { .defaults }

    /// The automatic rules' thresholds and severities from the settings (defaults when unset).
    public func autoEscalationPolicy() throws -> AutoEscalationPolicy { .defaults }
}
