import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// An in-memory order book behind a `DeskClient`, for screen tests: same paging contract as the store.
final class FakeOrderBook: @unchecked Sendable {
    private let lock = NSLock()
    var rows: [QueueRow]
    var details: [Int64: OrderDetail] = [:]
    var version: Int64 = 1
    let now: Int64
    var users: [Int64: UserAccount] = [:]
    /// Saved reconciliation runs behind the reconciliation screens.
    var reconcile = FakeReconcileBook()
    /// Customers behind the customer screens.
    var customers = FakeCustomerBook()
    /// Contracts behind the contract screens (none when nil: the client's contracts are `.empty`).
    var contracts: FakeContractBook?
    /// Escalations behind the status view (none when nil: the client's escalations are `.empty`).
    var escalations: FakeEscalationBook?
    /// Sales reports behind the reports screen (none when nil: the client's reports are `.empty`).
    var reports: FakeReportBook?

    init(rows: [QueueRow], now: Int64) { self.rows = rows; self.now = now }

    func sorted(_ filter: QueueFilter, _ sort: QueueSort) -> [QueueRow] {
        lock.lock(); defer { lock.unlock() }
        let matching = rows.filter { row in
            (filter.states.isEmpty || filter.states.contains(row.state))
                && (filter.channel == nil || filter.channel == row.channel)
                && {
                    if case .person(_, let login) = filter.owner { return row.ownerLogin == login }
                    if let id = filter.owner.userID { return row.ownerLogin == users[id]?.login }
                    return true
                }()
                && (filter.minDaysInState == nil || row.daysInState(now: now) > filter.minDaysInState!)
                && (filter.search.isEmpty || Self.matches(row, filter.search))
        }
        return matching.sorted { a, b in
            let c = Self.compare(a, b, sort.column)
            if c != .orderedSame { return sort.descending ? c == .orderedDescending : c == .orderedAscending }
            return sort.descending ? a.id > b.id : a.id < b.id
        }
    }

