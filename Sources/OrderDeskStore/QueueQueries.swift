import GRDB
import OrderDeskCore

extension AppDatabase {
    /// One page of the queue, by keyset (never OFFSET): cost does not grow with the page's position.
    public func queuePage(
        filter: QueueFilter, sort: QueueSort, request: PageRequest, limit: Int, now: Int64
    ) throws -> QueuePage {
        let limit = max(1, limit)
        let key = QueueSQL.SortKey(sort)
        let byState = QueueSQL.pagesByState(filter, sort)
        let states = filter.states.map(\.rawValue).sorted()
        let sparseLimit = QueueSQL.Search.sparseLimit
        return try writer.read { db in
            let base = try QueueSQL.condition(
                filter, now: now, db: db, states: !byState, sparseLimit: sparseLimit, sort: sort)
            // Fetches up to limit+1 rows placed `relation` to `anchor` (or from an end), in the given direction.
            func fetch(_ relation: QueueSQL.SortKey.Relation?, _ anchor: QueueRow?, forward: Bool) throws -> [QueueRow] {
                let parts = relation.flatMap { relation in anchor.map { key.compare(relation, $0, listsIDs: base.listsIDs) } } ?? [("", [])]
                var rows: [QueueRow] = []
                for (sql, args) in parts where rows.count <= limit {
                    var condition = base
                    if !sql.isEmpty { condition.add(sql, args) }
                    let want = limit + 1 - rows.count
                    let order = key.orderBy(forward: forward)
                    if byState {
                        // One index range a state, each already in order; merged by the outer ORDER BY.
                        var arguments = StatementArguments()
                        let branches = states.map { state -> String in
                            var branch = condition
                            branch.add("o.state = ?", [state])
                            arguments += branch.arguments
                            arguments += [want]
                            return "SELECT * FROM (" + QueueSQL.select + branch.sql + order + " LIMIT ?)"
                        }
                        arguments += [want]
                        let merged = "SELECT * FROM (" + branches.joined(separator: " UNION ALL ") + ")"
                            + key.orderBy(forward: forward, qualified: false) + " LIMIT ?"
                        rows += try Row.fetchAll(db, sql: merged, arguments: arguments).map(QueueRow.decode)
                    } else {
                        var arguments = condition.arguments
                        arguments += [want]
                        rows += try Row.fetchAll(
                            db, sql: QueueSQL.select + condition.sql + order + " LIMIT ?", arguments: arguments
                        ).map(QueueRow.decode)
                    }
                }
                return rows
            }
            func exists(_ relation: QueueSQL.SortKey.Relation, _ anchor: QueueRow) throws -> Bool {
                for (sql, args) in key.compare(relation, anchor, listsIDs: base.listsIDs) {
                    var condition = base
                    condition.add(sql, args)
                    if byState {
                        let marks = Array(repeating: "?", count: states.count).joined(separator: ", ")
                        condition.add("o.state IN (" + marks + ")", StatementArguments(states))
                    }
                    if try Int.fetchOne(
                        db, sql: "SELECT 1 FROM orders o" + condition.sql + " LIMIT 1", arguments: condition.arguments
                    ) != nil { return true }
                }
                return false
            }

            switch request {
            case .first:
                let rows = try fetch(nil, nil, forward: true)
                return QueuePage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: false)
            case .last:
                let rows = try fetch(nil, nil, forward: false)
                return QueuePage(
                    rows: Array(rows.prefix(limit).reversed()), hasMoreAfter: false, hasMoreBefore: rows.count > limit)
            case let .after(anchor):
                let rows = try fetch(.after, anchor, forward: true)
                // The anchor may have left the filter since it was shown, so ask rather than assume.
                let before = try exists(.beforeOrSame, anchor)
                return QueuePage(rows: Array(rows.prefix(limit)), hasMoreAfter: rows.count > limit, hasMoreBefore: before)
            case let .before(anchor):
                let rows = try fetch(.before, anchor, forward: false)
                let after = try exists(.afterOrSame, anchor)
                return QueuePage(
                    rows: Array(rows.prefix(limit).reversed()), hasMoreAfter: after, hasMoreBefore: rows.count > limit)
            }
        }
    }

    /// How many orders match a filter. Filters on states, channel and owner only are answered
    /// from the `order_counts` summary the triggers keep; anything else is a real COUNT.
    public func queueCount(filter: QueueFilter, now: Int64) throws -> Int {
        let sparseLimit = QueueSQL.Search.sparseLimit
        return try writer.read { db in
            if filter.search.trimmingCharacters(in: .whitespaces).isEmpty, filter.minDaysInState == nil {
                var condition = QueueSQL.Condition()
                if !filter.states.isEmpty {
                    let states = filter.states.map(\.rawValue).sorted()
                    condition.add(
                        "state IN (" + Array(repeating: "?", count: states.count).joined(separator: ", ") + ")",
                        StatementArguments(states))
                }
                if let channel = filter.channel { condition.add("channel = ?", [channel.rawValue]) }
                if let id = filter.owner.userID { condition.add("owner_id = ?", [id]) }
                return try Int.fetchOne(
                    db, sql: "SELECT COALESCE(SUM(n), 0) FROM order_counts" + condition.sql,
                    arguments: condition.arguments) ?? 0
            }
            // The unary `+` that makes paging walk the sort index would make a count scan every order;
            // counting lets SQLite use whatever index narrows best.
            let condition = try QueueSQL.condition(filter, now: now, db: db, sparseLimit: sparseLimit, forCounting: true)
            let sql = "SELECT count(*) FROM orders o" + condition.sql
            return try Int.fetchOne(
                db, sql: sql, arguments: condition.arguments) ?? 0
        }
    }

    /// How many orders match, counting no further than `cap`: past it the answer is a lower bound, so a
    /// keystroke of a broad search never waits for a count of most of the table.
    public func queueTotal(filter: QueueFilter, now: Int64, cap: Int = 10_000) throws -> QueueTotal {
        if filter.search.trimmingCharacters(in: .whitespaces).isEmpty, filter.minDaysInState == nil {
            return QueueTotal(count: try queueCount(filter: filter, now: now))
        }
        let sparseLimit = QueueSQL.Search.sparseLimit
        return try writer.read { db in
            let condition = try QueueSQL.condition(filter, now: now, db: db, sparseLimit: sparseLimit, forCounting: true)
            var arguments = condition.arguments
            arguments += [cap + 1]
            let counted = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM orders o" + condition.sql + " LIMIT ?)",
                arguments: arguments) ?? 0
            return counted > cap ? QueueTotal(count: cap, isExact: false) : QueueTotal(count: counted)
        }
    }

    /// How many rows of the filter sort before `row` (its 0-based index).
    public func rowsBefore(_ row: QueueRow, filter: QueueFilter, sort: QueueSort, now: Int64) throws -> Int {
        let key = QueueSQL.SortKey(sort)
        let sparseLimit = QueueSQL.Search.sparseLimit
        return try writer.read { db in
            let base = try QueueSQL.condition(filter, now: now, db: db, sparseLimit: sparseLimit, sort: sort)
            var total = 0
            for (sql, args) in key.compare(.before, row, listsIDs: base.listsIDs) {
                var condition = base
                condition.add(sql, args)
                total += try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM orders o" + condition.sql, arguments: condition.arguments) ?? 0
            }
            return total
        }
    }

    /// The literal SQL of the unfiltered first queue page in the default sort (booked desc), with LIMIT 50 inlined, for the benchmark that times the sqlite3 CLI on the same query.
    public static func firstPageSQLForBenchmark() -> String {
        QueueSQL.firstPage(filter: QueueSQL.Condition(), sort: QueueSort(), limitSQL: "50")
    }
}
