import GRDB
import OrderDeskCore

/// Keeps the customers list's search in step: `customers.sort_name`, `customers.search_key` and the
/// `customer_directory` full-text row. Every store method that changes a customer's name, account
/// number or phone, or any of its locations, calls `refresh` in the same transaction.
enum CustomerSearchIndex {
    /// The searchable text of one customer, by full-text column.
    struct Entry {
        var name: String
        var account: String
        var phone: String
        var address: String

        init(name: String, accountNumber: String, phone: String?, addresses: [String]) {
            self.name = name
            let stripped = accountNumber.drop { $0 == "0" }
            account = stripped.isEmpty || stripped.count == accountNumber.count ? accountNumber : accountNumber + " " + stripped
            if let phone, let number = PhoneNumber(phone) {
                // Typed as formatted, as ten digits, or as the seven-digit local number.
                self.phone = phone + " " + number.digits + " " + String(number.digits.dropFirst(3))
            } else {
                self.phone = phone ?? ""
            }
            address = addresses.joined(separator: " ")
        }

        /// The folded name the list sorts by.
        var sortName: String { TextFolding.fold(name) }

        /// Every token, folded, each after a space: `instr(search_key, ' ' || word) > 0` is a prefix match.
        var searchKey: String {
            // Appended in place: the demo builder computes this for every customer.
            var key = ""
            key.reserveCapacity(name.utf8.count + account.utf8.count + phone.utf8.count + address.utf8.count + 8)
            for part in [name, account, phone, address] {
                for word in TextFolding.words(of: part) {
                    key.append(" ")
                    key.append(word)
                }
            }
            return key
        }
    }

    /// Rewrites one customer's keys and full-text row from the tables.
    static func refresh(_ db: Database, customerID: Int64) throws {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT name, account_number, phone FROM customers WHERE id = ?", arguments: [customerID])
        else { return }
        let addresses = try String.fetchAll(
            db, sql: "SELECT street || ' ' || city || ' ' || state_code || ' ' || zip FROM locations WHERE customer_id = ? ORDER BY id",
            arguments: [customerID])
        try write(db, id: customerID, Entry(name: row[0], accountNumber: row[1], phone: row[2], addresses: addresses))
    }

    static func write(_ db: Database, id: Int64, _ entry: Entry) throws {
        try db.execute(sql: "UPDATE customers SET sort_name = ?, search_key = ? WHERE id = ?",
                       arguments: [entry.sortName, entry.searchKey, id])
        try db.execute(sql: "DELETE FROM customer_directory WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO customer_directory(rowid, name, account, phone, address) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, entry.name, entry.account, entry.phone, entry.address])
    }

    /// Rebuilds every customer's keys and full-text row (the migration of an existing database, the demo).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM customer_directory")
        var addresses: [Int64: [String]] = [:]
        let locations = try Row.fetchCursor(
            db, sql: "SELECT customer_id, street || ' ' || city || ' ' || state_code || ' ' || zip FROM locations ORDER BY id")
        while let row = try locations.next() { addresses[row[0], default: []].append(row[1]) }
        let update = try db.makeStatement(sql: "UPDATE customers SET sort_name = ?, search_key = ? WHERE id = ?")
        let insert = try db.makeStatement(
            sql: "INSERT INTO customer_directory(rowid, name, account, phone, address) VALUES (?, ?, ?, ?, ?)")
        let customers = try Row.fetchAll(db, sql: "SELECT id, name, account_number, phone FROM customers ORDER BY id")
        for row in customers {
            let id: Int64 = row[0]
            let entry = Entry(name: row[1], accountNumber: row[2], phone: row[3], addresses: addresses[id] ?? [])
            update.setUncheckedArguments([entry.sortName, entry.searchKey, id])
            try update.execute()
            insert.setUncheckedArguments([id, entry.name, entry.account, entry.phone, entry.address])
            try insert.execute()
        }
    }
}