    static func matches(_ row: QueueRow, _ search: String) -> Bool {
        let folded = row.customerName.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let words = search.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).split(separator: " ")
        let nameWords = folded.split(separator: " ")
        let byName = words.allSatisfy { w in nameWords.contains { $0.hasPrefix(w) } }
        return byName || row.orderNumber.hasPrefix(search) || row.accountNumber.hasPrefix(search)
    }

    static func compare(_ a: QueueRow, _ b: QueueRow, _ column: QueueSortColumn) -> ComparisonResult {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult { x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame }
        switch column {
        case .booked: return cmp(a.bookedOn, b.bookedOn)
        case .orderNumber: return cmp(a.orderNumber, b.orderNumber)
        case .customer: return cmp(a.customerName, b.customerName)
        case .state: return cmp(a.state.rawValue, b.state.rawValue)
        case .owner: return cmp(a.ownerLogin ?? "~", b.ownerLogin ?? "~")
        case .mrr: return cmp(a.mrr, b.mrr)
        case .daysInState: return cmp(b.stateSince, a.stateSince)
        case .install: return cmp(a.installOn?.ordinal ?? Int.max, b.installOn?.ordinal ?? Int.max)
        }
    }

    func page(_ filter: QueueFilter, _ sort: QueueSort, _ request: PageRequest, _ limit: Int) -> QueuePage {
        let all = sorted(filter, sort)
        func index(of row: QueueRow) -> Int? { all.firstIndex { $0.id == row.id } }
        switch request {
        case .first:
            return QueuePage(rows: Array(all.prefix(limit)), hasMoreAfter: all.count > limit, hasMoreBefore: false)
        case .last:
            return QueuePage(rows: Array(all.suffix(limit)), hasMoreAfter: false, hasMoreBefore: all.count > limit)
        case .after(let row):
            let start = (index(of: row) ?? -1) + 1
            let slice = Array(all[min(start, all.count)...].prefix(limit))
            return QueuePage(rows: slice, hasMoreAfter: start + limit < all.count, hasMoreBefore: start > 0)
        case .before(let row):
            let end = index(of: row) ?? 0
            let start = max(0, end - limit)
            return QueuePage(rows: Array(all[start..<end]), hasMoreAfter: end < all.count, hasMoreBefore: start > 0)
        }
    }

    /// Applies a change the way the store does: version check, workflow check, new version.
    func apply(_ change: OrderChange, _ id: Int64, _ expected: Int64, by user: UserAccount) throws -> QueueRow {
        lock.lock(); defer { lock.unlock() }
        guard let i = rows.firstIndex(where: { $0.id == id }) else { throw OrderDeskError.orderNotFound(String(id)) }
        guard user.role.canChangeOrders else { throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "change orders") }
        guard rows[i].version == expected else {
            throw OrderDeskError.conflict(orderNumber: rows[i].orderNumber, changedBy: "Someone Else", changedAt: now - 60)
        }
        switch change {
        case .take: rows[i].ownerLogin = user.login
        case .move(let to, let input):
            try Workflow.validate(from: rows[i].state, to: to, input: input,
                                  context: TransitionContext(hasLocation: true, pricedLineCount: 1))
            rows[i].state = to
            rows[i].stateSince = now
            if let d = input.installDate { rows[i].installOn = d }
        case .addNote(let text):
            details[id, default: Self.detail(for: rows[i])].notes.insert(OrderNote(author: user.name, at: now, text: text), at: 0)
        }
        rows[i].version += 1
        version += 1
        return rows[i]
    }

    /// Someone in another terminal changes an order.
    func externalMove(_ id: Int64, to state: OrderState) {
        lock.lock(); defer { lock.unlock() }
        guard let i = rows.firstIndex(where: { $0.id == id }) else { return }
        rows[i].state = state
        rows[i].version += 1
        version += 1
    }

    static func detail(for row: QueueRow) -> OrderDetail {
        OrderDetail(
            row: row, ownerName: row.ownerLogin.map { _ in "Dana Ruiz" }, customerPhone: "(516) 555-0134",
            segment: "small business",
            location: ServiceLocation(id: 1, street: "12 Main St", city: "Bethpage", stateCode: "NY", zip: "11714"),
            lines: [OrderLine(productCode: "FIB-500", productName: "Fiber Internet 500 Mbps", quantity: 1,
                              mrr: Money(cents: 29_900), nrc: Money(cents: 15_000)),
                    OrderLine(productCode: "VOX-LINE", productName: "Business Voice Line", quantity: 4,
                              mrr: Money(cents: 11_600), nrc: .zero)],
            termMonths: 36, submittedOn: row.bookedOn.adding(days: 1), billStartOn: nil, reasonCode: nil,
            notes: [OrderNote(author: "Dana Ruiz", at: row.stateSince + 3600, text: "Customer asked for a morning install window.")],
            history: [AuditEntry(at: row.stateSince, actor: "Dana Ruiz", action: "move", field: "state",
                                 oldValue: "in_progress", newValue: row.state.rawValue)],
            updatedBy: "Dana Ruiz", updatedAt: row.stateSince)
    }

    func client(as user: UserAccount) -> DeskClient {
        users[user.id] = user
        return DeskClient(
            user: user, databaseName: "test.sqlite", now: { [now] in now },
            queuePage: { [self] in page($0, $1, $2, $3) },
            queueCount: { [self] in QueueTotal(count: sorted($0, QueueSort()).count) },
            rowsBefore: { [self] row, filter, sort in sorted(filter, sort).firstIndex { $0.id == row.id } ?? 0 },
            orderDetail: { [self] id in
                lock.lock(); defer { lock.unlock() }
                guard let row = rows.first(where: { $0.id == id }) else { throw OrderDeskError.orderNotFound(String(id)) }
                var d = details[id] ?? Self.detail(for: row)
                d.row = row
                return d
            },
            apply: { [self] change, id, version in try apply(change, id, version, by: user) },
            dataVersion: { [self] in lock.lock(); defer { lock.unlock() }; return version + (escalations?.changes ?? 0) + (reports?.changes ?? 0) },
            reconcileRuns: { [self] in reconcile.runs },
            reconcileDifferences: { [self] in reconcile.after($0, $1, $2, $3) },
            reconcileDifferencesBefore: { [self] in reconcile.before($0, $1, $2, $3) },
            reconcileDifferenceCount: { [self] in reconcile.matching($0, $1).count },
            resolveDifference: { [self, now] in try reconcile.resolve($0, $1, $2, by: user, at: now) },
            runReconcile: { [self] in try reconcile.runReconcile($0, $1, $2, $3) },
            exportOpenDifferences: { [self] in try reconcile.export($0, $1) },
            completePath: { [self] in PathCompletion.candidates(for: $0, currentDirectory: reconcile.completionDirectory) },
            customers: customers.client(as: user, now: now, orders: self),
            contracts: contracts?.client(as: user) ?? .empty,
            escalations: escalations?.client(as: user) ?? .empty,
            reports: reports?.client() ?? .empty
        )
    }
}

/// Deterministic sample rows with accents and CJK names.
enum SampleOrders {
    static let now: Int64 = 1_795_000_000 // 2026-11-18
    static let names = ["Café Roma LLC", "Ñandú Imports", "東京寿司 Sushi Bar", "Müller & Söhne GmbH", "Bethpage Dental Group",
                        "Crème Brûlée Bakery", "Dragón Rojo Tacos", "北京烤鸭 Restaurant", "Zoë's Flower Shop", "Island Logistics Inc"]

    static func rows(count: Int) -> [QueueRow] {
        (0..<count).map { i in
            let state = OrderState.allCases[i % OrderState.allCases.count]
            let booked = Day(ordinal: Day(unixSeconds: now).ordinal - 200 + (i * 7) % 180)
            return QueueRow(
                id: Int64(i + 1), orderNumber: String(451_200 + i * 3).leftPadded(to: 8),
                customerName: names[i % names.count], accountNumber: String(7_830_012_345 + i * 11).leftPadded(to: 11),
                type: OrderType.allCases[i % OrderType.allCases.count], state: state,
                channel: Channel.allCases[i % Channel.allCases.count],
                ownerLogin: i % 4 == 3 ? nil : ["dana.ruiz", "lee.chen", "sam.ortiz"][i % 3],
                mrr: Money(cents: Int64(10_000 + (i * 7_919) % 250_000)), bookedOn: booked,
                stateSince: now - Int64((i * 13) % 45) * 86_400 - 3_600,
                installOn: [.scheduled, .installed, .billed, .notDone].contains(state) ? booked.adding(days: 20) : nil,
                escalated: i % 9 == 4, version: 1)
        }
    }

    static let manager = UserAccount(id: 7, login: "dana.ruiz", name: "Dana Ruiz", role: .accountManager)
    static let viewer = UserAccount(id: 9, login: "val.viewer", name: "Val Viewer", role: .viewer)
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
