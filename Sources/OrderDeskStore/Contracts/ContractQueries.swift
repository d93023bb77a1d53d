import Foundation
import GRDB
import OrderDeskCore

/// The conditions of the contracts list's filter, as SQL on `contracts c` with bound arguments, and the
/// index a page walks.
struct ContractCondition {
    private(set) var terms: [String] = []
    private(set) var arguments = StatementArguments()
    /// The index whose range is the smallest the filter allows (`contracts_by_status`, `_kind`, `_owner`),
    /// or nil to walk every contract by id. Each carries the other filters' columns, so walking it tests
    /// entries without reading rows.
    private(set) var index: String?
    /// Whether `contract_counts` answers the count (the filter names only status, kind and owner).
    private(set) var countsFromSummary = true
    /// The same filter on `contract_counts`.
    private(set) var summaryTerms: [String] = []
    private(set) var summaryArguments = StatementArguments()

    mutating func add(_ sql: String, _ values: StatementArguments = []) {
        terms.append(sql)
        arguments += values
    }

    /// ` WHERE a AND b` (empty when there is no condition).
    var sql: String { terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ") }
    /// `contracts c`, with the index the page walks.
    var table: String { "contracts c" + (index.map { " INDEXED BY " + $0 } ?? "") }

    /// The filter's condition, or nil when nothing can match (an unknown owner, "awaiting my approval" for a
    /// role that approves nothing). `forCounting` lets SQLite pick any index for the due-for-renewal test;
    /// a page walks an index in id order instead.
    static func of(_ filter: ContractFilter, user: UserAccount, today: Day, db: Database, forCounting: Bool = false) throws -> ContractCondition? {
        var condition = ContractCondition()
        // Each equality the filter implies, with the index whose range it is.
        var ranges: [(index: String, column: String, value: DatabaseValueConvertible)] = []
        var status = filter.status?.rawValue
        if filter.awaitingMyApproval || filter.dueForRenewal {
            let implied = filter.awaitingMyApproval ? ContractStatus.pendingApproval.rawValue : ContractStatus.active.rawValue
            if let status, status != implied { return nil }
            if filter.awaitingMyApproval && filter.dueForRenewal { return nil }
            status = implied
        }
        if let status { ranges.append(("contracts_by_status", "status", status)) }
        if let kind = filter.kind { ranges.append(("contracts_by_kind", "kind", kind.rawValue)) }
        if let login = filter.ownerLogin {
            guard let owner = try AppDatabase.fetchUser(db, login: login) else { return nil }
            ranges.append(("contracts_by_owner", "owner_id", owner.id))
        }
        for range in ranges {
            condition.add("c.\(range.column) = ?", [range.value])
            condition.summaryTerms.append("\(range.column) = ?")
            condition.summaryArguments += [range.value]
        }
        if filter.awaitingMyApproval {
            // The role as stored decides, as it does when the user approves.
            let role = try AppDatabase.fetchUser(db, id: user.id)?.role ?? user.role
            let levels = ApprovalLevel.allCases.filter { $0 != .none && $0 <= role.approvalLevel }
            guard !levels.isEmpty else { return nil }
            condition.add("c.required_level IN (" + levels.map { _ in "?" }.joined(separator: ", ") + ")",
                          StatementArguments(levels.map(\.rawValue)))
            condition.add("(c.submitted_by IS NULL OR c.submitted_by != ?)", [user.id])
            condition.countsFromSummary = false
        }
        if filter.dueForRenewal {
            // Active and ending within the renewal window (or already past its end but not yet expired).
            // A page tests the end on the entries of contracts_by_status (`+` keeps SQLite off the end
            // index, whose matches it would have to sort by id); a count reads the end index's range.
            condition.add((forCounting ? "c.end_on" : "+c.end_on") + " <= ?",
                          [today.adding(days: ContractSummary.renewalWindowDays).iso])
            condition.countsFromSummary = false
        }
        // The smallest range, by the summary's counts.
        if ranges.count == 1 {
            condition.index = ranges[0].index
        } else if ranges.count > 1 {
            var best: (index: String, size: Int)?
            for range in ranges {
                let size = try Int.fetchOne(
                    db, sql: "SELECT COALESCE(SUM(n), 0) FROM contract_counts WHERE \(range.column) = ?", arguments: [range.value]) ?? 0
                if best == nil || size < best!.size { best = (range.index, size) }
            }
            condition.index = best?.index
        }
        return condition
    }
}

enum ContractQueries {
    /// How many rows a count reads at most: past it the count is a lower bound.
    static let countCap = 10_000

