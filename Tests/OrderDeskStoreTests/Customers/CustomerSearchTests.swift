import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct CustomerSearchTests {
    /// The names a search finds, with a count that matches.
    func found(_ f: CustomerFixture, _ text: String) throws -> [String] {
        let page = try f.db.customersPage(search: text, request: .first, limit: 50)
        #expect(try f.db.customerCount(search: text) == QueueTotal(count: page.rows.count), "count of '\(text)'")
        return page.rows.map(\.name)
    }

    @Test func findsByNameAccountPhoneAndAddress() throws {
        let f = try CustomerFixture()
        #expect(try found(f, "cafe ro") == ["Café Roma LLC"])
        #expect(try found(f, "CAFÉ") == ["Cafe Paris", "Café Roma LLC"])  // by folded name: "cafe paris" < "cafe roma llc"
        #expect(try found(f, "roma") == ["Café Roma LLC", "Roma Pizza Inc."])
        // A one-letter word beside a longer one: Roma, and Cafe Paris's "Post Rd".
        #expect(try found(f, "cafe r") == ["Cafe Paris", "Café Roma LLC"])
        #expect(try found(f, "r cafe p") == ["Cafe Paris"])
        #expect(try found(f, "nandu") == ["Ñandú Imports"])
        // Account number with and without its leading zero, and by prefix.
        #expect(try found(f, "07830012345") == ["Café Roma LLC"])
        #expect(try found(f, "7830012345") == ["Café Roma LLC"])
        #expect(try found(f, "078300") == ["Café Roma LLC"])
        // Two leading zeros, of which one was lost.
        #expect(try found(f, "0783001234") == ["Café Roma LLC", "Ñandú Imports"])
        #expect(try found(f, "0120000001") == ["Roma Pizza Inc."])
        // Phone: ten digits, the seven-digit local number, formatted pieces, with the country code.
        #expect(try found(f, "5165550142") == ["Café Roma LLC"])
        #expect(try found(f, "5550142") == ["Café Roma LLC"])
        #expect(try found(f, "555-0142") == ["Café Roma LLC"])
        #expect(try found(f, "(516) 555-0142") == ["Café Roma LLC"])
        #expect(try found(f, "+1 516 555 0142") == ["Café Roma LLC"])
        #expect(try found(f, "555-01") == ["Café Roma LLC", "Roma Pizza Inc."])
        // Address words: street, city, state, ZIP; a street word that is also a name word.
        #expect(try found(f, "old country") == ["Café Roma LLC"])
        #expect(try found(f, "stamford") == ["Café Roma LLC"])
        #expect(try found(f, "bethpage") == ["Café Roma LLC", "Ñandú Imports"])
        #expect(try found(f, "11801") == ["Café Roma LLC", "Ñandú Imports"])
        #expect(try found(f, "roma brooklyn") == ["Roma Pizza Inc."])
        #expect(try found(f, "zzzz") == [])
        #expect(try found(f, "") == ["Cafe Paris", "Café Roma LLC", "Ñandú Imports", "Roma Pizza Inc."])
    }

    @Test func anyInputIsSafe() throws {
        let f = try CustomerFixture()
        for hostile in ["\"", "*", "(", ")", "AND", "OR", "NOT", "NEAR", "NEAR(", "\"café", "caf*", "roma) OR (x", "-", "^",
                        "':", ":", "name:roma", "\\", "café AND", "a OR b", "{name}: x", "+", "%", "_", "'; DROP TABLE customers; --",
                        "①②", "ǅ", "ﬁ", "İstanbul", "🍕 pizza", "e\u{301}", "\u{0}", "ª º", "½", "٣٤٥"] {
            #expect(throws: Never.self, "\(hostile)") { _ = try found(f, hostile) }
        }
        #expect(try found(f, "caf*") == ["Cafe Paris", "Café Roma LLC"])
        #expect(try found(f, "name:roma") == [])  // "name" is a word like any other, not a column filter
        #expect(try found(f, "\"roma\"") == ["Café Roma LLC", "Roma Pizza Inc."])
        #expect(try f.count("SELECT count(*) FROM customers") == 4)
    }

    @Test func rowsCarryOpenOrdersMRRAndPlace() throws {
        let f = try CustomerFixture()
        let (main, hicksville) = (f.cafeLocations[0], f.cafeLocations[1])
        try f.order("00000001", location: main, state: .installed, lines: [("FIB-1G", 1, 24_900)])
        try f.order("00000002", location: main, type: .add, state: .billed, lines: [("VOI-LINE", 4, 11_980)])
        try f.order("00000003", location: main, type: .disconnect, state: .installed, lines: [("VOI-LINE", 1, 2_995)])
        try f.order("00000004", location: hicksville, state: .scheduled, lines: [("TV-BASIC", 1, 3_999)])
        try f.order("00000005", location: hicksville, state: .cancelled, lines: [("TV-BASIC", 1, 3_999)])
        try f.order("00000006", location: nil, state: .draft, lines: [("TV-BASIC", 1, 3_999)])
        try f.order("00000007", location: main, type: .disconnect, state: .submitted, lines: [("FIB-1G", 1, 24_900)])
        let cafe = try #require(try f.db.customersPage(search: "cafe roma", request: .first, limit: 5).rows.first)
        #expect(cafe.openOrders == 5)  // not yet billed: both installed, scheduled, draft, submitted
        #expect(cafe.totalMRR == Money(cents: 24_900 + 11_980 - 2_995))
        #expect(cafe.place == "Bethpage, NY")
        #expect(cafe.accountNumber == "07830012345" && cafe.phone == "(516) 555-0142" && cafe.channel == .direct)
        // Disconnects larger than what is in service never make the MRR negative.
        try f.order("00000008", location: main, type: .disconnect, state: .billed, lines: [("FIB-1G", 1, 99_900)])
        #expect(try f.db.customersPage(search: "cafe roma", request: .first, limit: 5).rows.first?.totalMRR == .zero)
        #expect(try f.db.customerDetail(id: f.cafe).header.totalMRR == .zero)
    }

    @Test func broadCountsAreCapped() throws {
        let f = try CustomerFixture()
        #expect(try f.db.customerCount(search: "", cap: 2) == QueueTotal(count: 4))  // every customer: always exact
        #expect(try f.db.customerCount(search: "ny", cap: 2) == QueueTotal(count: 2, isExact: false))
        #expect(try f.db.customerCount(search: "ny", cap: 4) == QueueTotal(count: 4))
        #expect(try f.db.customerCount(search: "ct", cap: 4) == QueueTotal(count: 1))
    }
}
