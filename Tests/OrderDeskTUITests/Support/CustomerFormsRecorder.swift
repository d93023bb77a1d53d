import Foundation
import OrderDeskCore
import OrderDeskTerminal
@testable import OrderDeskTUI

/// One customer in memory behind the forms and the order wizard, recording every save. It checks versions
/// the way the store does (a stale one is a `recordConflict`), and can be told to refuse the next save.
/// (The customer screens' own fake, FakeCustomerBook, belongs to the screens work; the forms need only this.)
final class CustomerFormsRecorder: @unchecked Sendable {
    private let lock = NSLock()
    var detail: CustomerDetail
    var products: [PriceBookProduct]
    /// The lines in service per location id.
    var service: [Int64: [DraftLine]]
    /// Every save in the order it came: `contact nil Ana Ruiz v nil`, …
    var calls: [String] = []
    var savedContacts: [(contactID: Int64?, edit: ContactEdit, version: Int64?)] = []
    var savedCustomers: [(edit: CustomerEdit, version: Int64)] = []
    var savedLocations: [(locationID: Int64?, edit: LocationEdit, version: Int64?)] = []
    var savedSurveys: [(locationID: Int64, survey: SiteSurvey, version: Int64)] = []
    var savedDocuments: [(documentID: Int64?, kind: PortingDocumentKind, receivedOn: Day?, loa: LOADetails?, note: String?)] = []
    var removedContacts: [Int64] = []
    var notes: [String] = []
    var drafts: [MACOrderDraft] = []
    var priceBookSearches: [String] = []
    /// Thrown by the next save (then cleared).
    var refuseNext: Error?
    /// Where created orders go, so the queue shows them.
    weak var book: FakeOrderBook?
    var nextOrderNumber = 412_345

    init(detail: CustomerDetail = CustomerFormsFixture.detail, products: [PriceBookProduct] = CustomerFormsFixture.products,
         service: [Int64: [DraftLine]] = CustomerFormsFixture.service) {
        self.detail = detail; self.products = products; self.service = service
    }

    private func refusal() -> Error? {
        defer { refuseNext = nil }
        return refuseNext
    }

    private func conflict(_ what: String) -> OrderDeskError {
        .recordConflict(what: what, changedBy: "Lee Chen", changedAt: SampleOrders.now - 120)
    }

    /// Someone else saves the customer meanwhile.
    func externalCustomerChange(name: String? = nil, segment: String? = nil) {
        lock.lock(); defer { lock.unlock() }
        if let name { detail.header.name = name }
        if let segment { detail.header.segment = segment }
        detail.header.version += 1
    }

    func externalContactChange(_ id: Int64, phone: String) {
        lock.lock(); defer { lock.unlock() }
        guard let i = detail.contacts.firstIndex(where: { $0.id == id }) else { return }
        detail.contacts[i].phone = phone
        detail.contacts[i].version += 1
    }

    func externalLocationChange(_ id: Int64) {
        lock.lock(); defer { lock.unlock() }
        guard let i = detail.locations.firstIndex(where: { $0.id == id }) else { return }
        detail.locations[i].version += 1
    }

