import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Adds a location to a customer (`locationID` nil) or saves one (with the version the person saw).
    /// A changed address resets serviceability to unknown: the last check was for another address.
    public func saveLocation(
        customerID: Int64, locationID: Int64?, edit: LocationEdit, expectedVersion: Int64?, actor: UserAccount, now: Int64
    ) throws -> CustomerLocation {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "change locations")
            try RecordWrite.requireCustomer(db, customerID)
            var current: Row?
            if let locationID {
                current = try Row.fetchOne(
                    db, sql: "SELECT * FROM locations WHERE id = ? AND customer_id = ?", arguments: [locationID, customerID])
                if current == nil { throw OrderDeskError.recordNotFound(what: "location #\(locationID)") }
            }
            try RecordWrite.requireValid(edit.validate())
            let edit = edit.normalized

            let id: Int64
            if let locationID, let current {
                id = locationID
                let oldStreet: String = current["street"]
                try RecordWrite.checkVersion(db, table: "locations", id: id, expected: expectedVersion, what: "location \(oldStreet)")
                var update = RecordUpdate(db: db, table: "locations", entity: "location", id: id, actorID: user.id, now: now)
                update.set("street", from: oldStreet, to: edit.street)
                update.set("city", from: current["city"] as String, to: edit.city)
                update.set("state_code", from: current["state_code"] as String, to: edit.stateCode)
                update.set("zip", from: current["zip"] as String, to: edit.zip)
                if !update.isEmpty {
                    update.set("serviceability", from: current["serviceability"] as String, to: Serviceability.unknown.rawValue)
                    update.set("distance_feet", from: current["distance_feet"] as Int64?, to: nil)
                    update.set("construction_estimate_cents", from: current["construction_estimate_cents"] as Int64?, to: nil,
                               field: "construction_estimate")
                    // Who checked and when belong to the result just cleared: no rows of their own.
                    update.setAlways("checked_by", nil, audit: nil)
                    update.setAlways("checked_at", nil, audit: nil)
                }
                try update.save(action: "update")
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO locations(customer_id, street, city, state_code, zip, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [customerID, edit.street, edit.city, edit.stateCode, edit.zip, user.id, now])
                id = db.lastInsertedRowID
                try RecordWrite.auditCreation(
                    db, entity: "location", id: id, actorID: user.id, now: now,
                    fields: [("street", edit.street), ("city", edit.city), ("state_code", edit.stateCode), ("zip", edit.zip)])
            }
            // Address words are search tokens of the customer.
            try CustomerSearchIndex.refresh(db, customerID: customerID)
            return try Self.savedLocation(db, id: id)
        }
    }

    /// Records a survey request, schedule or result (and its note) on a location.
    public func recordSurvey(
        locationID: Int64, survey: SiteSurvey, expectedVersion: Int64, actor: UserAccount, now: Int64
    ) throws -> CustomerLocation {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "record site surveys")
            guard let current = try Row.fetchOne(db, sql: "SELECT * FROM locations WHERE id = ?", arguments: [locationID]) else {
                throw OrderDeskError.recordNotFound(what: "location #\(locationID)")
            }
            let note = RecordWrite.optional(survey.note)
            if let note, note.count > 500 {
                throw OrderDeskError.invalidFields([FieldError(field: "survey_note", message: "The note is too long: at most 500 characters.")])
            }
            try RecordWrite.checkVersion(
                db, table: "locations", id: locationID, expected: expectedVersion, what: "location \(current["street"] as String)")
            let old = try CustomerRecordSQL.survey(current)
            var update = RecordUpdate(db: db, table: "locations", entity: "location", id: locationID, actorID: user.id, now: now)
            if old.status != survey.status {
                // One audit row in words for the three columns that store the status.
                update.setAlways("survey_status", survey.status.name, audit: ("survey", old.status.label, survey.status.label))
                update.setAlways("survey_on", survey.status.day?.iso, audit: nil)
                update.setAlways("survey_result", survey.status.result?.rawValue, audit: nil)
            }
            update.set("survey_note", from: old.note, to: note)
            try update.save(action: "survey")
            return try Self.savedLocation(db, id: locationID)
        }
    }

    /// A location just written, read back with its services.
    static func savedLocation(_ db: Database, id: Int64) throws -> CustomerLocation {
        guard let location = try CustomerRecordSQL.location(db, id: id) else {
            throw OrderDeskError.recordNotFound(what: "location #\(id)")
        }
        return location
    }
}
