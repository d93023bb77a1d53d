import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// A staffed database for the status view: two account managers, two supervisors and a director, Café Roma's
/// orders written through SQL with the owner, state, times and dates each test needs.
struct StatusFixture {
    let fixture: CustomerFixture
    let marcus: UserAccount, victor: UserAccount, nadia: UserAccount
    var db: AppDatabase { fixture.db }
    var dana: UserAccount { fixture.manager }
    var renee: UserAccount { fixture.supervisor }
    private let counter = Counter()

    final class Counter: @unchecked Sendable { var next = 0 }

    init() throws {
        fixture = try CustomerFixture()
        let admin = fixture.admin
        marcus = try fixture.db.addUser(login: "marcus.chen", name: "Marcus Chen", role: .accountManager, actor: admin, now: testNow)
        victor = try fixture.db.addUser(login: "victor.okafor", name: "Victor Okafor", role: .supervisor, actor: admin, now: testNow)
        nadia = try fixture.db.addUser(login: "nadia.haddad", name: "Nadia Haddad", role: .director, actor: admin, now: testNow)
    }

    /// An order of Café Roma owned by `owner`, through SQL (so every trigger runs as for the store's writes).
    @discardableResult
    func order(owner: UserAccount?, state: OrderState, since: Int64 = testNow - 86_400, booked: Day = Day(iso: "2026-04-01")!,
               install: Day? = nil, mrr: Int64 = 10_000) throws -> Int64 {
        counter.next += 1
        let number = String(20_000_000 + counter.next)
        return try db.writer.write { d in
            try d.execute(sql: """
                INSERT INTO orders(order_number, customer_id, location_id, customer_name, type, state, channel, owner_id,
                  owner_login, mrr_cents, booked_on, state_since, install_on, updated_at, created_at)
                VALUES (?, ?, ?, 'Café Roma LLC', 'new', ?, 'direct', ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, fixture.cafe, fixture.cafeLocations[0], state.rawValue, owner?.id, owner?.login, mrr,
                                 booked.iso, since, install?.iso, testNow - 100 * 86_400, testNow - 100 * 86_400])
            return d.lastInsertedRowID
        }
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try db.writer.write { try $0.execute(sql: sql, arguments: arguments) }
    }
}

/// The team board against the definitions of `TeamBoardRow`, computed naively from the orders.
@Suite struct TeamBoardTests {
    let f: StatusFixture
    init() throws { f = try StatusFixture() }

    /// Every account manager's figures straight from the orders table, as the doc comment defines them.
    func expected(now: Int64) throws -> [TeamBoardRow] {
        let monday = TeamBoard.weekStart(now: now), sunday = monday.adding(days: 6)
        return try f.db.writer.read { d in
            try Row.fetchAll(d, sql: "SELECT id, login, name FROM users WHERE role = 'account_manager' ORDER BY login").map { user in
                let id: Int64 = user[0]
                let orders = try Row.fetchAll(d, sql: "SELECT state, state_since, install_on, booked_on, mrr_cents FROM orders WHERE owner_id = ?",
                                              arguments: [id])
                var row = TeamBoardRow(id: id, login: user[1], name: user[2], openOrders: 0, notDone: 0, aging: AgingBuckets(),
                                       installsThisWeek: 0, mrrBookedThisWeek: .zero)
                for order in orders {
                    let state = OrderState(rawValue: order[0])!
                    if state.isOpen {
                        row.openOrders += 1
                        row.aging.add(days: AgingBuckets.days(inStateSince: order[1], now: now))
                    }
                    if state == .notDone { row.notDone += 1 }
                    if let install = (order[2] as String?).flatMap({ Day(iso: $0) }), state == .installed || state == .billed,
                       install >= monday, install <= sunday { row.installsThisWeek += 1 }
                    let booked = Day(iso: order[3] as String)!
                    if state != .draft, booked >= monday, booked <= sunday { row.mrrBookedThisWeek = row.mrrBookedThisWeek + Money(cents: order[4]) }
                }
                return row
            }
        }
    }

    @Test func agingBucketsSplitAtTheirBoundaries() throws {
        let day: Int64 = 86_400
        // (seconds in the state, bucket): 7 d 23:59:59 is 7 days; 8 d is 8; and so on.
        let ages: [Int64] = [60, 8 * day - 1, 8 * day, 15 * day - 1, 15 * day, 31 * day - 1, 31 * day, 200 * day, -3_600]
        for age in ages { try f.order(owner: f.dana, state: .inProgress, since: testNow - age) }
        // Closed orders do not count, whatever their age.
        for state in [OrderState.billed, .cancelled, .rejected] { try f.order(owner: f.dana, state: state, since: testNow - 60) }
        let board = try f.db.teamBoard(now: testNow)
        let dana = try #require(board.rows.first { $0.login == "dana.ruiz" })
        #expect(dana.aging == AgingBuckets(upTo7: 3, upTo14: 2, upTo30: 2, over30: 2))
        #expect(dana.openOrders == 9)
        #expect(board.rows == (try expected(now: testNow)))
    }

    @Test func everyFigureMatchesTheOrdersAcrossTheWeekAndAfterChanges() throws {
        let now = testNow  // Thursday 2026-05-28; the week is Monday 25 to Sunday 31 May.
        let monday = Day(iso: "2026-05-25")!, sunday = Day(iso: "2026-05-31")!, lastSunday = Day(iso: "2026-05-24")!
        #expect(TeamBoard.weekStart(now: now) == monday)
        try f.order(owner: f.dana, state: .installed, install: monday)
        try f.order(owner: f.dana, state: .billed, install: sunday)
        try f.order(owner: f.dana, state: .installed, install: lastSunday)        // last week
        try f.order(owner: f.dana, state: .scheduled, install: monday.adding(days: 2))  // not installed
        try f.order(owner: f.marcus, state: .billed, install: monday.adding(days: 1))
        try f.order(owner: f.dana, state: .submitted, booked: monday, mrr: 12_345)
        try f.order(owner: f.dana, state: .cancelled, booked: sunday, mrr: 1_000)
        try f.order(owner: f.dana, state: .draft, booked: monday.adding(days: 1), mrr: 99_999)  // drafts are not booked
        try f.order(owner: f.dana, state: .submitted, booked: lastSunday, mrr: 50_000)
        try f.order(owner: f.marcus, state: .notDone, since: now - 9 * 86_400, booked: monday, mrr: 7_000)
        try f.order(owner: f.marcus, state: .notDone, since: now - 40 * 86_400)
        try f.order(owner: nil, state: .held, since: now - 20 * 86_400, booked: monday)
        let board = try f.db.teamBoard(now: now)
        #expect(board.weekStart == monday)
        #expect(board.rows.map(\.login) == ["dana.ruiz", "marcus.chen"])
        let dana = board.rows[0], marcus = board.rows[1]
        #expect(dana.installsThisWeek == 2 && marcus.installsThisWeek == 1)
        #expect(dana.mrrBookedThisWeek == Money(cents: 13_345) && marcus.mrrBookedThisWeek == Money(cents: 7_000))
        #expect(marcus.notDone == 2 && marcus.aging == AgingBuckets(upTo14: 1, over30: 1))
        #expect(board.rows == (try expected(now: now)))
        #expect(board.total.installsThisWeek == 3)

        // The week's first and last second, and the next Monday.
        for moment in [monday.unixSeconds, sunday.adding(days: 1).unixSeconds - 1, sunday.adding(days: 1).unixSeconds] {
            let board = try f.db.teamBoard(now: moment)
            #expect(board.weekStart == TeamBoard.weekStart(now: moment))
            #expect(board.rows == (try expected(now: moment)), "at \(moment)")
        }
        #expect(try f.db.teamBoard(now: sunday.adding(days: 1).unixSeconds).rows[0].installsThisWeek == 0)

        // Moves, a new owner and a deletion keep the summary in step (its triggers).
        try f.execute("UPDATE orders SET state = 'in_progress', state_since = ? WHERE state = 'not_done' AND owner_id = ?", [now - 3_600, f.marcus.id])
        try f.execute("UPDATE orders SET owner_id = ?, owner_login = ? WHERE state = 'held'", [f.dana.id, f.dana.login])
        try f.execute("UPDATE orders SET state = 'billed', bill_start_on = '2026-05-28' WHERE state = 'installed'")
        try f.execute("DELETE FROM orders WHERE state = 'scheduled'")
        #expect(try f.db.teamBoard(now: now).rows == (try expected(now: now)))
        #expect(try f.db.teamBoard(now: now + 30 * 86_400).rows == (try expected(now: now + 30 * 86_400)))
    }
}

/// The summary's SLA states at the edges, and the history.
@Suite struct EscalationSummaryTests {
    let f: StatusFixture
    init() throws { f = try StatusFixture() }

    @Test func anEscalationIsDueSoonInItsLastHourAndBreachedAfterItsDueTime() throws {
        let order = try f.order(owner: f.dana, state: .scheduled)
        let p1 = try f.db.raiseEscalation(orderID: order, reason: .customerComplaint, severity: .p1, note: nil, actor: f.dana, now: testNow)
        let p3 = try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p3, note: nil, actor: f.dana, now: testNow)
        let gone = try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p2, note: nil, actor: f.dana, now: testNow)
        _ = try f.db.stepEscalation(id: gone.id, .resolve(note: "Done."), expectedVersion: gone.version, actor: f.renee, now: testNow)
        let due = p1.dueAt
        for (now, state) in [(due - 3_601, SLAState.onTime), (due - 3_600, .dueSoon), (due, .dueSoon), (due + 1, .breached)] {
            let summary = try f.db.escalationSummary(now: now)
            #expect(summary.active == 2)
            #expect(summary.count(.p1) == 1 && summary.count(.p2) == 0 && summary.count(.p3) == 1)
            #expect(summary.count(state) == (state == .onTime ? 2 : 1) && summary.count(.onTime) == (state == .onTime ? 2 : 1),
                    "at due \(now - due)")
            #expect(summary.bySLA.values.reduce(0, +) == 2)
        }
        #expect(p3.dueAt > due + 3_600)
        #expect(try f.db.escalationSummary(now: p3.dueAt + 1).count(.breached) == 2)
    }

    @Test func historyCountsWhatWasOpenAtTheEndOfEachDay() throws {
        let order = try f.order(owner: f.dana, state: .scheduled)
        let today = Day(unixSeconds: testNow)
        func at(_ days: Int, _ hour: Int64) -> Int64 { today.adding(days: days).unixSeconds + hour * 3_600 }
        func raise(_ days: Int) throws -> EscalationRecord {
            try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p3, note: nil, actor: f.dana, now: at(days, 9))
        }
        func resolve(_ e: EscalationRecord, _ days: Int) throws -> EscalationRecord {
            try f.db.stepEscalation(id: e.id, .resolve(note: "Done."), expectedVersion: f.db.escalation(id: e.id).version,
                                    actor: f.renee, now: at(days, 10))
        }
        _ = try resolve(try raise(-10), -5)   // days −10 … −6
        _ = try raise(-2)                      // days −2 … today
        _ = try resolve(try raise(-20), -1)   // before the window … day −2
        let reopened = try resolve(try raise(-8), -6)
        _ = try f.db.stepEscalation(id: reopened.id, .reopen, expectedVersion: reopened.version, actor: f.renee, now: at(-3, 10))  // counted since day −8
        _ = try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p3, note: nil, actor: f.dana, now: testNow - 3_600)
        _ = try resolve(try raise(-30), -25)  // entirely before the window
        let history = try f.db.escalationHistory(now: testNow)
        #expect(history.lastDay == today)
        // Index i is day i − 13.
        var expected = Array(repeating: 0, count: 14)
        for i in 3...7 { expected[i] += 1 }
        for i in 11...13 { expected[i] += 1 }
        for i in 0...11 { expected[i] += 1 }
        for i in 5...13 { expected[i] += 1 }
        expected[13] += 1
        #expect(history.counts == expected)
        // Seen an hour earlier, today's last raise is not there yet.
        #expect(try f.db.escalationHistory(now: testNow - 3_601).counts.last == expected[13] - 1)
    }
}

/// The list's keyset pages against the whole list sorted in Swift, across the breached boundary, both ways.
@Suite struct EscalationPagingTests {
    let f: StatusFixture
    let asOf = testNow
    var owners: [UserAccount] { [f.renee, f.victor, f.nadia] }

    init() throws {
        f = try StatusFixture()
        let danas = try (0..<3).map { _ in try f.order(owner: f.dana, state: .scheduled) }
        let marcuses = try (0..<3).map { _ in try f.order(owner: f.marcus, state: .held) }
        var n = 0
        for hoursAgo in stride(from: 2, through: 200, by: 7) {
            n += 1
            let order = n % 2 == 0 ? danas[n % 3] : marcuses[n % 3]
            let raiser = n % 3 == 0 ? f.dana : f.marcus
            let e = try f.db.raiseEscalation(orderID: order, reason: EscalationReason.allCases[n % 8],
                                             severity: EscalationSeverity.allCases[n % 3], note: nil,
                                             ownerLogin: owners[n % 3].login, actor: raiser, now: testNow - Int64(hoursAgo) * 3_600)
            if n % 5 == 0 { _ = try f.db.stepEscalation(id: e.id, .acknowledge, expectedVersion: e.version, actor: f.renee, now: testNow) }
            if n % 4 == 0 { _ = try f.db.stepEscalation(id: e.id, .resolve(note: "Done."), expectedVersion: f.db.escalation(id: e.id).version, actor: f.renee, now: testNow) }
        }
    }

    /// Every escalation matching `filter`, in the list's order, from the table.
    func expected(_ filter: EscalationFilter) throws -> [Int64] {
        let all = try f.db.writer.read { d in
            try Int64.fetchAll(d, sql: "SELECT id FROM escalations").map { try EscalationSQL.record(d, id: $0) }
        }
        let orderOwners = try f.db.writer.read { d in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(d, sql: "SELECT id, owner_login FROM orders").map { ($0[0] as Int64, $0[1] as String?) })
        }
        return all.filter { e in
            switch filter.status {
            case .active: if !e.status.isActive { return false }
            case .open: if e.status != .open { return false }
            case .acknowledged: if e.status != .acknowledged { return false }
            case .resolved: if e.status != .resolved { return false }
            }
            if let s = filter.severity, e.severity != s { return false }
            if let o = filter.ownerLogin, e.ownerLogin != o { return false }
            if let r = filter.reason, e.reason != r { return false }
            if let who = filter.involvingLogin, orderOwners[e.orderID] != who, e.raisedByLogin != who { return false }
            return true
        }.sorted {
            EscalationSortKey(breached: $0.slaState(at: asOf) == .breached, severity: $0.severity, raisedAt: $0.raisedAt, id: $0.id)
                < EscalationSortKey(breached: $1.slaState(at: asOf) == .breached, severity: $1.severity, raisedAt: $1.raisedAt, id: $1.id)
        }.map(\.id)
    }

    func walk(_ filter: EscalationFilter, limit: Int = 4) throws {
        let want = try expected(filter)
        var page = try f.db.escalationPage(filter, asOf: asOf, .first, limit: limit)
        var forward = page.rows
        #expect(!page.hasMoreBefore)
        while page.hasMoreAfter, let last = page.rows.last {
            page = try f.db.escalationPage(filter, asOf: asOf, .after(last), limit: limit)
            #expect(page.hasMoreBefore && !page.rows.isEmpty)
            forward += page.rows
        }
        #expect(forward.map(\.id) == want, "\(filter)")
        page = try f.db.escalationPage(filter, asOf: asOf, .last, limit: limit)
        var backward = page.rows
        #expect(!page.hasMoreAfter)
        while page.hasMoreBefore, let first = page.rows.first {
            page = try f.db.escalationPage(filter, asOf: asOf, .before(first), limit: limit)
            #expect(page.hasMoreAfter && !page.rows.isEmpty)
            backward = page.rows + backward
        }
        #expect(backward.map(\.id) == want, "\(filter)")
        #expect(try f.db.escalationCount(filter) == want.count, "\(filter)")
    }

    @Test func pagesAcrossTheBreachedBoundaryEqualTheSortedList() throws {
        let active = try expected(EscalationFilter())
        let rows = try f.db.escalationPage(EscalationFilter(), asOf: asOf, .first, limit: 100).rows
        #expect(rows.map(\.id) == active)
        // Both sides of the boundary are there, breached ones first.
        let breached = rows.map { $0.slaState(at: asOf) == .breached }
        #expect(breached.contains(true) && breached.contains(false) && breached == breached.sorted { $0 && !$1 })
        for limit in [1, 3, 4, 50] { try walk(EscalationFilter(), limit: limit) }
        let row = try #require(rows.first)
        #expect(row.customerName == "Café Roma LLC" && row.orderOwnerLogin != nil && row.ownerLogin != nil && row.raisedByLogin != nil)
    }

    @Test func everyFilterPagesAndCountsItsOwn() throws {
        for status in EscalationStatusFilter.allCases { try walk(EscalationFilter(status: status)) }
        for severity in EscalationSeverity.allCases {
            try walk(EscalationFilter(severity: severity))
            try walk(EscalationFilter(status: .resolved, severity: severity))
        }
        for owner in owners { try walk(EscalationFilter(ownerLogin: owner.login)) }
        for reason in EscalationReason.allCases { try walk(EscalationFilter(reason: reason)) }
        try walk(EscalationFilter(status: .open, severity: .p2, ownerLogin: "victor.okafor"))
        // Unknown logins match nothing.
        try walk(EscalationFilter(ownerLogin: "nobody"))
        #expect(try f.db.escalationCount(EscalationFilter(involvingLogin: "nobody")) == 0)
        #expect(try f.db.escalationOwners() == ["nadia.haddad", "renee.dubois", "victor.okafor"])
    }

    @Test func anAccountManagersOwnAreTheirOrdersAndWhatTheyRaised() throws {
        for login in ["dana.ruiz", "marcus.chen", "renee.dubois"] {
            try walk(EscalationFilter(involvingLogin: login))
            try walk(EscalationFilter(status: .resolved, involvingLogin: login))
        }
        let dana = try expected(EscalationFilter(involvingLogin: "dana.ruiz"))
        let everyone = try expected(EscalationFilter())
        #expect(!dana.isEmpty && dana.count < everyone.count)
        // Giving Marcus's orders to Dana makes their escalations hers too (kept by a trigger).
        try f.execute("UPDATE orders SET owner_id = ?, owner_login = ? WHERE owner_id = ?", [f.dana.id, f.dana.login, f.marcus.id])
        #expect(try expected(EscalationFilter(involvingLogin: "dana.ruiz")) == (try expected(EscalationFilter())))
        try walk(EscalationFilter(involvingLogin: "dana.ruiz"))
        try walk(EscalationFilter(involvingLogin: "marcus.chen"))
    }
}

/// The settings drive new raises and the rules; the roles stay enforced.
@Suite struct EscalationPolicyTests {
    let f: StatusFixture
    init() throws { f = try StatusFixture() }

    @Test func theStoredSLADecidesANewRaisesDueTime() throws {
        let order = try f.order(owner: f.dana, state: .scheduled)
        try f.db.setSetting(.slaP1, typed: "2 hours", actor: f.fixture.admin, now: testNow)
        try f.db.setSetting(.slaP2, typed: "8h", actor: f.fixture.admin, now: testNow)
        let p1 = try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p1, note: nil, actor: f.dana, now: testNow)
        let p2 = try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p2, note: nil, actor: f.dana, now: testNow)
        #expect(p1.dueAt == testNow + 2 * 3_600 && p2.dueAt == testNow + 8 * 3_600)
    }

    @Test func theStoredThresholdAndSeverityDecideWhatTheRulesRaise() throws {
        let notDone = try f.order(owner: f.dana, state: .notDone, since: testNow - 4 * 86_400)
        try f.db.setSetting(.notDoneDays, typed: "5", actor: f.fixture.admin, now: testNow)
        try f.db.setSetting(.notDoneSeverity, typed: "P1", actor: f.fixture.admin, now: testNow)
        try f.db.setSetting(.slaP1, typed: "1h", actor: f.fixture.admin, now: testNow)
        #expect(try f.db.runAutoEscalations(now: testNow) == 0)
        // A policy passed in still wins.
        var policy = AutoEscalationPolicy.defaults
        policy.notDoneDays = 3
        #expect(try f.db.runAutoEscalations(now: testNow, policy: policy) == 1)
        let first = try #require(f.db.escalations(orderID: notDone).first)
        #expect(first.severity == .p2 && first.dueAt == SLAPolicy.defaults.due(raisedAt: testNow, severity: .p2))
        // Back in not_done: the settings' 5 days and P1 (due in the settings' hour).
        try f.execute("UPDATE orders SET state_since = ? WHERE id = ?", [testNow - 6 * 86_400, notDone])
        #expect(try f.db.runAutoEscalations(now: testNow) == 1)
        let second = try #require(f.db.escalations(orderID: notDone).first)
        #expect(second.severity == .p1 && second.dueAt == testNow + 3_600)
        #expect(try f.db.runAutoEscalations(now: testNow + 60) == 0)
    }

    @Test func theQuerysCauseIsTheRulesCause() throws {
        let today = Day(unixSeconds: testNow)
        let orders: [(OrderState, Int64, Day?)] = [(.notDone, testNow - 5 * 86_400, nil), (.held, testNow - 40 * 86_400, nil),
                                                    (.pending, testNow - 20 * 86_400, nil), (.scheduled, testNow - 9 * 86_400, today.adding(days: -2))]
        for (state, since, install) in orders {
            let id = try f.order(owner: f.dana, state: state, since: since, install: install)
            let sql = try f.db.writer.read { try String.fetchOne($0, sql: "SELECT \(EscalationSQL.stuckCauseSQL) FROM orders o WHERE id = ?", arguments: [id]) }
            let finding = AutoEscalation.finding(for: StuckOrderFacts(orderID: id, state: state, stateSince: since, installOn: install), now: testNow)
            #expect(sql != nil && sql == finding?.cause, "\(state)")
        }
        #expect(try f.db.runAutoEscalations(now: testNow) == 4)
        let left = try f.db.writer.read { try EscalationSQL.unraisedStuckOrders($0, now: testNow, policy: .defaults) }
        #expect(left.isEmpty)
    }

    @Test func rolesStayEnforced() throws {
        let order = try f.order(owner: f.dana, state: .scheduled)
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "raise escalations")) {
            try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p3, note: nil, actor: f.fixture.viewer, now: testNow)
        }
        let raised = try f.db.raiseEscalation(orderID: order, reason: .other, severity: .p3, note: nil, actor: f.dana, now: testNow)
        #expect(throws: OrderDeskError.forbidden(login: "dana.ruiz", role: .accountManager, action: "handle escalations")) {
            try f.db.stepEscalation(id: raised.id, .resolve(note: "mine"), expectedVersion: raised.version, actor: f.dana, now: testNow)
        }
        // A note moves the version (the status view marks the row).
        let noted = try f.db.addEscalationNote(id: raised.id, text: "Looking.", actor: f.victor, now: testNow)
        #expect(noted.version == raised.version + 1)
    }
}
