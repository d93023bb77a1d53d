import GRDB
import OrderDeskCore

/// The team board's figures (see `TeamBoardRow`), each from a summary or a short index range:
/// open and not-done orders from `order_counts`; the aging buckets from `order_aging` (whole days) plus an
/// exact count of each boundary day (`orders_open_since`); the week's installs and booked MRR from each
/// owner's range of `orders_by_owner_install` and `orders_by_owner_booked`.
enum TeamBoardQuery {
    static func board(_ db: Database, now: Int64) throws -> TeamBoard {
        let monday = TeamBoard.weekStart(now: now)
        let sunday = monday.adding(days: 6)
        var open: [Int64: Int] = [:], notDone: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT owner_id, state, sum(n) FROM order_counts GROUP BY owner_id, state") {
            let owner: Int64 = row[0], n: Int = row[2]
            guard let state = OrderState(rawValue: row[1]), state.isOpen else { continue }
            open[owner, default: 0] += n
            if state == .notDone { notDone[owner, default: 0] += n }
        }
        // Open orders that entered their state after each boundary: 0–7 days is after now − 8 days, and so on.
        let limits = [8, 15, 31]
        var after: [Int: [Int64: Int]] = [:]
        for days in limits { after[days] = try openOrders(db, since: now - Int64(days) * 86_400) }

        let rows = try Row.fetchAll(db, sql: """
            SELECT u.id, u.login, u.name,
              (SELECT count(*) FROM orders o INDEXED BY orders_by_owner_install
                 WHERE o.owner_id = u.id AND o.install_on >= ? AND o.install_on <= ? AND o.install_on IS NOT NULL
                   AND (o.state = 'installed' OR o.state = 'billed')),
              (SELECT COALESCE(sum(o.mrr_cents), 0) FROM orders o INDEXED BY orders_by_owner_booked
                 WHERE o.owner_id = u.id AND o.booked_on >= ? AND o.booked_on <= ? AND o.state != 'draft')
            FROM users u WHERE u.role = 'account_manager' ORDER BY u.login
            """, arguments: [monday.iso, sunday.iso, monday.iso, sunday.iso])
        return TeamBoard(rows: rows.map { row in
            let id: Int64 = row[0]
            let upTo7 = after[8]?[id] ?? 0, upTo14 = after[15]?[id] ?? 0, upTo30 = after[31]?[id] ?? 0
            let total = open[id] ?? 0
            return TeamBoardRow(
                id: id, login: row[1], name: row[2], openOrders: total, notDone: notDone[id] ?? 0,
                aging: AgingBuckets(upTo7: upTo7, upTo14: upTo14 - upTo7, upTo30: upTo30 - upTo14, over30: total - upTo30),
                installsThisWeek: row[3], mrrBookedThisWeek: Money(cents: row[4]))
        }, weekStart: monday)
    }

    /// Open orders by owner that entered their state after `moment`: the whole days after its day from
    /// `order_aging`, and the rest of its own day counted order by order.
    static func openOrders(_ db: Database, since moment: Int64) throws -> [Int64: Int] {
        let day = moment / 86_400
        var counts: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT owner_id, sum(n) FROM order_aging WHERE since_day > ? GROUP BY owner_id",
                                    arguments: [day]) {
            counts[row[0], default: 0] += row[1] as Int
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT COALESCE(owner_id, 0), count(*) FROM orders INDEXED BY orders_open_since
            WHERE \(Migrations.openOrderSQL) AND state_since > ? AND state_since < ? GROUP BY 1
            """, arguments: [moment, (day + 1) * 86_400]) {
            counts[row[0], default: 0] += row[1] as Int
        }
        return counts
    }
}
