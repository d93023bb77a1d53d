import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct ServiceabilityCheckTests {
    /// Café Roma's first location (12 Main St, 11714) checked with the plant at `feet` (nil: no row at all).
    func check(_ f: CustomerFixture, streetFeet: Int?, zipFeet: Int? = nil, at now: Int64 = testNow,
               actor: UserAccount? = nil) throws -> CustomerLocation {
        try f.db.writer.write { d in
            try d.execute(sql: "DELETE FROM plant")
            if let streetFeet {
                try d.execute(sql: "INSERT INTO plant(zip, street, distance_feet) VALUES ('11714', 'main st', ?)", arguments: [streetFeet])
            }
            if let zipFeet {
                try d.execute(sql: "INSERT INTO plant(zip, street, distance_feet) VALUES ('11714', '', ?)", arguments: [zipFeet])
            }
            // Another street and another ZIP code never count.
            try d.execute(sql: "INSERT INTO plant(zip, street, distance_feet) VALUES ('11714', 'elm st', 0), ('11715', 'main st', 0)")
        }
        return try f.db.checkServiceability(locationID: f.cafeLocations[0], actor: actor ?? f.manager, now: now)
    }

    @Test func distanceBoundariesWithTheDefaultRules() throws {
        let f = try CustomerFixture()
        let fixed = ServiceabilityRules.defaults.constructionFixed, perFoot = ServiceabilityRules.defaults.constructionPerFoot
        var location = try check(f, streetFeet: 0)
        #expect(location.serviceability == .onNet && location.distanceFeet == 0 && location.constructionEstimate == nil)
        location = try check(f, streetFeet: 1)
        #expect(location.serviceability == .nearNet && location.distanceFeet == 1 && location.constructionEstimate == fixed + perFoot)
        location = try check(f, streetFeet: 200)
        #expect(location.serviceability == .nearNet && location.constructionEstimate == Money(cents: 250_000 + 3_500 * 200))
        location = try check(f, streetFeet: 201)
        #expect(location.serviceability == .offNet && location.distanceFeet == 201 && location.constructionEstimate == nil)
        // No row for the street: the ZIP code's own row, else nothing known (off-net, no distance).
        location = try check(f, streetFeet: nil, zipFeet: 150)
        #expect(location.serviceability == .nearNet && location.distanceFeet == 150)
        location = try check(f, streetFeet: 40, zipFeet: 900)  // the street's row wins over the ZIP code's
        #expect(location.serviceability == .nearNet && location.distanceFeet == 40)
        location = try check(f, streetFeet: nil)
        #expect(location.serviceability == .offNet && location.distanceFeet == nil && location.constructionEstimate == nil)
    }

    @Test func theAddressIsMatchedAsTheStreetOnly() throws {
        let f = try CustomerFixture()
        try f.db.writer.write { try $0.execute(sql: "INSERT INTO plant(zip, street, distance_feet) VALUES ('11801', 'old country rd', 120)") }
        // "1200 Old Country Road" in 11801 is on "old country rd".
        let location = try f.db.checkServiceability(locationID: f.cafeLocations[1], actor: f.manager, now: testNow)
        #expect(location.serviceability == .nearNet && location.distanceFeet == 120)
    }

    @Test func rulesComeFromTheSettings() throws {
        let f = try CustomerFixture()
        try f.db.writer.write { d in
            try d.execute(sql: "INSERT INTO settings(key, value) VALUES (?, '500'), (?, '100000'), (?, ' 1000 ')", arguments: [
                ServiceabilityRules.nearNetMaxFeetKey, ServiceabilityRules.constructionFixedKey, ServiceabilityRules.constructionPerFootKey])
        }
        var location = try check(f, streetFeet: 500)
        #expect(location.serviceability == .nearNet && location.constructionEstimate == Money(cents: 100_000 + 1_000 * 500))
        location = try check(f, streetFeet: 501)
        #expect(location.serviceability == .offNet)
        for (key, value) in [(ServiceabilityRules.nearNetMaxFeetKey, "two hundred"), (ServiceabilityRules.constructionPerFootKey, "-5"),
                             (ServiceabilityRules.constructionFixedKey, "25.00")] {
            let before = try f.db.customerDetail(id: f.cafe).locations[0]
            try f.db.writer.write { try $0.execute(sql: "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", arguments: [key, value]) }
            do {
                _ = try f.db.checkServiceability(locationID: f.cafeLocations[0], actor: f.manager, now: testNow + 99)
                Issue.record("a bad setting was used")
            } catch let error as StoreError {
                guard case let .invalidSetting(badKey, badValue, _) = error else { Issue.record("\(error)"); continue }
                #expect(badKey == key && badValue == value)
                #expect(error.errorDescription?.contains(key) == true)
            }
            #expect(try f.db.customerDetail(id: f.cafe).locations[0] == before)
            try f.db.writer.write { try $0.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key]) }
        }
    }

    @Test func whoRanItIsRecordedAndAudited() throws {
        let f = try CustomerFixture()
        let first = try check(f, streetFeet: 180, at: testNow + 10, actor: f.supervisor)
        #expect(first.checkedBy == "renee.dubois" && first.checkedAt == testNow + 10 && first.version == 2)
        let second = try check(f, streetFeet: 180, at: testNow + 20)
        #expect(second.checkedBy == "dana.ruiz" && second.checkedAt == testNow + 20 && second.version == 3)
        #expect(try f.audit("location", f.cafeLocations[0]) == [
            ["check", "serviceability", "unknown", "near_net"], ["check", "distance_feet", nil, "180"],
            ["check", "construction_estimate", nil, "8800.00"],
            ["check", "serviceability", "near_net", "near_net"],  // every check is in the log, even with the same result
        ])
        #expect(try f.db.customerDetail(id: f.cafe).timeline.first?.text == "serviceability: near_net → near_net")
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "run serviceability checks")) {
            _ = try f.db.checkServiceability(locationID: f.cafeLocations[0], actor: f.viewer, now: testNow + 30)
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "location #999")) {
            _ = try f.db.checkServiceability(locationID: 999, actor: f.manager, now: testNow + 30)
        }
        #expect(try f.db.customerDetail(id: f.cafe).locations[0].version == 3)
    }
}
