import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The demo's year of history (issue 7): every recent order's trail from draft to its state through the
/// workflow, as the store writes it; bookings and installs in every channel in every recent month and week;
/// teams and monthly targets for every account manager; the same seed, the same history.
@Suite struct DemoHistoryTests {
    static let demo: (TempDatabase, AppDatabase) = try! makeDemo(orders: 6_000, seed: 42)
    static let today = Day(unixSeconds: testNow)
    static let windowStart = today.adding(days: -DemoHistory.windowDays)

    func read<T>(_ body: (Database) throws -> T) throws -> T { try Self.demo.1.writer.read(body) }

    @Test func everyRecentOrderHasAValidTrailFromDraftToItsState() throws {
        let (orders, moves, reasons) = try read { d in
            (try Row.fetchAll(d, sql: """
                SELECT id, state, state_since, created_at, install_on FROM orders WHERE booked_on >= ? ORDER BY id
                """, arguments: [Self.windowStart.iso]),
             try Row.fetchAll(d, sql: """
                SELECT entity_id, at, old_value, new_value FROM audit_log
                WHERE entity = 'order' AND action = 'move' AND field = 'state' ORDER BY entity_id, id
                """),
             try Row.fetchAll(d, sql: """
                SELECT entity_id, at, new_value FROM audit_log
                WHERE entity = 'order' AND action = 'move' AND field = 'reason_code' AND new_value IS NOT NULL
                """))
        }
        var chains: [Int64: [(at: Int64, from: OrderState, to: OrderState)]] = [:]
        for row in moves {
            chains[row[0], default: []].append((row[1], OrderState(rawValue: row[2])!, OrderState(rawValue: row[3])!))
        }
        var reasonAt: [String: String] = [:]
        for row in reasons { reasonAt[String(row[0] as Int64) + "@" + String(row[1] as Int64)] = row[2] }

        var problems: [String] = []
        var installsInOfficeHours = 0, installs = 0, detours = 0
        for row in orders {
            let id: Int64 = row[0], state = OrderState(rawValue: row[1])!, stateSince: Int64 = row[2], createdAt: Int64 = row[3]
            let chain = chains[id] ?? []
            if state == .draft {
                if !chain.isEmpty { problems.append("\(id): a draft with moves") }
                continue
            }
            guard let first = chain.first, let last = chain.last else { problems.append("\(id): no moves"); continue }
            if first.from != .draft && first.from != .submitted { problems.append("\(id): starts from \(first.from)") }
            if first.at < createdAt { problems.append("\(id): moved before its creation") }
            if last.to != state || last.at != stateSince { problems.append("\(id): ends in \(last.to) at \(last.at)") }
            if last.at > testNow { problems.append("\(id): moved after now") }
            if chain.count > 5 { detours += 1 }
            for (index, move) in chain.enumerated() {
                if !Workflow.isAllowed(from: move.from, to: move.to) { problems.append("\(id): \(move.from) → \(move.to)") }
                if index > 0 {
                    let previous = chain[index - 1]
                    if move.from != previous.to { problems.append("\(id): \(move.from) after \(previous.to)") }
                    if move.at <= previous.at { problems.append("\(id): instants do not increase") }
                }
                let codes = ReasonCode.codes(for: move.to)
                if !codes.isEmpty {
                    let code = reasonAt[String(id) + "@" + String(move.at)]
                    if !codes.contains(where: { $0.code == code }) { problems.append("\(id): \(move.to) without a reason code") }
                }
                if move.to == .installed {
                    let install: String? = row[4]
                    if Day(unixSeconds: move.at).iso != install { problems.append("\(id): installed on another day than install_on") }
                    installs += 1
                    let hour = (move.at % 86_400) / 3_600
                    if (8..<18).contains(hour) { installsInOfficeHours += 1 }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) problems, such as \(problems.prefix(5))")
        #expect(installs > 500 && installsInOfficeHours * 100 >= installs * 95, "\(installsInOfficeHours) of \(installs)")
        #expect(detours > 50)
    }

    @Test func theTrailIsWhatTheStoreWrites() throws {
        try read { d in
            // Each note has its audit row; a move's note shares the move's instant and author.
            let notes = try Int.fetchOne(d, sql: "SELECT count(*) FROM order_notes") ?? 0
            #expect(notes == (try Int.fetchOne(d, sql: "SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'note'")))
            let withMove = try Int.fetchOne(d, sql: """
                SELECT count(*) FROM order_notes n WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'order'
                  AND a.entity_id = n.order_id AND a.action = 'move' AND a.at = n.at AND a.actor_id = n.author_id)
                """) ?? 0
            #expect(withMove > 100 && withMove < notes)
            // The order's row agrees with its trail: version, install and bill start dates, submission, reason.
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM orders o WHERE booked_on >= ? AND version != 1 + (SELECT count(*) FROM audit_log a
                  WHERE a.entity = 'order' AND a.entity_id = o.id
                    AND ((a.action = 'move' AND a.field = 'state') OR (a.action = 'note' AND NOT EXISTS (SELECT 1 FROM audit_log m
                      WHERE m.entity = 'order' AND m.entity_id = o.id AND m.action = 'move' AND m.at = a.at AND m.id < a.id))))
                """, arguments: [Self.windowStart.iso]) == 0)
            for (field, column) in [("install_on", "install_on"), ("bill_start_on", "bill_start_on"), ("submitted_on", "submitted_on"),
                                    ("reason_code", "reason_code")] {
                #expect(try Int.fetchOne(d, sql: """
                    SELECT count(*) FROM orders o WHERE booked_on >= ? AND state != 'draft' AND \(column) IS NOT (SELECT new_value FROM audit_log a
                      WHERE a.entity = 'order' AND a.entity_id = o.id AND a.action = 'move' AND a.field = '\(field)' ORDER BY a.id DESC LIMIT 1)
                    """, arguments: [Self.windowStart.iso]) == 0, "\(field)")
            }
            // Not only the owners move orders.
            let byOthers = try Int.fetchOne(d, sql: """
                SELECT count(*) FROM audit_log a JOIN orders o ON o.id = a.entity_id
                WHERE a.entity = 'order' AND a.action = 'move' AND a.field = 'state' AND a.actor_id != o.owner_id
                """) ?? 0
            let all = try Int.fetchOne(d, sql: "SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'move' AND field = 'state'") ?? 0
            #expect(byOthers * 100 > all * 5 && byOthers * 100 < all * 30, "\(byOthers) of \(all)")
            #expect(try Int.fetchOne(d, sql: "PRAGMA foreign_key_check") == nil)
        }
    }

    @Test func everyRecentMonthAndWeekHasBookingsAndInstallsInEveryChannel() throws {
        var periods: [ReportPeriod] = []
        var month = ReportPeriod.containing(Self.today, kind: .monthly)
        for _ in 0..<12 { month = month.previous; periods.append(month) }
        var week = ReportPeriod.containing(Self.today, kind: .weekly)
        for _ in 0..<8 { week = week.previous; periods.append(week) }
        try read { d in
            for period in periods {
                let booked = try Row.fetchAll(d, sql: """
                    SELECT channel, count(*) FROM orders WHERE state != 'draft' AND booked_on BETWEEN ? AND ? GROUP BY channel
                    """, arguments: [period.start.iso, period.end.iso])
                let installed = try Row.fetchAll(d, sql: """
                    SELECT o.channel, count(*) FROM audit_log a JOIN orders o ON o.id = a.entity_id
                    WHERE a.entity = 'order' AND a.action = 'move' AND a.field = 'state' AND a.new_value = 'installed'
                      AND a.at >= ? AND a.at < ? GROUP BY o.channel
                    """, arguments: [period.start.unixSeconds, period.end.adding(days: 1).unixSeconds])
                #expect(booked.count == Channel.allCases.count, "\(period.label): bookings in \(booked.count) channels")
                #expect(installed.count == Channel.allCases.count, "\(period.label): installs in \(installed.count) channels")
            }
            // A shape: weekdays busier than weekends, growth over the years.
            let byWeekday = try Row.fetchAll(d, sql: """
                SELECT strftime('%w', booked_on) IN ('0', '6'), count(*) FROM orders WHERE booked_on >= ? GROUP BY 1 ORDER BY 1
                """, arguments: [Self.today.adding(days: -364).iso]).map { $0[1] as Int }
            #expect(byWeekday.count == 2 && byWeekday[0] / 5 > 2 * byWeekday[1] / 2, "\(byWeekday)")
            let lastYear = try Int.fetchOne(d, sql: "SELECT count(*) FROM orders WHERE booked_on > ?",
                                            arguments: [Self.today.adding(days: -365).iso]) ?? 0
            #expect(lastYear > 6_000 - lastYear)
        }
    }

    @Test func everyAccountManagerHasATeamAndATargetForEveryMonth() throws {
        let months = DemoTargets.months(today: Self.today)
        #expect(months.count == 16 && months.first == "2025-03" && months.last == "2026-06")
        try read { d in
            #expect(try String.fetchAll(d, sql: "SELECT name FROM teams ORDER BY id") == ["East", "West", "Enterprise"])
            let managers = try Row.fetchAll(d, sql: "SELECT id, team_id FROM users WHERE role = 'account_manager' ORDER BY id")
            #expect(managers.count == 11 && managers.allSatisfy { ($0[1] as Int64?) != nil })
            #expect(Set(managers.map { $0[1] as Int64 }).count == 3)
            var attainments: [Double] = []
            for manager in managers {
                let id: Int64 = manager[0]
                let targets = try Row.fetchAll(d, sql: "SELECT month, installed_mrr_cents FROM sales_targets WHERE user_id = ? ORDER BY month",
                                               arguments: [id])
                #expect(targets.map { $0[0] as String } == months)
                for target in targets where (target[0] as String) < "2026-05" {
                    let installed = try Int.fetchOne(d, sql: """
                        SELECT sum(mrr_cents) FROM orders WHERE owner_id = ? AND state IN ('installed', 'billed') AND substr(install_on, 1, 7) = ?
                        """, arguments: [id, target[0] as String]) ?? 0
                    attainments.append(Double(installed) / Double(target[1] as Int))
                }
            }
            #expect(attainments.allSatisfy { (0.55...1.45).contains($0) }, "\(attainments.sorted().prefix(3)) … \(attainments.sorted().suffix(3))")
            #expect(attainments.contains { $0 < 0.8 } && attainments.contains { $0 > 1.2 })
            // Commission rates are the migration's.
            #expect(try Int.fetchOne(d, sql: "SELECT rate_bp FROM commission_rates WHERE order_type = 'renewal'") == 5_000)
        }
    }

    @Test func deterministicForASeed() throws {
        func digest(_ db: AppDatabase) throws -> [String] {
            try db.writer.read { d in
                try String.fetchAll(d, sql: """
                    SELECT action || ' ' || ifnull(field, '') || ' ' || count(*) || ' ' || sum(at) || ' ' || sum(actor_id) || ' ' || total(length(new_value))
                    FROM audit_log WHERE entity = 'order' GROUP BY action, field ORDER BY action, field
                    """)
                + String.fetchAll(d, sql: "SELECT count(*) || ' ' || sum(at) || ' ' || sum(author_id) FROM order_notes")
                + String.fetchAll(d, sql: "SELECT count(*) || ' ' || sum(installed_mrr_cents) FROM sales_targets")
                + String.fetchAll(d, sql: "SELECT group_concat(team_id) FROM users")
            }
        }
        let (_, a) = try makeDemo(orders: 600, seed: 9)
        let (_, b) = try makeDemo(orders: 600, seed: 9)
        let (_, c) = try makeDemo(orders: 600, seed: 10)
        #expect(try digest(a) == digest(b))
        #expect(try digest(a) != digest(c))
    }

    /// The reports' summary, rebuilt from the trails at the end of the build, agrees with the orders as they
    /// are: the backlog at the end of this month is the open orders counted live.
    @Test func theReportsBacklogThisMonthIsTheOpenOrdersCountedLive() throws {
        let (_, database) = Self.demo
        let now = try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(updated_at) FROM orders")! }
        let period = ReportPeriod.containing(Day(unixSeconds: now), kind: .monthly)
        let report = try database.salesReport(ReportQuery(period: period), timeZone: TimeZone(identifier: "UTC")!, now: now)
        let live = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT state, count(*) FROM orders GROUP BY state").reduce(into: [OrderState: Int]()) {
                if let state = OrderState(rawValue: $1[0]), state.isOpen { $0[state] = $1[1] }
            }
        }
        #expect(report.total?.current.backlog.filter { $0.value > 0 } == live.filter { $0.value > 0 })
        #expect((report.total?.previous.backlogTotal ?? 0) > 0)
    }
}
