import GRDB
import OrderDeskCore

/// The demo's sales teams and monthly targets (issue 7's commission figures):
///
/// - three teams, East, West and Enterprise, the account managers dealt to them in turn;
/// - a target of installed MRR for every account manager and every month from the first month of the
///   history (`DemoHistory.windowDays`) to the month after the demo's day: a past month's target is what
///   the person installed that month divided by an attainment drawn between 60% and 140% (each person
///   leaning above or below), so the report shows a spread; the current and the next month's targets
///   follow the last three months' installs the same way. Rounded to $100.
///
/// Commission rates stay at the migration's defaults (new and add 100%, renewal 50%, the rest 0).
/// Deterministic for the seed, from a stream of its own.
enum DemoTargets {
    static let teams = ["East", "West", "Enterprise"]

    /// The team id of the `index`-th account manager.
    static func team(ofManager index: Int) -> Int64 { Int64(index % teams.count + 1) }

    static func insertTeams(_ db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO teams(id, name) VALUES (?, ?)")
        for (index, name) in teams.enumerated() {
            statement.setUncheckedArguments([index + 1, name])
            try statement.execute()
        }
    }

    /// `2026-05` for a day of May 2026.
    static func month(_ year: Int, _ month: Int) -> String { zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) }

    /// The months of the targets, oldest first.
    static func months(today: Day) -> [String] {
        var (year, month, _) = today.adding(days: -DemoHistory.windowDays).components
        let (lastYear, lastMonth) = today.components.month == 12 ? (today.components.year + 1, 1)
            : (today.components.year, today.components.month + 1)
        var months: [String] = []
        while (year, month) <= (lastYear, lastMonth) {
            months.append(Self.month(year, month))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return months
    }

    static func insertTargets(_ db: Database, seed: UInt64, today: Day, managers: [Int64]) throws {
        var random = SeededRandom(seed: seed ^ 0x7A26_E750_0007)
        let months = months(today: today)
        let current = month(today.components.year, today.components.month)
        var installed: [Int64: [String: Int]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT owner_id, substr(install_on, 1, 7), sum(mrr_cents) FROM orders
            WHERE owner_id IS NOT NULL AND install_on >= ? AND state IN ('installed', 'billed') GROUP BY 1, 2
            """, arguments: [months[0] + "-01"])
        while let row = try rows.next() { installed[row[0], default: [:]][row[1]] = row[2] }
        let statement = try db.makeStatement(sql: "INSERT INTO sales_targets(user_id, month, installed_mrr_cents) VALUES (?, ?, ?)")
        for manager in managers.sorted() {
            let done = months.filter { $0 < current }.compactMap { installed[manager]?[$0] }.suffix(3)
            let typical = done.isEmpty ? 1_000_000 : done.reduce(0, +) / done.count
            let lean = Double(random.int(85...115)) / 100
            for month in months {
                let base = month < current ? installed[manager]?[month] ?? typical : typical
                let attainment = min(1.4, max(0.6, lean * Double(random.int(72...128)) / 100))
                let target = max(100_000, Int((Double(base) / attainment / 10_000).rounded()) * 10_000)
                statement.setUncheckedArguments([manager, month, target])
                try statement.execute()
            }
        }
    }
}
