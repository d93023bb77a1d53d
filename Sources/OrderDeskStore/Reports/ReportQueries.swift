import Foundation
import GRDB
import OrderDeskCore

// The sales reports' reads (issue 7). Every figure comes from an index range or a small summary:
// booked and installed orders from the covering indexes `orders_report_booked` and `orders_report_install`,
// not-done orders and cancellations from `audit_order_moves`, the backlog from `order_counts` less
// `report_state_flow` after the period's end (ReportBacklog), productivity from `report_work`.
extension AppDatabase {
    /// The report for `query`'s period (and the previous period, for the changes), with its days in
    /// `timeZone`.
    public func salesReport(_ query: ReportQuery, timeZone: TimeZone, now: Int64) throws -> SalesReport {
        try writer.read { db in
            let scope = try ReportScope(db, query)
            let current = try ReportFigures.channels(db, scope, query.period, timeZone: timeZone)
            let previous = try ReportFigures.channels(db, scope, query.period.previous, timeZone: timeZone)
            let channels = scope.channels
            var rows = channels.map { channel in
                ChannelReportRow(channel: channel, current: current[channel] ?? ChannelFigures(),
                                 previous: previous[channel] ?? ChannelFigures())
            }
            rows.append(ChannelReportRow(channel: nil, current: rows.map(\.current).reduce(ChannelFigures(), +),
                                         previous: rows.map(\.previous).reduce(ChannelFigures(), +)))
            let commission = try ReportPeople.commission(db, scope, query.period)
            return SalesReport(
                query: query, generatedAt: now, timeZone: timeZone.identifier, channels: rows,
                productivity: try ReportPeople.productivity(db, scope, query.period.interval(in: timeZone)),
                hasEscalations: try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM escalations)") ?? false,
                executives: commission.executives, teams: commission.teams)
        }
    }

    /// Booked and installed MRR per channel for each of the `weeks` Monday-to-Sunday weeks ending with the
    /// one holding `day`, oldest first (every channel, or only `channel`; everyone's orders or one owner's).
    /// Both are days the desk keeps as dates, so `timeZone` does not move them.
    public func weeklyMRR(weeks: Int, through day: Day, channel: Channel?, ownerLogin: String?,
                          timeZone: TimeZone) throws -> [WeeklyMRR] {
        guard weeks > 0 else { return [] }
        return try writer.read { db in
            let scope = try ReportScope(db, ReportQuery(period: .containing(day, kind: .weekly), channel: channel,
                                                        ownerLogin: ownerLogin))
            let last = ReportPeriod.containing(day, kind: .weekly)
            let first = last.start.adding(days: -7 * (weeks - 1))
            var booked: [Int: [Channel: Int64]] = [:], installed: [Int: [Channel: Int64]] = [:]
            for (day, channel, cents) in try ReportFigures.mrrByDay(db, scope, from: first, to: last.end, installs: false) {
                booked[(day - first) / 7, default: [:]][channel, default: 0] += cents
            }
            for (day, channel, cents) in try ReportFigures.mrrByDay(db, scope, from: first, to: last.end, installs: true) {
                installed[(day - first) / 7, default: [:]][channel, default: 0] += cents
            }
            return (0..<weeks).flatMap { week in
                scope.channels.map { channel in
                    WeeklyMRR(weekStart: first.adding(days: 7 * week), channel: channel,
                              booked: Money(cents: booked[week]?[channel] ?? 0),
                              installed: Money(cents: installed[week]?[channel] ?? 0))
                }
            }
        }
    }

    /// The commission rate of each order type (the table's, or the default for a type it lacks).
    public func commissionRates() throws -> [CommissionRate] {
        try writer.read { db in try ReportPeople.rates(db) }
    }

    /// Drops the reports' indexes and the triggers that keep their summaries (`report_state_flow`, `report_work`)
    /// in step, for a bulk load that writes orders and their history out of order (the demo);
    /// `rebuildReportSummaries` must follow.
    public static func suspendReportSummaries(_ db: Database) throws {
        for name in Migrations.reportStateFlowTriggerNames + Migrations.reportWorkTriggerNames {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
        }
        for name in Migrations.v7IndexNames + Migrations.reportWorkIndexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
    }

    /// Builds the reports' indexes if they are missing, recomputes their summaries (`report_state_flow`,
    /// `report_work`) from the orders, the escalations and the audit log, and puts their triggers back. Call it
    /// once a bulk load has written the orders, their history and the escalations (whether or not it called
    /// `suspendReportSummaries` first).
    public static func rebuildReportSummaries(_ db: Database) throws {
        for sql in Migrations.v7Indexes {
            try db.execute(sql: sql.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS "))
        }
        try db.execute(sql: "DELETE FROM report_state_flow")
        try db.execute(sql: Migrations.reportStateFlowFill)
        for sql in Migrations.reportStateFlowTriggers { try db.execute(sql: sql) }
        // `report_work` is filled without its indexes, which are then built once from the sorted table.
        for name in Migrations.reportWorkIndexNames { try db.execute(sql: "DROP INDEX IF EXISTS \(name)") }
        try db.execute(sql: "DELETE FROM report_work")
        try db.execute(sql: Migrations.reportWorkFill)
        for sql in Migrations.reportWorkIndexes { try db.execute(sql: sql) }
        for sql in Migrations.reportWorkTriggers { try db.execute(sql: sql) }
    }
}

/// What a report is restricted to: the channels shown, and one owner's orders.
struct ReportScope {
    let channel: Channel?
    /// The owner's id, when the report is one person's.
    let ownerID: Int64?

    init(_ db: Database, _ query: ReportQuery) throws {
        channel = query.channel
        if let login = query.ownerLogin {
            guard let user = try AppDatabase.fetchUser(db, login: login) else { throw OrderDeskError.unknownUser(login: login) }
            ownerID = user.id
        } else {
            ownerID = nil
        }
    }

    var channels: [Channel] { channel.map { [$0] } ?? Channel.allCases }

    /// ` AND <prefix>channel = ? AND <prefix>owner_id = ?` for the filters that apply, with their arguments.
    func condition(_ prefix: String = "") -> (sql: String, arguments: StatementArguments) {
        var sql = "", arguments = StatementArguments()
        if let channel { sql += " AND \(prefix)channel = ?"; arguments += [channel.rawValue] }
        if let ownerID { sql += " AND \(prefix)owner_id = ?"; arguments += [ownerID] }
        return (sql, arguments)
    }
}
