import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// An in-memory customer book behind a `CustomerClient`, for screen and form tests: the store's contract
/// without SQL. Search folds accents and matches word prefixes over name, account number (with and without
/// its leading zeros), phone (formatted, ten digits, seven digits) and addresses; pages are keyset pages
/// by folded name then id; every record has a version and a stale save throws `recordConflict`; the
/// serviceability check judges addresses against a small plant table with `ServiceabilityRules`.
///
/// Orders are the `FakeOrderBook`'s rows, matched to customers by name (the sample rows carry names, not
/// customer ids); `createOrder` adds a row there, so a new order shows in the queue. Every change bumps
/// the order book's data version, so open screens reload as they would from another terminal.
///
/// The sample customers are `SampleOrders.names`. Café Roma LLC (id 1) has a location of every
/// serviceability (on, near, off net, unknown) and the survey states, a contact of every role, a CSR
/// and an LOA whose name and ZIP do not match the account, a contract due for renewal, and a long
/// timeline. Other customers cover the remaining survey results, a matching LOA, a missing CSR or LOA.
final class FakeCustomerBook: @unchecked Sendable {
    struct Record {
        var header: CustomerHeader
        var locations: [CustomerLocation]
        var contacts: [Contact]
        var documents: [PortingDocument]
        var contracts: [ContractSummary]
        /// Notes and changes, newest first.
        var timeline: [TimelineEntry]
    }

    private let lock = NSRecursiveLock()
    /// By customer id, in id order.
    var records: [Int64: Record] = [:]
    /// The order book whose rows are the customers' orders (set by `client(as:now:orders:)`).
    weak var orders: FakeOrderBook?
    /// The plant table: ZIP code → street (`StreetName.streetOnly`, "" for the rest of the ZIP) → feet.
    var plant: [String: [String: Int]] = FakeCustomerBook.samplePlant
    var rules = ServiceabilityRules.defaults
    var products: [PriceBookProduct] = FakeCustomerBook.sampleProducts
    /// Broad searches count up to this many and say "or more" (the store stops at 10,000).
    var countCap = 10_000
    /// Every page asked for, to check that screens fetch only what they show.
    private(set) var fetches: [(search: String, request: CustomerPageRequest, limit: Int)] = []
    private(set) var countCalls = 0
    /// Bumped with every change (the order book's data version is bumped too).
    private(set) var version: Int64 = 1
    private var nextID: Int64 = 1_000_000
    /// Who last changed a location, contact or document (`location:12`), for conflict messages.
    private var stamps: [String: (by: String, at: Int64)] = [:]

    /// Login → name of the desk's users, for owners.
    static let owners = ["dana.ruiz": "Dana Ruiz", "lee.chen": "Lee Chen", "sam.ortiz": "Sam Ortiz"]

    /// The sample customers, plus `extraCustomers` plain ones (for paging through a longer list).
    init(now: Int64 = SampleOrders.now, extraCustomers: Int = 0) {
        for (i, name) in SampleOrders.names.enumerated() {
            let record = Self.sample(index: i, name: name, now: now, plant: plant, rules: rules)
            records[record.header.id] = record
        }
        let first = ["Atlas", "Beacon", "Cedar", "Harbor", "Maple", "Orion", "Pioneer", "Summit"]
        let second = ["Auto Body", "Bakery", "Dental", "Fitness", "Florist", "Law Group", "Logistics", "Plumbing"]
        for n in 0..<extraCustomers {
            let id = Int64(101 + n)
            let name = first[n % first.count] + " " + second[(n / first.count) % second.count] + " \(n / 64 + 1)"
            let header = CustomerHeader(
                id: id, name: name, accountNumber: String(790_000_000 + n).leftPadded(to: 11), segment: "small business",
                channel: Channel.allCases[n % Channel.allCases.count], phone: "(631) 555-" + String(1000 + n % 9000),
                ownerLogin: nil, ownerName: nil, since: Day(year: 2020, month: 1, day: 1)!.adding(days: n),
                openOrders: 0, totalMRR: .zero, version: 1, updatedBy: nil, updatedAt: now)
            let location = CustomerLocation(
                id: 10_000 + id, address: ServiceLocation(id: 10_000 + id, street: "\(n + 1) Jericho Tpke", city: "Jericho",
                                                         stateCode: "NY", zip: "11753"),
                serviceability: .unknown, distanceFeet: nil, constructionEstimate: nil, checkedBy: nil, checkedAt: nil,
                survey: SiteSurvey(status: .notNeeded), services: [], version: 1)
            records[id] = Record(header: header, locations: [location], contacts: [], documents: [], contracts: [], timeline: [])
        }
    }

    // MARK: The client

