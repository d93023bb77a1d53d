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
    /// the window (see `EscalationHistory`), grouped by day in SQL. Each moment but the last is the end of
    /// its day, so "raised by then" is "raised that day or before" and "resolved after" is "resolved on a
    /// later day"; the last moment is `now`, and nothing raised after it counts.
    static func history(_ db: Database, now: Int64) throws -> EscalationHistory {
        let moments = moments(now: now)
        let today = Day(unixSeconds: now).ordinal
        let first = today - (EscalationHistory.days - 1)
        // A day index per moment: 0 … 13; raised before the window counts from index 0.
        var raisedOn = Array(repeating: 0, count: EscalationHistory.days)
        var resolvedOn = Array(repeating: 0, count: EscalationHistory.days + 1)
        for row in try Row.fetchAll(db, sql: """
            SELECT max(raised_at / 86400, ?), count(*) FROM escalations INDEXED BY escalations_active_list
            WHERE status != 'resolved' AND raised_at <= ? GROUP BY 1
            """, arguments: [first, now]) {
            raisedOn[(row[0] as Int) - first] += row[1] as Int
        }
        // A resolved one counts from its raise's day up to the day before its resolution (today: after now).
        for row in try Row.fetchAll(db, sql: """
            SELECT max(raised_at / 86400, ?), CASE WHEN resolved_at > ? THEN ? ELSE resolved_at / 86400 END, count(*)
            FROM escalations INDEXED BY escalations_resolved_at
            WHERE status = 'resolved' AND resolved_at > ? AND raised_at <= ? GROUP BY 1, 2
            """, arguments: [first, now, today + 1, moments[0], now]) {
            let raised = (row[0] as Int) - first, resolved = (row[1] as Int) - first, n: Int = row[2]
            guard resolved > raised else { continue }
            raisedOn[raised] += n
            resolvedOn[resolved] += n
        }
        var counts: [Int] = [], open = 0
        for i in 0..<EscalationHistory.days {
            open += raisedOn[i] - resolvedOn[i]
            counts.append(open)
        }
        return EscalationHistory(lastDay: Day(unixSeconds: now), counts: counts)
    }
}
