import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Every write of the customer screen: what it saves, the role from the database, the fields, the
/// optimistic lock naming who changed the record, the audit rows, and nothing half-written on failure.
@Suite struct CustomerWriteTests {
    func cafeEdit(_ f: CustomerFixture) throws -> CustomerEdit {
        CustomerEdit(try f.db.customerDetail(id: f.cafe).header)
    }

    /// Everything a failed write could have touched, to compare before and after.
    func snapshot(_ f: CustomerFixture) throws -> [String] {
        try f.db.writer.read { d in
            try ["customers", "locations", "contacts", "porting_documents", "customer_notes", "orders", "order_lines", "audit_log",
                 "customer_directory"].map { table in
                try Row.fetchAll(d, sql: "SELECT * FROM \(table) ORDER BY rowid").map(\.description).joined(separator: "\n")
            }
        }
    }

    @Test func updateCustomerSavesNormalizedFieldsAndAuditsEach() throws {
        let f = try CustomerFixture()
        var edit = try cafeEdit(f)
        edit.name = "  Café   Roma Trattoria  "
        edit.phone = "516.555.0143"
        edit.ownerLogin = "renee.dubois"
        edit.channel = .agent
        let header = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: f.manager, now: testNow + 60)
        #expect(header.name == "Café Roma Trattoria" && header.phone == "(516) 555-0143" && header.channel == .agent)
        #expect(header.ownerLogin == "renee.dubois" && header.ownerName == "Renée Dubois")
        #expect(header.version == 2 && header.updatedBy == "dana.ruiz" && header.updatedAt == testNow + 60)
        #expect(try f.audit("customer", f.cafe) == [
            ["update", "name", "Café Roma LLC", "Café Roma Trattoria"], ["update", "channel", "direct", "agent"],
            ["update", "phone", "(516) 555-0142", "(516) 555-0143"], ["update", "owner", "dana.ruiz", "renee.dubois"],
        ])
        // The search follows the new name and phone; the old ones find nothing.
        #expect(try f.db.customersPage(search: "trattoria", request: .first, limit: 5).rows.map(\.id) == [f.cafe])
        #expect(try f.db.customersPage(search: "555-0143", request: .first, limit: 5).rows.map(\.id) == [f.cafe])
        #expect(try f.db.customersPage(search: "5550142", request: .first, limit: 5).rows.isEmpty)
        // Saving the same values again changes nothing: no version, no audit row.
        let again = try f.db.updateCustomer(id: f.cafe, edit: CustomerEdit(header), expectedVersion: 2, actor: f.manager, now: testNow + 70)
        #expect(try again.version == 2 && f.audit("customer", f.cafe).count == 4)
        // No owner.
        var unowned = CustomerEdit(header)
        unowned.ownerLogin = " "
        let cleared = try f.db.updateCustomer(id: f.cafe, edit: unowned, expectedVersion: 2, actor: f.supervisor, now: testNow + 80)
        #expect(cleared.ownerLogin == nil && cleared.version == 3 && cleared.updatedBy == "renee.dubois")
        #expect(try f.audit("customer", f.cafe).last == ["update", "owner", "renee.dubois", nil])
        // An owner whose role changed since (now a viewer) stays, and does not block other changes.
        var owned = CustomerEdit(cleared)
        owned.ownerLogin = "dana.ruiz"
        _ = try f.db.updateCustomer(id: f.cafe, edit: owned, expectedVersion: 3, actor: f.manager, now: testNow + 90)
        try f.db.writer.write { try $0.execute(sql: "UPDATE users SET role = 'viewer' WHERE login = 'dana.ruiz'") }
        owned.segment = "Enterprise"
        let kept = try f.db.updateCustomer(id: f.cafe, edit: owned, expectedVersion: 4, actor: f.supervisor, now: testNow + 100)
        #expect(kept.ownerLogin == "dana.ruiz" && kept.segment == "Enterprise")
    }

    @Test func aNameChangeFollowsIntoTheOrdersAndTheQueueSearch() throws {
        let f = try CustomerFixture()
        let order = try f.order("00000001", location: f.cafeLocations[0], state: .scheduled, lines: [("FIB-1G", 1, 24_900)])
        var edit = try cafeEdit(f)
        edit.name = "Bistro Luna"
        _ = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: f.manager, now: testNow)
        let row = try f.db.orderDetail(id: order).row
        #expect(row.customerName == "Bistro Luna" && row.version == 1)  // a copy changed, not the order
        let key = try f.db.writer.read { try String.fetchOne($0, sql: "SELECT customer_key FROM orders WHERE id = ?", arguments: [order]) }
        #expect(key == NameMatch.key(name: "Bistro Luna", account: "07830012345"))
        for sort in [QueueSort(), QueueSort(column: .customer, descending: false)] {
            let found = try f.db.queuePage(filter: QueueFilter(search: "bistro lu"), sort: sort, request: .first, limit: 10, now: testNow)
            #expect(found.rows.map(\.id) == [order])
            let old = try f.db.queuePage(filter: QueueFilter(search: "cafe roma"), sort: sort, request: .first, limit: 10, now: testNow)
            #expect(old.rows.isEmpty)
        }
        #expect(try f.db.queueCount(filter: QueueFilter(search: "luna"), now: testNow) == 1)
    }

    @Test func updateCustomerRefusals() throws {
        let f = try CustomerFixture()
        let before = try snapshot(f)
        var edit = try cafeEdit(f)
        edit.name = "Renamed"
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "change customers")) {
            _ = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: f.viewer, now: testNow)
        }
        var pretending = f.viewer
        pretending.role = .admin
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "change customers")) {
            _ = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: pretending, now: testNow)
        }
        var bad = edit
        bad.name = " "; bad.phone = "555-0142"
        do {
            _ = try f.db.updateCustomer(id: f.cafe, edit: bad, expectedVersion: 1, actor: f.manager, now: testNow)
            Issue.record("invalid fields were saved")
        } catch let OrderDeskError.invalidFields(errors) {
            #expect(errors.map(\.field) == ["name", "phone"])
        }
        for owner in ["sam.patel", "grace.liu", "nobody"] {  // a viewer, an admin, no such login
            var edit = edit
            edit.ownerLogin = owner
            do {
                _ = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: f.manager, now: testNow)
                Issue.record("owner \(owner) was accepted")
            } catch let OrderDeskError.invalidFields(errors) {
                #expect(errors.map(\.field) == ["owner"] && errors[0].message.contains(owner))
            }
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "customer #999")) {
            _ = try f.db.updateCustomer(id: 999, edit: edit, expectedVersion: 1, actor: f.manager, now: testNow)
        }
        #expect(try snapshot(f) == before)

        // Two people edit; the second, with the version they loaded, learns who saved first and when.
        let other = try AppDatabase.open(at: f.temp.path)
        var theirs = edit
        theirs.segment = "Enterprise"
        _ = try other.updateCustomer(id: f.cafe, edit: theirs, expectedVersion: 1, actor: f.supervisor, now: testNow + 60)
        let saved = try snapshot(f)
        do {
            _ = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: f.manager, now: testNow + 120)
            Issue.record("a stale write went through")
        } catch let error as OrderDeskError {
            #expect(error == .recordConflict(what: "customer Renamed", changedBy: "Renée Dubois", changedAt: testNow + 60))
            #expect(error.errorDescription?.contains("Renée Dubois") == true)
        }
        #expect(try snapshot(f) == saved)
    }

    @Test func locationsAddEditAndResetServiceability() throws {
        let f = try CustomerFixture()
        let added = try f.db.saveLocation(
            customerID: f.cafe, locationID: nil, edit: LocationEdit(street: " 9  Harbor Way ", city: "Montauk", stateCode: "ny", zip: "11954"),
            expectedVersion: nil, actor: f.manager, now: testNow)
        #expect(added.address.street == "9 Harbor Way" && added.address.stateCode == "NY" && added.version == 1)
        #expect(added.serviceability == .unknown && added.services.isEmpty)
        #expect(try f.audit("location", added.id).map { $0[1] } == ["street", "city", "state_code", "zip"])
        #expect(try f.db.customersPage(search: "montauk", request: .first, limit: 5).rows.map(\.id) == [f.cafe])

        // A checked location whose address changes goes back to unknown.
        try f.db.writer.write { try $0.execute(sql: "INSERT INTO plant(zip, street, distance_feet) VALUES ('11714', 'main st', 0)") }
        let main = f.cafeLocations[0]
        let checked = try f.db.checkServiceability(locationID: main, actor: f.manager, now: testNow + 10)
        #expect(checked.serviceability == .onNet && checked.version == 2)
        let sameAddress = try f.db.saveLocation(customerID: f.cafe, locationID: main, edit: LocationEdit(checked.address),
                                                expectedVersion: 2, actor: f.manager, now: testNow + 20)
        #expect(sameAddress.serviceability == .onNet && sameAddress.version == 2)  // nothing changed, nothing written
        var moved = LocationEdit(checked.address)
        moved.street = "14 Main St"
        let edited = try f.db.saveLocation(customerID: f.cafe, locationID: main, edit: moved, expectedVersion: 2, actor: f.manager, now: testNow + 30)
        #expect(edited.address.street == "14 Main St" && edited.version == 3)
        #expect(edited.serviceability == .unknown && edited.distanceFeet == nil && edited.checkedBy == nil && edited.checkedAt == nil)
        #expect(try f.audit("location", main).suffix(3) == [["update", "street", "12 Main St", "14 Main St"],
                                                             ["update", "serviceability", "on_net", "unknown"],
                                                             ["update", "distance_feet", "0", nil]])
        #expect(try f.db.customersPage(search: "14 main", request: .first, limit: 5).rows.map(\.id) == [f.cafe])
        #expect(try f.db.customersPage(search: "12 main", request: .first, limit: 5).rows.map(\.id) == [f.cafe])  // 1200 Old Country Road

        // Refusals leave nothing behind.
        let before = try snapshot(f)
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "change locations")) {
            _ = try f.db.saveLocation(customerID: f.cafe, locationID: nil, edit: moved, expectedVersion: nil, actor: f.viewer, now: testNow)
        }
        do {
            _ = try f.db.saveLocation(customerID: f.cafe, locationID: nil, edit: LocationEdit(street: "1 A St", city: "", stateCode: "XX", zip: "1234"),
                                      expectedVersion: nil, actor: f.manager, now: testNow)
            Issue.record("invalid location saved")
        } catch let OrderDeskError.invalidFields(errors) {
            #expect(errors.map(\.field) == ["city", "state_code", "zip"])
        }
        #expect(throws: OrderDeskError.recordConflict(what: "location 14 Main St", changedBy: "Dana Ruiz", changedAt: testNow + 30)) {
            _ = try f.db.saveLocation(customerID: f.cafe, locationID: main, edit: LocationEdit(checked.address), expectedVersion: 2,
                                      actor: f.supervisor, now: testNow + 40)
        }
        // Another customer's location is not this customer's to edit.
        let roma = try f.db.customersPage(search: "roma pizza", request: .first, limit: 1).rows[0].id
        #expect(throws: OrderDeskError.recordNotFound(what: "location #\(main)")) {
            _ = try f.db.saveLocation(customerID: roma, locationID: main, edit: moved, expectedVersion: 3, actor: f.manager, now: testNow)
        }
        #expect(try snapshot(f) == before)
    }

    @Test func surveysAreRecordedWithTheirNote() throws {
        let f = try CustomerFixture()
        let id = f.cafeLocations[1]
        let day = Day(iso: "2026-06-15")!
        var location = try f.db.recordSurvey(locationID: id, survey: SiteSurvey(status: .requested), expectedVersion: 1, actor: f.manager, now: testNow)
        #expect(location.survey.status == .requested && location.version == 2)
        location = try f.db.recordSurvey(locationID: id, survey: SiteSurvey(status: .scheduled(day), note: " Meet Ana at the loading dock "),
                                         expectedVersion: 2, actor: f.manager, now: testNow + 10)
        #expect(location.survey == SiteSurvey(status: .scheduled(day), note: "Meet Ana at the loading dock"))
        location = try f.db.recordSurvey(locationID: id, survey: SiteSurvey(status: .completed(.feasibleWithConstruction), note: location.survey.note),
                                         expectedVersion: 3, actor: f.supervisor, now: testNow + 20)
        #expect(location.survey.status == .completed(.feasibleWithConstruction) && location.version == 4)
        #expect(try f.audit("location", id) == [
            ["survey", "survey", "not needed", "requested"],
            ["survey", "survey", "requested", "scheduled 2026-06-15"],
            ["survey", "survey_note", nil, "Meet Ana at the loading dock"],
            ["survey", "survey", "scheduled 2026-06-15", "completed: feasible with construction"],
        ])
        let before = try snapshot(f)
        #expect(throws: OrderDeskError.recordConflict(what: "location 1200 Old Country Road", changedBy: "Renée Dubois", changedAt: testNow + 20)) {
            _ = try f.db.recordSurvey(locationID: id, survey: SiteSurvey(status: .notNeeded), expectedVersion: 3, actor: f.manager, now: testNow + 30)
        }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "record site surveys")) {
            _ = try f.db.recordSurvey(locationID: id, survey: SiteSurvey(status: .notNeeded), expectedVersion: 4, actor: f.viewer, now: testNow + 30)
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "location #999")) {
            _ = try f.db.recordSurvey(locationID: 999, survey: SiteSurvey(status: .notNeeded), expectedVersion: 1, actor: f.manager, now: testNow)
        }
        #expect(try snapshot(f) == before)
    }

    @Test func contactsAddEditRemove() throws {
        let f = try CustomerFixture()
        let before = try snapshot(f)
        do {
            _ = try f.db.saveContact(customerID: f.cafe, contactID: nil, edit: ContactEdit(name: "Ana Ruiz", role: .signer, email: "ana@roma"),
                                     expectedVersion: nil, actor: f.manager, now: testNow)
            Issue.record("an invalid email was saved")
        } catch let OrderDeskError.invalidFields(errors) {
            #expect(errors.map(\.field) == ["email"])
        }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "change contacts")) {
            _ = try f.db.saveContact(customerID: f.cafe, contactID: nil, edit: ContactEdit(name: "Ana Ruiz", email: "ana@roma.example"),
                                     expectedVersion: nil, actor: f.viewer, now: testNow)
        }
        #expect(try snapshot(f) == before)

        let ana = try f.db.saveContact(customerID: f.cafe, contactID: nil,
                                       edit: ContactEdit(name: " Ana  Ruiz ", role: .signer, phone: "", email: " Ana@Roma.Example "),
                                       expectedVersion: nil, actor: f.manager, now: testNow)
        #expect(ana == Contact(id: ana.id, name: "Ana Ruiz", role: .signer, phone: nil, email: "ana@roma.example", version: 1))
        #expect(try f.audit("contact", ana.id) == [["create", "name", nil, "Ana Ruiz"], ["create", "role", nil, "signer"],
                                                   ["create", "email", nil, "ana@roma.example"]])
        var edit = ContactEdit(ana)
        edit.phone = "5165550100"
        edit.role = .siteAccess
        let edited = try f.db.saveContact(customerID: f.cafe, contactID: ana.id, edit: edit, expectedVersion: 1, actor: f.supervisor, now: testNow + 10)
        #expect(edited.phone == "(516) 555-0100" && edited.role == .siteAccess && edited.version == 2)
        #expect(try f.audit("contact", ana.id).suffix(2) == [["update", "role", "signer", "site_access"], ["update", "phone", nil, "(516) 555-0100"]])

        let stale = try snapshot(f)
        #expect(throws: OrderDeskError.recordConflict(what: "contact Ana Ruiz", changedBy: "Renée Dubois", changedAt: testNow + 10)) {
            _ = try f.db.saveContact(customerID: f.cafe, contactID: ana.id, edit: ContactEdit(ana), expectedVersion: 1, actor: f.manager, now: testNow + 20)
        }
        #expect(throws: OrderDeskError.recordConflict(what: "contact Ana Ruiz", changedBy: "Renée Dubois", changedAt: testNow + 10)) {
            try f.db.removeContact(id: ana.id, expectedVersion: 1, actor: f.manager, now: testNow + 20)
        }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "change contacts")) {
            try f.db.removeContact(id: ana.id, expectedVersion: 2, actor: f.viewer, now: testNow + 20)
        }
        #expect(try snapshot(f) == stale)

        try f.db.removeContact(id: ana.id, expectedVersion: 2, actor: f.manager, now: testNow + 30)
        #expect(try f.db.customerDetail(id: f.cafe).contacts.isEmpty)
        #expect(try f.count("SELECT count(*) FROM contacts WHERE removed_at = ?", [testNow + 30]) == 1)  // kept, marked removed
        #expect(try f.audit("contact", ana.id).last == ["remove", "contact", "Ana Ruiz", nil])
        #expect(throws: OrderDeskError.recordNotFound(what: "contact #\(ana.id)")) {
            try f.db.removeContact(id: ana.id, expectedVersion: 3, actor: f.manager, now: testNow + 40)
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "contact #\(ana.id)")) {
            _ = try f.db.saveContact(customerID: f.cafe, contactID: ana.id, edit: edit, expectedVersion: 3, actor: f.manager, now: testNow + 40)
        }
    }

    @Test func notesNeedText() throws {
        let f = try CustomerFixture()
        #expect(throws: OrderDeskError.invalidFields([FieldError(field: "note", message: "Write the note first: it is empty.")])) {
            try f.db.addCustomerNote(customerID: f.cafe, text: " \n ", actor: f.manager, now: testNow)
        }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "write customer notes")) {
            try f.db.addCustomerNote(customerID: f.cafe, text: "hello", actor: f.viewer, now: testNow)
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "customer #999")) {
            try f.db.addCustomerNote(customerID: 999, text: "hello", actor: f.manager, now: testNow)
        }
        #expect(try f.count("SELECT count(*) FROM customer_notes") == 0)
        try f.db.addCustomerNote(customerID: f.cafe, text: "Port planned for June.", actor: f.manager, now: testNow)
        #expect(try f.audit("customer", f.cafe) == [["note", "note", nil, "Port planned for June."]])
        #expect(try f.db.customerDetail(id: f.cafe).header.version == 1)
    }
}
