import GRDB
import OrderDeskCore

/// The SQL pieces of the order queue: the selected columns, the filter, the search and the sort keys.
enum QueueSQL {
    /// CROSS JOIN keeps orders as the outer loop, so the paging index drives the query.
    static let select = """
        SELECT o.id, o.order_number, o.customer_name, c.account_number, o.type, o.state, o.channel,
               o.owner_login, o.mrr_cents, o.booked_on, o.state_since, o.install_on, o.escalated, o.version
        FROM orders o CROSS JOIN customers c ON c.id = o.customer_id
        """

    /// The NULL sentinels the generated columns `install_key` and `owner_key` use (they sort last).
    static let noInstallKey = "9999-12-31"
    static let noOwnerKey = "~"

    /// WHERE clauses (ANDed) and their arguments for a filter.
    struct Condition {
        var clauses: [String] = []
        var arguments = StatementArguments()
        /// Set when a clause tests `o.id IN (list)` through an index. SQLite 3.40.1 then answers
        /// `… AND key = ? AND o.id < ?` wrongly on a `(key, id)` index (it returned the anchor itself);
        /// `SortKey.compare` writes the id comparison with a `+` in that case.
        var listsIDs = false

        mutating func add(_ clause: String, _ args: StatementArguments = []) {
            clauses.append(clause)
            arguments += args
        }

        var sql: String { clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ") }
    }

    /// The unary `+` on state, channel and owner keeps SQLite from driving the query by those columns:
    /// walking the sort index and stopping after one page beats collecting every order of an owner and
    /// sorting them (measured on 1M orders: 460 ms → a few ms for an owner's first page).
    /// The search is resolved against the database (see `Search.add`), so call this inside the read.
    /// With `states: false` the states are left out, for a caller that pages one state at a time.
    /// `sparseLimit` is read from the task outside the read (database queues do not carry task-locals).
    static func condition(
        _ filter: QueueFilter, now: Int64, db: Database, states: Bool = true, sparseLimit: Int,
        forCounting: Bool = false, sort: QueueSort? = nil
    ) throws -> Condition {
        var condition = Condition()
        // Counting has no order to keep: without the `+`, SQLite narrows by whichever index suits it.
        let plus = forCounting ? "" : "+"
        if states && !filter.states.isEmpty {
            // Sorted so the same filter always produces the same SQL (statement cache friendly).
            let states = filter.states.map(\.rawValue).sorted()
            let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
            condition.add("\(plus)o.state IN (\(marks))", StatementArguments(states))
        }
        if let channel = filter.channel { condition.add("\(plus)o.channel = ?", [channel.rawValue]) }
        if let id = filter.owner.userID { condition.add("\(plus)o.owner_id = ?", [id]) }
        if let days = filter.minDaysInState {
            // Most orders are older than a few days: the sort index drives, as for states.
            condition.add("\(plus)o.state_since < ?", [now - Int64(days) * 86_400])
        }
        if let search = Search(filter.search) {
            try search.add(
                to: &condition, db: db, sparseLimit: sparseLimit, forCounting: forCounting,
                sort: sort?.column)
        }
        return condition
    }

    /// The one column (plus id) a sort pages on, and whether it runs descending in storage order.
    struct SortKey {
        /// The stored column it pages on; `expression` is the same, qualified for the queue's query.
        let columnName: String
        var expression: String { "o." + columnName }
        /// Descending in terms of the stored key (days in state ascending is state_since descending).
        let descending: Bool

        init(_ sort: QueueSort) {
            let flip: Bool
            switch sort.column {
            case .booked: columnName = "booked_on"; flip = false
            case .orderNumber: columnName = "order_number"; flip = false
            case .customer: columnName = "customer_name"; flip = false
            case .state: columnName = "state"; flip = false
            case .owner: columnName = "owner_key"; flip = false
            case .mrr: columnName = "mrr_cents"; flip = false
            case .daysInState: columnName = "state_since"; flip = true
            case .install: columnName = "install_key"; flip = false
            }
            descending = sort.descending != flip
            column = sort.column
        }

        private let column: QueueSortColumn

        /// ORDER BY for display order (forward) or its reverse.
        /// `qualified: false` names the columns bare, for ordering the merged result of per-state pages.
        func orderBy(forward: Bool, qualified: Bool = true) -> String {
            let direction = (descending == forward) ? "DESC" : "ASC"
            let table = qualified ? "o." : ""
            return " ORDER BY \(table)\(columnName) \(direction), \(table)id \(direction)"
        }

        /// The stored key of a row, as the index holds it.
        func value(of row: QueueRow) -> DatabaseValue {
            switch column {
            case .booked: return row.bookedOn.iso.databaseValue
            case .orderNumber: return row.orderNumber.databaseValue
            case .customer: return row.customerName.databaseValue
            case .state: return row.state.rawValue.databaseValue
            case .owner: return (row.ownerLogin ?? QueueSQL.noOwnerKey).databaseValue
            case .mrr: return row.mrr.cents.databaseValue
            case .daysInState: return row.stateSince.databaseValue
            case .install: return (row.installOn?.iso ?? QueueSQL.noInstallKey).databaseValue
            }
        }

        enum Relation { case before, beforeOrSame, after, afterOrSame }

        /// The rows placed `relation` to `row` in display order, as two conditions whose results follow
        /// each other in that order: the rest of the anchor's tie group, then the keys beyond it.
        /// Not one row-value comparison `(key, id) > (?, ?)`: SQLite 3.40 seeks only on `key` for it and
        /// then walks the whole tie group (600,000 orders without an install date: 50 ms a page).
        /// `listsIDs` (see `Condition.listsIDs`) writes the id comparison as `+o.id`.
        func compare(_ relation: Relation, _ row: QueueRow, listsIDs: Bool = false) -> [(String, StatementArguments)] {
            let forward = relation == .after || relation == .afterOrSame
            let inclusive = relation == .afterOrSame || relation == .beforeOrSame
            // Moving forward on a descending key means smaller values.
            let op = (forward != descending) ? ">" : "<"
            let key = value(of: row)
            return [
                ("\(expression) = ? AND \(listsIDs ? "+" : "")o.id \(op)\(inclusive ? "=" : "") ?", [key, row.id]),
                ("\(expression) \(op) ?", [key]),
            ]
        }
    }

    /// Whether a page is better fetched one state at a time from `orders_by_state_booked` and merged:
    /// for the booked sort with a state filter, where a state that is rare among recent orders would
    /// otherwise make the booked index walk thousands of rows before it finds a page.
    static func pagesByState(_ filter: QueueFilter, _ sort: QueueSort) -> Bool {
        sort.column == .booked && !filter.states.isEmpty
    }

    /// The SQL of the first page in a sort, with the limit inlined or bound.
    static func firstPage(filter: Condition, sort: QueueSort, limitSQL: String) -> String {
        select + filter.sql + SortKey(sort).orderBy(forward: true) + " LIMIT " + limitSQL
    }
}
