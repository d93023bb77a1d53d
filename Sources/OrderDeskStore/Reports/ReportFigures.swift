import Foundation
import GRDB
import OrderDeskCore

/// The per-channel figures of one period (see `ChannelFigures`).
enum ReportFigures {
    static func channels(_ db: Database, _ scope: ReportScope, _ period: ReportPeriod,
                         timeZone: TimeZone) throws -> [Channel: ChannelFigures] {
        var figures: [Channel: ChannelFigures] = [:]
        let filter = scope.condition()
        let days: StatementArguments = [period.start.iso, period.end.iso]
        for row in try Row.fetchAll(db, sql: """
            SELECT channel, count(*), sum(mrr_cents), sum(nrc_cents) FROM orders INDEXED BY orders_report_booked
            WHERE state != 'draft' AND booked_on >= ? AND booked_on <= ?\(filter.sql) GROUP BY channel
            """, arguments: days + filter.arguments) {
            guard let channel = Channel(rawValue: row[0]) else { continue }
            figures[channel, default: ChannelFigures()].bookedCount = row[1]
            figures[channel, default: ChannelFigures()].bookedMRR = Money(cents: row[2])
            figures[channel, default: ChannelFigures()].bookedNRC = Money(cents: row[3])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT channel, count(*), sum(mrr_cents) FROM orders INDEXED BY orders_report_install
            WHERE \(installs)\(filter.sql) GROUP BY channel
            """, arguments: days + filter.arguments) {
            guard let channel = Channel(rawValue: row[0]) else { continue }
            figures[channel, default: ChannelFigures()].installCount = row[1]
            figures[channel, default: ChannelFigures()].installMRR = Money(cents: row[2])
        }
        let interval = period.interval(in: timeZone)
        let orderFilter = scope.condition("o.")
        for row in try Row.fetchAll(db, sql: """
            SELECT o.channel, m.new_value, count(*) FROM audit_log m INDEXED BY audit_order_moves
            JOIN orders o ON o.id = m.entity_id
            WHERE m.entity = 'order' AND m.action = 'move' AND m.field = 'state'
              AND m.new_value IN ('not_done', 'cancelled') AND m.at >= ? AND m.at < ?\(orderFilter.sql)
            GROUP BY 1, 2
            """, arguments: [interval.from, interval.to] + orderFilter.arguments) {
            guard let channel = Channel(rawValue: row[0]) else { continue }
            if row[1] as String == OrderState.notDone.rawValue {
                figures[channel, default: ChannelFigures()].notDone = row[2]
            } else {
                figures[channel, default: ChannelFigures()].cancellations = row[2]
            }
        }
        for (key, n) in try ReportBacklog.counts(db, scope, before: interval.to) where n != 0 && key.state.isOpen {
            figures[key.channel, default: ChannelFigures()].backlog[key.state] = n
        }
        return figures
    }

    /// Installed or billed with the install day between two bound days (the team board's installs).
    static let installs = "install_on >= ? AND install_on <= ? AND install_on IS NOT NULL AND \(Migrations.installedOrderSQL)"

    /// MRR booked (drafts excluded) or installed per day and channel between two days (inclusive).
    static func mrrByDay(_ db: Database, _ scope: ReportScope, from: Day, to: Day,
                         installs: Bool) throws -> [(Day, Channel, Int64)] {
        let filter = scope.condition()
        let sql = installs
            ? "SELECT install_on, channel, sum(mrr_cents) FROM orders INDEXED BY orders_report_install WHERE \(Self.installs)"
            : "SELECT booked_on, channel, sum(mrr_cents) FROM orders INDEXED BY orders_report_booked WHERE state != 'draft' AND booked_on >= ? AND booked_on <= ?"
        return try Row.fetchAll(db, sql: sql + filter.sql + " GROUP BY 1, 2",
                                arguments: [from.iso, to.iso] + filter.arguments).compactMap { row in
            guard let day = Day(iso: row[0] as String), let channel = Channel(rawValue: row[1]) else { return nil }
            return (day, channel, row[2])
        }
    }
}

/// The number of orders in each state at an instant, by channel: every order created before it, in the state
/// its last state move before it left it in (before its first move, the state that move left).
///
/// Read as today's counts (`order_counts`) less every change at or after the instant (`report_state_flow`):
/// the quarter hours up to the next UTC midnight, the UTC days up to the next sixteen-day block, then whole
/// blocks; at most a few thousand summary rows whatever the period. An instant that is not on a quarter hour
/// (a time zone whose offset is not a multiple of 15 minutes) is answered by a direct query instead.
enum ReportBacklog {
    struct Key: Hashable { let channel: Channel; let state: OrderState }

    static func counts(_ db: Database, _ scope: ReportScope, before instant: Int64) throws -> [Key: Int] {
        let sizes = Migrations.reportFlowBucketSeconds
        guard instant % sizes[0] == 0, instant >= 0 else { return try direct(db, scope, before: instant) }
        let filter = scope.condition()
        var counts: [Key: Int] = [:]
        func add(_ rows: [Row], sign: Int) {
            for row in rows {
                guard let channel = Channel(rawValue: row[0]), let state = OrderState(rawValue: row[1]) else { continue }
                counts[Key(channel: channel, state: state), default: 0] += sign * (row[2] as Int)
            }
        }
        add(try Row.fetchAll(db, sql: "SELECT channel, state, sum(n) FROM order_counts WHERE 1\(filter.sql) GROUP BY 1, 2",
                             arguments: filter.arguments), sign: 1)
        // The first UTC midnight at or after the instant, and the first block boundary at or after it.
        let perDay = sizes[1] / sizes[0], perBlock = sizes[2] / sizes[1]
        let day = (instant + sizes[1] - 1) / sizes[1]
        let block = (day + perBlock - 1) / perBlock
        let ranges: [(level: Int, from: Int64, to: Int64)] = [
            (0, instant / sizes[0], day * perDay), (1, day, block * perBlock), (2, block, Int64.max),
        ]
        var sql = "SELECT channel, state, sum(n) FROM ("
        var arguments = StatementArguments()
        sql += ranges.map { _ in
            "SELECT channel, state, n FROM report_state_flow WHERE level = ? AND bucket >= ? AND bucket < ?\(filter.sql)"
        }.joined(separator: " UNION ALL ")
        for range in ranges { arguments += [range.level, range.from, range.to] + filter.arguments }
        add(try Row.fetchAll(db, sql: sql + ") GROUP BY 1, 2", arguments: arguments), sign: -1)
        return counts
    }

    /// The same counts from the orders and their moves, order by order (slow on a large desk).
    static func direct(_ db: Database, _ scope: ReportScope, before instant: Int64) throws -> [Key: Int] {
        let filter = scope.condition("o.")
        let moves = "FROM audit_log m WHERE m.entity = 'order' AND m.entity_id = o.id AND m.action = 'move' AND m.field = 'state'"
        var counts: [Key: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT o.channel, COALESCE(
                (SELECT m.new_value \(moves) AND m.at < ? ORDER BY m.at DESC, m.id DESC LIMIT 1),
                (SELECT m.old_value \(moves) AND m.at >= ? ORDER BY m.at, m.id LIMIT 1),
                o.state), count(*)
            FROM orders o WHERE o.created_at < ?\(filter.sql) GROUP BY 1, 2
            """, arguments: [instant, instant, instant] + filter.arguments) {
            guard let channel = Channel(rawValue: row[0]), let state = OrderState(rawValue: row[1]) else { continue }
            counts[Key(channel: channel, state: state), default: 0] += row[2] as Int
        }
        return counts
    }
}
