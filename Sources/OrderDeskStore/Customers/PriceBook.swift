import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Products whose code, name or family contain `search` (any case; all when empty), by family then name.
    /// The price book is a few dozen rows: a LIKE over it is instant.
    public func priceBook(search: String) throws -> [PriceBookProduct] {
        let text = search.trimmingCharacters(in: .whitespaces)
        // `%` and `_` typed by the person are literal characters, not wildcards.
        let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        return try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(CustomerRecordSQL.productColumns) FROM products p
                    WHERE p.code LIKE ?1 ESCAPE '\\' OR p.name LIKE ?1 ESCAPE '\\' OR p.family LIKE ?1 ESCAPE '\\'
                    ORDER BY p.family, p.name, p.id
                    """,
                arguments: [pattern]
            ).map { CustomerRecordSQL.product($0, from: 0) }
        }
    }
}
