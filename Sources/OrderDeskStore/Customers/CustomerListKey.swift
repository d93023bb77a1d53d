import OrderDeskCore

/// Where a customer sits in the customers list: (sort_name, id), compared as SQLite compares them
/// (sort_name byte by byte, BINARY), so an in-memory sort agrees with the `customers_by_name` index.
struct CustomerListKey: Comparable, Hashable {
    var sortName: String
    var id: Int64

    init(sortName: String, id: Int64) { self.sortName = sortName; self.id = id }

    /// The key of a row as the list showed it.
    init(_ summary: CustomerSummary) { self.init(sortName: TextFolding.fold(summary.name), id: summary.id) }

    /// One pass over the bytes (no String comparison, which is Unicode-aware and slower): the demo sorts
    /// 250,000 of these.
    static func < (a: Self, b: Self) -> Bool {
        var left = a.sortName.utf8.makeIterator(), right = b.sortName.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return a.id < b.id
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): if x != y { return x < y }
            }
        }
    }
}