    func client() -> CustomerClient {
        let missing = OrderDeskError.recordNotFound(what: "customer list (not needed by the forms)")
        return CustomerClient(
            page: { _, _, _ in throw missing }, count: { _ in throw missing },
            detail: { [self] id in
                lock.lock(); defer { lock.unlock() }
                guard id == detail.header.id else { throw OrderDeskError.recordNotFound(what: "customer #\(id)") }
                return detail
            },
            customerOfOrder: { _ in throw missing },
            updateCustomer: { [self] id, edit, version in
                lock.lock(); defer { lock.unlock() }
                calls.append("customer \(edit.name) v\(version)")
                if let error = refusal() { throw error }
                guard version == detail.header.version else { throw conflict("customer \(detail.header.name)") }
                savedCustomers.append((edit, version))
                detail.header.name = edit.name; detail.header.segment = edit.segment; detail.header.channel = edit.channel
                detail.header.phone = edit.phone; detail.header.ownerLogin = edit.ownerLogin.isEmpty ? nil : edit.ownerLogin
                detail.header.version += 1
                return detail.header
            },
            saveLocation: { [self] _, id, edit, version in
                lock.lock(); defer { lock.unlock() }
                calls.append("location \(id.map(String.init) ?? "new") \(edit.street)")
                if let error = refusal() { throw error }
                savedLocations.append((id, edit, version))
                let address = ServiceLocation(id: id ?? 99, street: edit.street, city: edit.city, stateCode: edit.stateCode, zip: edit.zip)
                if let id, let i = detail.locations.firstIndex(where: { $0.id == id }) {
                    guard version == detail.locations[i].version else { throw conflict("location \(detail.locations[i].address.street)") }
                    detail.locations[i].address = address
                    detail.locations[i].version += 1
                    return detail.locations[i]
                }
                let location = CustomerLocation(id: 99, address: address, serviceability: .unknown, distanceFeet: nil,
                                                constructionEstimate: nil, checkedBy: nil, checkedAt: nil,
                                                survey: SiteSurvey(status: .notNeeded), services: [], version: 1)
                detail.locations.append(location)
                return location
            },
            saveContact: { [self] _, id, edit, version in
                lock.lock(); defer { lock.unlock() }
                calls.append("contact \(id.map(String.init) ?? "new") \(edit.name)")
                if let error = refusal() { throw error }
                if let id, let i = detail.contacts.firstIndex(where: { $0.id == id }) {
                    guard version == detail.contacts[i].version else { throw conflict("contact \(detail.contacts[i].name)") }
                    savedContacts.append((id, edit, version))
                    detail.contacts[i] = Contact(id: id, name: edit.name, role: edit.role, phone: edit.phone, email: edit.email,
                                                 version: version! + 1)
                    return detail.contacts[i]
                }
                savedContacts.append((id, edit, version))
                let contact = Contact(id: 50 + Int64(detail.contacts.count), name: edit.name, role: edit.role,
                                      phone: edit.phone.isEmpty ? nil : edit.phone, email: edit.email.isEmpty ? nil : edit.email,
                                      version: 1)
                detail.contacts.append(contact)
                return contact
            },
            deleteContact: { [self] id, version in
                lock.lock(); defer { lock.unlock() }
                calls.append("remove contact \(id)")
                if let error = refusal() { throw error }
                guard let i = detail.contacts.firstIndex(where: { $0.id == id }) else {
                    throw OrderDeskError.recordNotFound(what: "contact #\(id)")
                }
                guard detail.contacts[i].version == version else { throw conflict("contact \(detail.contacts[i].name)") }
                detail.contacts.remove(at: i)
                removedContacts.append(id)
            },
            checkServiceability: { _ in throw missing },
            recordSurvey: { [self] id, survey, version in
                lock.lock(); defer { lock.unlock() }
                calls.append("survey \(id) \(survey.status.name)")
                if let error = refusal() { throw error }
                guard let i = detail.locations.firstIndex(where: { $0.id == id }) else {
                    throw OrderDeskError.recordNotFound(what: "location #\(id)")
                }
                guard version == detail.locations[i].version else { throw conflict("location \(detail.locations[i].address.street)") }
                savedSurveys.append((id, survey, version))
                detail.locations[i].survey = survey
                detail.locations[i].version += 1
                return detail.locations[i]
            },
            saveDocument: { [self] _, id, kind, receivedOn, loa, note, version in
                lock.lock(); defer { lock.unlock() }
                calls.append("document \(id.map(String.init) ?? "new") \(kind.rawValue)")
                if let error = refusal() { throw error }
                if let id, let i = detail.documents.firstIndex(where: { $0.id == id }) {
                    guard version == detail.documents[i].version else { throw conflict("\(kind.label)") }
                }
                savedDocuments.append((id, kind, receivedOn, loa, note))
                return PortingDocument(id: id ?? 77, kind: kind, receivedOn: receivedOn, loa: loa, note: note, version: (version ?? 0) + 1)
            },
            addNote: { [self] _, text in
                lock.lock(); defer { lock.unlock() }
                calls.append("note")
                if let error = refusal() { throw error }
                notes.append(text)
            },
            priceBook: { [self] search in
                lock.lock(); defer { lock.unlock() }
                priceBookSearches.append(search)
                let words = TextFolding.words(of: search)
                return products.filter { product in
                    let text = TextFolding.words(of: product.code + " " + product.name + " " + product.family)
                    return words.allSatisfy { w in text.contains { $0.hasPrefix(w) } }
                }.sorted { ($0.family, $0.name) < ($1.family, $1.name) }
            },
            serviceLines: { [self] id in
                lock.lock(); defer { lock.unlock() }
                return service[id] ?? []
            },
            createOrder: { [self] draft in
                lock.lock(); defer { lock.unlock() }
                calls.append("create \(draft.type.rawValue)")
                if let error = refusal() { throw error }
                drafts.append(draft)
                let number = String(nextOrderNumber).leftPadded(to: 8)
                nextOrderNumber += 1
                let row = QueueRow(
                    id: Int64(9_000 + drafts.count), orderNumber: number, customerName: detail.header.name,
                    accountNumber: detail.header.accountNumber, type: draft.type.orderType, state: .draft,
                    channel: detail.header.channel, ownerLogin: "dana.ruiz", mrr: draft.totalMRR,
                    bookedOn: Day(unixSeconds: SampleOrders.now), stateSince: SampleOrders.now, installOn: nil,
                    escalated: false, version: 1)
                book?.rows.append(row)
                book?.version += 1
                return row
            })
    }
}

/// Café Roma LLC with three locations, two contacts, a CSR and an LOA, and a small price book.
enum CustomerFormsFixture {
    static let header = CustomerHeader(
        id: 12, name: "Café Roma LLC", accountNumber: "00078300123", segment: "small business", channel: .direct,
        phone: "(516) 555-0134", ownerLogin: "dana.ruiz", ownerName: "Dana Ruiz", since: Day(iso: "2019-04-01"),
        openOrders: 2, totalMRR: Money(cents: 41_500), version: 3, updatedBy: "Dana Ruiz", updatedAt: SampleOrders.now - 86_400)

