import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The demo's customer side: every serviceability status, survey state, contact role, document state,
/// LOA mismatch, contract kind and status; consistent with the plant and the search index; and the
/// fixed customers complete and the same whatever the seed.
@Suite struct DemoCustomerTests {
    static let demo: (TempDatabase, AppDatabase) = try! makeDemo(orders: 1_500, seed: 42)

    func values(_ db: AppDatabase, _ sql: String) throws -> Set<String> {
        try db.writer.read { Set(try String.fetchAll($0, sql: sql)) }
    }

    @Test func coversEveryStateTheScreenShows() throws {
        let (_, db) = Self.demo
        #expect(try values(db, "SELECT serviceability FROM locations") == Set(Serviceability.allCases.map(\.rawValue)))
        #expect(try values(db, "SELECT survey_status FROM locations") == ["not_needed", "requested", "scheduled", "completed"])
        #expect(try values(db, "SELECT survey_result FROM locations WHERE survey_status = 'completed'")
                    == Set(SurveyResult.allCases.map(\.rawValue)))
        #expect(try values(db, "SELECT role FROM contacts") == Set(ContactRole.allCases.map(\.rawValue)))
        #expect(try values(db, "SELECT kind || ' ' || (received_on IS NOT NULL) FROM porting_documents")
                    == ["csr 0", "csr 1", "loa 0", "loa 1"])
        #expect(try values(db, "SELECT kind FROM contracts") == Set(ContractKind.allCases.map(\.rawValue)))
        #expect(try values(db, "SELECT status FROM contracts") == Set(ContractStatus.allCases.map(\.rawValue)))
        try db.writer.read { d in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(d, sql: sql) ?? -1 }
            let customers = try count("SELECT count(*) FROM customers"), locations = try count("SELECT count(*) FROM locations")
            // Around 10% never checked; the rest checked by someone at some time, with the distance the plant gave.
            let unknown = try count("SELECT count(*) FROM locations WHERE serviceability = 'unknown'")
            #expect(Double(unknown) / Double(locations) > 0.05 && Double(unknown) / Double(locations) < 0.2)
            #expect(try count("SELECT count(*) FROM locations WHERE (serviceability = 'unknown') != (checked_by IS NULL OR checked_at IS NULL)") == 0)
            #expect(try count("SELECT count(*) FROM locations WHERE serviceability = 'near_net' AND (distance_feet NOT BETWEEN 1 AND 200 OR construction_estimate_cents IS NULL)") == 0)
            #expect(try count("SELECT count(*) FROM locations WHERE survey_status = 'scheduled' AND survey_on IS NULL") == 0)
            // 1–3 contacts each, every one reachable, phones formatted.
            #expect(try count("SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM contacts WHERE customer_id = c.id) NOT BETWEEN 1 AND 4") == 0)
            for row in try Row.fetchAll(d, sql: "SELECT phone, email FROM contacts") {
                let phone: String? = row[0], email: String? = row[1]
                if let phone { #expect(PhoneNumber(phone)?.formatted == phone, "\(phone)") }
                if let email { #expect(FieldValidation.email(email, required: true) == nil, "\(email)") }
            }
            let documented = try count("SELECT count(DISTINCT customer_id) FROM porting_documents")
            #expect(Double(documented) / Double(customers) > 0.08 && Double(documented) / Double(customers) < 0.25)
            let contracted = try count("SELECT count(DISTINCT customer_id) FROM contracts")
            #expect(Double(contracted) / Double(customers) > 0.3 && Double(contracted) / Double(customers) < 0.5)
            #expect(try count("SELECT count(*) FROM contracts c WHERE kind IN ('renewal', 'addendum') AND (SELECT customer_id FROM contracts p WHERE p.id = c.parent_id) IS NOT c.customer_id") == 0)
            #expect(try count("SELECT count(*) FROM customer_notes") > 10)
            // The plant: served streets, streets near it, ZIP codes' own rows, and ZIP codes with nothing.
            #expect(try count("SELECT count(*) FROM plant WHERE distance_feet = 0 AND street != ''") > 0)
            #expect(try count("SELECT count(*) FROM plant WHERE distance_feet BETWEEN 40 AND 600 AND street != ''") > 0)
            #expect(try count("SELECT count(*) FROM plant WHERE street = ''") > 0)
            let zips = try Set(String.fetchAll(d, sql: "SELECT DISTINCT zip FROM plant"))
            #expect(DemoNames.places.contains { !zips.contains($0.zip) })
            #expect(try count("PRAGMA foreign_key_check") == -1)
            #expect(try String.fetchOne(d, sql: "PRAGMA integrity_check") == "ok")
        }
        // Some active contracts are due for renewal.
        let today = Day(unixSeconds: testNow)
        var due = 0
        for id in try db.writer.read({ try Int64.fetchAll($0, sql: "SELECT DISTINCT customer_id FROM contracts WHERE status = 'active'") }) {
            due += try db.customerDetail(id: id).contracts.filter { $0.isDueForRenewal(today: today) }.count
        }
        #expect(due > 1)
    }

    @Test func lettersOfAuthorizationMismatchOnEveryField() throws {
        let (_, db) = Self.demo
        var mismatched: [LOAField: Int] = [:]
        var received = 0, clean = 0
        for id in try db.writer.read({ try Int64.fetchAll($0, sql: "SELECT DISTINCT customer_id FROM porting_documents") }) {
            let detail = try db.customerDetail(id: id)
            for letter in detail.documents.compactMap(\.loa) {
                received += 1
                let fields = LOACheck.mismatches(letter, account: detail.portingAccount).map(\.field)
                #expect(fields.count <= 2, "customer \(id): \(fields)")
                if fields.isEmpty { clean += 1 }
                for field in fields { mismatched[field, default: 0] += 1 }
            }
        }
        #expect(Set(mismatched.keys) == Set(LOAField.allCases))
        #expect(clean > 0 && clean < received)
    }

    @Test func recordedServiceabilityIsWhatACheckFinds() throws {
        let (temp, _) = try makeDemo(orders: 200, seed: 3)
        let db = try AppDatabase.open(at: temp.path)
        let manager = try db.resolveUser(login: "dana.ruiz")
        let checked = try db.writer.read { d in
            try Row.fetchAll(d, sql: "SELECT id, serviceability, distance_feet FROM locations WHERE serviceability != 'unknown' ORDER BY id")
        }
        #expect(checked.count > 20)
        for row in checked {
            let location = try db.checkServiceability(locationID: row[0], actor: manager, now: testNow)
            #expect(location.serviceability.rawValue == row[1] as String && location.distanceFeet == row[2] as Int?, "location \(row[0] as Int64)")
        }
    }

    @Test func theSearchIndexIsTheOneTheStoreWouldWrite() throws {
        let (temp, _) = try makeDemo(orders: 200, seed: 9)
        let db = try AppDatabase.open(at: temp.path)
        func index() throws -> [String] {
            try db.writer.read { d in
                try Row.fetchAll(d, sql: "SELECT id, sort_name, list_position FROM customers ORDER BY id").map(\.description)
                    + Row.fetchAll(d, sql: "SELECT rowid, name, account, phone, address, customer_id FROM customer_directory ORDER BY rowid")
                        .map(\.description)
            }
        }
        let built = try index()
        try db.writer.write { try CustomerSearchIndex.rebuild($0) }
        #expect(try index() == built)
        #expect(built.count == 100)
        try db.writer.read { d in
            // Positions follow the list order, and each full-text row is its customer's.
            let keys = try Row.fetchAll(d, sql: "SELECT sort_name, id FROM customers ORDER BY list_position")
                .map { CustomerListKey(sortName: $0[0], id: $0[1]) }
            #expect(keys == keys.sorted() && keys.count == 50)
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM customers c JOIN customer_directory d ON d.rowid = c.list_position AND d.customer_id = c.id
                """) == 50)
        }
        let indexes = try db.writer.read { d in
            try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'")
        }
        #expect(indexes.contains("customers_by_name") && indexes.contains("customers_by_position"))
    }

    @Test func cafeRomaIsCompleteAndTheSameInEveryDemo() throws {
        let (_, db) = Self.demo
        let (_, other) = try makeDemo(orders: 300, seed: 8)
        let cafe = try #require(try db.customersPage(search: "cafe ro", request: .first, limit: 5).rows.first { $0.name == "Café Roma LLC" })
        #expect(cafe.id == 1 && cafe.phone == "(516) 555-0142" && cafe.place == "Bethpage, NY")
        #expect(try db.customersPage(search: "555-0142", request: .first, limit: 5).rows.map(\.id) == [1])
        let detail = try db.customerDetail(id: 1)
        #expect(detail.locations.map(\.serviceability) == [.onNet, .nearNet, .offNet, .unknown])
        #expect(detail.locations[1].distanceFeet == 150 && detail.locations[1].constructionEstimate == Money(cents: 250_000 + 3_500 * 150))
        #expect(detail.locations[1].survey.status == .scheduled(Day(unixSeconds: testNow).adding(days: 9)))
        #expect(detail.locations[2].survey.status == .completed(.feasibleWithConstruction))
        #expect(detail.contacts.map(\.role) == [.billing, .technical, .signer, .siteAccess])
        #expect(detail.documents.map(\.kind) == [.csr, .loa] && detail.documents.allSatisfy(\.isReceived))
        #expect(LOACheck.mismatches(try #require(detail.documents[1].loa), account: detail.portingAccount).map(\.field) == [.zip])
        #expect(detail.contracts.contains { $0.isDueForRenewal(today: Day(unixSeconds: testNow)) })
        #expect(detail.contracts.contains { $0.kind == .renewal && $0.status == .pendingApproval })
        #expect(detail.timeline.contains { $0.kind == .note && $0.subject == "customer" })
        // Another seed, another demo: the same customer screen but for the orders.
        let again = try other.customerDetail(id: 1)
        #expect(again.header.name == detail.header.name && again.header.phone == detail.header.phone)
        #expect(again.locations.map { [$0.address, $0.serviceability, $0.distanceFeet, $0.survey, $0.checkedBy] as [AnyHashable?] }
                    == detail.locations.map { [$0.address, $0.serviceability, $0.distanceFeet, $0.survey, $0.checkedBy] as [AnyHashable?] })
        #expect(again.contacts == detail.contacts && again.documents == detail.documents)
        // Every fixed customer has several locations of different serviceability, contacts and documents.
        for id in 2...Int64(DemoNames.fixedCustomers.count) {
            let fixed = try db.customerDetail(id: id)
            #expect(fixed.header.name == DemoNames.fixedCustomers[Int(id) - 1])
            #expect(fixed.locations.count == 3 && Set(fixed.locations.map(\.serviceability)).count >= 2, "\(fixed.header.name)")
            #expect(fixed.contacts.count == 2 && fixed.documents.count == 2)
        }
    }
}
