import GRDB
import OrderDeskCore

/// Keeps the customers list in step: `customers.sort_name`, `customers.list_position` and the customer's
/// `customer_directory` row, whose rowid is its list position (see the v3-customers migration). Every
/// store method that changes a customer's name, account number or phone, or any of its locations,
/// calls `refresh` in the same transaction.
enum CustomerSearchIndex {
    /// The searchable text of one customer, by full-text column.
    struct Entry {
        var name: String
        var account: String
        var phone: String
        var address: String

        init(name: String, accountNumber: String, phone: String?, addresses: [String]) {
            self.name = name
            // Bytes, not Characters: account numbers are digits, and the demo builds 250,000 of these.
            let zeros = accountNumber.utf8.prefix { $0 == 48 }.count
            account = zeros == 0 || zeros == accountNumber.utf8.count
                ? accountNumber : accountNumber + " " + String(accountNumber.utf8.dropFirst(zeros))!
            if let phone, let number = PhoneNumber(phone) {
                // Typed as formatted, as ten digits, or as the seven-digit local number.
                self.phone = phone + " " + number.digits + " " + String(number.digits.dropFirst(3))
            } else {
                self.phone = phone ?? ""
            }
            address = addresses.joined(separator: " ")
        }

        /// The columns of a full-text row as stored (`name, account, phone, address`).
        init(_ row: Row) {
            name = row[0]; account = row[1]; phone = row[2]; address = row[3]
        }

        /// The folded name the list sorts by.
        var sortName: String { TextFolding.fold(name) }
    }

    /// Positions are this far apart after a rebuild: a new name between two others takes the middle,
    /// so 32 names can go into the same gap, one after another, before its neighbours are spread again.
    static let positionGap: Int64 = 1 << 32

