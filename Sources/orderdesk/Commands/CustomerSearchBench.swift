import Foundation
import OrderDeskCore
import OrderDeskStore

/// Typed-search latency of the customers list, at the store: each keystroke asks for the first page and
/// the count, as the list does (until its screen is in the desk, when the key-to-frame bench covers it).
struct CustomerSearchBench {
    let path: String
    let samples: Int
    /// Rows a page asks for (a tall terminal's list, with room to scroll).
    static let pageSize = 50

    struct Result {
        let name: String
        /// One per keystroke: the text typed so far and how long its page and count took.
        let keystrokes: [(typed: String, page: Duration, total: Duration)]
    }

    func run() throws -> [Result] {
        let database = try AppDatabase.open(at: path)
        // Realistic searches: a name typed out, an account number and a phone number from the data, a street, a city.
        let someone = try database.customersPage(search: "", request: .first, limit: 1_000).rows.last
        let account = String((someone?.accountNumber ?? "07830012345").prefix(7))
        let phone = someone?.phone.flatMap(PhoneNumber.init).map { String($0.formatted.dropFirst(6)) } ?? "555-0142"
        let searches: [(String, String)] = [
            ("name \"cafe ro\" (c, ca, caf, cafe, …)", "cafe ro"), ("name \"bella bakery\"", "bella bakery"),
            ("account number prefix \"\(account)\"", account), ("phone \"\(phone)\"", phone),
            ("street \"old country rd\"", "old country rd"), ("city \"bethpage\"", "bethpage"),
        ]
        let clock = ContinuousClock()
        var results: [Result] = []
        for (name, text) in searches {
            var keystrokes: [(String, Duration, Duration)] = []
            var round = 0
            while keystrokes.count < samples || round == 0 {
                round += 1
                var typed = ""
                for character in text {
                    typed.append(character)
                    let start = clock.now
                    _ = try database.customersPage(search: typed, request: .first, limit: Self.pageSize)
                    let paged = clock.now
                    _ = try database.customerCount(search: typed)
                    keystrokes.append((typed, paged - start, clock.now - start))
                }
            }
            results.append(Result(name: name, keystrokes: keystrokes))
        }
        // Paging through a broad search and the whole list, a page at a time, both ways.
        for text in ["c", ""] {
            var keystrokes: [(String, Duration, Duration)] = []
            var page = try database.customersPage(search: text, request: .first, limit: Self.pageSize)
            for i in 0..<samples {
                let start = clock.now
                if i % 2 == 0, let last = page.rows.last {
                    page = try database.customersPage(search: text, request: .after(last), limit: Self.pageSize)
                } else if let first = page.rows.first {
                    // Back one and forward two: keeps moving on while paging both ways.
                    _ = try database.customersPage(search: text, request: .before(first), limit: Self.pageSize)
                    page = try database.customersPage(search: text, request: .after(page.rows.last ?? first), limit: Self.pageSize)
                }
                let elapsed = clock.now - start
                keystrokes.append(("page \(i + 2)", elapsed, elapsed))
            }
            results.append(Result(name: text.isEmpty ? "paging every customer" : "paging the customers matching \"c\"", keystrokes: keystrokes))
        }
        return results
    }
}
