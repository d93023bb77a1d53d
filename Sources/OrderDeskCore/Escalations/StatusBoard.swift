/// Active (open or acknowledged) escalations counted by severity and by where they stand against their SLA.
public struct EscalationSummary: Hashable, Sendable {
    public var bySeverity: [EscalationSeverity: Int]
    public var bySLA: [SLAState: Int]

    public init(bySeverity: [EscalationSeverity: Int], bySLA: [SLAState: Int]) {
        self.bySeverity = bySeverity; self.bySLA = bySLA
    }

    public static let empty = EscalationSummary(bySeverity: [:], bySLA: [:])

    /// Every active escalation.
    public var active: Int { bySeverity.values.reduce(0, +) }
    public func count(_ severity: EscalationSeverity) -> Int { bySeverity[severity] ?? 0 }
    public func count(_ state: SLAState) -> Int { bySLA[state] ?? 0 }
}

/// Open orders counted by how long they have been in their current state.
public struct AgingBuckets: Hashable, Sendable {
    /// 0–7 days.
    public var upTo7 = 0
    /// 8–14 days.
    public var upTo14 = 0
    /// 15–30 days.
    public var upTo30 = 0
    /// Over 30 days.
    public var over30 = 0

    public init(upTo7: Int = 0, upTo14: Int = 0, upTo30: Int = 0, over30: Int = 0) {
        self.upTo7 = upTo7; self.upTo14 = upTo14; self.upTo30 = upTo30; self.over30 = over30
    }

    public var total: Int { upTo7 + upTo14 + upTo30 + over30 }

    /// Whole days in the state: `(now - stateSince) / 86 400`, rounded down (an order that entered its
    /// state 7 days and 23 hours ago is 7 days old and counts in 0–7).
    public static func days(inStateSince stateSince: Int64, now: Int64) -> Int {
        Int(max(0, now - stateSince) / 86_400)
    }

    /// Counts one order `days` old in its state.
    public mutating func add(days: Int, count: Int = 1) {
        switch days {
        case ...7: upTo7 += count
        case 8...14: upTo14 += count
        case 15...30: upTo30 += count
        default: over30 += count
        }
    }

    public static func + (a: AgingBuckets, b: AgingBuckets) -> AgingBuckets {
        AgingBuckets(upTo7: a.upTo7 + b.upTo7, upTo14: a.upTo14 + b.upTo14, upTo30: a.upTo30 + b.upTo30,
                     over30: a.over30 + b.over30)
    }
}

/// One account manager's row on the status view's team board.
///
/// Open orders are the orders they own that are not billed, cancelled or rejected (`OrderState.isOpen`);
/// the aging buckets split those by days in their current state. The week is the Monday-to-Sunday (UTC)
/// week holding `now`. An install this week is an order installed or billed whose install day falls in
/// the week; MRR booked this week sums the orders booked in the week, drafts excluded.
public struct TeamBoardRow: Hashable, Sendable, Identifiable {
    /// The account manager's user id.
    public var id: Int64
    public var login: String
    public var name: String
    public var openOrders: Int
    public var notDone: Int
    public var aging: AgingBuckets
    public var installsThisWeek: Int
    public var mrrBookedThisWeek: Money

    public init(id: Int64, login: String, name: String, openOrders: Int, notDone: Int, aging: AgingBuckets,
                installsThisWeek: Int, mrrBookedThisWeek: Money) {
        self.id = id; self.login = login; self.name = name; self.openOrders = openOrders; self.notDone = notDone
        self.aging = aging; self.installsThisWeek = installsThisWeek; self.mrrBookedThisWeek = mrrBookedThisWeek
    }
}

/// The team board: one row per account manager, by login, and the week it counts.
public struct TeamBoard: Hashable, Sendable {
    public var rows: [TeamBoardRow]
    /// The Monday of the week counted.
    public var weekStart: Day

    public init(rows: [TeamBoardRow], weekStart: Day) { self.rows = rows; self.weekStart = weekStart }

    /// The Monday of the (UTC) week holding `now`.
    public static func weekStart(now: Int64) -> Day {
        let today = Day(unixSeconds: now)
        return today.adding(days: 1 - today.isoWeekday)
    }

    /// The whole team's figures, for the total row.
    public var total: TeamBoardRow {
        rows.reduce(TeamBoardRow(id: 0, login: "team", name: "Team", openOrders: 0, notDone: 0, aging: AgingBuckets(),
                                 installsThisWeek: 0, mrrBookedThisWeek: .zero)) { sum, row in
            var sum = sum
            sum.openOrders += row.openOrders; sum.notDone += row.notDone; sum.aging = sum.aging + row.aging
            sum.installsThisWeek += row.installsThisWeek
            sum.mrrBookedThisWeek = sum.mrrBookedThisWeek + row.mrrBookedThisWeek
            return sum
        }
    }
}

/// Active escalations at the end of each of the last days, oldest first; the last value is now.
///
/// Counted from when each escalation was raised and resolved: one open at the end of a day was raised by
/// then and not resolved by then. A reopened escalation has lost its earlier resolution, so it counts as
/// open since it was raised.
public struct EscalationHistory: Hashable, Sendable {
    /// The last day counted (today).
    public var lastDay: Day
    public var counts: [Int]

    public init(lastDay: Day, counts: [Int]) { self.lastDay = lastDay; self.counts = counts }

    public static let days = 14
}