    /// Rewrites one customer's sort name, list position and full-text row from the tables. A customer
    /// whose sort name did not change keeps its position.
    static func refresh(_ db: Database, customerID: Int64, gap: Int64 = positionGap) throws {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT name, account_number, phone, sort_name, list_position FROM customers WHERE id = ?",
            arguments: [customerID])
        else { return }
        let entry = Entry(name: row[0], accountNumber: row[1], phone: row[2], addresses: try addresses(db, customerID: customerID))
        let oldPosition: Int64? = row[4]
        if let oldPosition { try db.execute(sql: "DELETE FROM customer_directory WHERE rowid = ?", arguments: [oldPosition]) }
        var position = oldPosition
        if position == nil || row[3] != entry.sortName {
            // Off the list while its new place is found, so that it is not its own neighbour.
            try db.execute(sql: "UPDATE customers SET sort_name = ?, list_position = NULL WHERE id = ?",
                           arguments: [entry.sortName, customerID])
            let placed = try place(db, CustomerListKey(sortName: entry.sortName, id: customerID), gap: gap)
            try db.execute(sql: "UPDATE customers SET list_position = ? WHERE id = ?", arguments: [placed, customerID])
            position = placed
        }
        try insertRow(db, position: position!, customerID: customerID, entry)
    }

    /// Rebuilds every customer's sort name, position and full-text row (the migration of an existing
    /// database, the demo): positions `gap` apart in list order, full-text rows written in that order
    /// (FTS5 appends rows in ascending rowid order without flushing between them).
    static func rebuild(_ db: Database, gap: Int64 = positionGap, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws {
        try db.execute(sql: "DELETE FROM customer_directory")
        try db.execute(sql: "UPDATE customers SET list_position = NULL WHERE list_position IS NOT NULL")
        var addresses: [Int64: [String]] = [:]
        let locations = try Row.fetchCursor(
            db, sql: "SELECT customer_id, street || ' ' || city || ' ' || state_code || ' ' || zip FROM locations ORDER BY id")
        while let row = try locations.next() { addresses[row[0], default: []].append(row[1]) }
        var customers: [(key: CustomerListKey, entry: Entry)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, account_number, phone FROM customers")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let entry = Entry(name: row[1], accountNumber: row[2], phone: row[3], addresses: addresses[id] ?? [])
            customers.append((CustomerListKey(sortName: entry.sortName, id: id), entry))
        }
        addresses = [:]
        customers.sort { $0.key < $1.key }
        // One prepared statement each, bound through the raw handle: this runs for every customer.
        var update = try RawStatement(db, sql: "UPDATE customers SET sort_name = ?, list_position = ? WHERE id = ?")
        var insert = try RawStatement(db, sql: """
            INSERT INTO customer_directory(rowid, name, account, phone, address, customer_id) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (index, customer) in customers.enumerated() {
            let position = Int64(index + 1) * gap
            update.add(customer.key.sortName); update.add(position); update.add(customer.key.id)
            try update.insert()
            insert.add(position); insert.add(customer.entry.name); insert.add(customer.entry.account)
            insert.add(customer.entry.phone); insert.add(customer.entry.address); insert.add(customer.key.id)
            try insert.insert()
            progress(index + 1, customers.count)
        }
    }

    private static func addresses(_ db: Database, customerID: Int64) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT street || ' ' || city || ' ' || state_code || ' ' || zip FROM locations WHERE customer_id = ? ORDER BY id",
            arguments: [customerID])
    }

    private static func insertRow(_ db: Database, position: Int64, customerID: Int64, _ entry: Entry) throws {
        try db.cachedStatement(sql: """
            INSERT INTO customer_directory(rowid, name, account, phone, address, customer_id) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [position, entry.name, entry.account, entry.phone, entry.address, customerID])
    }

    // MARK: - Positions

    /// A free position for `key` between its neighbours' (the customer itself is off the list). When its
    /// neighbours are next to each other, some around it are spread out first (`respread`).
    static func place(_ db: Database, _ key: CustomerListKey, gap: Int64) throws -> Int64 {
        let before = try neighbours(db, of: key, before: true, limit: 1).first?.position
        let after = try neighbours(db, of: key, before: false, limit: 1).first?.position
        // Far from the ends of Int64: positions only get there after ~2^29 names added past the end.
        let limit: Int64 = 1 << 61
        switch (before, after) {
        case (nil, nil): return gap
        case let (b?, nil) where b < limit - gap: return b + gap
        case let (nil, a?) where a > -limit + gap: return a - gap
        case let (b?, a?) where a - b >= 2: return b + (a - b) / 2
        default: return try respread(db, around: key, gap: gap)
        }
    }

    /// Spreads the customers around `key` evenly over a range of positions wide enough for them and
    /// `key`, widening the range until it is (at most the whole list), and returns `key`'s position.
    /// Moved customers get their full-text rows moved with them.
    private static func respread(_ db: Database, around key: CustomerListKey, gap: Int64) throws -> Int64 {
        var width = 16
        while true {
            let lower = try neighbours(db, of: key, before: true, limit: width + 1)
            let upper = try neighbours(db, of: key, before: false, limit: width + 1)
            let low = lower.count > width ? lower[width].position : nil
            let high = upper.count > width ? upper[width].position : nil
            let moving = Array(lower.prefix(width).reversed()) + Array(upper.prefix(width))
            let slots = Int64(moving.count + 2)  // the moving customers, key, and room at either end
            let from: Int64, to: Int64
            switch (low, high) {
            case let (l?, h?): (from, to) = (l, h)
            case let (l?, nil): (from, to) = (l, l + slots * gap)
            case let (nil, h?): (from, to) = (h - slots * gap, h)
            case (nil, nil): (from, to) = (0, slots * gap)
            }
            guard to - from >= slots else {
                width *= 4
                continue
            }
            let step = (to - from) / slots
            // Off the list first (positions are unique), then back at their new places in order; key takes
            // the slot after the lower ones.
            let below = min(lower.count, width)
            var moved: [(position: Int64, id: Int64, text: Row?)] = []
            for (i, customer) in moving.enumerated() {
                let text = try Row.fetchOne(
                    db, sql: "SELECT name, account, phone, address FROM customer_directory WHERE rowid = ?",
                    arguments: [customer.position])
                try db.execute(sql: "DELETE FROM customer_directory WHERE rowid = ?", arguments: [customer.position])
                try db.execute(sql: "UPDATE customers SET list_position = NULL WHERE id = ?", arguments: [customer.id])
                moved.append((from + Int64(i < below ? i + 1 : i + 2) * step, customer.id, text))
            }
            for item in moved {
                try db.execute(sql: "UPDATE customers SET list_position = ? WHERE id = ?", arguments: [item.position, item.id])
                if let text = item.text {
                    try insertRow(db, position: item.position, customerID: item.id, Entry(text))
                }
            }
            return from + Int64(below + 1) * step
        }
    }

    /// Up to `limit` placed customers next to `key` on one side, nearest first: the rest of its name's
    /// tie group, then the names beyond (two index ranges; see `QueueSQL.SortKey.compare`).
    static func neighbours(_ db: Database, of key: CustomerListKey, before: Bool, limit: Int) throws -> [(id: Int64, position: Int64)] {
        let (op, order) = before ? ("<", "DESC") : (">", "ASC")
        var found: [(id: Int64, position: Int64)] = []
        for (sql, arguments) in [
            ("sort_name = ? AND id \(op) ? AND list_position IS NOT NULL ORDER BY id \(order)", [key.sortName, key.id] as StatementArguments),
            ("sort_name \(op) ? AND list_position IS NOT NULL ORDER BY sort_name \(order), id \(order)", [key.sortName] as StatementArguments),
        ] where found.count < limit {
            var args = arguments
            args += [limit - found.count]
            found += try Row.fetchAll(db, sql: "SELECT id, list_position FROM customers WHERE " + sql + " LIMIT ?", arguments: args)
                .map { (id: $0[0], position: $0[1]) }
        }
        return found
    }
}
