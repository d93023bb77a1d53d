import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct QueueTests {
    /// The reference order of a sort, written independently as plain SQL ORDER BY.
    static func referenceOrderBy(_ sort: QueueSort) -> String {
        let asc = sort.descending ? "DESC" : "ASC"
        let desc = sort.descending ? "ASC" : "DESC"
        switch sort.column {
        case .booked: return "booked_on \(asc), id \(asc)"
        case .orderNumber: return "order_number \(asc), id \(asc)"
        case .customer: return "customer_name COLLATE NOCASE \(asc), id \(asc)"
        case .state: return "state \(asc), id \(asc)"
        case .owner: return "COALESCE(owner_login, '~') \(asc), id \(asc)"  // unowned last when ascending
        case .mrr: return "mrr_cents \(asc), id \(asc)"
        case .daysInState: return "state_since \(desc), id \(desc)"  // more days = earlier state_since
        case .install: return "COALESCE(install_on, '9999-12-31') \(asc), id \(asc)"  // no date last when ascending
        }
    }

    struct Case { let name: String; let filter: QueueFilter; let sql: String; let args: StatementArguments }

    static func cases(manager: Int64) -> [Case] {
        [
            Case(name: "all", filter: QueueFilter(), sql: "1", args: []),
            Case(name: "open states", filter: QueueFilter(states: [.scheduled, .notDone, .held]),
                 sql: "state IN ('scheduled','not_done','held')", args: []),
            Case(name: "channel+owner", filter: QueueFilter(channel: .direct, owner: .user(manager)),
                 sql: "channel = 'direct' AND owner_id = ?", args: [manager]),
            Case(name: "stale", filter: QueueFilter(minDaysInState: 30),
                 sql: "state_since < ?", args: [testNow - 30 * 86_400]),
            Case(name: "search", filter: QueueFilter(search: "cafe"),
                 sql: "customer_id IN (SELECT id FROM customers WHERE name LIKE '%caf%')", args: []),
            Case(name: "nothing", filter: QueueFilter(states: [.billed], search: "zzzzqqq"), sql: "0", args: []),
        ]
    }

    /// One demo shared by the paging tests, with extra ties in MRR and booked date.
    static func pagingDatabase() throws -> (TempDatabase, AppDatabase) {
        let (temp, db) = try makeDemo(orders: 240, seed: 3)
        try db.writer.write { db in
            try db.execute(sql: "UPDATE orders SET mrr_cents = 10000, booked_on = '2026-01-15' WHERE id % 5 = 0")
        }
        return (temp, db)
    }

    @Test func pagingReturnsEveryRowOnceInOrder() throws {
        let (_, db) = try Self.pagingDatabase()
        let manager = try db.resolveUser(login: "dana.ruiz").id
        var checkedPages = 0
        for testCase in Self.cases(manager: manager) {
            for column in QueueSortColumn.allCases {
                for descending in [false, true] {
                    let sort = QueueSort(column: column, descending: descending)
                    let expected = try db.writer.read { d in
                        try Int64.fetchAll(
                            d, sql: "SELECT id FROM orders WHERE \(testCase.sql) ORDER BY \(Self.referenceOrderBy(sort))",
                            arguments: testCase.args)
                    }
                    let label = "\(testCase.name) \(column) \(descending ? "desc" : "asc")"
                    if testCase.name != "nothing" { #expect(expected.count > 3, "\(label): fixture too thin") }

                    // Forward from the first page.
                    var forward: [Int64] = []
                    var page = try db.queuePage(filter: testCase.filter, sort: sort, request: .first, limit: 7, now: testNow)
                    #expect(page.hasMoreBefore == false, "\(label)")
                    while true {
                        forward += page.rows.map(\.id)
                        checkedPages += 1
                        guard page.hasMoreAfter, let last = page.rows.last else { break }
                        page = try db.queuePage(filter: testCase.filter, sort: sort, request: .after(last), limit: 7, now: testNow)
                        #expect(page.hasMoreBefore, "\(label)")
                        #expect(!page.rows.isEmpty, "\(label): hasMoreAfter promised rows")
                    }
                    #expect(forward == expected, "\(label) forward")

                    // Backward from the last page.
                    var backward: [Int64] = []
                    page = try db.queuePage(filter: testCase.filter, sort: sort, request: .last, limit: 7, now: testNow)
                    #expect(page.hasMoreAfter == false, "\(label)")
                    while true {
                        backward = page.rows.map(\.id) + backward
                        guard page.hasMoreBefore, let first = page.rows.first else { break }
                        page = try db.queuePage(filter: testCase.filter, sort: sort, request: .before(first), limit: 7, now: testNow)
                        #expect(page.hasMoreAfter, "\(label)")
                        #expect(!page.rows.isEmpty, "\(label): hasMoreBefore promised rows")
                    }
                    #expect(backward == expected, "\(label) backward")

                    // rowsBefore is the index in the reference order.
                    if !expected.isEmpty {
                        for index in Set([0, expected.count / 2, expected.count - 1]) {
                            let row = try db.orderDetail(id: expected[index]).row
                            #expect(try db.rowsBefore(row, filter: testCase.filter, sort: sort, now: testNow) == index, "\(label)")
                        }
                    }
                }
            }
        }
        #expect(checkedPages > 500)
    }

    @Test func pageEdgesAndShortLists() throws {
        let (_, db) = try makeDemo(orders: 30, seed: 9)
        let all = try db.queuePage(filter: QueueFilter(), sort: QueueSort(), request: .first, limit: 30, now: testNow)
        #expect(all.rows.count == 30 && !all.hasMoreAfter && !all.hasMoreBefore)
        let short = try db.queuePage(filter: QueueFilter(), sort: QueueSort(), request: .first, limit: 29, now: testNow)
        #expect(short.rows.count == 29 && short.hasMoreAfter)
        let last = try db.queuePage(filter: QueueFilter(), sort: QueueSort(), request: .last, limit: 29, now: testNow)
        #expect(last.rows.count == 29 && last.hasMoreBefore && !last.hasMoreAfter)
        #expect(last.rows.last == all.rows.last)
        // After the final row: empty, with rows before.
        let past = try db.queuePage(filter: QueueFilter(), sort: QueueSort(), request: .after(all.rows[29]), limit: 10, now: testNow)
        #expect(past.rows.isEmpty && !past.hasMoreAfter && past.hasMoreBefore)
        // Before the second row: just the first.
        let head = try db.queuePage(filter: QueueFilter(), sort: QueueSort(), request: .before(all.rows[1]), limit: 10, now: testNow)
        #expect(head.rows == [all.rows[0]] && head.hasMoreAfter && !head.hasMoreBefore)
        // The default sort is the benchmark's query.
        let sql = AppDatabase.firstPageSQLForBenchmark()
        #expect(sql.contains("ORDER BY o.booked_on DESC, o.id DESC LIMIT 50"))
        let ids = try db.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM (\(sql))") }
        #expect(ids == all.rows.map(\.id))
    }

    @Test func countsMatchSQLIncludingSummaryAfterChanges() throws {
        let (_, db) = try makeDemo(orders: 300, seed: 5)
        let manager = try db.resolveUser(login: "dana.ruiz")
        func check() throws {
            for testCase in Self.cases(manager: manager.id) + [
                Case(name: "owner", filter: QueueFilter(owner: .user(manager.id)), sql: "owner_id = ?", args: [manager.id]),
                Case(name: "states+channel", filter: QueueFilter(states: [.billed, .draft], channel: .smb),
                     sql: "state IN ('billed','draft') AND channel = 'smb'", args: []),
            ] {
                let expected = try db.writer.read { d in
                    try Int.fetchOne(d, sql: "SELECT count(*) FROM orders WHERE \(testCase.sql)", arguments: testCase.args) ?? -1
                }
                #expect(try db.queueCount(filter: testCase.filter, now: testNow) == expected, "\(testCase.name)")
            }
        }
        try check()
        // Change states and owners through the store; the summary table must follow.
        let open = try db.queuePage(
            filter: QueueFilter(states: [.submitted, .draft, .scheduled, .inProgress, .pending, .held, .notDone]), sort: QueueSort(), request: .first, limit: 20, now: testNow)
        #expect(open.rows.count == 20)
        for row in open.rows {
            var current = try db.apply(.take, toOrder: row.id, expectedVersion: row.version, actor: manager, now: testNow)
            current = try db.apply(.move(to: .cancelled, input: TransitionInput(reasonCode: "CAN-DUPLICATE")),
                                   toOrder: row.id, expectedVersion: current.version, actor: manager, now: testNow)
            #expect(current.state == .cancelled)
        }
        try check()
        let summaryMatches = try db.writer.read { d in
            try Int.fetchOne(d, sql: """
                SELECT count(*) FROM (SELECT state, channel, COALESCE(owner_id, 0) AS owner, count(*) AS n FROM orders GROUP BY 1, 2, 3) t
                LEFT JOIN order_counts c ON c.state = t.state AND c.channel = t.channel AND c.owner_id = t.owner
                WHERE c.n IS NOT t.n
                """)
        }
        #expect(summaryMatches == 0)
    }

    @Test func searchFoldsAccentsAndSurvivesHostileInput() throws {
        let (_, db, _, _, _) = try makeStaffed()
        let names = ["Café Roma LLC", "Ñandú Imports", "Crème Brûlée Bakery", "Müller & Söhne GmbH", "東京寿司 Sushi Bar",
                     "Dragón Rojo Tacos", "Roma Pizza Inc."]
        var orderOf: [String: Int64] = [:]
        for (i, name) in names.enumerated() {
            let (customer, location) = try db.insertTestCustomer(name: name, account: "0783001234" + String(i))
            orderOf[name] = try db.insertTestOrder(number: zeroPadded(451_230 + i, width: 8), customerID: customer, locationID: location)
        }
        func found(_ text: String) throws -> Set<String> {
            let page = try db.queuePage(filter: QueueFilter(search: text), sort: QueueSort(), request: .first, limit: 50, now: testNow)
            #expect(try db.queueCount(filter: QueueFilter(search: text), now: testNow) == page.rows.count, "\(text)")
            return Set(page.rows.map(\.customerName))
        }
        #expect(try found("cafe") == ["Café Roma LLC"])
        #expect(try found("CAFÉ") == ["Café Roma LLC"])
        #expect(try found("nandu") == ["Ñandú Imports"])
        #expect(try found("creme brul") == ["Crème Brûlée Bakery"])
        #expect(try found("muller sohne") == ["Müller & Söhne GmbH"])
        #expect(try found("東京") == ["東京寿司 Sushi Bar"])
        #expect(try found("roma") == ["Café Roma LLC", "Roma Pizza Inc."])
        #expect(try found("roma cafe") == ["Café Roma LLC"])
        #expect(try found("dragon rojo") == ["Dragón Rojo Tacos"])
        for hostile in ["\"", "*", "(", "AND", "OR", "NOT", "NEAR(", "\"café", "caf*", "roma) OR (x", "-", "^", "':", "\\", "café AND"] {
            #expect(throws: Never.self) { _ = try found(hostile) }
        }
        #expect(try found("café AND") == [])  // "and" is a word like any other: no customer has it
        #expect(try found("\"café\"") == ["Café Roma LLC"])
        #expect(try found("caf*") == ["Café Roma LLC"])
        // Order numbers: exact after padding, with IDA-, or by prefix; account numbers by prefix.
        #expect(try found("451231") == ["Ñandú Imports"])
        #expect(try found("IDA-00451232") == ["Crème Brûlée Bakery"])
        #expect(try found("ida-451233") == ["Müller & Söhne GmbH"])
        #expect(try found("0045123").count == names.count)
        #expect(try found("07830012344") == ["東京寿司 Sushi Bar"])
        #expect(try found("7830012344") == ["東京寿司 Sushi Bar"])  // account that lost its leading zero
        #expect(try found("078300").count == names.count)
        #expect(try found("99999") == [])
    }

    @Test func searchOnADemoMatchesSQL() throws {
        let (_, db) = try makeDemo(orders: 400, seed: 11)
        let some = try db.orderDetail(id: 123).row
        let page = try db.queuePage(filter: QueueFilter(search: some.orderNumber), sort: QueueSort(), request: .first, limit: 50, now: testNow)
        #expect(page.rows.contains { $0.id == 123 })
        let accountPrefix = String(some.accountNumber.prefix(6))
        let byAccount = try db.queuePage(filter: QueueFilter(search: accountPrefix), sort: QueueSort(), request: .first, limit: 500, now: testNow)
        let expected = try db.writer.read { d in
            try Int64.fetchAll(d, sql: """
                SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE c.account_number LIKE ? || '%' OR o.order_number LIKE ? || '%'
                ORDER BY o.booked_on DESC, o.id DESC
                """, arguments: [accountPrefix, accountPrefix])
        }
        #expect(byAccount.rows.map(\.id) == expected)
        #expect(byAccount.rows.contains { $0.id == 123 })
    }
}

extension NameMatch {
    /// Every query word starts some word of the name: the reference the search plans are checked against.
    static func matches(name: String, words query: [String]) -> Bool {
        let nameWords = TextFolding.words(of: name)
        return query.allSatisfy { q in nameWords.contains { $0.hasPrefix(q) } }
    }
}

/// Broad searches take another plan (the sort index drives, each row is tested); both plans must agree
/// with a plain SQL reference, page by page, with exact or capped totals.
struct SearchPlanTests {
    /// Every order the search should find, in the default order, computed without the store's search code.
    func reference(_ db: AppDatabase, _ text: String, orderBy: String = "o.booked_on DESC, o.id DESC") throws -> [Int64] {
        let words = text.split(separator: " ").map { TextFolding.words(of: String($0)) }.flatMap { $0 }
        let digits = text.allSatisfy(\.isNumber) ? text : nil
        return try db.writer.read { d in
            try Row.fetchAll(d, sql: """
                SELECT o.id, o.customer_name, o.order_number, c.account_number FROM orders o
                JOIN customers c ON c.id = o.customer_id ORDER BY \(orderBy)
                """).compactMap { row -> Int64? in
                let name: String = row[1], number: String = row[2], account: String = row[3]
                var hit = !words.isEmpty && NameMatch.matches(name: name, words: words)
                if let digits {
                    let padded = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
                    hit = hit || number.hasPrefix(digits) || number == padded || account.hasPrefix(digits)
                        || account == String(repeating: "0", count: max(0, 11 - digits.count)) + digits
                }
                return hit ? row[0] : nil
            }
        }
    }

    func walk(_ db: AppDatabase, _ text: String, sort: QueueSort = QueueSort()) throws -> [Int64] {
        var ids: [Int64] = []
        var page = try db.queuePage(filter: QueueFilter(search: text), sort: sort, request: .first, limit: 37, now: testNow)
        ids += page.rows.map(\.id)
        while page.hasMoreAfter, let last = page.rows.last {
            page = try db.queuePage(filter: QueueFilter(search: text), sort: sort, request: .after(last), limit: 37, now: testNow)
            ids += page.rows.map(\.id)
        }
        return ids
    }

    @Test(arguments: ["c", "ca", "cafe", "ro", "s", "dental group", "cafe r", "r cafe", "s d", "00", "0010", "1", "0"])
    func densePlanAndSparsePlanAgreeWithSQL(text: String) throws {
        let (_, db) = try makeDemo(orders: 1_200, seed: 5)
        let expected = try reference(db, text)
        let sparse = try walk(db, text)
        let dense = try QueueSQL.Search.$sparseLimit.withValue(0) { try walk(db, text) }
        #expect(sparse == expected, "sparse plan for \(text)")
        #expect(dense == expected, "dense plan for \(text)")
        // Sorts whose index lacks customer_key gather a broad search's ids instead of reading rows.
        for (sort, orderBy) in [(QueueSort(column: .customer, descending: false), "o.customer_name ASC, o.id ASC"),
                                (QueueSort(column: .mrr, descending: true), "o.mrr_cents DESC, o.id DESC")] {
            let expectedInSort = try reference(db, text, orderBy: orderBy)
            #expect(try walk(db, text, sort: sort) == expectedInSort, "sparse plan for \(text) by \(sort.column)")
            let denseInSort = try QueueSQL.Search.$sparseLimit.withValue(0) { try walk(db, text, sort: sort) }
            #expect(denseInSort == expectedInSort, "gathered plan for \(text) by \(sort.column)")
        }
        let total = try db.queueTotal(filter: QueueFilter(search: text), now: testNow, cap: 100)
        #expect(total == (expected.count > 100 ? QueueTotal(count: 100, isExact: false) : QueueTotal(count: expected.count)))
        let exact = try db.queueTotal(filter: QueueFilter(search: text), now: testNow, cap: 1_000_000)
        #expect(exact == QueueTotal(count: expected.count))
    }

    @Test func nameMatchingFoldsCaseAndAccentsLikeTheFullTextIndex() {
        #expect(NameMatch.matches(name: "Café Roma LLC", words: ["cafe", "rom"]))
        #expect(NameMatch.matches(name: "Ñandú Imports", words: ["nandu"]))
        #expect(NameMatch.matches(name: "Müller & Söhne GmbH", words: ["sohne"]))
        #expect(NameMatch.matches(name: "東京寿司 Sushi Bar", words: ["東京"]))
        #expect(!NameMatch.matches(name: "Café Roma LLC", words: ["oma"]))
        #expect(!NameMatch.matches(name: "Café Roma LLC", words: ["cafe", "paris"]))
    }
}
