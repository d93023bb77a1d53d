import GRDB
import OrderDeskCore

/// What importing a plant file changed.
public struct PlantImportSummary: Hashable, Sendable {
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    /// Rows removed because the file replaced the table and did not list them.
    public var removed: Int
}

extension AppDatabase {
    /// Loads plant rows (admins only), in one transaction: new (zip, street) rows are added and known ones
    /// take the file's distance; with `replace`, rows the file does not list are removed. Audited as one
    /// `import` row with the counts. Locations keep their last check until it is run again.
    public func importPlant(
        _ entries: [PlantEntry], replace: Bool, source: String, actor: UserAccount, now: Int64
    ) throws -> PlantImportSummary {
        try writer.write { db in
            guard let current = try Self.fetchUser(db, id: actor.id) else { throw OrderDeskError.unknownUser(login: actor.login) }
            guard current.role.canManageUsers else {
                throw OrderDeskError.forbidden(login: current.login, role: current.role, action: "import the plant table")
            }
            var summary = PlantImportSummary(added: 0, changed: 0, unchanged: 0, removed: 0)
            var known: [String: (id: Int64, feet: Int)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, zip, street, distance_feet FROM plant") {
                known[(row[1] as String) + "|" + (row[2] as String)] = (row[0], row[3])
            }
            var listed = Set<String>()
            let insert = try db.makeStatement(sql: "INSERT INTO plant(zip, street, distance_feet) VALUES (?, ?, ?)")
            let update = try db.makeStatement(sql: "UPDATE plant SET distance_feet = ? WHERE id = ?")
            for entry in entries {
                let key = entry.zip + "|" + entry.street
                listed.insert(key)
                if let row = known[key] {
                    if row.feet == entry.distanceFeet {
                        summary.unchanged += 1
                    } else {
                        try update.execute(arguments: [entry.distanceFeet, row.id])
                        summary.changed += 1
                    }
                } else {
                    try insert.execute(arguments: [entry.zip, entry.street, entry.distanceFeet])
                    summary.added += 1
                }
            }
            if replace {
                let delete = try db.makeStatement(sql: "DELETE FROM plant WHERE id = ?")
                for (key, row) in known where !listed.contains(key) {
                    try delete.execute(arguments: [row.id])
                    summary.removed += 1
                }
            }
            try Audit.append(
                db, at: now, actorID: current.id, entity: "plant", entityID: 0, action: "import", field: source, old: nil,
                new: "\(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged, \(summary.removed) removed")
            return summary
        }
    }

    /// The plant rows, by ZIP code then street; only one ZIP code's when given.
    public func plantEntries(zip: String? = nil) throws -> [PlantEntry] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT zip, street, distance_feet FROM plant WHERE ?1 IS NULL OR zip = ?1 ORDER BY zip, street",
                arguments: [zip])
            return rows.map { PlantEntry(zip: $0[0], street: $0[1], distanceFeet: $0[2]) }
        }
    }
}
