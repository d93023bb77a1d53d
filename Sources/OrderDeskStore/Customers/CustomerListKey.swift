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
