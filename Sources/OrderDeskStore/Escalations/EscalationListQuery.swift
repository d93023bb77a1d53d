import GRDB
import OrderDeskCore

/// The status view's list: keyset pages in `EscalationSortKey` order at a moment, and counts.
///
/// Breached or not depends on the moment asked, so the list is read as consecutive segments, each an
/// index range in (severity, raised_at, id) order: for the active statuses the breached ones
/// (`due_at < asOf`) then the others, from `escalations_active_list`; for resolved ones (never breached)
/// one segment of `escalations_resolved_list`. Every filter's column is on the index entry.
struct EscalationListQuery {
    let db: Database
    let filter: EscalationFilter
    let asOf: Int64
    /// The filter's conditions and their arguments; nil when it can match nothing (an unknown login).
    private var conditions: [String] = []
    private var arguments: [any DatabaseValueConvertible] = []
    private let matchesNothing: Bool

    init(_ db: Database, filter: EscalationFilter, asOf: Int64) throws {
        self.db = db; self.filter = filter; self.asOf = asOf
        var nothing = false
        func userID(_ login: String) throws -> Int64? {
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login])
            if id == nil { nothing = true }
            return id
        }
        switch filter.status {
        case .active, .resolved: break
        case .open, .acknowledged:
            conditions.append("e.status = ?"); arguments.append(filter.status.rawValue)
        }
        if let severity = filter.severity { conditions.append("e.severity = ?"); arguments.append(severity.rawValue) }
        if let login = filter.ownerLogin, let id = try userID(login) { conditions.append("e.owner_id = ?"); arguments.append(id) }
        if let reason = filter.reason { conditions.append("e.reason = ?"); arguments.append(reason.rawValue) }
        if let login = filter.involvingLogin, let id = try userID(login) {
            conditions.append("(e.order_owner_id = ? OR e.raised_by = ?)"); arguments += [id, id]
        }
        matchesNothing = nothing
    }

    /// One index range of the list.
    struct Segment {
        let index: String
        /// The partial index's own condition (which lets SQLite use it) and the segment's.
        let condition: String
        let arguments: [any DatabaseValueConvertible]
    }

    var segments: [Segment] {
        if filter.status == .resolved {
            return [Segment(index: "escalations_resolved_list", condition: "e.status = 'resolved'", arguments: [])]
        }
        return [
            Segment(index: "escalations_active_list", condition: "e.status != 'resolved' AND e.due_at < ?", arguments: [asOf]),
            Segment(index: "escalations_active_list", condition: "e.status != 'resolved' AND e.due_at >= ?", arguments: [asOf]),
        ]
    }

    /// The segment a row belongs to at `asOf` (as the row says it stands).
    func segment(of row: EscalationRow) -> Int {
        filter.status == .resolved ? 0 : (row.sortKey(asOf: asOf).breached ? 0 : 1)
    }

    static let columns = """
        e.id, e.order_id, o.order_number, o.customer_name, o.owner_login, e.reason, e.severity, e.status, w.login,
        r.login, e.raised_at, e.due_at, e.version
        """

    /// Up to `limit` rows of one segment, forwards or backwards from `anchor` (exclusive unless `inclusive`).
    func rows(in segment: Segment, forward: Bool, after anchor: EscalationRow?, inclusive: Bool = false,
              limit: Int) throws -> [EscalationRow] {
        var sql = """
            SELECT \(Self.columns) FROM escalations e INDEXED BY \(segment.index)
            CROSS JOIN orders o ON o.id = e.order_id
            LEFT JOIN users w ON w.id = e.owner_id LEFT JOIN users r ON r.id = e.raised_by
            WHERE \(([segment.condition] + conditions).joined(separator: " AND "))
            """
        var args = segment.arguments + arguments
        if let anchor {
            let op = forward ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<")
            sql += " AND (e.severity, e.raised_at, e.id) \(op) (?, ?, ?)"
            args += [anchor.severity.rawValue, anchor.raisedAt, anchor.id]
        }
        let direction = forward ? "" : " DESC"
        sql += " ORDER BY e.severity\(direction), e.raised_at\(direction), e.id\(direction) LIMIT ?"
        args.append(limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
    }

    /// Up to `limit` rows in list order after `anchor` (from the start when nil), or before it (from the end
    /// when nil) in reverse list order, across the segments.
    func walk(forward: Bool, from anchor: EscalationRow?, inclusive: Bool = false, limit: Int) throws -> [EscalationRow] {
        guard !matchesNothing, limit > 0 else { return [] }
        let all = segments
        var order = Array(all.indices)
        if !forward { order.reverse() }
        if let anchor {
            let start = segment(of: anchor)
            order = order.filter { forward ? $0 >= start : $0 <= start }
        }
        var found: [EscalationRow] = []
        for i in order where found.count < limit {
            let keyed = anchor != nil && i == segment(of: anchor!)
            found += try rows(in: all[i], forward: forward, after: keyed ? anchor : nil, inclusive: inclusive,
                              limit: limit - found.count)
        }
        return found
    }

    func page(_ request: EscalationPageRequest, limit: Int) throws -> EscalationPage {
        switch request {
        case .first:
            let rows = try walk(forward: true, from: nil, limit: limit + 1)
            return EscalationPage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: false)
        case .last:
            let rows = try walk(forward: false, from: nil, limit: limit + 1)
            return EscalationPage(rows: Array(rows.prefix(limit).reversed()), hasMoreAfter: false, hasMoreBefore: rows.count > limit)
        case .after(let anchor):
            let rows = try walk(forward: true, from: anchor, limit: limit + 1)
            let before = try !walk(forward: false, from: anchor, inclusive: true, limit: 1).isEmpty
            return EscalationPage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: before)
        case .before(let anchor):
            let rows = try walk(forward: false, from: anchor, limit: limit + 1)
            let after = try !walk(forward: true, from: anchor, inclusive: true, limit: 1).isEmpty
            return EscalationPage(rows: Array(rows.prefix(limit).reversed()), hasMoreAfter: after, hasMoreBefore: rows.count > limit)
        }
    }

    /// How many escalations match, from the index entries alone.
    func count() throws -> Int {
        guard !matchesNothing else { return 0 }
        let segment = filter.status == .resolved
            ? Segment(index: "escalations_resolved_list", condition: "e.status = 'resolved'", arguments: [])
            : Segment(index: "escalations_active_list", condition: "e.status != 'resolved'", arguments: [])
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM escalations e INDEXED BY \(segment.index)
            WHERE \(([segment.condition] + conditions).joined(separator: " AND "))
            """, arguments: StatementArguments(segment.arguments + arguments)) ?? 0
    }

    static func decode(_ row: Row) throws -> EscalationRow {
        func value<T: RawRepresentable>(_ type: T.Type, _ index: Int, _ column: String) throws -> T where T.RawValue == String {
            let raw: String = row[index]
            guard let value = T(rawValue: raw) else { throw StoreError.corruptValue(column: "escalations.\(column)", value: raw) }
            return value
        }
        return EscalationRow(
            id: row[0], orderID: row[1], orderNumber: row[2], customerName: row[3], orderOwnerLogin: row[4],
            reason: try value(EscalationReason.self, 5, "reason"), severity: try value(EscalationSeverity.self, 6, "severity"),
            status: try value(EscalationStatus.self, 7, "status"), ownerLogin: row[8], raisedByLogin: row[9],
            raisedAt: row[10], dueAt: row[11], version: row[12])
    }
}
