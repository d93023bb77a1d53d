import GRDB
import OrderDeskCore

/// Where a customer sits in the customers list: (sort_name, id), compared as SQLite compares them
/// (sort_name byte by byte, BINARY), so an in-memory sort agrees with the `customers_by_name` index.
struct CustomerListKey: Comparable, Hashable {
    var sortName: String
    var id: Int64

    init(sortName: String, id: Int64) { self.sortName = sortName; self.id = id }

    /// The key of a row as the list showed it.
    init(_ summary: CustomerSummary) { self.init(sortName: TextFolding.fold(summary.name), id: summary.id) }

    static func < (a: Self, b: Self) -> Bool {
        if a.sortName != b.sortName { return a.sortName.utf8.lexicographicallyPrecedes(b.sortName.utf8) }
        return a.id < b.id
    }
}

/// How one search finds its customers in list order: by walking the name index, or from a list of
/// matches found in the full-text index. Both answer the same two questions for the paging code.
enum CustomerListPlan {
    /// Walk `customers_by_name` from a key, testing each entry (`condition`, nil for no search).
    case walk(condition: (String, StatementArguments)?)
    /// Every match, sorted (a few thousand at most).
    case matches([CustomerListKey])

    /// How many matches a search may have and still be fetched and sorted; past this it walks the index.
    /// Walking costs about (page size × customers ÷ matches) entry tests, fetching one row lookup a match:
    /// on 250,000 customers they meet near a few thousand matches. Tests lower it (`$sparseLimit.withValue`)
    /// to run the walk on a small database.
    @TaskLocal static var sparseLimit = 4_000

    /// Picks the plan for a search (see DECISIONS.md, "Two plans for a customer search").
    static func make(_ db: Database, search: CustomerSearchTerms?, sparseLimit: Int) throws -> CustomerListPlan {
        guard let search else { return .walk(condition: nil) }
        let candidates = try Int64.fetchAll(
            db, sql: "SELECT rowid FROM customer_directory WHERE customer_directory MATCH ? LIMIT ?",
            arguments: [search.ftsQuery(allWords: false), sparseLimit + 1])
        if candidates.count > sparseLimit { return .walk(condition: search.keyCondition()) }
        var sql = "SELECT sort_name, id FROM customers WHERE id IN (SELECT value FROM json_each(?))"
        var arguments: StatementArguments = [jsonArray(candidates)]
        if let (residual, residualArguments) = search.residualCondition() {
            sql += " AND " + residual
            arguments += residualArguments
        }
        let keys = try Row.fetchAll(db, sql: sql, arguments: arguments).map { CustomerListKey(sortName: $0[0], id: $0[1]) }
        return .matches(keys.sorted())
    }

    enum Relation { case before, beforeOrSame, after, afterOrSame }

    /// Up to `limit` keys placed `relation` to `anchor` (from an end when nil), nearest first.
    func fetch(_ db: Database, _ relation: Relation?, _ anchor: CustomerListKey?, forward: Bool, limit: Int) throws -> [CustomerListKey] {
        switch self {
        case let .matches(keys):
            let placed = keys.filter { key in anchor.map { Self.isPlaced(key, relation!, $0) } ?? true }
            return forward ? Array(placed.prefix(limit)) : Array(placed.suffix(limit).reversed())
        case let .walk(condition):
            var keys: [CustomerListKey] = []
            for (sql, args) in Self.keyset(relation, anchor) where keys.count < limit {
                var clauses: [String] = []
                var arguments = StatementArguments()
                if let condition { clauses.append(condition.0); arguments += condition.1 }
                if !sql.isEmpty { clauses.append(sql); arguments += args }
                let direction = forward ? "ASC" : "DESC"
                arguments += [limit - keys.count]
                keys += try Row.fetchAll(
                    db,
                    sql: "SELECT sort_name, id FROM customers" + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
                        + " ORDER BY sort_name \(direction), id \(direction) LIMIT ?",
                    arguments: arguments
                ).map { CustomerListKey(sortName: $0[0], id: $0[1]) }
            }
            return keys
        }
    }

    /// Whether any key is placed `relation` to `anchor`.
    func exists(_ db: Database, _ relation: Relation, _ anchor: CustomerListKey) throws -> Bool {
        try !fetch(db, relation, anchor, forward: relation == .after || relation == .afterOrSame, limit: 1).isEmpty
    }

    private static func isPlaced(_ key: CustomerListKey, _ relation: Relation, _ anchor: CustomerListKey) -> Bool {
        switch relation {
        case .before: return key < anchor
        case .beforeOrSame: return key <= anchor
        case .after: return key > anchor
        case .afterOrSame: return key >= anchor
        }
    }

    /// The keys placed `relation` to `anchor` as two conditions whose results follow each other: the rest
    /// of the anchor's name, then the names beyond it. Not one row-value comparison: SQLite 3.40 seeks
    /// only on its first column and walks the whole tie group (see `QueueSQL.SortKey.compare`).
    private static func keyset(_ relation: Relation?, _ anchor: CustomerListKey?) -> [(String, StatementArguments)] {
        guard let relation, let anchor else { return [("", [])] }
        let forward = relation == .after || relation == .afterOrSame
        let inclusive = relation == .afterOrSame || relation == .beforeOrSame
        let op = forward ? ">" : "<"
        return [
            ("sort_name = ? AND id \(op)\(inclusive ? "=" : "") ?", [anchor.sortName, anchor.id]),
            ("sort_name \(op) ?", [anchor.sortName]),
        ]
    }

    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}
