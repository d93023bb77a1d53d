import OrderDeskCore

/// What the demo's first customers (`DemoNames.fixedCustomers`) get besides their names: the same
/// phone, locations, plant, contacts and documents in every demo, whatever the seed, so end-to-end
/// tests and demonstrations can rely on them. Café Roma LLC is written out in full; the others follow
/// a pattern (three locations: on-net, near-net, off-net by their plant rows).
enum DemoFixedCustomers {
    struct Site {
        var street: String, city: String, state: String, zip: String
        /// The plant row written for this address (nil: none, the generated plant decides).
        var plantFeet: Int?
        /// False: never checked (serviceability unknown).
        var checked: Bool
        var survey: SurveyStatus
        var surveyNote: String?
    }

    struct Person { let name: String; let role: ContactRole; let phone: String?; let email: String? }

    struct Customer {
        let phone: String
        let sites: [Site]
        let contacts: [Person]
        /// Days before today the CSR came in (nil: missing).
        let csrReceivedDaysAgo: Int?
        /// Days before today the LOA came in (nil: missing), and the fields written wrong on it.
        let loaReceivedDaysAgo: Int?
        let loaMismatches: [LOAField]
        let notes: [String]
    }

    /// The fixed customer at `index` (0-based customer index), or nil past the fixed ones.
    static func customer(_ index: Int, today: Day) -> Customer? {
        guard index < DemoNames.fixedCustomers.count else { return nil }
        if index == 0 { return cafeRoma(today: today) }
        let place = DemoNames.places[index % DemoNames.places.count]
        let sites = (0..<3).map { k -> Site in
            // Never in a place without plant, which stays so in every demo.
            var placeIndex = (index * 3 + k * 7) % DemoNames.places.count
            if DemoPlant.hasNoPlant(placeIndex: placeIndex) { placeIndex += 1 }
            let where_ = DemoNames.places[placeIndex]
            let street = DemoNames.streets[(index * 7 + k * 3) % DemoNames.streets.count]
            let feet = [0, 60 + 9 * index, 250 + 40 * index][k]
            let survey: SurveyStatus = [.notNeeded, .scheduled(today.adding(days: 3 + index)), .completed(SurveyResult.allCases[index % 3])][k]
            return Site(street: String(100 + 10 * index + k) + " " + street, city: where_.city, state: where_.state, zip: where_.zip,
                        plantFeet: feet, checked: !(k == 2 && index % 4 == 0), survey: survey, surveyNote: nil)
        }
        let first = DemoNames.contactFirstNames[index % DemoNames.contactFirstNames.count]
        let last = DemoNames.contactLastNames[(index * 3) % DemoNames.contactLastNames.count]
        let domain = DemoCustomerDetails.emailDomain(DemoNames.fixedCustomers[index])
        let phone = "(\(place.area)) 555-01\(42 + index)"
        return Customer(
            phone: phone, sites: sites,
            contacts: [
                Person(name: "\(first) \(last)", role: ContactRole.allCases[index % 4], phone: "(\(place.area)) 555-02\(10 + index)",
                       email: "\(first.lowercased()).\(last.lowercased())@\(domain)"),
                Person(name: "\(DemoNames.contactFirstNames[(index + 5) % DemoNames.contactFirstNames.count]) \(last)",
                       role: ContactRole.allCases[(index + 1) % 4], phone: nil, email: "office@\(domain)"),
            ],
            csrReceivedDaysAgo: index % 3 == 2 ? nil : 20 + index,
            loaReceivedDaysAgo: index % 5 == 4 ? nil : 10 + index,
            // Each field alone, then pairs, then some letters with none.
            loaMismatches: [[.authorizedName], [.serviceAddress], [.zip], [.billingTelephoneNumber], [],
                            [.authorizedName, .zip], [.serviceAddress, .billingTelephoneNumber], []][index % 8],
            notes: index % 2 == 0 ? ["Prefers email; the office line rings at the front desk."] : [])
    }

    /// Café Roma LLC: four locations (on-net, near-net with a scheduled survey, off-net surveyed, never
    /// checked), four contacts (every role), a CSR and an LOA whose ZIP code is mistyped.
    static func cafeRoma(today: Day) -> Customer {
        Customer(
            phone: "(516) 555-0142",
            sites: [
                Site(street: "12 Main St", city: "Bethpage", state: "NY", zip: "11714", plantFeet: 0, checked: true,
                     survey: .notNeeded, surveyNote: nil),
                Site(street: "1200 Old Country Rd", city: "Hicksville", state: "NY", zip: "11801", plantFeet: 150, checked: true,
                     survey: .scheduled(today.adding(days: 9)), surveyNote: "Meet the building super at the loading dock."),
                Site(street: "480 Park Ave", city: "Garden City", state: "NY", zip: "11530", plantFeet: 420, checked: true,
                     survey: .completed(.feasibleWithConstruction), surveyNote: "Conduit to the street needs a permit."),
                Site(street: "77 Hudson St", city: "Hoboken", state: "NJ", zip: "07030", plantFeet: nil, checked: false,
                     survey: .requested, surveyNote: nil),
            ],
            contacts: [
                Person(name: "Ana Ruiz", role: .billing, phone: "(516) 555-0100", email: "ana.ruiz@caferoma.example"),
                Person(name: "Marco Bianchi", role: .technical, phone: "(516) 555-0101", email: "marco@caferoma.example"),
                Person(name: "Lucia Romano", role: .signer, phone: nil, email: "lucia.romano@caferoma.example"),
                Person(name: "Sal Esposito", role: .siteAccess, phone: "(516) 555-0177", email: nil),
            ],
            csrReceivedDaysAgo: 20, loaReceivedDaysAgo: 12, loaMismatches: [.zip],
            notes: ["Owner wants the voice lines ported before the lease renewal in June.",
                    "Hoboken site is a new lease: check serviceability before quoting."])
    }

    /// The plant rows the fixed customers' addresses need.
    static func plantRows(today: Day) -> [(zip: String, street: String, feet: Int)] {
        DemoNames.fixedCustomers.indices.flatMap { index in
            (customer(index, today: today)?.sites ?? []).compactMap { site in
                site.plantFeet.map { (zip: site.zip, street: StreetName.streetOnly(site.street), feet: $0) }
            }
        }
    }
}