    static let main = CustomerLocation(
        id: 1, address: ServiceLocation(id: 1, street: "12 Main St", city: "Bethpage", stateCode: "NY", zip: "11714"),
        serviceability: .onNet, distanceFeet: 0, constructionEstimate: nil, checkedBy: "dana.ruiz", checkedAt: SampleOrders.now - 9_000,
        survey: SiteSurvey(status: .notNeeded), services: ["Fiber Internet 500 Mbps", "Business Voice Line"], version: 4)
    static let oak = CustomerLocation(
        id: 2, address: ServiceLocation(id: 2, street: "40 Oak Ave", city: "Hicksville", stateCode: "NY", zip: "11801"),
        serviceability: .nearNet, distanceFeet: 120, constructionEstimate: Money(cents: 670_000), checkedBy: "lee.chen",
        checkedAt: SampleOrders.now - 90_000, survey: SiteSurvey(status: .requested, note: "Ask for Marco at the back door"),
        services: [], version: 2)
    static let harbor = CustomerLocation(
        id: 3, address: ServiceLocation(id: 3, street: "7 Harbor Rd", city: "Oyster Bay", stateCode: "NY", zip: "11771"),
        serviceability: .offNet, distanceFeet: 1_450, constructionEstimate: nil, checkedBy: nil, checkedAt: nil,
        survey: SiteSurvey(status: .notNeeded), services: [], version: 1)

    static let ana = Contact(id: 21, name: "Ana Ruiz", role: .billing, phone: "(516) 555-0142", email: "ana@caferoma.com", version: 2)
    static let tomas = Contact(id: 22, name: "Tomás Peña", role: .technical, phone: "(516) 555-0177", email: nil, version: 1)

    static let loa = PortingDocument(
        id: 31, kind: .loa, receivedOn: Day(iso: "2026-11-02"),
        loa: LOADetails(authorizedName: "Cafe Roma L.L.C.", serviceAddress: "12 Main Street", zip: "11741",
                        billingTelephoneNumber: "516-555-0143"), note: "Signed by the owner", version: 1)
    static let csr = PortingDocument(id: 30, kind: .csr, receivedOn: nil, loa: nil, note: "Asked Verizon on 11-01", version: 1)

    static let detail = CustomerDetail(
        header: header, locations: [main, oak, harbor], orders: [], contracts: [], contacts: [ana, tomas],
        documents: [csr, loa], timeline: [])

    static let fiber500 = PriceBookProduct(id: 1, code: "FIB-500", name: "Fiber Internet 500 Mbps", family: "Internet",
                                           listMRR: Money(cents: 29_900), floorMRR: Money(cents: 24_900), nrc: Money(cents: 15_000))
    static let fiber1G = PriceBookProduct(id: 2, code: "FIB-1G", name: "Fiber Internet 1 Gbps", family: "Internet",
                                          listMRR: Money(cents: 49_900), floorMRR: Money(cents: 42_900), nrc: Money(cents: 15_000))
    static let voiceLine = PriceBookProduct(id: 3, code: "VOX-LINE", name: "Business Voice Line", family: "Voice",
                                            listMRR: Money(cents: 2_900), floorMRR: Money(cents: 2_400), nrc: .zero)
    static let sip = PriceBookProduct(id: 4, code: "SIP-10", name: "SIP Trunk 10 channels", family: "Voice",
                                      listMRR: Money(cents: 18_900), floorMRR: Money(cents: 15_900), nrc: Money(cents: 9_900))
    static let tv = PriceBookProduct(id: 5, code: "TV-BAR", name: "Business TV Bar & Restaurant", family: "TV",
                                     listMRR: Money(cents: 8_900), floorMRR: Money(cents: 7_900), nrc: Money(cents: 4_900))
    static let products = [fiber500, fiber1G, voiceLine, sip, tv]

    static let service: [Int64: [DraftLine]] = [
        1: [DraftLine(product: fiber500, quantity: 1, mrr: Money(cents: 27_900), nrc: .zero),
            DraftLine(product: voiceLine, quantity: 4, mrr: Money(cents: 11_600), nrc: .zero)],
    ]
}

/// A desk over the sample queue whose customer client is a recorder.
func makeFormsDesk(size: (Int, Int) = (24, 80), theme: Theme = .builtInMono, user: UserAccount = SampleOrders.manager,
                   recorder: CustomerFormsRecorder = CustomerFormsRecorder())
    -> (DeskApp, MemoryTerminal, FakeOrderBook, CustomerFormsRecorder) {
    let book = FakeOrderBook(rows: SampleOrders.rows(count: 30), now: SampleOrders.now)
    recorder.book = book
    var client = book.client(as: user)
    client.customers = recorder.client()
    let terminal = MemoryTerminal(rows: size.0, columns: size.1)
    let app = DeskApp(client: client, terminal: terminal, theme: theme)
    app.start()
    return (app, terminal, book, recorder)
}
