/// What a sales report covers: one period, optionally one channel and one account manager's orders.
public struct ReportQuery: Hashable, Sendable {
    public var period: ReportPeriod
    /// nil: every channel.
    public var channel: Channel?
    /// nil: everyone's orders; a login: only the orders this person owns (and only their productivity
    /// and commission rows).
    public var ownerLogin: String?

    public init(period: ReportPeriod, channel: Channel? = nil, ownerLogin: String? = nil) {
        self.period = period; self.channel = channel; self.ownerLogin = ownerLogin
    }
}

/// One channel's figures for one period.
///
/// - Booked: orders whose `booked_on` falls in the period, drafts excluded: count, MRR and NRC.
/// - Installs: orders installed or billed whose install day falls in the period: count and MRR.
/// - Not done and cancellations: orders that moved to not done, or to cancelled, during the period.
/// - Backlog: orders in each open state (`OrderState.isOpen`, drafts included) at the end of the period.
public struct ChannelFigures: Hashable, Sendable, Codable {
    public var bookedCount = 0
    public var bookedMRR = Money.zero
    public var bookedNRC = Money.zero
    public var installCount = 0
    public var installMRR = Money.zero
    public var notDone = 0
    public var cancellations = 0
    /// Open states only; a state with no order may be absent.
    public var backlog: [OrderState: Int] = [:]

    public init() {}

    /// Every order in the backlog.
    public var backlogTotal: Int { backlog.values.reduce(0, +) }

    /// The sum of two channels' figures (the total row).
    public static func + (a: ChannelFigures, b: ChannelFigures) -> ChannelFigures {
        var sum = ChannelFigures()
        sum.bookedCount = a.bookedCount + b.bookedCount
        sum.bookedMRR = a.bookedMRR + b.bookedMRR
        sum.bookedNRC = a.bookedNRC + b.bookedNRC
        sum.installCount = a.installCount + b.installCount
        sum.installMRR = a.installMRR + b.installMRR
        sum.notDone = a.notDone + b.notDone
        sum.cancellations = a.cancellations + b.cancellations
        sum.backlog = a.backlog.merging(b.backlog, uniquingKeysWith: +)
        return sum
    }
}

/// A channel's row: this period and the previous one (the change is `current − previous`).
public struct ChannelReportRow: Hashable, Sendable {
    /// nil for the total row.
    public var channel: Channel?
    public var current: ChannelFigures
    public var previous: ChannelFigures

    public init(channel: Channel?, current: ChannelFigures, previous: ChannelFigures) {
        self.channel = channel; self.current = current; self.previous = previous
    }
}

/// One person's work in the period, from the audit log: the distinct orders they changed or wrote on,
/// the state transitions they made, the notes they wrote on orders, and the escalations they resolved.
public struct ProductivityRow: Hashable, Sendable {
    public var login: String
    public var name: String
    public var role: Role
    public var ordersWorked: Int
    public var transitions: Int
    public var notes: Int
    public var escalationsResolved: Int

    public init(login: String, name: String, role: Role, ordersWorked: Int, transitions: Int, notes: Int,
                escalationsResolved: Int) {
        self.login = login; self.name = name; self.role = role; self.ordersWorked = ordersWorked
        self.transitions = transitions; self.notes = notes; self.escalationsResolved = escalationsResolved
    }
}

/// Commission figures of one account executive (an order's owner), or of a team when `login` is nil.
///
/// Installed MRR is the MRR of their orders installed in the period (as `ChannelFigures`). The target is
/// the period's share of the monthly targets (a week across two months takes each month's days' share).
/// The estimated commission is each installed order's MRR times its order type's rate.
public struct CommissionRow: Hashable, Sendable {
    /// nil for a team's row.
    public var login: String?
    /// The person's name, or the team's.
    public var name: String
    public var team: String?
    public var installedMRR: Money
    /// nil when no target is set for the period.
    public var target: Money?
    public var commission: Money

    public init(login: String?, name: String, team: String?, installedMRR: Money, target: Money?, commission: Money) {
        self.login = login; self.name = name; self.team = team; self.installedMRR = installedMRR; self.target = target
        self.commission = commission
    }

    /// Installed MRR over the target, in basis points (12,500 is 125%); nil without a target or with a zero one.
    public var attainment: Percentage? {
        guard let target, target.cents > 0 else { return nil }
        return Percentage(basisPoints: Int((installedMRR.cents * 10_000 + target.cents / 2) / target.cents))
    }
}

/// A sales report: the per-channel figures with a total row, productivity and commission.
public struct SalesReport: Hashable, Sendable {
    public var query: ReportQuery
    /// When it was produced (Unix seconds) and in which time zone its days are (`Europe/Paris`).
    public var generatedAt: Int64
    public var timeZone: String
    /// Every channel (or the one asked for), then the total (channel nil).
    public var channels: [ChannelReportRow]
    /// Everyone with work in the period, by login.
    public var productivity: [ProductivityRow]
    /// False when the database has no escalations at all: the column is left out.
    public var hasEscalations: Bool
    /// Account executives by login.
    public var executives: [CommissionRow]
    /// Teams by name.
    public var teams: [CommissionRow]

    public init(query: ReportQuery, generatedAt: Int64, timeZone: String, channels: [ChannelReportRow],
                productivity: [ProductivityRow], hasEscalations: Bool, executives: [CommissionRow], teams: [CommissionRow]) {
        self.query = query; self.generatedAt = generatedAt; self.timeZone = timeZone; self.channels = channels
        self.productivity = productivity; self.hasEscalations = hasEscalations; self.executives = executives
        self.teams = teams
    }

    public var period: ReportPeriod { query.period }
    public var total: ChannelReportRow? { channels.last { $0.channel == nil } }
}

/// One week's booked and installed MRR in one channel, for the reports screen's chart.
public struct WeeklyMRR: Hashable, Sendable {
    /// The week's Monday.
    public var weekStart: Day
    public var channel: Channel
    public var booked: Money
    public var installed: Money

    public init(weekStart: Day, channel: Channel, booked: Money, installed: Money) {
        self.weekStart = weekStart; self.channel = channel; self.booked = booked; self.installed = installed
    }
}

/// How much commission an order type earns, as a share of its MRR (default: new and add 100%, renewal
/// 50%, others nothing).
public struct CommissionRate: Hashable, Sendable {
    public var type: OrderType
    public var rate: Percentage

    public init(type: OrderType, rate: Percentage) { self.type = type; self.rate = rate }

    public static let defaults: [CommissionRate] = OrderType.allCases.map { type in
        switch type {
        case .new, .add: return CommissionRate(type: type, rate: Percentage(basisPoints: 10_000))
        case .renewal: return CommissionRate(type: type, rate: Percentage(basisPoints: 5_000))
        case .move, .change, .disconnect: return CommissionRate(type: type, rate: Percentage(basisPoints: 0))
        }
    }
}
