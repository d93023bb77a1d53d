import Foundation
import OrderDeskCore
import OrderDeskStore

/// The supervisors' status view at the store, as its screen asks after each change: the summary, the team
/// board, the history, the list's first page for each kind of filter, paging through the list, the count,
/// and a run of the automatic rules when every cause is already raised.
struct StatusViewBench {
    let path: String
    let samples: Int
    /// Rows a page asks for (a tall terminal's list, with room to scroll).
    static let pageSize = 50

    struct Result {
        let name: String
        let requests: [(label: String, time: Duration)]
    }

    func run() throws -> [Result] {
        let database = try AppDatabase.open(at: path)
        let now = Int64(Date().timeIntervalSince1970)
        let clock = ContinuousClock()
        func timed(_ name: String, _ labels: [String], _ body: (Int) throws -> Void) throws -> Result {
            var requests: [(String, Duration)] = []
            for i in 0..<max(samples, labels.count) {
                let start = clock.now
                try body(i)
                requests.append((labels[i % labels.count], clock.now - start))
            }
            return Result(name: name, requests: requests)
        }

        // Causes that came due since the database was built are raised once, before the no-op runs are timed.
        let raisedFirst = try database.runAutoEscalations(now: now)
        var results: [Result] = []
        results.append(try timed("summary", ["summary"]) { _ in _ = try database.escalationSummary(now: now) })
        results.append(try timed("team board", ["board"]) { _ in _ = try database.teamBoard(now: now) })
        results.append(try timed("history (14 days)", ["history"]) { _ in _ = try database.escalationHistory(now: now) })

        let owners = try database.escalationOwners()
        let managers = try database.users().filter { $0.role == .accountManager }.map(\.login)
        /// Each filter's first page, round robin.
        func first(_ name: String, _ filters: [(String, EscalationFilter)], _ database: AppDatabase, _ now: Int64) throws -> Result {
            try timed(name, filters.map(\.0)) { i in
                _ = try database.escalationPage(filters[i % filters.count].1, asOf: now, .first, limit: Self.pageSize)
            }
        }
        var filters: [(String, EscalationFilter)] = [("default", EscalationFilter())]
        results.append(try first("first page, default filter", filters, database, now))
        filters = EscalationStatusFilter.allCases.map { ($0.rawValue, EscalationFilter(status: $0)) }
        results.append(try first("first page by status", filters, database, now))
        filters = EscalationSeverity.allCases.flatMap { severity in
            [(severity.label, EscalationFilter(severity: severity)),
             ("resolved " + severity.label, EscalationFilter(status: .resolved, severity: severity))]
        }
        results.append(try first("first page by severity", filters, database, now))
        filters = owners.flatMap { [($0, EscalationFilter(ownerLogin: $0)), ("resolved " + $0, EscalationFilter(status: .resolved, ownerLogin: $0))] }
        results.append(try first("first page by owner", filters, database, now))
        filters = EscalationReason.allCases.flatMap { reason in
            [(reason.rawValue, EscalationFilter(reason: reason)),
             ("resolved " + reason.rawValue, EscalationFilter(status: .resolved, reason: reason))]
        }
        results.append(try first("first page by reason", filters, database, now))
        filters = managers.flatMap { [($0, EscalationFilter(involvingLogin: $0)), ("resolved " + $0, EscalationFilter(status: .resolved, involvingLogin: $0))] }
        results.append(try first("first page, an account manager's own", filters, database, now))
        // Combinations that match little or nothing walk the most entries.
        filters = owners.flatMap { owner in
            EscalationReason.allCases.map { ("resolved P1 \(owner) \($0.rawValue)",
                                             EscalationFilter(status: .resolved, severity: .p1, ownerLogin: owner, reason: $0)) }
        }
        results.append(try first("first page, filters combined", filters, database, now))

        for (name, filter) in [("paging the active escalations", EscalationFilter()),
                               ("paging the resolved escalations", EscalationFilter(status: .resolved))] {
            var page = try database.escalationPage(filter, asOf: now, .first, limit: Self.pageSize)
            results.append(try timed(name, ["page"]) { i in
                if i % 3 != 2, page.hasMoreAfter, let last = page.rows.last {
                    page = try database.escalationPage(filter, asOf: now, .after(last), limit: Self.pageSize)
                } else if let first = page.rows.first, page.hasMoreBefore {
                    page = try database.escalationPage(filter, asOf: now, .before(first), limit: Self.pageSize)
                } else {
                    page = try database.escalationPage(filter, asOf: now, .first, limit: Self.pageSize)
                }
            })
        }

        filters = [("default", EscalationFilter()), ("resolved", EscalationFilter(status: .resolved))]
            + owners.map { ("resolved " + $0, EscalationFilter(status: .resolved, ownerLogin: $0)) }
            + managers.prefix(3).map { ("resolved " + $0, EscalationFilter(status: .resolved, involvingLogin: $0)) }
        results.append(try timed("count", filters.map(\.0)) { i in _ = try database.escalationCount(filters[i % filters.count].1) })

        var raisedAgain = 0
        results.append(try timed("automatic rules, nothing to raise", ["rules"]) { _ in
            raisedAgain += try database.runAutoEscalations(now: now)
        })
        say("status view: \(try database.escalationCount(EscalationFilter())) active, "
            + "\(try database.escalationCount(EscalationFilter(status: .resolved))) resolved; "
            + "the rules raised \(raisedFirst) before timing, \(raisedAgain) while timed")
        return results
    }
}