    func client(as user: UserAccount, now: Int64, orders: FakeOrderBook? = nil) -> CustomerClient {
        if let orders { self.orders = orders }
        return CustomerClient(
            page: { [self] in page($0, $1, $2) },
            count: { [self] in count($0) },
            detail: { [self] in try detail($0) },
            customerOfOrder: { [self] in try customerOfOrder($0) },
            updateCustomer: { [self] in try updateCustomer($0, $1, $2, by: user, at: now) },
            saveLocation: { [self] in try saveLocation($0, $1, $2, $3, by: user, at: now) },
            saveContact: { [self] in try saveContact($0, $1, $2, $3, by: user, at: now) },
            deleteContact: { [self] in try deleteContact($0, $1, by: user, at: now) },
            checkServiceability: { [self] in try checkServiceability($0, by: user, at: now) },
            recordSurvey: { [self] in try recordSurvey($0, $1, $2, by: user, at: now) },
            saveDocument: { [self] in try saveDocument($0, $1, $2, $3, $4, $5, $6, by: user, at: now) },
            addNote: { [self] in try addNote($0, $1, by: user, at: now) },
            priceBook: { [self] in priceBook($0) },
            serviceLines: { [self] in try serviceLines($0) },
            createOrder: { [self] in try createOrder($0, by: user, at: now) })
    }

    // MARK: The list

    /// Customers matching a search, sorted by folded name then id.
    func matching(_ search: String) -> [CustomerSummary] {
        lock.lock(); defer { lock.unlock() }
        let words = TextFolding.words(of: search)
        return records.values
            .filter { record in words.allSatisfy { word in Self.tokens(of: record).contains { $0.hasPrefix(word) } } }
            .map(summary)
            .sorted { Self.key($0) < Self.key($1) }
    }

    func page(_ search: String, _ request: CustomerPageRequest, _ limit: Int) -> CustomerPage {
        lock.lock(); defer { lock.unlock() }
        fetches.append((search, request, limit))
        let all = matching(search)
        switch request {
        case .first:
            return CustomerPage(rows: Array(all.prefix(limit)), hasMoreAfter: all.count > limit, hasMoreBefore: false)
        case .last:
            return CustomerPage(rows: Array(all.suffix(limit)), hasMoreAfter: false, hasMoreBefore: all.count > limit)
        case .after(let row):
            // By the row's key, not its place: the row itself may have gone meanwhile.
            let start = all.firstIndex { Self.key($0) > Self.key(row) } ?? all.count
            let rows = Array(all[start...].prefix(limit))
            return CustomerPage(rows: rows, hasMoreAfter: start + rows.count < all.count, hasMoreBefore: start > 0)
        case .before(let row):
            let end = all.firstIndex { Self.key($0) >= Self.key(row) } ?? all.count
            let start = max(0, end - limit)
            return CustomerPage(rows: Array(all[start..<end]), hasMoreAfter: end < all.count, hasMoreBefore: start > 0)
        }
    }

    func count(_ search: String) -> QueueTotal {
        lock.lock(); defer { lock.unlock() }
        countCalls += 1
        let n = matching(search).count
        return n > countCap ? QueueTotal(count: countCap, isExact: false) : QueueTotal(count: n)
    }

    /// The list's sort key: the folded name, then the id.
    static func key(_ s: CustomerSummary) -> KeyPair { KeyPair(name: TextFolding.fold(s.name), id: s.id) }

    struct KeyPair: Comparable {
        var name: String
        var id: Int64
        static func < (a: KeyPair, b: KeyPair) -> Bool { a.name != b.name ? a.name < b.name : a.id < b.id }
    }

    /// Every search token of a customer, folded, as the store's search key holds them.
    static func tokens(of record: Record) -> [String] {
        let h = record.header
        var text = [h.name, h.accountNumber]
        let stripped = h.accountNumber.drop { $0 == "0" }
        if stripped.count != h.accountNumber.count { text.append(String(stripped)) }
        if let phone = h.phone {
            text.append(phone)
            if let number = PhoneNumber(phone) { text += [number.digits, String(number.digits.dropFirst(3))] }
        }
        text += record.locations.map { $0.address.street + " " + $0.address.city + " " + $0.address.stateCode + " " + $0.address.zip }
        return text.flatMap(TextFolding.words(of:))
    }

    private func summary(_ record: Record) -> CustomerSummary {
        let h = withOrders(record.header)
        let place = record.locations.first.map { $0.address.city + ", " + $0.address.stateCode }
        return CustomerSummary(id: h.id, name: h.name, accountNumber: h.accountNumber, phone: h.phone, place: place,
                               channel: h.channel, openOrders: h.openOrders, totalMRR: h.totalMRR)
    }

    // MARK: The customer screen

    /// The customer's orders from the order book, newest booked first.
    func orderRows(of name: String) -> [QueueRow] {
        (orders?.rows ?? []).filter { $0.customerName == name }
            .sorted { $0.bookedOn != $1.bookedOn ? $0.bookedOn > $1.bookedOn : $0.id > $1.id }
    }

    /// The header with the open orders and the MRR in service counted from the order book.
    private func withOrders(_ header: CustomerHeader) -> CustomerHeader {
        var h = header
        let rows = orderRows(of: header.name)
        h.openOrders = rows.filter { $0.state.isOpen }.count
        h.totalMRR = rows.filter { $0.state == .installed || $0.state == .billed }.reduce(Money.zero) { total, row in
            row.type == .disconnect ? total - row.mrr : total + row.mrr
        }
        return h
    }

