import GRDB
import OrderDeskCore

/// The customer screen's side of the demo, written with each customer as the builder inserts it:
/// serviceability from the plant table and surveys on its locations, contacts, CSR/LOA records (some
/// LOAs with fields that do not match the account), notes and contracts.
/// A random stream of its own, so the orders do not change when this part does; the fixed customers
/// (`DemoFixedCustomers`) draw from streams of their own too, the same in every demo.
struct DemoCustomerDetails {
    struct Address { let street: String; let city: String; let state: String; let zip: String }

    let now: Int64
    let today: Day
    let managers: [Int64]
    let plant: DemoPlant
    /// The contracts' terms, lines and trails.
    private var contractWriter: DemoContracts
    /// The locations of the customer being written, for its contracts.
    private var sites: [DemoContracts.Site] = []
    var random: SeededRandom
    private var locations: RawStatement
    private var contacts: RawStatement
    private var documents: RawStatement
    private var notes: RawStatement
    private var contractCount = 0
    private var streetNames: [Substring: String] = [:]
    private var domains: [String: String] = [:]
    private var localParts: [String: String] = [:]

    init(db: Database, seed: UInt64, now: Int64, managers: [Int64], supervisors: [Int64], directors: [Int64]) throws {
        self.now = now; self.managers = managers
        contractWriter = try DemoContracts(db: db, seed: seed, now: now, managers: managers, supervisors: supervisors, directors: directors)
        today = Day(unixSeconds: now)
        random = SeededRandom(seed: seed ^ 0xC057_0E3D_E7A1)
        plant = DemoPlant(fixed: DemoFixedCustomers.plantRows(today: today))
        try plant.insert(db)
        locations = try RawStatement(db, sql: """
            INSERT INTO locations(id, customer_id, street, city, state_code, zip, serviceability, distance_feet,
              construction_estimate_cents, checked_by, checked_at, survey_status, survey_on, survey_result, survey_note,
              updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        contacts = try RawStatement(db, sql: """
            INSERT INTO contacts(customer_id, name, role, phone, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        documents = try RawStatement(db, sql: """
            INSERT INTO porting_documents(customer_id, kind, received_on, authorized_name, service_address, zip, btn, note,
              created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        notes = try RawStatement(db, sql: "INSERT INTO customer_notes(customer_id, author_id, at, text) VALUES (?, ?, ?, ?)")
    }

    /// Everything of one customer but its own row: locations (ids from `firstLocation`), contacts,
    /// documents, notes and contracts. `index` is the customer's 0-based index.
    mutating func insert(
        customerID: Int64, index: Int, name: String, phone: String, owner: Int64?, since: Day,
        addresses: [Address], firstLocation: Int64
    ) throws {
        let fixed = DemoFixedCustomers.customer(index, today: today)
        let shared = random, sharedTerms = contractWriter.terms
        // A fixed customer's details come from its own streams, the same in every demo.
        if fixed != nil {
            random = SeededRandom(seed: 0xF1ED_0000 + UInt64(index))
            contractWriter.terms = SeededRandom(seed: 0xF1ED_7E00 + UInt64(index))
        }
        defer { if fixed != nil { random = shared; contractWriter.terms = sharedTerms } }

        sites.removeAll(keepingCapacity: true)
        for (i, address) in addresses.enumerated() {
            try insertLocation(id: firstLocation + Int64(i), customerID: customerID, address, fixed: fixed?.sites[i])
        }
        try insertContacts(customerID: customerID, name: name, phone: phone, fixed: fixed?.contacts)
        try insertDocuments(customerID: customerID, name: name, phone: phone, site: addresses[0], fixed: fixed)
        var texts = fixed?.notes ?? []
        if fixed == nil && random.chance(0.08) {
            for _ in 0..<random.int(1...2) { texts.append(random.pick(DemoNames.customerNoteTexts)) }
        }
        for text in texts {
            notes.add(customerID); notes.add(random.pick(managers)); notes.add(now - Int64(random.int(3_600...300 * 86_400)))
            notes.add(text)
            try notes.insert()
        }
        if index == 0 {
            try insertCafeRomaContracts(customerID: customerID, owner: owner)
        } else if fixed != nil || random.chance(0.4) {
            try insertContracts(customerID: customerID, owner: owner, since: since)
        }
        if fixed != nil { try insertFixedProposals(index: index, customerID: customerID, owner: owner) }
    }

    // MARK: - Locations

    private mutating func insertLocation(id: Int64, customerID: Int64, _ address: Address, fixed: DemoFixedCustomers.Site?) throws {
        // About one location in ten was never checked.
        let checked = fixed?.checked ?? !random.chance(0.1)
        let assessment = checked
            ? ServiceabilityRules.defaults.assess(distanceFeet: plant.distance(street: streetOnly(address.street), zip: address.zip))
            : ServiceabilityAssessment(serviceability: .unknown, distanceFeet: nil, constructionEstimate: nil)
        let checker: Int64? = checked ? random.pick(managers) : nil
        let checkedAt: Int64? = checked ? now - Int64(random.int(3_600...400 * 86_400)) : nil
        let survey = fixed?.survey ?? self.survey(for: assessment.serviceability)
        let note = fixed?.surveyNote ?? (survey != .notNeeded && random.chance(0.3) ? random.pick(Self.surveyNotes) : nil)
        locations.add(id); locations.add(customerID); locations.add(address.street); locations.add(address.city)
        locations.add(address.state); locations.add(address.zip); locations.add(assessment.serviceability.rawValue)
        locations.add(assessment.distanceFeet.map(Int64.init)); locations.add(assessment.constructionEstimate?.cents)
        locations.add(checker); locations.add(checkedAt); locations.add(survey.name); locations.add(survey.day?.iso)
        locations.add(survey.result?.rawValue); locations.add(note); locations.add(checker); locations.add(checkedAt ?? 0)
        try locations.insert()
        sites.append(DemoContracts.Site(id: id, estimate: assessment.serviceability == .nearNet ? assessment.constructionEstimate?.cents : nil))
    }

    /// `StreetName.streetOnly`, remembered by the text after the house number: the demo's streets are a
    /// few dozen names behind thousands of numbers.
    private mutating func streetOnly(_ street: String) -> String {
        let name = street.drop { $0 != " " }
        if let known = streetNames[name] { return known }
        let folded = StreetName.streetOnly(street)
        streetNames[name] = folded
        return folded
    }

    /// Surveys follow the result: rare on-net, common where construction is in question.
    private mutating func survey(for serviceability: Serviceability) -> SurveyStatus {
        let weights: [Int]  // not needed, requested, scheduled, completed
        switch serviceability {
        case .onNet: weights = [95, 1, 1, 3]
        case .nearNet: weights = [15, 30, 25, 30]
        case .offNet: weights = [40, 20, 15, 25]
        case .unknown: weights = [85, 15, 0, 0]
        }
        switch random.weighted(weights) {
        case 0: return .notNeeded
        case 1: return .requested
        case 2: return .scheduled(today.adding(days: random.int(-5...40)))
        default:
            switch serviceability {
            case .onNet: return .completed(.feasible)
            case .nearNet: return .completed(random.chance(0.6) ? .feasible : .feasibleWithConstruction)
            default: return .completed(random.chance(0.6) ? .notFeasible : .feasibleWithConstruction)
            }
        }
    }

    static let surveyNotes = [
        "Meet the building super at the loading dock.", "Roof access needs a day's notice.",
        "Conduit to the street needs a permit.", "Landlord must sign off before any drilling.",
    ]

    // MARK: - Contacts and documents

    private mutating func insertContacts(customerID: Int64, name: String, phone: String, fixed: [DemoFixedCustomers.Person]?) throws {
        // The demo writes every phone `(516) 555-0142`.
        let area = String(phone.dropFirst().prefix(3))
        // Names repeat across the demo's customers (a few tens of thousands of them): remembered.
        let domain = domains[name] ?? Self.emailDomain(name)
        domains[name] = domain
        var people = fixed ?? []
        if fixed == nil {
            // One to three people, each in a role of their own.
            var roles = ContactRole.allCases
            for _ in 0..<(random.weighted([45, 35, 20]) + 1) {
                let first = random.pick(DemoNames.contactFirstNames), last = random.pick(DemoNames.contactLastNames)
                let role = roles.remove(at: random.int(0...(roles.count - 1)))
                let ways = random.weighted([60, 25, 15])  // both, phone only, email only
                let phone = "(\(area)) \(random.int(200...999))-" + zeroPadded(random.int(0...9999), width: 4)
                let fullName = first + " " + last
                let localPart = localParts[fullName] ?? TextFolding.words(of: fullName).joined(separator: ".")
                localParts[fullName] = localPart
                let email = localPart + "@" + domain
                people.append(DemoFixedCustomers.Person(
                    name: fullName, role: role, phone: ways == 2 ? nil : phone, email: ways == 1 ? nil : email))
            }
        }
        for person in people {
            contacts.add(customerID); contacts.add(person.name); contacts.add(person.role.rawValue); contacts.add(person.phone)
            contacts.add(person.email); contacts.add(now - 400 * 86_400); contacts.add(now - 400 * 86_400)
            try contacts.insert()
        }
    }

    /// `cafe-roma-llc.example` (ASCII letters and digits of the name; a reserved domain).
    static func emailDomain(_ name: String) -> String {
        let words = TextFolding.words(of: name).map { $0.filter { $0.isASCII } }.filter { !$0.isEmpty }
        return (words.isEmpty ? "customer" : words.prefix(3).joined(separator: "-")) + ".example"
    }

    /// CSR and LOA for about 15% of customers: received or missing; about a third of the received LOAs
    /// have one or two fields that do not match the account.
    private mutating func insertDocuments(customerID: Int64, name: String, phone: String, site: Address, fixed: DemoFixedCustomers.Customer?) throws {
        let csrDaysAgo: Int?, loaDaysAgo: Int?, wrong: [LOAField]
        if let fixed {
            csrDaysAgo = fixed.csrReceivedDaysAgo; loaDaysAgo = fixed.loaReceivedDaysAgo; wrong = fixed.loaMismatches
        } else {
            guard random.chance(0.15) else { return }
            csrDaysAgo = random.chance(0.7) ? random.int(1...120) : nil
            loaDaysAgo = random.chance(0.6) ? random.int(1...120) : nil
            if random.chance(1.0 / 3.0) {
                var fields = LOAField.allCases
                wrong = (0..<(random.chance(0.7) ? 1 : 2)).map { _ in fields.remove(at: random.int(0...(fields.count - 1))) }
            } else {
                wrong = []
            }
        }
        documents.add(customerID); documents.add("csr"); documents.add(csrDaysAgo.map { today.adding(days: -$0).iso })
        for _ in 0..<4 { documents.addNull() }
        documents.add(csrDaysAgo == nil ? "Requested from the losing carrier." : nil)
        documents.add(now - 130 * 86_400); documents.add(now - Int64(csrDaysAgo ?? 130) * 86_400)
        try documents.insert()

        documents.add(customerID); documents.add("loa"); documents.add(loaDaysAgo.map { today.adding(days: -$0).iso })
        if loaDaysAgo != nil {
            let letter = Self.letter(name: name, phone: phone, site: site, wrong: wrong, shout: random.chance(0.3))
            documents.add(letter.authorizedName); documents.add(letter.serviceAddress); documents.add(letter.zip)
            documents.add(letter.billingTelephoneNumber); documents.addNull()
        } else {
            for _ in 0..<4 { documents.addNull() }
            documents.add("Sent to the customer for signature.")
        }
        documents.add(now - 130 * 86_400); documents.add(now - Int64(loaDaysAgo ?? 130) * 86_400)
        try documents.insert()
    }

    /// What a signed LOA says: the account's values as people write them, with the `wrong` fields altered
    /// the way they go wrong (an extra word in the name, another house number, a digit off).
    static func letter(name: String, phone: String, site: Address, wrong: [LOAField], shout: Bool) -> LOADetails {
        let written = name.replacingOccurrences(of: "LLC", with: "L.L.C.")
        var letter = LOADetails(authorizedName: shout ? written.uppercased() : written, serviceAddress: site.street, zip: site.zip,
                                billingTelephoneNumber: PhoneNumber(phone).map { d in
                                    let digits = Array(d.digits)
                                    return String(digits[0..<3]) + "-" + String(digits[3..<6]) + "-" + String(digits[6...])
                                } ?? phone)
        for field in wrong {
            switch field {
            case .authorizedName: letter.authorizedName += " Holdings"
            case .serviceAddress:
                let number = site.street.prefix { $0.isNumber }
                letter.serviceAddress = String((Int(number) ?? 0) + 10) + site.street.dropFirst(number.count)
            case .zip: letter.zip = bumpLastDigit(site.zip)
            case .billingTelephoneNumber: letter.billingTelephoneNumber = bumpLastDigit(letter.billingTelephoneNumber)
            }
        }
        return letter
    }

    private static func bumpLastDigit(_ text: String) -> String {
        guard let last = text.last?.wholeNumberValue else { return text + "1" }
        return String(text.dropLast()) + String((last + 1) % 10)
    }

    // MARK: - Contracts

    /// A chain of contracts from the customer's first days: the first new (or a win-back), each later
    /// one renewing the one before when it ran out, up to four; the last still active (some with an
    /// addendum, some ending soon with their renewal being agreed), or ended (the customer left; some
    /// are being won back).
    private mutating func insertContracts(customerID: Int64, owner: Int64?, since: Day) throws {
        let maximum = 4
        var start = since.adding(days: random.int(0...60))
        var parent: Int64?
        for i in 0..<maximum {
            let term = random.pick([12, 24, 36, 36, 60])
            let end = ContractSummary.endDay(start: start, months: term)
            let kind: ContractKind = i == 0 ? (random.chance(0.1) ? .reclamation : .new) : .renewal
            let status: ContractStatus = end < today
                ? (i == maximum - 1 && random.chance(0.3) ? .terminated : .expired)
                : (random.chance(0.95) ? .active : .terminated)
            let id = try insertContract(customerID: customerID, kind: kind, parent: kind == .renewal ? parent : nil, status: status,
                                        term: term, start: start, owner: owner)
            if status == .active && random.chance(0.2) {
                let addendumStart = start.adding(days: random.int(30...max(30, today - start)))
                _ = try insertContract(customerID: customerID, kind: .addendum, parent: id, status: .active, term: 12,
                                       start: min(addendumStart, today), owner: owner)
            }
            if end >= today {
                // A contract running out within six months is often being renewed already.
                if status == .active && end - today <= 180 && random.chance(0.7) {
                    try insertProposal(customerID: customerID, kind: .renewal, parent: id, term: term, start: end.adding(days: 1), owner: owner)
                }
                return
            }
            parent = id
            start = end.adding(days: 1)
        }
        // The chain ran out before today: the customer left. Some are being won back.
        if random.chance(0.4) {
            try insertProposal(customerID: customerID, kind: .reclamation, parent: nil, term: 36,
                               start: today.adding(days: random.int(10...40)), owner: owner)
        }
    }

    /// A contract still being agreed: a draft or one pending approval may have no dates yet.
    private mutating func insertProposal(customerID: Int64, kind: ContractKind, parent: Int64?, term: Int, start: Day, owner: Int64?) throws {
        let status = random.pick([ContractStatus.draft, .pendingApproval, .approved, .sent])
        let dated = !(status == .draft || status == .pendingApproval) || random.chance(0.3)
        _ = try insertContract(customerID: customerID, kind: kind, parent: parent, status: status, term: term,
                               start: dated ? start : nil, owner: owner)
    }

    /// Café Roma's: a three-year contract ending in two months, an addendum, and the renewal waiting for a
    /// director (its fiber discounted 15%, over the 36-month allowance of 10%).
    private mutating func insertCafeRomaContracts(customerID: Int64, owner: Int64?) throws {
        let end = today.adding(days: 60)
        let (y, m, d) = end.adding(days: 1).components
        let start = Day(year: y - 3, month: m, day: min(d, Day.daysIn(month: m, year: y - 3)))!
        let service = [DemoContracts.FixedLine(code: "FIB-1G", quantity: 1, discount: 0),
                       DemoContracts.FixedLine(code: "VOI-LINE", quantity: 4, discount: 0),
                       DemoContracts.FixedLine(code: "IP-5", quantity: 1, discount: 0)]
        let first = try insertContract(customerID: customerID, kind: .new, parent: nil, status: .active, term: 36, start: start, owner: owner,
                                       terms: DemoContracts.FixedTerms(lines: service, site: 0))
        _ = try insertContract(customerID: customerID, kind: .addendum, parent: first, status: .active, term: 12,
                               start: today.adding(days: -200), owner: owner,
                               terms: DemoContracts.FixedTerms(lines: [DemoContracts.FixedLine(code: "TV-BASIC", quantity: 2, discount: 0)], site: 0,
                                                               comment: "Twelve months to match the lease; renew with the main contract."))
        var renewal = service
        renewal[0] = DemoContracts.FixedLine(code: "FIB-1G", quantity: 1, discount: 15)
        _ = try insertContract(customerID: customerID, kind: .renewal, parent: first, status: .pendingApproval, term: 36, start: nil, owner: owner,
                               terms: DemoContracts.FixedTerms(lines: renewal, site: 0))
    }

    /// Proposals every demo has besides Café Roma's: a win-back waiting for a supervisor (a 24-month term)
    /// and a draft a director rejected (Ñandú Imports); a new site whose construction never pays back,
    /// waiting for a director's comment (Crème Brûlée Bakery).
    private mutating func insertFixedProposals(index: Int, customerID: Int64, owner: Int64?) throws {
        switch index {
        case 1:
            _ = try insertContract(customerID: customerID, kind: .reclamation, parent: nil, status: .pendingApproval, term: 24, start: nil, owner: owner,
                                   terms: DemoContracts.FixedTerms(lines: [DemoContracts.FixedLine(code: "FIB-300", quantity: 1, discount: 0),
                                                                           DemoContracts.FixedLine(code: "VOI-UNL", quantity: 3, discount: 0)], site: 0))
            _ = try insertContract(customerID: customerID, kind: .new, parent: nil, status: .draft, term: 12, start: nil, owner: owner,
                                   terms: DemoContracts.FixedTerms(lines: [DemoContracts.FixedLine(code: "SDWAN-ESS", quantity: 2, discount: 8)], site: 1,
                                                                   rejection: "A 12-month term earns 5% at most: offer 5%, or 8% on 24 months."))
        case 2:
            _ = try insertContract(customerID: customerID, kind: .new, parent: nil, status: .pendingApproval, term: 36, start: nil, owner: owner,
                                   terms: DemoContracts.FixedTerms(lines: [DemoContracts.FixedLine(code: "FIB-100", quantity: 1, discount: 0)], site: 1,
                                                                   builds: true, costPercent: 40))
        default:
            break
        }
    }

    private mutating func insertContract(
        customerID: Int64, kind: ContractKind, parent: Int64?, status: ContractStatus, term: Int, start: Day?, owner: Int64?,
        terms: DemoContracts.FixedTerms? = nil
    ) throws -> Int64 {
        contractCount += 1
        let id = Int64(contractCount)
        let created = min(now, (start ?? today).adding(days: -random.int(5...30)).unixSeconds + 10 * 3_600)
        // The MRR this stream used to draw; the lines decide it now (drawn still, so the stream stays as it was).
        _ = random.int(50...2_500)
        try contractWriter.insert(id: id, customerID: customerID, kind: kind, parent: parent, status: status, term: term, start: start,
                                  owner: owner, created: created, sites: sites, fixed: terms)
        return id
    }
}
