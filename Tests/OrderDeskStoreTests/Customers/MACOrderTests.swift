import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct MACOrderTests {
    @Test func priceBookSearchesCodeNameAndFamily() throws {
        let f = try CustomerFixture()
        #expect(try f.db.priceBook(search: "").map(\.code) == ["FIB-1G", "IP_5", "TV-BASIC", "VOI-LINE"])  // by family, then name
        #expect(try f.db.priceBook(search: "fib").map(\.code) == ["FIB-1G"])
        #expect(try f.db.priceBook(search: "VOICE").map(\.code) == ["VOI-LINE"])
        #expect(try f.db.priceBook(search: "static ip").map(\.code) == ["IP_5"])
        // `%` and `_` are characters, not wildcards.
        #expect(try f.db.priceBook(search: "%").map(\.code) == ["IP_5"])
        #expect(try f.db.priceBook(search: "_").map(\.code) == ["IP_5"])
        #expect(try f.db.priceBook(search: "\\").isEmpty)
        #expect(try f.db.priceBook(search: "nothing like it").isEmpty)
        #expect(try f.db.priceBook(search: "tv")[0] == f.products["TV-BASIC"])
    }

    @Test func serviceLinesAreWhatRunsThereLessDisconnects() throws {
        let f = try CustomerFixture()
        let (main, hicksville) = (f.cafeLocations[0], f.cafeLocations[1])
        try f.order("00000001", location: main, state: .billed, lines: [("FIB-1G", 1, 22_000), ("VOI-LINE", 4, 11_980)])
        try f.order("00000002", location: main, type: .add, state: .installed, lines: [("VOI-LINE", 2, 5_990), ("TV-BASIC", 1, 3_999)])
        try f.order("00000003", location: main, type: .disconnect, state: .billed, lines: [("VOI-LINE", 3, 8_985), ("TV-BASIC", 1, 3_999)])
        try f.order("00000004", location: main, type: .add, state: .scheduled, lines: [("TV-BASIC", 5, 19_995)])  // not in yet
        try f.order("00000005", location: main, type: .disconnect, state: .submitted, lines: [("FIB-1G", 1, 22_000)])  // not done yet
        try f.order("00000006", location: hicksville, state: .installed, lines: [("FIB-1G", 1, 24_900)])
        let lines = try f.db.serviceLines(locationID: main)
        #expect(lines == [
            DraftLine(product: f.products["FIB-1G"]!, quantity: 1, mrr: Money(cents: 22_000), nrc: .zero),
            DraftLine(product: f.products["VOI-LINE"]!, quantity: 3, mrr: Money(cents: 11_980 + 5_990 - 8_985), nrc: .zero),
        ])
        #expect(try f.db.serviceLines(locationID: f.cafeLocations[2]).isEmpty)
        #expect(throws: OrderDeskError.recordNotFound(what: "location #999")) { _ = try f.db.serviceLines(locationID: 999) }
        #expect(try f.db.customerDetail(id: f.cafe).locations[0].services == ["Business Fiber 1 Gig", "Business Voice Line"])
    }

    @Test func anInstalledMoveTakesTheServiceToTheNewLocation() throws {
        let f = try CustomerFixture()
        let (main, hicksville) = (f.cafeLocations[0], f.cafeLocations[1])
        try f.order("00000001", location: main, state: .billed, lines: [("FIB-1G", 1, 22_000), ("VOI-LINE", 4, 11_980)])
        let move = try f.order("00000002", location: main, type: .move, state: .scheduled, lines: [("FIB-1G", 1, 22_000)])
        try f.db.writer.write { try $0.execute(sql: "UPDATE orders SET new_location_id = ? WHERE id = ?", arguments: [hicksville, move]) }
        // Not installed yet: the service is still where it was.
        #expect(try f.db.serviceLines(locationID: main).map(\.product.code) == ["FIB-1G", "VOI-LINE"])
        #expect(try f.db.serviceLines(locationID: hicksville).isEmpty)
        try f.db.writer.write { try $0.execute(sql: "UPDATE orders SET state = 'installed' WHERE id = ?", arguments: [move]) }
        #expect(try f.db.serviceLines(locationID: main) == [
            DraftLine(product: f.products["VOI-LINE"]!, quantity: 4, mrr: Money(cents: 11_980), nrc: .zero),
        ])
        #expect(try f.db.serviceLines(locationID: hicksville) == [
            DraftLine(product: f.products["FIB-1G"]!, quantity: 1, mrr: Money(cents: 22_000), nrc: .zero),
        ])
        let services = try f.db.customerDetail(id: f.cafe).locations.map(\.services)
        #expect(services[0] == ["Business Voice Line"] && services[1] == ["Business Fiber 1 Gig"])
    }

    @Test func aMoveOrderIsSavedAsADraftThatSubmitsAndShowsInTheQueue() throws {
        let f = try CustomerFixture()
        try f.order("00451234", location: f.cafeLocations[0], state: .billed, lines: [("FIB-1G", 1, 24_900)])
        let countsBefore = try f.db.queueCount(filter: QueueFilter(states: [.draft]), now: testNow)
        let draft = MACOrderDraft(type: .move, customerID: f.cafe, locationID: f.cafeLocations[0], newLocationID: f.cafeLocations[1],
                                  lines: [DraftLine(product: f.products["FIB-1G"]!), DraftLine(product: f.products["VOI-LINE"]!, quantity: 2)],
                                  termMonths: 24)
        let row = try f.db.createMACOrder(draft, actor: f.manager, now: testNow + 100)
        #expect(row.orderNumber == "00451235" && row.type == .move && row.state == .draft && row.version == 1)
        #expect(row.customerName == "Café Roma LLC" && row.accountNumber == "07830012345" && row.channel == .direct)
        #expect(row.ownerLogin == "dana.ruiz" && row.mrr == Money(cents: 24_900 + 2 * 2_995))
        #expect(row.bookedOn == Day(unixSeconds: testNow + 100) && row.stateSince == testNow + 100)
        let stored = try f.db.writer.read { d in
            try Row.fetchOne(d, sql: """
                SELECT location_id, new_location_id, term_months, nrc_cents, customer_key, updated_by, created_at FROM orders WHERE id = ?
                """, arguments: [row.id])!
        }
        #expect(stored[0] as Int64 == f.cafeLocations[0] && stored[1] as Int64 == f.cafeLocations[1] && stored[2] as Int == 24)
        #expect(stored[3] as Int64 == 19_900 + 2 * 2_500 && stored[4] as String == NameMatch.key(name: "Café Roma LLC", account: "07830012345"))
        #expect(stored[5] as Int64 == f.manager.id && stored[6] as Int64 == testNow + 100)
        let detail = try f.db.orderDetail(id: row.id)
        #expect(detail.lines.map(\.productCode) == ["FIB-1G", "VOI-LINE"] && detail.lines[1].quantity == 2)
        #expect(detail.location?.id == f.cafeLocations[0])
        #expect(detail.history.map(\.action) == ["create"])
        // In the queue as a draft, counted by the trigger-kept summary.
        #expect(try f.db.queueCount(filter: QueueFilter(states: [.draft]), now: testNow) == countsBefore + 1)
        let queue = try f.db.queuePage(filter: QueueFilter(states: [.draft], search: "cafe roma"), sort: QueueSort(), request: .first,
                                       limit: 10, now: testNow)
        #expect(queue.rows == [row])
        // The workflow's checks run when it is submitted, as for any order.
        let submitted = try f.db.apply(.move(to: .submitted, input: TransitionInput()), toOrder: row.id, expectedVersion: 1,
                                       actor: f.manager, now: testNow + 200)
        #expect(submitted.state == .submitted)
        #expect(try f.db.customerDetail(id: f.cafe).orders.first?.id == row.id)
    }

    @Test func ownerIsTheActorWhenAnAccountManagerElseTheCustomersOwner() throws {
        let f = try CustomerFixture()
        let other = try f.db.addUser(login: "marcus.chen", name: "Marcus Chen", role: .accountManager, actor: f.admin, now: testNow)
        let add = MACOrderDraft(type: .add, customerID: f.cafe, locationID: f.cafeLocations[2], lines: [DraftLine(product: f.products["TV-BASIC"]!)])
        #expect(try f.db.createMACOrder(add, actor: other, now: testNow).ownerLogin == "marcus.chen")
        #expect(try f.db.createMACOrder(add, actor: f.supervisor, now: testNow).ownerLogin == "dana.ruiz")
        let (unowned, locations) = try f.db.insertIndexedCustomer(name: "Nobody's Deli", account: "55500000001", phone: nil, channel: .smb,
                                                                    locations: [("1 Elm St", "Stamford", "CT", "06901")])
        let row = try f.db.createMACOrder(MACOrderDraft(type: .add, customerID: unowned, locationID: locations[0],
                                                        lines: [DraftLine(product: f.products["TV-BASIC"]!)]), actor: f.admin, now: testNow)
        #expect(row.ownerLogin == nil && row.channel == .smb && row.orderNumber == "00000003")
    }

    @Test func refusedDraftsWriteNothing() throws {
        let f = try CustomerFixture()
        let roma = try f.db.customersPage(search: "roma pizza", request: .first, limit: 1).rows[0].id
        let romaLocation = try f.db.customerDetail(id: roma).locations[0].id
        let line = DraftLine(product: f.products["FIB-1G"]!)
        func refused(_ draft: MACOrderDraft, actor: UserAccount? = nil) throws -> [String] {
            do {
                _ = try f.db.createMACOrder(draft, actor: actor ?? f.manager, now: testNow)
                Issue.record("saved \(draft)")
                return []
            } catch let OrderDeskError.invalidFields(errors) {
                return errors.map(\.field)
            }
        }
        #expect(try refused(MACOrderDraft(type: .move, customerID: f.cafe, locationID: f.cafeLocations[0], lines: [line]))
                    == ["new_location"])
        #expect(try refused(MACOrderDraft(type: .change, customerID: f.cafe, locationID: nil, lines: [], termMonths: 7))
                    == ["location", "lines", "term"])
        #expect(try refused(MACOrderDraft(type: .move, customerID: f.cafe, locationID: romaLocation, newLocationID: f.cafeLocations[1],
                                          lines: [line])) == ["location"])
        #expect(try refused(MACOrderDraft(type: .move, customerID: f.cafe, locationID: f.cafeLocations[0], newLocationID: romaLocation,
                                          lines: [line])) == ["new_location"])
        var gone = line
        gone.product.id = 999
        #expect(try refused(MACOrderDraft(type: .add, customerID: f.cafe, locationID: f.cafeLocations[0], lines: [gone])) == ["lines"])
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "create orders")) {
            _ = try f.db.createMACOrder(MACOrderDraft(type: .add, customerID: f.cafe, locationID: f.cafeLocations[0], lines: [line]),
                                        actor: f.viewer, now: testNow)
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "customer #999")) {
            _ = try f.db.createMACOrder(MACOrderDraft(type: .add, customerID: 999, locationID: f.cafeLocations[0], lines: [line]),
                                        actor: f.manager, now: testNow)
        }
        #expect(try f.count("SELECT count(*) FROM orders") == 0)
        #expect(try f.count("SELECT count(*) FROM order_lines") == 0)
        #expect(try f.count("SELECT count(*) FROM audit_log WHERE entity = 'order'") == 0)
        #expect(try f.count("SELECT COALESCE(sum(n), 0) FROM order_counts") == 0)
    }
}
