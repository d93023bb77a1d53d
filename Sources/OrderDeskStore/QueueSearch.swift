import GRDB
import OrderDeskCore

extension QueueSQL {
    /// What a person typed in the queue's search box, turned into safe SQL.
    /// Words become quoted FTS5 prefix terms (so no input can be an FTS syntax error);
    /// a number, with or without `IDA-`, also matches order numbers and account numbers.
    struct Search {
        /// Letter-and-digit runs, as the unicode61 tokenizer would split them.
        let words: [String]
        /// Set when the whole input is a number (optionally `IDA-` first).
        let digits: String?

        init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var number = Substring(trimmed)
            if number.uppercased().hasPrefix("IDA") {
                number = number.dropFirst(3).drop(while: { $0 == "-" || $0 == " " })
            }
            if (1...11).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                digits = String(number)
            } else {
                digits = nil
            }
            var words: [String] = []
            var current = ""
            for ch in trimmed {
                if ch.isLetter || ch.isNumber {
                    current.append(ch)
                } else if !current.isEmpty {
                    words.append(current); current = ""
                }
            }
            if !current.isEmpty { words.append(current) }
            // A bound on the work one keystroke can ask for.
            self.words = Array(words.prefix(8))
            if digits == nil && self.words.isEmpty { return nil }
        }

        /// The FTS5 query: each word a quoted prefix term, ANDed. Paging leaves one-letter words to
        /// `residualWords`; counting asks for every word (a count may take a little longer, and a
        /// residual test there would read every candidate row).
        func ftsQuery(allWords: Bool) -> String {
            if let digits {
                // An account number that lost its leading zeros also matches exactly.
                let padded = String(repeating: "0", count: 11 - digits.count) + digits
                return padded == digits ? "\"\(digits)\"*" : "\"\(digits)\"* OR \"\(padded)\""
            }
            return (allWords ? words : ftsWords).map { "\"\($0)\"*" }.joined(separator: " AND ")
        }

        /// The words the full-text index is asked for. A one-letter word beside longer ones is left out:
        /// its doclist is most of the index, and intersecting it cost tens of milliseconds a keystroke.
        var ftsWords: [String] {
            let long = words.filter { $0.count > 1 }
            return long.isEmpty ? words : long
        }

        /// The words left out of the index query, folded, for `instr` on each candidate's `customer_key`.
        var residualWords: [String] {
            let asked = Set(ftsWords)
            return words.filter { !asked.contains($0) }.flatMap { TextFolding.words(of: $0) }
        }

        /// How many matches a search may have and still be looked up by index; past this it is "dense".
        /// Tests lower it (with `$sparseLimit.withValue`) to run the dense plan on a small database.
        /// Walking the sort index costs about (page size × orders ÷ matches) row tests; fetching the matches
        /// by index costs about one lookup each and a sort: on a million orders they meet near 5,000
        /// matching orders (a customer has about four).
        @TaskLocal static var sparseLimit = 5_000

        /// Adds the search to a condition, choosing how SQLite should find the rows.
        ///
        /// Each kind of match (order-number prefix, customers by FTS) is probed with a LIMIT first:
        /// - few matches: their ids go into the query, and SQLite fetches them by index and sorts them
        ///   (a few hundred rows at most);
        /// - many matches: the sort index drives and each row is tested (`+` turns the index off for the
        ///   test), stopping after one page; with many matches a page fills fast.
        /// One plan for both would be slow for one of them: a customer's 4 orders among a million by
        /// walking the sort index, or 100,000 orders of "c…" customers by gathering and sorting them.
        /// `sort` is the column the page is sorted by (nil when counting). Only the booked and customer
        /// indexes carry `customer_key`, where a broad search's `instr` test is made on the index entry
        /// before the row is read. In the customer sort a name search's matches sit together, so walking
        /// to them is no cheaper than fetching them.
        func add(
            to condition: inout Condition, db: Database, sparseLimit: Int, forCounting: Bool, sort: QueueSortColumn?
        ) throws {
            let keyOnIndex = sort == nil || sort == .booked || sort == .customer
            var orderIDs: [Int64] = []
            var customerIDs: [Int64] = []
            var dense: [(String, StatementArguments)] = []

            if let digits, digits.count <= 8 {
                let padded = String(repeating: "0", count: 8 - digits.count) + digits
                orderIDs += try Int64.fetchAll(db, sql: "SELECT id FROM orders WHERE order_number = ?", arguments: [padded])
                // ':' is the character after '9', so [digits, digits + ':') is "starts with digits".
                let prefixed = try Int64.fetchAll(
                    db, sql: "SELECT id FROM orders WHERE order_number >= ? AND order_number < ? LIMIT ?",
                    arguments: [digits, digits + ":", sparseLimit + 1])
                if prefixed.count > sparseLimit {
                    let plus = forCounting ? "" : "+"
                    dense.append(("(\(plus)o.order_number >= ? AND \(plus)o.order_number < ?)", [digits, digits + ":"]))
                } else {
                    orderIDs += prefixed
                }
            }
            let customers = try Int64.fetchAll(
                db, sql: "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT ?",
                arguments: [ftsQuery(allWords: forCounting), sparseLimit / 4 + 1])
            if customers.count > sparseLimit / 4 {
                // Counting looks the orders up by customer (it stops at the cap); paging tests each row's
                // name as the sort index walks, which stops after one page.
                if forCounting {
                    dense.append((
                        "o.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)",
                        [ftsQuery(allWords: true)]))
                } else if let digits {
                    // An account number by prefix, or exactly once its lost leading zeros are put back.
                    let padded = String(repeating: "0", count: max(0, 11 - digits.count)) + digits
                    dense.append(("(instr(o.customer_key, ?) > 0 OR instr(o.customer_key, ?) > 0)", [" " + digits, " " + padded]))
                } else {
                    // Plain SQL on the stored folded key: a fraction of a microsecond a row.
                    let folded = words.flatMap { TextFolding.words(of: $0) }
                    dense.append((
                        "(" + folded.map { _ in "instr(o.customer_key, ?) > 0" }.joined(separator: " AND ") + ")",
                        StatementArguments(folded.map { " " + $0 })))
                }
            } else {
                customerIDs = customers
            }
            if !customerIDs.isEmpty {
                // The matched customers' orders join the id list: one membership test on the index
                // entry (the id is in every index) instead of reading each row for its customer.
                orderIDs += try Int64.fetchAll(
                    db, sql: "SELECT id FROM orders WHERE customer_id IN (" + Self.marks(customerIDs.count) + ")",
                    arguments: StatementArguments(customerIDs))
            }
            orderIDs = Array(Set(orderIDs)).sorted()

            // In a sort whose index lacks customer_key, testing a broad search row by row reads every row
            // walked; where matches sort late that is most of the table (4 s measured). Up to
            // `gatherLimit` matches, their ids are gathered instead and tested on the index entries.
            if !forCounting && !keyOnIndex && !dense.isEmpty {
                var gathered: [Int64] = []
                if let digits, digits.count <= 8 {
                    gathered += try Int64.fetchAll(
                        db, sql: "SELECT id FROM orders WHERE order_number >= ? AND order_number < ? LIMIT ?",
                        arguments: [digits, digits + ":", Self.gatherLimit + 1])
                }
                gathered += try Int64.fetchAll(db, sql: """
                    SELECT id FROM orders
                    WHERE customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?) LIMIT ?
                    """, arguments: [ftsQuery(allWords: false), Self.gatherLimit + 1])
                if gathered.count <= Self.gatherLimit {
                    let all = Set(orderIDs).union(gathered).sorted()
                    let json = "[" + all.map(String.init).joined(separator: ",") + "]"
                    condition.add("+o.id IN (SELECT value FROM json_each(?))", [json])
                    if digits == nil {
                        for word in residualWords { condition.add("instr(o.customer_key, ?) > 0", [" " + word]) }
                    }
                    return
                }
            }

            var alternatives: [(String, StatementArguments)] = []
            // A few hundred ids are fetched by id and sorted; past that, testing the ids as the sort index
            // walks is cheaper (measured on 1M orders: 378 ids 2 ms fetched, 3,899 ids 8 ms walked vs 16).
            let walk = !forCounting
                && (!dense.isEmpty || (orderIDs.count > Self.fetchByIDLimit && sort != .customer))
            if !orderIDs.isEmpty {
                alternatives.append(((walk ? "+" : "") + "o.id IN (" + Self.marks(orderIDs.count) + ")", StatementArguments(orderIDs)))
                if !walk { condition.listsIDs = true }
            }
            alternatives += dense
            guard !alternatives.isEmpty else {
                condition.add("0")
                return
            }
            var arguments = StatementArguments()
            for alternative in alternatives { arguments += alternative.1 }
            condition.add("(" + alternatives.map(\.0).joined(separator: " OR ") + ")", arguments)
            if digits == nil && !forCounting {
                for word in residualWords { condition.add("instr(o.customer_key, ?) > 0", [" " + word]) }
            }
        }

        /// Up to this many matches of a broad search are gathered by id in sorts without customer_key.
        static let gatherLimit = 60_000

        /// Up to this many matching orders are fetched by id and sorted rather than found by walking.
        static let fetchByIDLimit = 1_500

        private static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }
    }
}
