import GRDB
import OrderDeskCore

/// The demo's plant table: where the network runs in the demo's places. It is a pure function of the
/// places and streets (no random stream), so it is the same in every demo and a check run from the
/// desk (`v`) finds what the demo recorded. In each ZIP code a street is served (0 ft), near plant
/// (40–600 ft), or unlisted; some ZIP codes also have a row of their own (street ''), and a few have
/// no plant at all.
struct DemoPlant {
    /// Feet by (ZIP code, `StreetName.streetOnly` street); street '' is the ZIP code's own row.
    private(set) var feet: [Key: Int] = [:]

    struct Key: Hashable, Comparable {
        let zip: String
        let street: String
        static func < (a: Key, b: Key) -> Bool { (a.zip, a.street) < (b.zip, b.street) }
    }

    /// `fixed` rows (the fixed customers' addresses) come first and win over the generated ones.
    init(fixed: [(zip: String, street: String, feet: Int)]) {
        for row in fixed where feet[Key(zip: row.zip, street: row.street)] == nil {
            feet[Key(zip: row.zip, street: row.street)] = row.feet
        }
        for (z, place) in DemoNames.places.enumerated() {
            if Self.hasNoPlant(placeIndex: z) { continue }
            if z % 4 == 1 { add(place.zip, "", [150, 450, 90, 800][(z / 4) % 4]) }
            for (s, street) in DemoNames.streets.enumerated() {
                let name = StreetName.streetOnly(street)
                switch (z * 7 + s * 11) % 10 {
                case 0..<4: add(place.zip, name, 0)
                case 4..<7: add(place.zip, name, 40 + ((z * 37 + s * 53) % 57) * 10)
                default: break
                }
            }
        }
    }

    /// Places 3, 10 and 17 (Brooklyn, Jersey City, Norwalk) have no plant: every address there is off-net.
    static func hasNoPlant(placeIndex: Int) -> Bool { placeIndex % 7 == 3 }

    private mutating func add(_ zip: String, _ street: String, _ distance: Int) {
        let key = Key(zip: zip, street: street)
        if feet[key] == nil { feet[key] = distance }
    }

    /// The same lookup as the store's check: the street's row, else the ZIP code's, else nil.
    /// `street` is the address's `StreetName.streetOnly`.
    func distance(street: String, zip: String) -> Int? {
        let zip5 = String(zip.prefix(5))
        return feet[Key(zip: zip5, street: street)] ?? feet[Key(zip: zip5, street: "")]
    }

    func insert(_ db: Database) throws {
        var statement = try RawStatement(db, sql: "INSERT INTO plant(zip, street, distance_feet) VALUES (?, ?, ?)")
        for key in feet.keys.sorted() {
            statement.add(key.zip); statement.add(key.street); statement.add(feet[key]!)
            try statement.insert()
        }
    }
}