    static func page(_ db: Database, filter: ContractFilter, request: ContractPageRequest, limit: Int, user: UserAccount,
                     today: Day) throws -> ContractPage {
        let limit = max(1, limit)
        guard let base = try ContractCondition.of(filter, user: user, today: today, db: db) else {
            return ContractPage(rows: [], hasMoreAfter: false, hasMoreBefore: false)
        }
        /// Up to limit+1 rows beyond `anchor` (exclusive) in display order (`newestFirst`) or against it.
        func fetch(beyond anchor: Int64?, newestFirst: Bool) throws -> [ContractRow] {
            var condition = base
            if let anchor { condition.add(newestFirst ? "c.id < ?" : "c.id > ?", [anchor]) }
            var arguments = condition.arguments
            arguments += [limit + 1]
            return try Row.fetchAll(
                db, sql: ContractSQL.rowSelect(from: condition.table) + condition.sql + " ORDER BY c.id " + (newestFirst ? "DESC" : "ASC") + " LIMIT ?",
                arguments: arguments
            ).map(ContractSQL.row)
        }
        /// Whether a matching contract sits at or beyond the anchor: the anchor may have left the filter
        /// since it was shown, so ask rather than assume.
        func exists(from anchor: Int64, newer: Bool) throws -> Bool {
            var condition = base
            condition.add(newer ? "c.id >= ?" : "c.id <= ?", [anchor])
            return try Int.fetchOne(db, sql: "SELECT 1 FROM " + condition.table + condition.sql + " LIMIT 1",
                                    arguments: condition.arguments) != nil
        }
        switch request {
        case .first:
            let rows = try fetch(beyond: nil, newestFirst: true)
            return ContractPage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: false)
        case .last:
            let rows = try fetch(beyond: nil, newestFirst: false)
            return ContractPage(rows: Array(rows.prefix(limit).reversed()), hasMoreAfter: false, hasMoreBefore: rows.count > limit)
        case let .after(anchor):
            let rows = try fetch(beyond: anchor.id, newestFirst: true)
            return ContractPage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit,
                                hasMoreBefore: try exists(from: anchor.id, newer: true))
        case let .before(anchor):
            let rows = try fetch(beyond: anchor.id, newestFirst: false)
            return ContractPage(rows: Array(rows.prefix(limit).reversed()), hasMoreAfter: try exists(from: anchor.id, newer: false),
                                hasMoreBefore: rows.count > limit)
        }
    }

    static func count(_ db: Database, filter: ContractFilter, user: UserAccount, today: Day, cap: Int = countCap) throws -> QueueTotal {
        guard let condition = try ContractCondition.of(filter, user: user, today: today, db: db, forCounting: true) else {
            return QueueTotal(count: 0)
        }
        if condition.countsFromSummary {
            let sql = "SELECT COALESCE(SUM(n), 0) FROM contract_counts"
                + (condition.summaryTerms.isEmpty ? "" : " WHERE " + condition.summaryTerms.joined(separator: " AND "))
            return QueueTotal(count: try Int.fetchOne(db, sql: sql, arguments: condition.summaryArguments) ?? 0)
        }
        var arguments = condition.arguments
        arguments += [cap + 1]
        let counted = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM (SELECT 1 FROM contracts c" + condition.sql + " LIMIT ?)", arguments: arguments) ?? 0
        return counted > cap ? QueueTotal(count: cap, isExact: false) : QueueTotal(count: counted)
    }

    static func owners(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT u.login FROM users u WHERE EXISTS (SELECT 1 FROM contracts c WHERE c.owner_id = u.id) ORDER BY u.login")
    }

    static func context(_ db: Database, customerID: Int64) throws -> ContractContext {
        guard let name = try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [customerID]) else {
            throw OrderDeskError.recordNotFound(what: "customer #\(customerID)")
        }
        // The estimate of a near-net check is the construction the contract pays for; other results have none.
        let locations = try Row.fetchAll(
            db,
            sql: """
                SELECT id, street, city, state_code, zip,
                       CASE WHEN serviceability = 'near_net' THEN construction_estimate_cents END AS estimate
                FROM locations WHERE customer_id = ? ORDER BY id
                """,
            arguments: [customerID]
        ).map { row in
            ContractContext.Location(
                id: row["id"], address: ContractSQL.address(street: row["street"], city: row["city"], state: row["state_code"], zip: row["zip"]),
                constructionEstimate: (row["estimate"] as Int64?).map(Money.init(cents:)))
        }
        let parents = try Row.fetchAll(
            db,
            sql: CustomerRecordSQL.contract + """
                 WHERE customer_id = ? AND status IN ('active', 'expired')
                ORDER BY status = 'expired', start_on DESC, id DESC
                """,
            arguments: [customerID]
        ).map(CustomerRecordSQL.contract)
        return ContractContext(customerID: customerID, customerName: name, locations: locations, parents: parents,
                               policy: try AppDatabase.contractPolicy(db))
    }
}
