import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct PortingDocumentTests {
    let letter = LOADetails(authorizedName: "Cafe Roma L.L.C.", serviceAddress: "12 Main Street", zip: "11714",
                            billingTelephoneNumber: "516-555-0142")

    @Test func aReceivedLOANeedsItsFourFields() throws {
        let f = try CustomerFixture()
        let received = Day(iso: "2026-05-20")!
        do {
            _ = try f.db.saveDocument(customerID: f.cafe, documentID: nil, kind: .loa, receivedOn: received,
                                      loa: LOADetails(authorizedName: " ", serviceAddress: "", zip: "117", billingTelephoneNumber: "555-0142"),
                                      note: nil, expectedVersion: nil, actor: f.manager, now: testNow)
            Issue.record("an incomplete LOA was saved")
        } catch let OrderDeskError.invalidFields(errors) {
            #expect(errors.map(\.field) == ["authorized_name", "service_address", "zip", "btn"])
        }
        #expect(throws: OrderDeskError.self) {
            _ = try f.db.saveDocument(customerID: f.cafe, documentID: nil, kind: .loa, receivedOn: received, loa: nil,
                                      note: nil, expectedVersion: nil, actor: f.manager, now: testNow)
        }
        #expect(try f.count("SELECT count(*) FROM porting_documents") == 0)

        // Missing (not received yet): nothing is required.
        let missing = try f.db.saveDocument(customerID: f.cafe, documentID: nil, kind: .loa, receivedOn: nil, loa: nil,
                                            note: "Sent for signature", expectedVersion: nil, actor: f.manager, now: testNow)
        #expect(missing.receivedOn == nil && missing.loa == nil && missing.note == "Sent for signature" && missing.version == 1)
        // Received, as written on the letter (not corrected), and checked against the account.
        var mistyped = letter
        mistyped.zip = " 11741 "
        let loa = try f.db.saveDocument(customerID: f.cafe, documentID: missing.id, kind: .loa, receivedOn: received, loa: mistyped,
                                        note: "Sent for signature", expectedVersion: 1, actor: f.manager, now: testNow + 10)
        #expect(loa.receivedOn == received && loa.loa?.zip == "11741" && loa.loa?.authorizedName == "Cafe Roma L.L.C." && loa.version == 2)
        let detail = try f.db.customerDetail(id: f.cafe)
        #expect(detail.documents == [loa])
        #expect(LOACheck.mismatches(loa.loa!, account: detail.portingAccount).map(\.field) == [.zip])
        #expect(try f.audit("document", loa.id) == [
            ["create", "kind", nil, "loa"], ["create", "note", nil, "Sent for signature"],
            ["update", "received_on", nil, "2026-05-20"], ["update", "authorized_name", nil, "Cafe Roma L.L.C."],
            ["update", "service_address", nil, "12 Main Street"], ["update", "zip", nil, "11741"], ["update", "btn", nil, "516-555-0142"],
        ])
        #expect(detail.timeline.contains { $0.subject == "document LOA" && $0.text == "zip: – → 11741" })

        let before = try f.count("SELECT count(*) FROM audit_log")
        #expect(throws: OrderDeskError.recordConflict(what: "document LOA", changedBy: "Dana Ruiz", changedAt: testNow + 10)) {
            _ = try f.db.saveDocument(customerID: f.cafe, documentID: loa.id, kind: .loa, receivedOn: received, loa: letter,
                                      note: nil, expectedVersion: 1, actor: f.supervisor, now: testNow + 20)
        }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "record porting documents")) {
            _ = try f.db.saveDocument(customerID: f.cafe, documentID: loa.id, kind: .loa, receivedOn: received, loa: letter,
                                      note: nil, expectedVersion: 2, actor: f.viewer, now: testNow + 20)
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "document #\(loa.id)")) {
            _ = try f.db.saveDocument(customerID: 2, documentID: loa.id, kind: .loa, receivedOn: received, loa: letter,
                                      note: nil, expectedVersion: 2, actor: f.manager, now: testNow + 20)
        }
        #expect(try f.count("SELECT count(*) FROM audit_log") == before)
        #expect(try f.db.customerDetail(id: f.cafe).documents == [loa])
    }

    @Test func aCSRCarriesNoLOAFields() throws {
        let f = try CustomerFixture()
        let csr = try f.db.saveDocument(customerID: f.cafe, documentID: nil, kind: .csr, receivedOn: Day(iso: "2026-05-01"), loa: letter,
                                        note: " ", expectedVersion: nil, actor: f.manager, now: testNow)
        #expect(csr.kind == .csr && csr.loa == nil && csr.note == nil)
        #expect(try f.count("SELECT count(*) FROM porting_documents WHERE authorized_name IS NULL AND zip IS NULL AND btn IS NULL") == 1)
        // Missing again (the record was wrong).
        let missing = try f.db.saveDocument(customerID: f.cafe, documentID: csr.id, kind: .csr, receivedOn: nil, loa: nil, note: nil,
                                            expectedVersion: 1, actor: f.manager, now: testNow + 10)
        #expect(missing.receivedOn == nil && missing.version == 2)
        #expect(try f.audit("document", csr.id).last == ["update", "received_on", "2026-05-01", nil])
    }
}
