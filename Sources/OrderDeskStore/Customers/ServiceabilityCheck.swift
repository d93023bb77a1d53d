import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Runs the serviceability check on a location against the plant table, with the rules from the
    /// settings table, and records the result, the distance, the estimate, and who ran it and when
    /// (audited as `check`). No version is asked for: the check reads nothing the person typed, and it
    /// bumps the version, so a form open on the location meets a conflict and reloads the new result.
    public func checkServiceability(locationID: Int64, actor: UserAccount, now: Int64) throws -> CustomerLocation {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "run serviceability checks")
            guard let current = try Row.fetchOne(
                db,
                sql: "SELECT street, zip, serviceability, distance_feet, construction_estimate_cents FROM locations WHERE id = ?",
                arguments: [locationID])
            else { throw OrderDeskError.recordNotFound(what: "location #\(locationID)") }
            let rules = try Self.serviceabilityRules(db)
            let distance = try Self.plantDistance(db, street: current["street"], zip: current["zip"])
            let assessment = rules.assess(distanceFeet: distance)

            var update = RecordUpdate(db: db, table: "locations", entity: "location", id: locationID, actorID: user.id, now: now)
            // The result is always audited, changed or not: the log says every check that was run.
            let oldResult: String = current["serviceability"]
            update.setAlways("serviceability", assessment.serviceability.rawValue,
                             audit: ("serviceability", oldResult, assessment.serviceability.rawValue))
            update.set("distance_feet", from: current["distance_feet"] as Int64?, to: assessment.distanceFeet.map(Int64.init))
            update.set("construction_estimate_cents", from: current["construction_estimate_cents"] as Int64?,
                       to: assessment.constructionEstimate?.cents, field: "construction_estimate",
                       shown: { $0.map { Money(cents: $0).plain } })
            update.setAlways("checked_by", user.id, audit: nil)
            update.setAlways("checked_at", now, audit: nil)
            try update.save(action: "check")
            return try Self.savedLocation(db, id: locationID)
        }
    }

    /// The plant table's distance to an address: its street in its ZIP code, else the ZIP code's own
    /// row (street ''), else nil (no plant known there: off-net).
    static func plantDistance(_ db: Database, street: String, zip: String) throws -> Int? {
        let zip5 = String(zip.trimmingCharacters(in: .whitespaces).prefix(5))
        return try Int.fetchOne(
            db,
            sql: """
                SELECT distance_feet FROM plant WHERE zip = ? AND street IN (?, '')
                ORDER BY street = '' LIMIT 1
                """,
            arguments: [zip5, StreetName.streetOnly(street)])
    }

    /// The serviceability rules from the settings table, each key's default when it is absent.
    static func serviceabilityRules(_ db: Database) throws -> ServiceabilityRules {
        let defaults = ServiceabilityRules.defaults
        func setting(_ key: String, default value: Int64, expected: String) throws -> Int64 {
            guard let text = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) else {
                return value
            }
            guard let number = Int64(text.trimmingCharacters(in: .whitespaces)), number >= 0 else {
                throw StoreError.invalidSetting(key: key, value: text, expected: expected)
            }
            return number
        }
        let feet = try setting(ServiceabilityRules.nearNetMaxFeetKey, default: Int64(defaults.nearNetMaxFeet),
                               expected: "a whole number of feet (0 or more)")
        guard feet <= 1_000_000 else {
            throw StoreError.invalidSetting(key: ServiceabilityRules.nearNetMaxFeetKey, value: String(feet),
                                            expected: "a distance up to 1,000,000 feet")
        }
        return ServiceabilityRules(
            nearNetMaxFeet: Int(feet),
            constructionFixed: Money(cents: try setting(
                ServiceabilityRules.constructionFixedKey, default: defaults.constructionFixed.cents,
                expected: "an amount in whole cents (0 or more, e.g. 250000 for $2,500.00)")),
            constructionPerFoot: Money(cents: try setting(
                ServiceabilityRules.constructionPerFootKey, default: defaults.constructionPerFoot.cents,
                expected: "an amount in whole cents (0 or more, e.g. 3500 for $35.00)")))
    }
}