    func detail(_ id: Int64) throws -> CustomerDetail {
        lock.lock(); defer { lock.unlock() }
        guard let r = records[id] else { throw OrderDeskError.recordNotFound(what: "customer #\(id)") }
        return CustomerDetail(header: withOrders(r.header), locations: r.locations, orders: orderRows(of: r.header.name),
                              contracts: r.contracts, contacts: r.contacts, documents: r.documents, timeline: r.timeline)
    }

    func customerOfOrder(_ orderID: Int64) throws -> Int64 {
        lock.lock(); defer { lock.unlock() }
        guard let row = orders?.rows.first(where: { $0.id == orderID }) else {
            throw OrderDeskError.orderNotFound(String(orderID))
        }
        guard let id = records.values.first(where: { $0.header.name == row.customerName })?.header.id else {
            throw OrderDeskError.recordNotFound(what: "customer of order \(row.orderNumber)")
        }
        return id
    }

    // MARK: Changes

    private func mayChange(_ user: UserAccount) throws {
        guard user.role.canChangeOrders else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "change customers")
        }
    }

    private func touch() {
        version += 1
        orders?.version += 1
    }

    private func log(_ customerID: Int64, _ subject: String, _ text: String, by user: UserAccount, at: Int64, kind: TimelineEntry.Kind = .change) {
        records[customerID]?.timeline.insert(TimelineEntry(at: at, actor: user.name, kind: kind, subject: subject, text: text), at: 0)
    }

    private func newID() -> Int64 { nextID += 1; return nextID }

    private func conflict(_ what: String, key: String) -> OrderDeskError {
        let stamp = stamps[key] ?? (by: "Someone Else", at: SampleOrders.now - 60)
        return .recordConflict(what: what, changedBy: stamp.by, changedAt: stamp.at)
    }

    /// Where a location is: its customer and index.
    private func findLocation(_ id: Int64) throws -> (Int64, Int) {
        for (cid, r) in records { if let i = r.locations.firstIndex(where: { $0.id == id }) { return (cid, i) } }
        throw OrderDeskError.recordNotFound(what: "location #\(id)")
    }

    func updateCustomer(_ id: Int64, _ edit: CustomerEdit, _ expected: Int64, by user: UserAccount, at now: Int64) throws -> CustomerHeader {
        lock.lock(); defer { lock.unlock() }
        try mayChange(user)
        guard var r = records[id] else { throw OrderDeskError.recordNotFound(what: "customer #\(id)") }
        let errors = edit.validate()
        if !errors.isEmpty { throw OrderDeskError.invalidFields(errors) }
        let e = edit.normalized
        if !e.ownerLogin.isEmpty && Self.owners[e.ownerLogin] == nil && e.ownerLogin != user.login {
            throw OrderDeskError.invalidFields([FieldError(field: "owner", message: "'\(e.ownerLogin)' is not a user of the desk.")])
        }
        guard r.header.version == expected else {
            throw OrderDeskError.recordConflict(what: "customer " + r.header.name, changedBy: r.header.updatedBy ?? "Someone Else",
                                                changedAt: r.header.updatedAt)
        }
        let old = r.header
        var changes: [String] = []
        func note(_ field: String, _ a: String?, _ b: String?) { if a != b { changes.append("\(field): \(a ?? "—") → \(b ?? "—")") } }
        note("name", old.name, e.name)
        note("segment", old.segment, e.segment)
        note("channel", old.channel.rawValue, e.channel.rawValue)
        note("phone", old.phone, e.phone)
        note("owner", old.ownerLogin, e.ownerLogin.isEmpty ? nil : e.ownerLogin)
        r.header.name = e.name; r.header.segment = e.segment; r.header.channel = e.channel; r.header.phone = e.phone
        r.header.ownerLogin = e.ownerLogin.isEmpty ? nil : e.ownerLogin
        r.header.ownerName = r.header.ownerLogin.map { Self.owners[$0] ?? user.name }
        r.header.version += 1; r.header.updatedBy = user.name; r.header.updatedAt = now
        records[id] = r
        // The orders belong to the customer, not to its name.
        if old.name != e.name, let orders {
            for i in orders.rows.indices where orders.rows[i].customerName == old.name { orders.rows[i].customerName = e.name }
        }
        for change in changes { log(id, "customer", change, by: user, at: now) }
        touch()
        return withOrders(r.header)
    }

    /// What every save checks first, as the store does: the role, the customer, the form's fields.
    private func checkSave(by user: UserAccount, customerID: Int64, errors: [FieldError]) throws {
        try mayChange(user)
        guard records[customerID] != nil else { throw OrderDeskError.recordNotFound(what: "customer #\(customerID)") }
        if !errors.isEmpty { throw OrderDeskError.invalidFields(errors) }
    }

    func saveLocation(_ customerID: Int64, _ locationID: Int64?, _ edit: LocationEdit, _ expected: Int64?,
                      by user: UserAccount, at now: Int64) throws -> CustomerLocation {
        lock.lock(); defer { lock.unlock() }
        try checkSave(by: user, customerID: customerID, errors: edit.validate())
        let e = edit.normalized
        guard let locationID else {
            let id = newID()
            let location = CustomerLocation(
                id: id, address: ServiceLocation(id: id, street: e.street, city: e.city, stateCode: e.stateCode, zip: e.zip),
                serviceability: .unknown, distanceFeet: nil, constructionEstimate: nil, checkedBy: nil, checkedAt: nil,
                survey: SiteSurvey(status: .notNeeded), services: [], version: 1)
            records[customerID]!.locations.append(location)
            stamps["location:\(id)"] = (user.name, now)
            log(customerID, "location " + e.street, "added: " + location.address.singleLine, by: user, at: now)
            touch()
            return location
        }
        let (owner, i) = try findLocation(locationID)
        guard owner == customerID else { throw OrderDeskError.recordNotFound(what: "location #\(locationID)") }
        var location = records[customerID]!.locations[i]
        guard location.version == expected else {
            throw conflict("location " + location.address.street, key: "location:\(locationID)")
        }
        let before = location.address.singleLine
        location.address = ServiceLocation(id: locationID, street: e.street, city: e.city, stateCode: e.stateCode, zip: e.zip)
        if before != location.address.singleLine {
            // The last check was for the old address.
            location.serviceability = .unknown; location.distanceFeet = nil; location.constructionEstimate = nil
            location.checkedBy = nil; location.checkedAt = nil
            log(customerID, "location " + e.street, "address: \(before) → \(location.address.singleLine)", by: user, at: now)
        }
        location.version += 1
        records[customerID]!.locations[i] = location
        stamps["location:\(locationID)"] = (user.name, now)
        touch()
        return location
    }

    func saveContact(_ customerID: Int64, _ contactID: Int64?, _ edit: ContactEdit, _ expected: Int64?,
                     by user: UserAccount, at now: Int64) throws -> Contact {
        lock.lock(); defer { lock.unlock() }
        try checkSave(by: user, customerID: customerID, errors: edit.validate())
        let e = edit.normalized
        let phone = e.phone.isEmpty ? nil : e.phone, email = e.email.isEmpty ? nil : e.email
        guard let contactID else {
            let contact = Contact(id: newID(), name: e.name, role: e.role, phone: phone, email: email, version: 1)
            records[customerID]!.contacts.append(contact)
            stamps["contact:\(contact.id)"] = (user.name, now)
            log(customerID, "contact " + e.name, "added as " + e.role.label, by: user, at: now)
            touch()
            return contact
        }
        guard let i = records[customerID]!.contacts.firstIndex(where: { $0.id == contactID }) else {
            throw OrderDeskError.recordNotFound(what: "contact #\(contactID)")
        }
        var contact = records[customerID]!.contacts[i]
        guard contact.version == expected else { throw conflict("contact " + contact.name, key: "contact:\(contactID)") }
        contact.name = e.name; contact.role = e.role; contact.phone = phone; contact.email = email
        contact.version += 1
        records[customerID]!.contacts[i] = contact
        stamps["contact:\(contactID)"] = (user.name, now)
        log(customerID, "contact " + e.name, "changed", by: user, at: now)
        touch()
        return contact
    }

    func deleteContact(_ contactID: Int64, _ expected: Int64, by user: UserAccount, at now: Int64) throws {
        lock.lock(); defer { lock.unlock() }
        try mayChange(user)
        for (cid, r) in records {
            guard let i = r.contacts.firstIndex(where: { $0.id == contactID }) else { continue }
            let contact = r.contacts[i]
            guard contact.version == expected else { throw conflict("contact " + contact.name, key: "contact:\(contactID)") }
            records[cid]!.contacts.remove(at: i)
            log(cid, "contact " + contact.name, "removed", by: user, at: now)
            touch()
            return
        }
        throw OrderDeskError.recordNotFound(what: "contact #\(contactID)")
    }

    /// The plant table's distance to an address: its street in its ZIP code, else the rest of the ZIP.
    static func distance(to address: ServiceLocation, plant: [String: [String: Int]]) -> Int? {
        guard let streets = plant[String(address.zip.prefix(5))] else { return nil }
        return streets[StreetName.streetOnly(address.street)] ?? streets[""]
    }

    func checkServiceability(_ locationID: Int64, by user: UserAccount, at now: Int64) throws -> CustomerLocation {
        lock.lock(); defer { lock.unlock() }
        try mayChange(user)
        let (cid, i) = try findLocation(locationID)
        var location = records[cid]!.locations[i]
        let before = location.serviceability
        let result = rules.assess(distanceFeet: Self.distance(to: location.address, plant: plant))
        location.serviceability = result.serviceability
        location.distanceFeet = result.distanceFeet
        location.constructionEstimate = result.constructionEstimate
        location.checkedBy = user.login
        location.checkedAt = now
        location.version += 1
        records[cid]!.locations[i] = location
        stamps["location:\(locationID)"] = (user.name, now)
        log(cid, "location " + location.address.street, "serviceability: \(before.label) → \(result.serviceability.label)",
            by: user, at: now)
        touch()
        return location
    }

    func recordSurvey(_ locationID: Int64, _ survey: SiteSurvey, _ expected: Int64, by user: UserAccount, at now: Int64) throws -> CustomerLocation {
        lock.lock(); defer { lock.unlock() }
        try mayChange(user)
        let (cid, i) = try findLocation(locationID)
        var location = records[cid]!.locations[i]
        guard location.version == expected else {
            throw conflict("location " + location.address.street, key: "location:\(locationID)")
        }
        let before = location.survey.status
        location.survey = survey
        location.version += 1
        records[cid]!.locations[i] = location
        stamps["location:\(locationID)"] = (user.name, now)
        log(cid, "location " + location.address.street, "survey: \(before.label) → \(survey.status.label)", by: user, at: now)
        touch()
        return location
    }

    func saveDocument(_ customerID: Int64, _ documentID: Int64?, _ kind: PortingDocumentKind, _ receivedOn: Day?,
                      _ loa: LOADetails?, _ note: String?, _ expected: Int64?, by user: UserAccount, at now: Int64) throws -> PortingDocument {
        lock.lock(); defer { lock.unlock() }
        try checkSave(by: user, customerID: customerID, errors: [])
        if kind == .csr && loa != nil {
            throw OrderDeskError.invalidFields([FieldError(field: "kind", message: "A CSR has no letter fields: only an LOA does.")])
        }
        let trimmedNote = note.map(FieldValidation.collapsed).flatMap { $0.isEmpty ? nil : $0 }
        let what = kind.label + ": " + (receivedOn.map { "received " + $0.iso } ?? "missing")
        guard let documentID else {
            let doc = PortingDocument(id: newID(), kind: kind, receivedOn: receivedOn, loa: loa, note: trimmedNote, version: 1)
            records[customerID]!.documents.append(doc)
            stamps["document:\(doc.id)"] = (user.name, now)
            log(customerID, "document " + kind.label, what, by: user, at: now)
            touch()
            return doc
        }
        guard let i = records[customerID]!.documents.firstIndex(where: { $0.id == documentID }) else {
            throw OrderDeskError.recordNotFound(what: "document #\(documentID)")
        }
        var doc = records[customerID]!.documents[i]
        guard doc.version == expected else { throw conflict("document " + doc.kind.label, key: "document:\(documentID)") }
        doc.kind = kind; doc.receivedOn = receivedOn; doc.loa = loa; doc.note = trimmedNote
        doc.version += 1
        records[customerID]!.documents[i] = doc
        stamps["document:\(documentID)"] = (user.name, now)
        log(customerID, "document " + kind.label, what, by: user, at: now)
        touch()
        return doc
    }

    func addNote(_ customerID: Int64, _ text: String, by user: UserAccount, at now: Int64) throws {
        lock.lock(); defer { lock.unlock() }
        try mayChange(user)
        guard records[customerID] != nil else { throw OrderDeskError.recordNotFound(what: "customer #\(customerID)") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw OrderDeskError.invalidFields([FieldError(field: "text", message: "Write something first: a note cannot be empty.")])
        }
        log(customerID, "customer", trimmed, by: user, at: now, kind: .note)
        touch()
    }

    // MARK: Orders

    func priceBook(_ search: String) -> [PriceBookProduct] {
        let words = TextFolding.words(of: search)
        return products
            .filter { p in
                let tokens = TextFolding.words(of: p.code + " " + p.name + " " + p.family) + [p.code.lowercased()]
                return words.allSatisfy { w in tokens.contains { $0.hasPrefix(w) } }
            }
            .sorted { $0.family != $1.family ? $0.family < $1.family : $0.name < $1.name }
    }

    func serviceLines(_ locationID: Int64) throws -> [DraftLine] {
        lock.lock(); defer { lock.unlock() }
        let (cid, i) = try findLocation(locationID)
        return records[cid]!.locations[i].services.compactMap { name in
            products.first { $0.name == name }.map { DraftLine(product: $0) }
        }
    }

    func createOrder(_ draft: MACOrderDraft, by user: UserAccount, at now: Int64) throws -> QueueRow {
        lock.lock(); defer { lock.unlock() }
        try mayChange(user)
        let errors = draft.validate()
        if !errors.isEmpty { throw OrderDeskError.invalidFields(errors) }
        guard let r = records[draft.customerID] else { throw OrderDeskError.recordNotFound(what: "customer #\(draft.customerID)") }
        for id in [draft.locationID, draft.newLocationID].compactMap({ $0 }) where !r.locations.contains(where: { $0.id == id }) {
            throw OrderDeskError.recordNotFound(what: "location #\(id)")
        }
        guard let orders else { throw OrderDeskError.recordNotFound(what: "order book") }
        let id = (orders.rows.map(\.id).max() ?? 0) + 1
        let number = String((orders.rows.compactMap { Int($0.orderNumber) }.max() ?? 450_000) + 1).leftPadded(to: 8)
        let row = QueueRow(
            id: id, orderNumber: number, customerName: r.header.name, accountNumber: r.header.accountNumber,
            type: draft.type.orderType, state: .draft, channel: r.header.channel, ownerLogin: user.login,
            mrr: draft.totalMRR, bookedOn: Day(unixSeconds: now), stateSince: now, installOn: nil, escalated: false, version: 1)
        orders.rows.append(row)
        let location = r.locations.first { $0.id == draft.locationID }?.address
        orders.details[id] = OrderDetail(
            row: row, ownerName: user.name, customerPhone: r.header.phone, segment: r.header.segment, location: location,
            lines: draft.lines.map { OrderLine(productCode: $0.product.code, productName: $0.product.name, quantity: $0.quantity,
                                               mrr: $0.mrr, nrc: $0.nrc) },
            termMonths: draft.termMonths, submittedOn: nil, billStartOn: nil, reasonCode: nil, notes: [],
            history: [AuditEntry(at: now, actor: user.name, action: "create", field: nil, oldValue: nil, newValue: "draft")],
            updatedBy: user.name, updatedAt: now)
        log(draft.customerID, "order " + number, "draft \(draft.type.label) order created", by: user, at: now)
        touch()
        return row
    }

    // MARK: Test helpers

    /// Someone in another terminal writes a note on a customer.
    func externalNote(_ customerID: Int64, _ text: String, by name: String = "Lee Chen", at: Int64 = SampleOrders.now) {
        lock.lock(); defer { lock.unlock() }
        records[customerID]?.timeline.insert(TimelineEntry(at: at, actor: name, kind: .note, subject: "customer", text: text), at: 0)
        touch()
    }

    /// Someone in another terminal adds a location to a customer.
    func externalLocation(_ customerID: Int64, street: String, city: String = "Hicksville", zip: String = "11801") {
        lock.lock(); defer { lock.unlock() }
        let id = newID()
        records[customerID]?.locations.insert(CustomerLocation(
            id: id, address: ServiceLocation(id: id, street: street, city: city, stateCode: "NY", zip: zip),
            serviceability: .unknown, distanceFeet: nil, constructionEstimate: nil, checkedBy: nil, checkedAt: nil,
            survey: SiteSurvey(status: .notNeeded), services: [], version: 1), at: 0)
        touch()
    }

    /// The id of the sample customer with this name.
    func id(of name: String) -> Int64 { records.values.first { $0.header.name == name }!.header.id }

    // MARK: Sample data

    static let samplePlant: [String: [String: Int]] = [
        "11714": ["main st": 0, "broadway": 0, "stewart ave": 120, "hicksville rd": 200, "": 650],  // Bethpage
        "11801": ["old country rd": 0, "jerusalem ave": 60, "": 380],                              // Hicksville
        "11803": ["manetto hill rd": 0, "": 450],                                                  // Plainview
        "11735": ["conklin st": 200, "main st": 0, "": 201],                                       // Farmingdale
        "11753": ["jericho tpke": 0, "": 300],                                                     // Jericho
        // 11791 (Syosset): no plant at all.
    ]

    static let sampleProducts: [PriceBookProduct] = [
        product(1, "FIB-100", "Fiber Internet 100 Mbps", "Internet", 129_00, 99_00, 150_00),
        product(2, "FIB-500", "Fiber Internet 500 Mbps", "Internet", 299_00, 249_00, 150_00),
        product(3, "FIB-1G", "Fiber Internet 1 Gbps", "Internet", 499_00, 429_00, 250_00),
        product(4, "STATIC-IP", "Static IP Block /29", "Internet", 25_00, 20_00, 0),
        product(5, "VOX-LINE", "Business Voice Line", "Voice", 29_00, 24_00, 0),
        product(6, "VOX-PRI", "Voice PRI 23 Channels", "Voice", 399_00, 349_00, 500_00),
        product(7, "SIP-10", "SIP Trunk 10 Sessions", "Voice", 189_00, 159_00, 0),
        product(8, "TV-BAR", "Business TV Bar & Restaurant", "TV", 149_00, 129_00, 99_00),
    ]

    private static func product(_ id: Int64, _ code: String, _ name: String, _ family: String, _ list: Int64, _ floor: Int64,
                                _ nrc: Int64) -> PriceBookProduct {
        PriceBookProduct(id: id, code: code, name: name, family: family, listMRR: Money(cents: list),
                         floorMRR: Money(cents: floor), nrc: Money(cents: nrc))
    }

    /// A sample customer: Café Roma (index 0) has everything; the others a little of it, deterministically.
    static func sample(index i: Int, name: String, now: Int64, plant: [String: [String: Int]], rules: ServiceabilityRules) -> Record {
        let id = Int64(i + 1)
        let today = Day(unixSeconds: now)
        let logins = ["dana.ruiz", "lee.chen", "sam.ortiz"]
        let owner: String? = i % 4 == 3 ? nil : logins[i % 3]
        let phone = "(516) 555-01" + String(34 + i)
        let header = CustomerHeader(
            id: id, name: name, accountNumber: String(7_830_012_345 + i * 11).leftPadded(to: 11),
            segment: ["small business", "mid-market", "enterprise"][i % 3], channel: Channel.allCases[i % Channel.allCases.count],
            phone: phone, ownerLogin: owner, ownerName: owner.map { owners[$0]! },
            since: Day(year: 2015 + i % 8, month: 1 + (i * 5) % 12, day: 1 + (i * 3) % 27), openOrders: 0, totalMRR: .zero,
            version: 1, updatedBy: "Dana Ruiz", updatedAt: now - 86_400 * Int64(30 + i))
        var nextID = id * 100
        func location(_ street: String, _ city: String, _ zip: String, checked: Bool, survey: SurveyStatus, note: String? = nil,
                      services: [String] = []) -> CustomerLocation {
            nextID += 1
            let address = ServiceLocation(id: nextID, street: street, city: city, stateCode: "NY", zip: zip)
            let result = rules.assess(distanceFeet: distance(to: address, plant: plant))
            return CustomerLocation(
                id: nextID, address: address, serviceability: checked ? result.serviceability : .unknown,
                distanceFeet: checked ? result.distanceFeet : nil, constructionEstimate: checked ? result.constructionEstimate : nil,
                checkedBy: checked ? logins[i % 3] : nil, checkedAt: checked ? now - 86_400 * Int64(12 + i) - 3_000 : nil,
                survey: SiteSurvey(status: survey, note: note), services: services, version: 1)
        }
        func contact(_ name: String, _ role: ContactRole, phone: String?, email: String?) -> Contact {
            nextID += 1
            return Contact(id: nextID, name: name, role: role, phone: phone, email: email, version: 1)
        }
        func document(_ kind: PortingDocumentKind, _ received: Day?, _ loa: LOADetails? = nil, note: String? = nil) -> PortingDocument {
            nextID += 1
            return PortingDocument(id: nextID, kind: kind, receivedOn: received, loa: loa, note: note, version: 1)
        }
        func contract(_ number: Int, _ kind: ContractKind, _ status: ContractStatus, _ term: Int, start: Day?, mrr: Int64) -> ContractSummary {
            nextID += 1
            return ContractSummary(id: nextID, number: "CSA-" + String(number).leftPadded(to: 6), kind: kind, status: status,
                                   termMonths: term, startOn: start, endOn: start.map { ContractSummary.endDay(start: $0, months: term) },
                                   mrr: Money(cents: mrr))
        }
        func entry(_ daysAgo: Int, _ minutes: Int, _ actor: String, _ kind: TimelineEntry.Kind, _ subject: String, _ text: String) -> TimelineEntry {
            TimelineEntry(at: now - Int64(daysAgo) * 86_400 - Int64(minutes) * 60, actor: actor, kind: kind, subject: subject, text: text)
        }
        let domain = TextFolding.words(of: name).filter { $0.allSatisfy(\.isASCII) }.prefix(2).joined() + ".com"
        func email(_ person: String) -> String {
            TextFolding.words(of: person).joined(separator: ".") + "@" + domain
        }
        let surveys: [SurveyStatus] = [.notNeeded, .requested, .scheduled(today.adding(days: 9 + i)), .completed(.feasible),
                                       .completed(.feasibleWithConstruction), .completed(.notFeasible)]

        if i == 0 {
            let locations = [
                location("12 Main St", "Bethpage", "11714", checked: true, survey: .notNeeded,
                         services: ["Fiber Internet 500 Mbps", "Business Voice Line"]),
                location("48 Stewart Avenue", "Bethpage", "11714", checked: true, survey: .scheduled(Day(year: 2026, month: 12, day: 3)!),
                         note: "Meet Marco at the loading dock, 8 am."),
                location("1200 Old Country Road Suite 4", "Plainview", "11803", checked: true, survey: .completed(.notFeasible),
                         note: "Landlord refuses new conduit in the lobby."),
                location("77 Conklin St", "Farmingdale", "11735", checked: false, survey: .requested),
            ]
            let contacts = [
                contact("Ana Ruiz", .billing, phone: "(516) 555-0142", email: email("Ana Ruiz")),
                contact("Marco Bianchi", .technical, phone: "(516) 555-0143", email: email("Marco Bianchi")),
                contact("Giulia Rossi", .signer, phone: nil, email: email("Giulia Rossi")),
                contact("Luis Peña", .siteAccess, phone: "(516) 555-0145", email: nil),
            ]
            let documents = [
                document(.csr, Day(year: 2026, month: 10, day: 20)!, note: "Two lines: 516-555-0134 and 516-555-0135."),
                document(.loa, Day(year: 2026, month: 10, day: 28)!,
                         LOADetails(authorizedName: "Café Roma Incorporated", serviceAddress: "12 Main Street", zip: "11753",
                                    billingTelephoneNumber: "516.555.0134"),
                         note: "Signed by Giulia Rossi."),
            ]
            let contracts = [
                contract(101, .new, .active, 36, start: Day(year: 2024, month: 1, day: 1)!, mrr: 412_050),
                contract(102, .addendum, .active, 24, start: Day(year: 2025, month: 6, day: 1)!, mrr: 8_700),
                contract(140, .renewal, .pendingApproval, 36, start: nil, mrr: 398_000),
                contract(77, .new, .expired, 12, start: Day(year: 2022, month: 1, day: 1)!, mrr: 129_00),
            ]
            let timeline = [
                entry(0, 45, "Dana Ruiz", .note, "customer",
                      "Called Giulia about the renewal: she wants the 1 Gbps upgrade priced for Plainview before signing, and asks "
                        + "that the LOA be re-signed with the legal name exactly as on the bill (Café Roma LLC) so the port is not rejected again."),
                entry(1, 10, "Lee Chen", .change, "document LOA", "received 2026-10-28"),
                entry(2, 200, "Dana Ruiz", .change, "location 48 Stewart Avenue", "survey: requested → scheduled 2026-12-03"),
                entry(3, 30, "Sam Ortiz", .note, "customer", "Marco prefers texts to calls for install windows."),
                entry(5, 90, "Dana Ruiz", .change, "contract CSA-000140", "status: draft → pending approval"),
                entry(6, 15, "Lee Chen", .change, "contact Luis Peña", "added as site access"),
                entry(8, 60, "Dana Ruiz", .change, "order 00451200", "state: submitted → pending"),
                entry(12, 0, "Dana Ruiz", .change, "location 48 Stewart Avenue", "serviceability: unknown → near net"),
                entry(15, 5, "system", .change, "document CSR", "received 2026-10-20"),
                entry(20, 0, "Sam Ortiz", .note, "customer", "Asked for a quote on TV for the bar area."),
                entry(33, 0, "Lee Chen", .change, "customer", "phone: (516) 555-0199 → (516) 555-0134"),
                entry(40, 0, "Lee Chen", .change, "location 1200 Old Country Road Suite 4", "serviceability: unknown → off net"),
                entry(60, 0, "Dana Ruiz", .note, "customer", "New owner since September; billing contact is now Ana."),
            ]
            return Record(header: header, locations: locations, contacts: contacts, documents: documents, contracts: contracts,
                          timeline: timeline)
        }

        // The others: one to three locations, the survey states in turn, one or two contacts.
        let streets = [("300 Jericho Tpke", "Jericho", "11753"), ("15 Broadway", "Bethpage", "11714"),
                       ("220 Jerusalem Avenue", "Hicksville", "11801"), ("9 Hicksville Rd", "Bethpage", "11714"),
                       ("45 Jackson Ave", "Syosset", "11791"), ("610 Old Country Road", "Hicksville", "11801")]
        let locations = (0..<(1 + i % 3)).map { j -> CustomerLocation in
            let (street, city, zip) = streets[(i + j * 2) % streets.count]
            return location(street, city, zip, checked: (i + j) % 4 != 0, survey: surveys[(i + j) % surveys.count],
                            services: j == 0 && i % 2 == 0 ? ["Fiber Internet 100 Mbps"] : [])
        }
        let people = [("Kenji Watanabe", ContactRole.technical), ("Hana Sato", .billing), ("Jürgen Weiß", .signer),
                      ("Priya Nair", .siteAccess), ("Tom O'Neill", .billing), ("Mei Chen", .technical)]
        let contacts = (0..<(1 + i % 2)).map { j -> Contact in
            let (person, role) = people[(i + j) % people.count]
            return contact(person, role, phone: "(516) 555-02" + String(10 + i * 2 + j), email: email(person))
        }
        var documents: [PortingDocument] = []
        switch i {
        case 1: // Ñandú Imports: the LOA matches, the CSR is still missing.
            documents = [document(.csr, nil), document(.loa, Day(year: 2026, month: 11, day: 2)!,
                                                       LOADetails(authorizedName: "Nandu Imports", serviceAddress: locations[0].address.street,
                                                                  zip: locations[0].address.zip, billingTelephoneNumber: phone))]
        case 2: // 東京寿司: the LOA is missing.
            documents = [document(.loa, nil, note: "Sent for signature 2026-11-10.")]
        case 3: // Müller & Söhne: address and BTN wrong on the letter.
            documents = [document(.csr, Day(year: 2026, month: 9, day: 14)!),
                         document(.loa, Day(year: 2026, month: 9, day: 30)!,
                                  LOADetails(authorizedName: "Müller und Söhne GmbH", serviceAddress: "1 Wrong Way",
                                             zip: locations[0].address.zip, billingTelephoneNumber: "(516) 555-9999"))]
        default: break
        }
        let contracts = [contract(200 + i, .new, i == 5 ? .pendingApproval : .active, [12, 24, 36, 60][i % 4],
                                  start: i == 5 ? nil : Day(year: 2023 + i % 3, month: 1 + i, day: 1)!, mrr: Int64(50_000 + i * 12_345))]
        let timeline = [
            entry(i, 30, "Dana Ruiz", .note, "customer", "Checked in about open orders."),
            entry(i + 10, 0, "Lee Chen", .change, "customer", "segment: small business → " + header.segment),
        ]
        return Record(header: header, locations: locations, contacts: contacts, documents: documents, contracts: contracts,
                      timeline: timeline)
    }
}
