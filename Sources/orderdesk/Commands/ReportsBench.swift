import Foundation
import OrderDeskCore
import OrderDeskStore

/// The sales reports at the store: a daily, weekly and monthly report (both periods, every section), each for
/// everyone, one channel at a time and one account manager at a time, and the reports screen's 12-week chart;
/// each request for a period somewhere in the last year, round robin.
struct ReportsBench {
    let path: String
    let samples: Int

    func run() throws -> [StatusViewBench.Result] {
        let database = try AppDatabase.open(at: path)
        let zone = TimeZone.current
        let today = ReportPeriod.today(now: Int64(Date().timeIntervalSince1970), in: zone)
        let managers = try database.users().filter { $0.role == .accountManager }.map(\.login)
        let clock = ContinuousClock()
        let count = max(1, samples / 5)
        func timed(_ name: String, _ body: (Int) throws -> String) throws -> StatusViewBench.Result {
            var requests: [(label: String, time: Duration)] = []
            for i in 0..<count {
                let start = clock.now
                let label = try body(i)
                requests.append((label, clock.now - start))
            }
            return StatusViewBench.Result(name: name, requests: requests)
        }
        var results: [StatusViewBench.Result] = []
        for kind in ReportPeriodKind.allCases {
            let step = kind == .daily ? 1 : kind == .weekly ? 7 : 31
            func period(_ i: Int) -> ReportPeriod { .containing(today.adding(days: -step * (i * 7 % 53)), kind: kind) }
            results.append(try timed("\(kind.rawValue) report") { i in
                let p = period(i)
                _ = try database.salesReport(ReportQuery(period: p), timeZone: zone, now: 0)
                return p.start.iso
            })
            results.append(try timed("\(kind.rawValue) report, one channel") { i in
                let (p, channel) = (period(i), Channel.allCases[i % Channel.allCases.count])
                _ = try database.salesReport(ReportQuery(period: p, channel: channel), timeZone: zone, now: 0)
                return p.start.iso + " " + channel.rawValue
            })
            results.append(try timed("\(kind.rawValue) report, one account manager") { i in
                let (p, login) = (period(i), managers[i % managers.count])
                _ = try database.salesReport(ReportQuery(period: p, ownerLogin: login), timeZone: zone, now: 0)
                return p.start.iso + " " + login
            })
        }
        results.append(try timed("12-week chart") { i in
            let day = today.adding(days: -7 * (i * 7 % 53))
            _ = try database.weeklyMRR(weeks: 12, through: day, channel: nil, ownerLogin: nil, timeZone: zone)
            return day.iso
        })
        return results
    }
}
