import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct CustomerDetailTests {
    @Test func oneCustomerOnOneScreen() throws {
        let f = try CustomerFixture()
        let (main, hicksville) = (f.cafeLocations[0], f.cafeLocations[1])
        let first = try f.order("00000001", location: main, state: .installed, booked: "2026-01-10", lines: [("FIB-1G", 1, 24_900), ("VOI-LINE", 3, 8_985)])
        try f.order("00000002", location: main, type: .disconnect, state: .billed, booked: "2026-02-10", lines: [("VOI-LINE", 3, 8_985)])
        try f.order("00000003", location: hicksville, state: .billed, booked: "2026-03-10", lines: [("TV-BASIC", 2, 7_998)])
        let open = try f.order("00000004", location: hicksville, state: .scheduled, booked: "2026-04-10", lines: [("FIB-1G", 1, 24_900)])
        _ = try f.db.apply(.addNote("Call before the technician comes."), toOrder: open, expectedVersion: 1, actor: f.manager, now: testNow + 10)
        try f.db.addCustomerNote(customerID: f.cafe, text: "  Prefers email.  ", actor: f.manager, now: testNow + 20)
        _ = try f.db.saveContact(customerID: f.cafe, contactID: nil, edit: ContactEdit(name: "Ana Ruiz", role: .billing, phone: "516 555 0100"),
                                 expectedVersion: nil, actor: f.manager, now: testNow + 30)
        let zed = try f.db.saveContact(customerID: f.cafe, contactID: nil, edit: ContactEdit(name: "Zed Ong", role: .technical, email: "zed@roma.example"),
                                       expectedVersion: nil, actor: f.manager, now: testNow + 40)
        _ = try f.db.saveContact(customerID: f.cafe, contactID: nil, edit: ContactEdit(name: "Al Bee", role: .technical, email: "al@roma.example"),
                                 expectedVersion: nil, actor: f.manager, now: testNow + 41)
        try f.db.removeContact(id: zed.id, expectedVersion: zed.version, actor: f.manager, now: testNow + 50)
        try f.db.writer.write { d in
            try d.execute(sql: """
                INSERT INTO contracts(number, customer_id, kind, status, term_months, start_on, end_on, mrr_cents, created_at, updated_at)
                VALUES ('CSA-000001', ?, 'new', 'active', 36, '2023-07-01', '2026-06-30', 33885, 0, 0),
                       ('CSA-000002', ?, 'new', 'draft', 12, NULL, NULL, 100, 0, 0)
                """, arguments: [f.cafe, f.cafe])
        }

        let detail = try f.db.customerDetail(id: f.cafe)
        #expect(detail.header.name == "Café Roma LLC" && detail.header.accountNumber == "07830012345")
        #expect(detail.header.ownerLogin == "dana.ruiz" && detail.header.ownerName == "Dana Ruiz")
        #expect(detail.header.since == Day(iso: "2020-03-01") && detail.header.segment == "Small Business")
        #expect(detail.header.openOrders == 2 && detail.header.totalMRR == Money(cents: 24_900 + 7_998))
        #expect(detail.locations.map(\.address.street) == ["12 Main St", "1200 Old Country Road", "5 Elm St"])
        // Services in place: the voice lines were disconnected; nothing runs in Stamford.
        #expect(detail.locations.map(\.services) == [["Business Fiber 1 Gig"], ["Business TV Basic"], []])
        #expect(detail.locations.allSatisfy { $0.serviceability == .unknown && $0.survey.status == .notNeeded })
        #expect(detail.orders.map(\.orderNumber) == ["00000004", "00000003", "00000002", "00000001"])
        #expect(detail.contracts.map(\.number) == ["CSA-000002", "CSA-000001"])
        #expect(detail.contracts[1].isDueForRenewal(today: Day(unixSeconds: testNow)))
        #expect(detail.contacts.map(\.name) == ["Ana Ruiz", "Al Bee"])  // by role, then name; the removed one is gone
        #expect(detail.contacts[0].phone == "(516) 555-0100")
        #expect(detail.documents.isEmpty)
        // The timeline: notes and changes merged, newest first; a note appears once, as a note.
        let timeline = detail.timeline
        #expect(timeline.map(\.at) == timeline.map(\.at).sorted(by: >))
        #expect(timeline.first == TimelineEntry(at: testNow + 50, actor: "Dana Ruiz", kind: .change, subject: "contact Zed Ong", text: "contact: Zed Ong → –"))
        #expect(timeline.contains(TimelineEntry(at: testNow + 20, actor: "Dana Ruiz", kind: .note, subject: "customer", text: "Prefers email.")))
        #expect(timeline.contains(TimelineEntry(at: testNow + 10, actor: "Dana Ruiz", kind: .note, subject: "order 00000004",
                                                text: "Call before the technician comes.")))
        #expect(timeline.contains(TimelineEntry(at: testNow + 30, actor: "Dana Ruiz", kind: .change, subject: "contact Ana Ruiz",
                                                text: "phone: (516) 555-0100")))
        #expect(timeline.filter { $0.text.contains("Prefers email") }.count == 1)
        #expect(timeline.filter { $0.text.contains("technician") }.count == 1)
        _ = first
    }

    @Test func timelineIsCappedAtItsNewest() throws {
        let f = try CustomerFixture()
        for i in 0..<(CustomerTimeline.cap + 20) {
            try f.db.addCustomerNote(customerID: f.cafe, text: "note \(i)", actor: f.manager, now: testNow + Int64(i))
        }
        let timeline = try f.db.customerDetail(id: f.cafe).timeline
        #expect(timeline.count == CustomerTimeline.cap)
        #expect(timeline.first?.text == "note \(CustomerTimeline.cap + 19)")
        #expect(timeline.last?.text == "note 20")
    }

    @Test func missingCustomersAndOrders() throws {
        let f = try CustomerFixture()
        #expect(throws: OrderDeskError.recordNotFound(what: "customer #999")) { _ = try f.db.customerDetail(id: 999) }
        let order = try f.order("00000009", location: nil, state: .draft, lines: [("FIB-1G", 1, 24_900)])
        #expect(try f.db.customerID(ofOrder: order) == f.cafe)
        #expect(throws: OrderDeskError.orderNotFound("12345")) { _ = try f.db.customerID(ofOrder: 12_345) }
    }
}
