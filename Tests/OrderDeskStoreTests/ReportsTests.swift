import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Every figure of the sales report against a plain query on a seeded desk, in several time zones and
/// period kinds, with and without filters.
@Suite struct ReportsTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let kolkata = TimeZone(identifier: "Asia/Kolkata")!

    func check(_ f: ReportFixture, _ query: ReportQuery) throws {
        let report = try f.db.salesReport(query, timeZone: f.timeZone, now: testNow)
        #expect(report.query == query && report.timeZone == f.timeZone.identifier && report.generatedAt == testNow)
        let channels = query.channel.map { [$0] } ?? Channel.allCases
        #expect(report.channels.map(\.channel) == channels + [nil])
        try f.db.writer.read { db in
            let owner = try query.ownerLogin.map { try AppDatabase.fetchUser(db, login: $0)!.id }
            var total = ChannelFigures(), previousTotal = ChannelFigures()
            for (row, channel) in zip(report.channels, channels) {
                let current = try ReportOracle.figures(db, channel: channel, owner: owner, period: query.period, timeZone: f.timeZone)
                let previous = try ReportOracle.figures(db, channel: channel, owner: owner, period: query.period.previous,
                                                        timeZone: f.timeZone)
                #expect(row.current == current, "\(channel) \(query.period.label)")
                #expect(row.previous == previous, "\(channel) previous of \(query.period.label)")
                total = total + current; previousTotal = previousTotal + previous
            }
            #expect(report.total?.current == total && report.total?.previous == previousTotal)
            let interval = query.period.interval(in: f.timeZone)
            #expect(report.productivity == (try ReportOracle.productivity(db, from: interval.from, to: interval.to,
                                                                          channel: query.channel, actor: owner)))
            #expect(report.hasEscalations == (try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM escalations")!))
            // Commission: every account manager with a target or installs (only the owner when filtered).
            var expected: [CommissionRow] = []
            for user in try Row.fetchAll(db, sql: """
                SELECT u.id, u.login, u.name, t.name FROM users u LEFT JOIN teams t ON t.id = u.team_id
                WHERE u.role = 'account_manager' ORDER BY u.login
                """) {
                let id: Int64 = user[0]
                if let owner, owner != id { continue }
                let c = try ReportOracle.commission(db, user: id, channel: query.channel, period: query.period)
                let installs = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM orders WHERE owner_id = ? AND state IN ('installed', 'billed') AND install_on BETWEEN ? AND ?
                    """ + (query.channel == nil ? "" : " AND channel = '\(query.channel!.rawValue)'"),
                    arguments: [id, query.period.start.iso, query.period.end.iso])!
                guard installs > 0 || c.target != nil else { continue }
                expected.append(CommissionRow(login: user[1], name: user[2], team: user[3], installedMRR: Money(cents: c.mrr),
                                              target: c.target.map { Money(cents: $0) }, commission: Money(cents: c.commission)))
            }
            #expect(report.executives == expected)
            if owner == nil {
                let teams = Dictionary(grouping: expected.filter { $0.team != nil }, by: { $0.team! })
                #expect(report.teams.map(\.name) == teams.keys.sorted())
                for team in report.teams {
                    let members = teams[team.name]!
                    #expect(team.login == nil && team.team == team.name)
                    #expect(team.installedMRR == members.map(\.installedMRR).reduce(.zero, +))
                    #expect(team.commission == members.map(\.commission).reduce(.zero, +))
                    let targets = members.compactMap(\.target)
                    #expect(team.target == (targets.isEmpty ? nil : targets.reduce(.zero, +)))
                }
            } else {
                #expect(report.teams.isEmpty)
            }
        }
    }

    func queries(_ period: ReportPeriod) -> [ReportQuery] {
        [ReportQuery(period: period), ReportQuery(period: period, channel: .agent),
         ReportQuery(period: period, ownerLogin: "ali.khan"), ReportQuery(period: period, channel: .direct, ownerLogin: "dana.ruiz")]
    }

    @Test(arguments: [("UTC", ReportPeriodKind.weekly), ("America/New_York", .weekly), ("Asia/Kolkata", .daily),
                      ("America/New_York", .monthly), ("UTC", .daily)])
    func everyFigureMatchesAPlainQuery(zone: String, kind: ReportPeriodKind) throws {
        let period = ReportPeriod.containing(Day(iso: "2026-11-03")!, kind: kind)  // the week after the DST change
        let f = try ReportFixture(period: period, timeZone: TimeZone(identifier: zone)!)
        for query in queries(period) { try check(f, query) }
        // The summary and the direct count agree at every period's end, and the fallback matches too.
        try f.db.writer.read { db in
            let scope = try ReportScope(db, ReportQuery(period: period))
            for instant in [period.interval(in: f.timeZone).to, period.previous.interval(in: f.timeZone).to,
                            Day(iso: "2026-10-01")!.unixSeconds, Day(iso: "2026-12-20")!.unixSeconds + 900] {
                #expect(try ReportBacklog.counts(db, scope, before: instant) .filter { $0.value != 0 }
                        == ReportBacklog.direct(db, scope, before: instant))
            }
        }
    }

    @Test func yearChangeLeapDayAndAWeekAcrossTwoMonths() throws {
        for (day, kind) in [("2027-01-01", ReportPeriodKind.weekly), ("2028-02-29", .daily), ("2028-03-01", .weekly),
                            ("2027-01-15", .monthly)] {
            let period = ReportPeriod.containing(Day(iso: day)!, kind: kind)
            let f = try ReportFixture(period: period, timeZone: Self.kolkata, seed: 11, orders: 150)
            for query in queries(period) { try check(f, query) }
        }
    }

    @Test func theBoundariesOfThePeriodByHand() throws {
        // Monday 2026-11-23 to Sunday 2026-11-29 in New York (UTC−5): from 05:00 UTC on the Monday.
        let period = ReportPeriod.containing(Day(iso: "2026-11-25")!, kind: .weekly)
        let zone = Self.newYork
        let (from, to) = period.interval(in: zone)
        let (temp, db, admin, manager, _) = try makeStaffed()
        _ = temp
        let (customer, location) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        func order(_ number: String, created: Int64, moves: [(Int64, OrderState)]) throws {
            let id = try db.insertTestOrder(number: number, customerID: customer, locationID: location, state: .submitted,
                                            channel: .smb, booked: "2026-11-23")
            try db.writer.write { db in
                try db.execute(sql: "UPDATE orders SET created_at = ?, owner_id = ?, owner_login = ? WHERE id = ?",
                               arguments: [created, manager.id, manager.login, id])
                var state = OrderState.submitted
                for (at, target) in moves {
                    try db.execute(sql: "UPDATE orders SET state = ? WHERE id = ?", arguments: [target.rawValue, id])
                    try Audit.append(db, at: at, actorID: manager.id, entity: "order", entityID: id, action: "move",
                                     field: "state", old: state.rawValue, new: target.rawValue)
                    state = target
                }
            }
        }
        try order("00000001", created: from - 10, moves: [(from, .notDone)])            // first second: counts
        try order("00000002", created: from - 10, moves: [(from - 1, .cancelled)])      // the second before: previous week
        try order("00000003", created: from - 10, moves: [(to - 1, .cancelled)])        // last second: counts
        try order("00000004", created: from - 10, moves: [(to, .notDone)])              // one second after: next week
        try order("00000005", created: to - 1, moves: [])                               // created on the last second
        try order("00000006", created: to, moves: [])                                   // created after: not in the backlog
        try order("00000007", created: from - 10, moves: [(to, .held), (to + 50, .cancelled)])  // submitted at the end
        let report = try db.salesReport(ReportQuery(period: period, channel: .smb), timeZone: zone, now: testNow)
        let smb = report.channels[0].current
        #expect(smb.notDone == 1 && smb.cancellations == 1)
        #expect(report.channels[0].previous.cancellations == 1 && report.channels[0].previous.notDone == 0)
        // At the end: 1 not done, 4 and 5 and 7 submitted (3 cancelled, 2 cancelled, 6 not yet created).
        #expect(smb.backlog == [.notDone: 1, .submitted: 3])
        #expect(smb.bookedCount == 7 && smb.bookedMRR == Money(cents: 7 * 24_900))
        #expect(report.productivity.map(\.login) == [manager.login] && report.productivity[0].transitions == 2)
        #expect(report.total?.current == smb && !report.hasEscalations)
        _ = admin
    }

    @Test func commissionTargetsAcrossAMonthBoundaryRatesAndTeams() throws {
        let (temp, db, admin, manager, _) = try makeStaffed()
        _ = temp
        let other = try db.addUser(login: "ali.khan", name: "Ali Khan", role: .accountManager, actor: admin, now: testNow)
        let idle = try db.addUser(login: "bea.lund", name: "Bea Lund", role: .accountManager, actor: admin, now: testNow)
        let (customer, location) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        // Monday 2026-03-30 to Sunday 2026-04-05: 2 days of March (31), 5 of April (30).
        let week = ReportPeriod.containing(Day(iso: "2026-04-01")!, kind: .weekly)
        var number = 0
        func install(_ owner: UserAccount, _ type: OrderType, _ cents: Int, on day: String, state: OrderState = .installed) throws {
            number += 1
            let id = try db.insertTestOrder(number: zeroPadded(number, width: 8), customerID: customer, locationID: location,
                                            state: state, booked: "2026-03-01")
            try db.writer.write { db in
                try db.execute(sql: "UPDATE orders SET type = ?, mrr_cents = ?, install_on = ?, owner_id = ?, owner_login = ? WHERE id = ?",
                               arguments: [type.rawValue, cents, day, owner.id, owner.login, id])
            }
        }
        try install(manager, .new, 10_001, on: "2026-03-30")
        try install(manager, .renewal, 3_333, on: "2026-04-05", state: .billed)
        try install(manager, .change, 50_000, on: "2026-04-02")
        try install(manager, .new, 99_999, on: "2026-04-06")               // next week
        try install(manager, .new, 99_999, on: "2026-04-01", state: .scheduled)  // not installed
        try install(other, .add, 20_000, on: "2026-04-03")
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO teams(id, name) VALUES (1, 'East')")
            try db.execute(sql: "UPDATE users SET team_id = 1 WHERE id IN (?, ?)", arguments: [manager.id, other.id])
            try db.execute(sql: "INSERT INTO sales_targets VALUES (?, '2026-03', 100000), (?, '2026-04', 100000), (?, '2026-04', 60000)",
                           arguments: [manager.id, manager.id, idle.id])
            try db.execute(sql: "UPDATE commission_rates SET rate_bp = 1250 WHERE order_type = 'change'")
        }
        #expect(try db.commissionRates().first { $0.type == .change }?.rate == Percentage(basisPoints: 1250))
        #expect(try db.commissionRates().first { $0.type == .renewal }?.rate == Percentage(basisPoints: 5000))
        let report = try db.salesReport(ReportQuery(period: week), timeZone: Self.utc, now: testNow)
        #expect(report.executives.map(\.login) == ["ali.khan", "bea.lund", "dana.ruiz"])
        let dana = report.executives[2]
        #expect(dana.installedMRR == Money(cents: 10_001 + 3_333 + 50_000))
        // 10,001 × 100% + 3,333 × 50% + 50,000 × 12.5% = 10,001 + 1,666.5 + 6,250 = 17,917.5 → 17,918.
        #expect(dana.commission == Money(cents: 17_918))
        // 100,000 × 2/31 + 100,000 × 5/30 = 6,451.61… + 16,666.66… = 23,118.27… → 23,118.
        #expect(dana.target == Money(cents: 23_118))
        #expect(dana.attainment == Percentage(basisPoints: (63_334 * 10_000 + 11_559) / 23_118))
        #expect(report.executives[0].target == nil && report.executives[0].commission == Money(cents: 20_000))
        #expect(report.executives[0].attainment == nil)
        #expect(report.executives[1].installedMRR == .zero && report.executives[1].target == Money(cents: 10_000))  // 60,000 × 5/30
        #expect(report.teams == [CommissionRow(login: nil, name: "East", team: "East", installedMRR: Money(cents: 83_334),
                                               target: Money(cents: 23_118), commission: Money(cents: 37_918))])
        // The month: March's whole target; a day: its month's share.
        let march = try db.salesReport(ReportQuery(period: .containing(Day(iso: "2026-03-10")!, kind: .monthly)),
                                       timeZone: Self.utc, now: testNow)
        #expect(march.executives.first { $0.login == "dana.ruiz" }?.target == Money(cents: 100_000))
        let day = try db.salesReport(ReportQuery(period: .containing(Day(iso: "2026-04-02")!, kind: .daily), ownerLogin: "dana.ruiz"),
                                     timeZone: Self.utc, now: testNow)
        #expect(day.executives.map(\.target) == [Money(cents: 3_333)] && day.teams.isEmpty)
        #expect(throws: OrderDeskError.unknownUser(login: "nobody")) {
            _ = try db.salesReport(ReportQuery(period: week, ownerLogin: "nobody"), timeZone: Self.utc, now: testNow)
        }
    }

    @Test func weeklyMRRHasEveryChannelOfEveryWeekOldestFirst() throws {
        let period = ReportPeriod.containing(Day(iso: "2026-11-25")!, kind: .weekly)
        let f = try ReportFixture(period: period, timeZone: Self.utc, orders: 300)
        for (channel, owner) in [(nil, nil), (Channel.carrier, nil), (nil, "bea.lund")] as [(Channel?, String?)] {
            let weeks = try f.db.weeklyMRR(weeks: 12, through: Day(iso: "2026-11-25")!, channel: channel, ownerLogin: owner,
                                           timeZone: Self.utc)
            let channels = channel.map { [$0] } ?? Channel.allCases
            #expect(weeks.count == 12 * channels.count)
            #expect(weeks.first?.weekStart == Day(iso: "2026-09-07") && weeks.last?.weekStart == Day(iso: "2026-11-23"))
            try f.db.writer.read { db in
                let ownerID = try owner.map { try AppDatabase.fetchUser(db, login: $0)!.id }
                for (i, point) in weeks.enumerated() {
                    #expect(point.channel == channels[i % channels.count])
                    let week = ReportPeriod.containing(point.weekStart, kind: .weekly)
                    let figures = try ReportOracle.figures(db, channel: point.channel, owner: ownerID, period: week, timeZone: Self.utc)
                    #expect(point.booked == figures.bookedMRR && point.installed == figures.installMRR)
                }
            }
        }
        #expect(try f.db.weeklyMRR(weeks: 0, through: period.end, channel: nil, ownerLogin: nil, timeZone: Self.utc).isEmpty)
    }
}
