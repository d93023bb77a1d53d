import GRDB
import OrderDeskCore

// The status view's reads (issue 6). Each is one read transaction over an index range or a small summary;
// `orderdesk bench --status-only` measures them on the 1M-order demo.
extension AppDatabase {
    /// Active escalations by severity and by SLA state at `now`.
    public func escalationSummary(now: Int64) throws -> EscalationSummary {
        try writer.read { db in try StatusSummaryQuery.summary(db, now: now) }
    }

    /// One row per account manager (every user whose role is account_manager, by login), at `now`.
    public func teamBoard(now: Int64) throws -> TeamBoard {
        try writer.read { db in try TeamBoardQuery.board(db, now: now) }
    }

    /// Active escalations at the end of each of the last `EscalationHistory.days` days (the last is `now`).
    public func escalationHistory(now: Int64) throws -> EscalationHistory {
        try writer.read { db in try StatusSummaryQuery.history(db, now: now) }
    }

    /// Up to `limit` escalations matching `filter` in the list's order at `asOf` (see `EscalationSortKey`),
    /// relative to `request`.
    public func escalationPage(_ filter: EscalationFilter, asOf: Int64, _ request: EscalationPageRequest,
                               limit: Int) throws -> EscalationPage {
        try writer.read { db in try EscalationListQuery(db, filter: filter, asOf: asOf).page(request, limit: limit) }
    }

    /// How many escalations match `filter`.
    public func escalationCount(_ filter: EscalationFilter) throws -> Int {
        try writer.read { db in try EscalationListQuery(db, filter: filter, asOf: 0).count() }
    }

    /// The logins that can own an escalation (supervisors and directors), by login.
    public func escalationOwners() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT login FROM users WHERE role = 'supervisor' OR role = 'director' ORDER BY login")
        }
    }

    /// The SLA policy from the settings (defaults when unset).
    public func slaPolicy() throws -> SLAPolicy {
        try writer.read { db in try Self.slaPolicy(db) }
    }

    /// The automatic rules' thresholds and severities from the settings (defaults when unset).
    public func autoEscalationPolicy() throws -> AutoEscalationPolicy {
        try writer.read { db in try Self.autoEscalationPolicy(db) }
    }
}

/// The status view's summary line and sparkline.
enum StatusSummaryQuery {
    static func summary(_ db: Database, now: Int64) throws -> EscalationSummary {
        var bySeverity: [EscalationSeverity: Int] = [:]
        var bySLA: [SLAState: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT severity, count(*), sum(due_at < ?), sum(due_at >= ? AND due_at <= ?)
            FROM escalations INDEXED BY escalations_active_list WHERE status != 'resolved' GROUP BY severity
            """, arguments: [now, now, now + 3_600]) {
            let raw: String = row[0]
            guard let severity = EscalationSeverity(rawValue: raw) else {
                throw StoreError.corruptValue(column: "escalations.severity", value: raw)
            }
            let all: Int = row[1], breached: Int = row[2], dueSoon: Int = row[3]
            bySeverity[severity] = all
            bySLA[.breached, default: 0] += breached
            bySLA[.dueSoon, default: 0] += dueSoon
            bySLA[.onTime, default: 0] += all - breached - dueSoon
        }
        return EscalationSummary(bySeverity: bySeverity, bySLA: bySLA)
    }

    /// The moments counted: the end (23:59:59) of each of the last days, and `now` for today.
    static func moments(now: Int64) -> [Int64] {
        let today = Day(unixSeconds: now)
        return (0..<EscalationHistory.days).map { i in
            let day = today.adding(days: i - (EscalationHistory.days - 1))
            return i == EscalationHistory.days - 1 ? now : day.adding(days: 1).unixSeconds - 1
        }
    }

    /// Counted from the raise and resolution times of the active escalations and of those resolved within
    /// the window (see `EscalationHistory`).
    static func history(_ db: Database, now: Int64) throws -> EscalationHistory {
        let moments = moments(now: now)
        var spans: [(raised: Int64, resolved: Int64?)] = try Int64.fetchAll(db, sql: """
            SELECT raised_at FROM escalations INDEXED BY escalations_active_list WHERE status != 'resolved'
            """).map { ($0, nil) }
        for row in try Row.fetchAll(db, sql: """
            SELECT raised_at, resolved_at FROM escalations INDEXED BY escalations_resolved_at
            WHERE status = 'resolved' AND resolved_at > ?
            """, arguments: [moments[0]]) {
            spans.append((row[0], row[1]))
        }
        let counts = moments.map { moment in
            spans.reduce(0) { n, span in
                n + (span.raised <= moment && (span.resolved.map { $0 > moment } ?? true) ? 1 : 0)
            }
        }
        return EscalationHistory(lastDay: Day(unixSeconds: now), counts: counts)
    }
}
