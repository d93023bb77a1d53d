import Foundation
import OrderDeskCore
import OrderDeskStore

/// The contracts list at the store, as its screen asks: for each filter, the first page and the count
/// (what a filter change costs), paging on and back, and opening a contract.
struct ContractListBench {
    let path: String
    let samples: Int
    /// Rows a page asks for (a tall terminal's list, with room to scroll).
    static let pageSize = 50

    struct Result {
        let name: String
        /// One per request: what was asked, how long the page took, and the page with the count.
        let requests: [(label: String, page: Duration, total: Duration)]
    }

    func run() throws -> [Result] {
        let database = try AppDatabase.open(at: path)
        let users = try database.users()
        let manager = users.first { $0.role == .accountManager } ?? users[0]
        let supervisor = users.first { $0.role == .supervisor } ?? manager
        let director = users.first { $0.role == .director } ?? supervisor
        let today = Day(unixSeconds: Int64(Date().timeIntervalSince1970))
        let owners = try database.contractOwners()
        let clock = ContinuousClock()

        func timed(_ filter: ContractFilter, as user: UserAccount, _ request: ContractPageRequest = .first) throws -> (ContractPage, Duration, Duration) {
            let start = clock.now
            let page = try database.contractPage(filter: filter, request: request, limit: Self.pageSize, user: user, today: today)
            let paged = clock.now
            _ = try database.contractCount(filter: filter, user: user, today: today)
            return (page, paged - start, clock.now - start)
        }
        /// Each filter `samples` times over, round robin.
        func filters(_ name: String, _ list: [(String, ContractFilter, UserAccount)]) throws -> Result {
            var requests: [(String, Duration, Duration)] = []
            while requests.count < max(samples, list.count) {
                for (label, filter, user) in list where requests.count < max(samples, list.count) {
                    let (_, page, total) = try timed(filter, as: user)
                    requests.append((label, page, total))
                }
            }
            return Result(name: name, requests: requests)
        }

        var results: [Result] = []
        results.append(try filters("first page, no filter", [("all", ContractFilter(), manager)]))
        results.append(try filters("first page by status", ContractStatus.allCases.map { ($0.label, ContractFilter(status: $0), manager) }))
        results.append(try filters("first page by kind", ContractKind.allCases.map { ($0.label, ContractFilter(kind: $0), manager) }))
        results.append(try filters("first page by owner", owners.map { ($0, ContractFilter(ownerLogin: $0), manager) }))
        results.append(try filters("first page due for renewal", [("due", ContractFilter(dueForRenewal: true), manager)]))
        results.append(try filters("awaiting my approval", [
            ("supervisor " + supervisor.login, ContractFilter(awaitingMyApproval: true), supervisor),
            ("director " + director.login, ContractFilter(awaitingMyApproval: true), director),
        ]))
        // Filters combined, including combinations that match little or nothing (the slowest to prove empty).
        var combined: [(String, ContractFilter, UserAccount)] = []
        for status in ContractStatus.allCases {
            for kind in ContractKind.allCases { combined.append(("\(status.label)+\(kind.label)", ContractFilter(status: status, kind: kind), manager)) }
            if let owner = owners.first { combined.append(("\(status.label)+\(owner)", ContractFilter(status: status, ownerLogin: owner), manager)) }
        }
        for kind in ContractKind.allCases {
            if let owner = owners.last { combined.append(("\(kind.label)+\(owner)", ContractFilter(kind: kind, ownerLogin: owner), manager)) }
        }
        combined.append(("due+renewal", ContractFilter(kind: .renewal, dueForRenewal: true), manager))
        combined.append(("awaiting+owner", ContractFilter(ownerLogin: owners.first, awaitingMyApproval: true), director))
        results.append(try filters("filters combined", combined))

        // Paging on through everything and through a filter, a page at a time, and back.
        for (name, filter, user) in [("paging every contract", ContractFilter(), manager),
                                     ("paging expired contracts", ContractFilter(status: .expired), manager),
                                     ("paging the director's inbox", ContractFilter(awaitingMyApproval: true), director)] {
            var requests: [(String, Duration, Duration)] = []
            var page = try database.contractPage(filter: filter, request: .first, limit: Self.pageSize, user: user, today: today)
            for i in 0..<samples {
                let start = clock.now
                if i % 3 != 2, page.hasMoreAfter, let last = page.rows.last {
                    page = try database.contractPage(filter: filter, request: .after(last), limit: Self.pageSize, user: user, today: today)
                } else if let first = page.rows.first, page.hasMoreBefore {
                    page = try database.contractPage(filter: filter, request: .before(first), limit: Self.pageSize, user: user, today: today)
                } else {
                    page = try database.contractPage(filter: filter, request: .first, limit: Self.pageSize, user: user, today: today)
                }
                let elapsed = clock.now - start
                requests.append(("page \(i + 2)", elapsed, elapsed))
            }
            results.append(Result(name: name, requests: requests))
        }

        // Opening contracts from the list: the detail with its lines, history and policy.
        let ids = try database.contractPage(filter: ContractFilter(), request: .first, limit: 200, user: manager, today: today).rows.map(\.id)
            + database.contractPage(filter: ContractFilter(status: .active), request: .first, limit: 200, user: manager, today: today).rows.map(\.id)
        var opens: [(String, Duration, Duration)] = []
        for i in 0..<samples where !ids.isEmpty {
            let id = ids[i % ids.count]
            let start = clock.now
            _ = try database.contractDetail(id: id)
            let elapsed = clock.now - start
            opens.append(("#\(id)", elapsed, elapsed))
        }
        results.append(Result(name: "opening a contract", requests: opens))
        return results
    }
}
