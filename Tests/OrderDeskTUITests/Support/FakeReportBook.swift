import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// Deterministic sales reports for any query, behind a `ReportClient`: every figure is derived from the
/// period's first day, its kind and the channel, so stepping to another period or channel changes them, and
/// the previous period's figures are the ones that period's own report shows. `externalChange()` stands for
/// another terminal's change: it moves the figures (one more booked order everywhere) and the data version.
final class FakeReportBook: @unchecked Sendable {
    private let lock = NSLock()
    var today: Day
    /// The produced-at time of every report.
    var now: Int64
    /// Moves with every change, for the desk's data version.
    private(set) var changes: Int64 = 0
    /// When set, `report` and `weekly` throw it.
    var failure: Error?
    /// When set, `exportCSV` throws it.
    var exportFailure: Error?
    /// Every query asked for, in order.
    private(set) var queries: [ReportQuery] = []
    /// Every export written: the report and the path.
    private(set) var exports: [(report: SalesReport, path: String)] = []
    var hasEscalations = true

    init(today: Day = Day(unixSeconds: SampleOrders.now), now: Int64 = SampleOrders.now) {
        self.today = today; self.now = now
    }

    func externalChange() { lock.lock(); changes += 1; lock.unlock() }

    /// A channel's figures for a period: a few dozen orders, more in longer periods and on busier channels.
    func figures(_ period: ReportPeriod, _ channel: Channel) -> ChannelFigures {
        let c = Channel.allCases.firstIndex(of: channel)! + 1
        // A spread of values for neighbouring periods (consecutive Mondays differ by 7 days).
        let seed = (period.start.ordinal * 7_919 + c * 104_729) % 100_003
        let scale = period.dayCount
        var f = ChannelFigures()
        f.bookedCount = (seed % 9 + c) * scale / 2 + 1 + Int(changes)
        f.bookedMRR = Money(cents: Int64(f.bookedCount) * Int64(12_000 + seed % 5_000))
        f.bookedNRC = Money(cents: Int64(f.bookedCount) * Int64(3_000 + seed % 1_500))
        f.installCount = (seed % 7 + c) * scale / 3
        f.installMRR = Money(cents: Int64(f.installCount) * Int64(11_000 + seed % 4_000))
        f.notDone = seed % 4
        f.cancellations = (seed / 3) % 3
        for (i, state) in OrderState.allCases.filter(\.isOpen).enumerated() {
            f.backlog[state] = (seed + i * 5) % 11 + c
        }
        return f
    }

    func report(_ query: ReportQuery) throws -> SalesReport {
        lock.lock(); defer { lock.unlock() }
        queries.append(query)
        if let failure { throw failure }
        let channels = query.channel.map { [$0] } ?? Channel.allCases
        var rows = channels.map { ChannelReportRow(channel: $0, current: figures(query.period, $0),
                                                   previous: figures(query.period.previous, $0)) }
        rows.append(ChannelReportRow(channel: nil, current: rows.map(\.current).reduce(ChannelFigures(), +),
                                     previous: rows.map(\.previous).reduce(ChannelFigures(), +)))
        let s = query.period.start.ordinal % 5
        let productivity = [
            ProductivityRow(login: "dana.ruiz", name: "Dana Ruiz", role: .accountManager, ordersWorked: 14 + s, transitions: 22 + s,
                            notes: 9, escalationsResolved: 0),
            ProductivityRow(login: "jose.nunez", name: "José Núñez", role: .accountManager, ordersWorked: 11, transitions: 17 + s,
                            notes: 4 + s, escalationsResolved: 0),
            ProductivityRow(login: "lee.chen", name: "Lee Chen", role: .supervisor, ordersWorked: 6, transitions: 3, notes: 12,
                            escalationsResolved: 4 + s),
            ProductivityRow(login: "mei.tanaka", name: "田中 美恵", role: .accountManager, ordersWorked: 9 + s, transitions: 13,
                            notes: 2, escalationsResolved: 0),
        ]
        let total = rows.last!.current.installMRR
        let shares: [(String, String, String, Int64, Int64?)] = [
            ("dana.ruiz", "Dana Ruiz", "East", 40, 30_000_00), ("jose.nunez", "José Núñez", "East", 35, 25_000_00),
            ("mei.tanaka", "田中 美恵", "West", 25, nil),
        ]
        let days = Int64(query.period.dayCount)
        let executives = shares.map { login, name, team, percent, monthly in
            let installed = Money(cents: total.cents * percent / 100)
            return CommissionRow(login: login, name: name, team: team, installedMRR: installed,
                                 target: monthly.map { Money(cents: $0 * days / 30) },
                                 commission: Money(cents: installed.cents * 3 / 4))
        }
        let teams = ["East", "West"].map { team in
            let members = executives.filter { $0.team == team }
            let targets = members.compactMap(\.target)
            return CommissionRow(login: nil, name: team, team: nil,
                                 installedMRR: members.map(\.installedMRR).reduce(.zero, +),
                                 target: targets.isEmpty ? nil : targets.reduce(.zero, +),
                                 commission: members.map(\.commission).reduce(.zero, +))
        }
        return SalesReport(query: query, generatedAt: now, timeZone: "Europe/Paris", channels: rows, productivity: productivity,
                           hasEscalations: hasEscalations, executives: executives, teams: teams)
    }

    /// 12 weeks to the one holding `day`, each channel's booked and installed MRR from its week's figures.
    func weekly(_ day: Day, _ channel: Channel?) throws -> [WeeklyMRR] {
        lock.lock(); defer { lock.unlock() }
        if let failure { throw failure }
        let last = ReportPeriod.containing(day, kind: .weekly)
        var weeks = [last]
        while weeks.count < 12 { weeks.insert(weeks[0].previous, at: 0) }
        return weeks.flatMap { week in
            (channel.map { [$0] } ?? Channel.allCases).map { c in
                let f = figures(week, c)
                return WeeklyMRR(weekStart: week.start, channel: c, booked: f.bookedMRR, installed: f.installMRR)
            }
        }
    }

    func client() -> ReportClient {
        ReportClient(
            report: { [self] in try report($0) },
            weekly: { [self] day, channel, _ in try weekly(day, channel) },
            today: { [self] in today },
            exportCSV: { [self] report, path in
                lock.lock(); defer { lock.unlock() }
                if let exportFailure { throw exportFailure }
                exports.append((report, path))
            })
    }
}
