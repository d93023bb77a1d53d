import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// The people of the contract tests: the sample account manager (dana.ruiz) submits; these approve.
enum SampleContracts {
    static let supervisor = UserAccount(id: 11, login: "lee.chen", name: "Lee Chen", role: .supervisor)
    static let director = UserAccount(id: 12, login: "rita.okafor", name: "Rita Okafor", role: .director)
    static let otherManager = UserAccount(id: 8, login: "sam.ortiz", name: "Sam Ortiz", role: .accountManager)
    static let users = [SampleOrders.manager, otherManager, supervisor, director, SampleOrders.viewer]

    static func user(_ login: String) -> UserAccount { users.first { $0.login == login }! }
}

/// An in-memory contract book behind a `ContractClient`, for the contract screens: the store's contract
/// without SQL. Pages are keyset pages newest first (by id, descending); the filter's "awaiting my approval"
/// is judged for the desk's user as the store does (pending, level high enough, not the submitter); every
/// step is checked by `ContractLifecycle.check` with the user's role, as the store does, so screens see the
/// real refusals; a stale version throws `recordConflict`. The customers' contracts panes show this book's
/// contracts (it writes their summaries into the `FakeCustomerBook`).
///
/// The sample, by number (the id is the number): every status and kind —
/// - CSA-000077 new, expired; CSA-000101 new, active, due for renewal; CSA-000102 addendum to 101, active;
/// - CSA-000140 renewal of 101, pending: line 1 at 15% off at 36 months, so a director must approve;
/// - CSA-000150 win-back (reclamation), a draft a director rejected with a comment;
/// - CSA-000151 new, approved; CSA-000152 addendum to 202, sent; CSA-000153 new, terminated;
/// - CSA-000154 new, pending: construction far beyond the margin, a negative NPV (a director, with a comment);
/// - CSA-000201…209 one per other sample customer, active; 205 pending at 5% off and 24 months (a supervisor).
/// `extra` adds plain contracts from CSA-001000 up, for paging.
final class FakeContractBook: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private(set) var details: [Int64: ContractDetail] = [:]
    private var rowCache: [Int64: ContractRow] = [:]
    /// Ids, newest first.
    private var order: [Int64] = []
    let customers: FakeCustomerBook
    let now: Int64
    var policy = ContractPolicy.defaults
    /// Counts stop here and say "or more", as the store's do.
    var countCap = 10_000
    /// Every step asked for, in order, with who asked.
    private(set) var steps: [(id: Int64, step: ContractStep, version: Int64, login: String)] = []
    /// Every page asked for, to check that screens fetch only what they show.
    private(set) var fetches: [(filter: ContractFilter, request: ContractPageRequest, limit: Int)] = []

    var today: Day { Day(unixSeconds: now) }

    init(customers: FakeCustomerBook, now: Int64 = SampleOrders.now, extra: Int = 0) {
        self.customers = customers
        self.now = now
        for detail in Self.sample(customers: customers, now: now, policy: policy) { put(detail) }
        for n in 0..<extra { put(Self.plain(n, customers: customers, now: now, policy: policy)) }
        syncCustomers()
    }

    // MARK: The client

    func client(as user: UserAccount) -> ContractClient {
        ContractClient(
            page: { [self] in page($0, $1, $2, user: user) },
            count: { [self] in count($0, user: user) },
            detail: { [self] in try detail($0) },
            context: { [self] in try context($0) },
            create: { [self] in try create($0, by: user) },
            save: { [self] in try save($0, $1, $2, by: user) },
            step: { [self] in try step($0, $1, $2, by: user) },
            owners: { [self] in owners() })
    }

    // MARK: The list

    func row(_ id: Int64) -> ContractRow { lock.lock(); defer { lock.unlock() }; return rowCache[id]! }

    /// Contracts matching `filter` for `user`, newest first.
    func matching(_ filter: ContractFilter, user: UserAccount) -> [ContractRow] {
        lock.lock(); defer { lock.unlock() }
        let today = self.today
        return order.compactMap { id -> ContractRow? in
            let row = rowCache[id]!
            if let status = filter.status, row.status != status { return nil }
            if let kind = filter.kind, row.kind != kind { return nil }
            if let owner = filter.ownerLogin, row.ownerLogin != owner { return nil }
            if filter.dueForRenewal && !row.isDueForRenewal(today: today) { return nil }
            if filter.awaitingMyApproval {
                let d = details[id]!
                guard d.status == .pendingApproval, user.role.approvalLevel != .none,
                      d.requiredLevel <= user.role.approvalLevel, d.submittedBy != user.id else { return nil }
            }
            return row
        }
    }

    func page(_ filter: ContractFilter, _ request: ContractPageRequest, _ limit: Int, user: UserAccount) -> ContractPage {
        lock.lock(); defer { lock.unlock() }
        fetches.append((filter, request, limit))
        let all = matching(filter, user: user)
        func index(of row: ContractRow) -> Int? { all.firstIndex { $0.id == row.id } }
        switch request {
        case .first:
            return ContractPage(rows: Array(all.prefix(limit)), hasMoreAfter: all.count > limit, hasMoreBefore: false)
        case .last:
            return ContractPage(rows: Array(all.suffix(limit)), hasMoreAfter: false, hasMoreBefore: all.count > limit)
        case .after(let row):
            // Keyset: the rows with a smaller id, whether or not the anchor is still in the list.
            let start = all.firstIndex { $0.id < row.id } ?? all.count
            let slice = Array(all[start...].prefix(limit))
            return ContractPage(rows: slice, hasMoreAfter: start + limit < all.count, hasMoreBefore: start > 0)
        case .before(let row):
            let end = all.firstIndex { $0.id <= row.id } ?? all.count
            let start = max(0, end - limit)
            return ContractPage(rows: Array(all[start..<end]), hasMoreAfter: end < all.count, hasMoreBefore: start > 0)
        }
    }

    func count(_ filter: ContractFilter, user: UserAccount) -> QueueTotal {
        let n = matching(filter, user: user).count
        return n > countCap ? QueueTotal(count: countCap, isExact: false) : QueueTotal(count: n)
    }

    func owners() -> [String] {
        lock.lock(); defer { lock.unlock() }
        return Array(Set(details.values.compactMap(\.ownerLogin))).sorted()
    }

    // MARK: One contract

    func detail(_ id: Int64) throws -> ContractDetail {
        lock.lock(); defer { lock.unlock() }
        guard let d = details[id] else { throw OrderDeskError.recordNotFound(what: "contract #\(id)") }
        return d
    }

    func detail(number: String) -> ContractDetail { lock.lock(); defer { lock.unlock() }; return details.values.first { $0.number == number }! }

    func context(_ customerID: Int64) throws -> ContractContext {
        lock.lock(); defer { lock.unlock() }
        guard let record = customers.records[customerID] else { throw OrderDeskError.recordNotFound(what: "customer #\(customerID)") }
        let parents = record.contracts.filter { $0.status == .active || $0.status == .expired }
        return ContractContext(
            customerID: customerID, customerName: record.header.name,
            locations: record.locations.map {
                ContractContext.Location(id: $0.id, address: $0.address.singleLine, constructionEstimate: $0.constructionEstimate)
            },
            parents: parents, policy: policy)
    }

    // MARK: Changes, checked as the store checks them

    /// One lifecycle step as `user`: the version, then `ContractLifecycle.check`, then the step's own needs.
    func step(_ id: Int64, _ step: ContractStep, _ expected: Int64, by user: UserAccount) throws -> ContractDetail {
        lock.lock(); defer { lock.unlock() }
        steps.append((id, step, expected, user.login))
        guard var d = details[id] else { throw OrderDeskError.recordNotFound(what: "contract #\(id)") }
        guard d.version == expected else {
            throw OrderDeskError.recordConflict(what: "contract \(d.number)", changedBy: name(of: d.updatedByLogin), changedAt: d.updatedAt)
        }
        var facts = d.facts
        if case .activate(let start?) = step { facts.startOn = start }
        try ContractLifecycle.check(step.action, facts, by: user)
        let from = d.status
        var entry = ""
        switch step {
        case .submit:
            let route = d.assessment.route
            d.submittedBy = user.id; d.submittedByLogin = user.login; d.submittedAt = now
            d.requiredLevel = route.level; d.needsComment = route.needsComment
            d.status = route.level == .none ? .approved : .pendingApproval
            entry = route.level == .none ? "needed no approval" : "needs " + route.level.phrase
        case .withdraw:
            d.status = .draft
            d.requiredLevel = .none; d.needsComment = false
        case .approve(let comment):
            let text = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if d.needsComment && text.isEmpty {
                throw OrderDeskError.refused("\(d.number) has a negative NPV: it is approved only with a director's comment.")
            }
            d.status = .approved
            d.lastDecision = ContractDecision(approved: true, byLogin: user.login, at: now, comment: text.isEmpty ? nil : text)
            entry = text.isEmpty ? "" : "“" + text + "”"
        case .reject(let comment):
            let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw OrderDeskError.refused("A rejection needs a comment for the submitter.") }
            d.status = .draft
            d.lastDecision = ContractDecision(approved: false, byLogin: user.login, at: now, comment: text)
            entry = "“" + text + "”"
        case .send:
            d.status = .sent
            d.sentOn = today
        case .activate(let start):
            if let start { d.terms.startOn = start }
            d.status = .active
            entry = (d.terms.startOn?.iso ?? "") + " → " + (d.terms.endOn?.iso ?? "")
        case .terminate(let day, let reason):
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw OrderDeskError.refused("Give the reason for ending \(d.number) early.") }
            d.status = .terminated
            d.terminatedOn = day
            entry = "on " + day.iso + ": " + text
        }
        let status = "status " + from.label + " → " + d.status.label
        d.history.insert(ContractHistoryEntry(at: now, actorLogin: user.login, action: Self.pastTense(step.action),
                                              detail: entry.isEmpty ? status : status + " · " + entry), at: 0)
        touch(&d, by: user)
        put(d)
        syncCustomers()
        return d
    }

    func create(_ draft: ContractDraft, by user: UserAccount) throws -> ContractDetail {
        lock.lock(); defer { lock.unlock() }
        guard user.role.canChangeOrders else { throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "write contracts") }
        let errors = draft.validate()
        guard errors.isEmpty else { throw OrderDeskError.invalidFields(errors) }
        guard let record = customers.records[draft.customerID] else {
            throw OrderDeskError.recordNotFound(what: "customer #\(draft.customerID)")
        }
        let id = (details.keys.max() ?? 0) + 1
        var d = Self.detail(id: id, draft: draft, record: record, parent: draft.parentID.flatMap { details[$0]?.number },
                            owner: user.login, policy: policy, now: now)
        d.history = [ContractHistoryEntry(at: now, actorLogin: user.login, action: "created", detail: "draft")]
        put(d)
        syncCustomers()
        return d
    }

    func save(_ id: Int64, _ draft: ContractDraft, _ expected: Int64, by user: UserAccount) throws -> ContractDetail {
        lock.lock(); defer { lock.unlock() }
        guard var d = details[id] else { throw OrderDeskError.recordNotFound(what: "contract #\(id)") }
        guard d.version == expected else {
            throw OrderDeskError.recordConflict(what: "contract \(d.number)", changedBy: name(of: d.updatedByLogin), changedAt: d.updatedAt)
        }
        try ContractLifecycle.check(.edit, d.facts, by: user)
        let errors = draft.validate()
        guard errors.isEmpty else { throw OrderDeskError.invalidFields(errors) }
        d.terms = draft
        d.history.insert(ContractHistoryEntry(at: now, actorLogin: user.login, action: "edited", detail: "terms"), at: 0)
        touch(&d, by: user)
        put(d)
        syncCustomers()
        return d
    }

    /// Someone in another terminal changes a contract (its version moves on).
    func externalEdit(_ id: Int64, by user: UserAccount = SampleContracts.otherManager) {
        lock.lock(); defer { lock.unlock() }
        guard var d = details[id] else { return }
        d.history.insert(ContractHistoryEntry(at: now, actorLogin: user.login, action: "edited", detail: "terms"), at: 0)
        touch(&d, by: user)
        put(d)
    }

    private func touch(_ d: inout ContractDetail, by user: UserAccount) {
        d.version += 1; d.updatedAt = now; d.updatedByLogin = user.login
    }

    private func name(of login: String?) -> String {
        login.flatMap { l in SampleContracts.users.first { $0.login == l }?.name } ?? login ?? "someone"
    }

    private func put(_ d: ContractDetail) {
        if details[d.id] == nil {
            order.append(d.id)
            order.sort(by: >)
        }
        details[d.id] = d
        rowCache[d.id] = ContractRow(
            id: d.id, number: d.number, customerID: d.terms.customerID, customerName: d.customerName, kind: d.terms.kind,
            status: d.status, termMonths: d.terms.termMonths, startOn: d.terms.startOn, endOn: d.terms.endOn,
            mrr: d.assessment.figures.netMRR, ownerLogin: d.ownerLogin,
            requiredLevel: d.status == .pendingApproval ? d.requiredLevel : .none)
    }

    /// The customers' contracts panes list this book's contracts, newest first.
    private func syncCustomers() {
        var byCustomer: [Int64: [ContractSummary]] = [:]
        for id in order {
            let row = rowCache[id]!
            byCustomer[row.customerID, default: []].append(ContractSummary(
                id: row.id, number: row.number, kind: row.kind, status: row.status, termMonths: row.termMonths,
                startOn: row.startOn, endOn: row.endOn, mrr: row.mrr))
        }
        for id in customers.records.keys { customers.records[id]?.contracts = byCustomer[id] ?? [] }
    }

    static func pastTense(_ action: ContractAction) -> String {
        switch action {
        case .edit: return "edited"
        case .submit: return "submitted"
        case .withdraw: return "withdrawn"
        case .approve: return "approved"
        case .reject: return "rejected"
        case .send: return "sent"
        case .activate: return "activated"
        case .terminate: return "terminated"
        case .expire: return "expired"
        }
    }

    // MARK: Sample data

    static func product(_ code: String) -> PriceBookProduct { FakeCustomerBook.sampleProducts.first { $0.code == code }! }

    /// A line of `quantity` units of `code`, `percentOff` under list (basis points), the NRC waived or not.
    static func line(_ code: String, _ quantity: Int, off basisPoints: Int = 0, waived: Bool = false) -> ContractLine {
        var line = ContractLine(product: product(code), quantity: quantity)
        if basisPoints > 0 { line.setDiscount(Percentage(basisPoints: basisPoints)) }
        line.nrcWaived = waived
        return line
    }

    /// A detail with no lifecycle yet (a draft at version 1).
    static func detail(id: Int64, draft: ContractDraft, record: FakeCustomerBook.Record, parent: String?, owner: String?,
                       policy: ContractPolicy, now: Int64) -> ContractDetail {
        let location = record.locations.first { $0.id == draft.locationID } ?? record.locations.first
        var terms = draft
        terms.locationID = location?.id
        return ContractDetail(
            id: id, number: "CSA-" + String(id).leftPadded(to: 6), status: .draft, terms: terms,
            customerName: record.header.name, accountNumber: record.header.accountNumber, parentNumber: parent,
            locationAddress: location?.address.singleLine, ownerLogin: owner,
            ownerName: owner.flatMap { login in FakeCustomerBook.owners[login] ?? SampleContracts.users.first { $0.login == login }?.name },
            submittedByLogin: nil, submittedBy: nil, submittedAt: nil, requiredLevel: .none, lastDecision: nil, sentOn: nil,
            terminatedOn: nil, version: 1, updatedAt: now, updatedByLogin: owner, history: [], policy: policy, needsComment: false)
    }

    /// How far a sample contract got, and with whom.
    struct Spec {
        var number: Int64
        var customerID: Int64
        /// The customer's owner when nil.
        var owner: String?
        var kind: ContractKind = .new
        var parent: Int64?
        var status: ContractStatus
        var term: Int
        var start: Day?
        var lines: [ContractLine]
        var construction: Int64 = 0
        var approver: String?
        var decisionComment: String?
        /// A director's rejection (the contract is a draft again).
        var rejected = false
        var submitter: String?
        var sentOn: Day?
        var terminated: (Day, String)?
        /// Days before now it was created.
        var age: Int = 40
    }

    static func build(_ spec: Spec, customers: FakeCustomerBook, now: Int64, policy: ContractPolicy) -> ContractDetail {
        let record = customers.records[spec.customerID]!
        let owner = spec.owner ?? record.header.ownerLogin ?? "dana.ruiz"
        var draft = ContractDraft(customerID: spec.customerID, kind: spec.kind, parentID: spec.parent, termMonths: spec.term,
                                  startOn: spec.start, lines: spec.lines, constructionCost: Money(cents: spec.construction * 100))
        let net = draft.lines.reduce(Money.zero) { $0 + $1.netMRR }
        draft.monthlyCost = Money(cents: net.cents * 35 / 100)
        draft.commission = policy.proposedCommission(kind: spec.kind, netMRR: net)
        var d = detail(id: spec.number, draft: draft, record: record, parent: spec.parent.map { "CSA-" + String($0).leftPadded(to: 6) },
                       owner: owner, policy: policy, now: now)
        let route = d.assessment.route
        let submitter = SampleContracts.user(spec.submitter ?? owner)
        var at = now - Int64(spec.age) * 86_400
        var history: [ContractHistoryEntry] = []
        func log(_ actor: String, _ action: String, _ text: String, after days: Int) {
            at += Int64(days) * 86_400 + 600
            history.insert(ContractHistoryEntry(at: at, actorLogin: actor, action: action, detail: text), at: 0)
        }
        log(owner, "created", "draft", after: 0)
        guard spec.status != .draft || spec.rejected else { d.history = history; d.updatedAt = at; return d }
        let pending = route.level != .none
        log(submitter.login, "submitted", "status draft → " + (pending ? "pending approval · needs " + route.level.phrase
            : "approved · needed no approval"), after: 1)
        d.submittedBy = submitter.id; d.submittedByLogin = submitter.login; d.submittedAt = at
        d.requiredLevel = route.level; d.needsComment = route.needsComment
        if spec.status == .pendingApproval {
            d.status = .pendingApproval
        } else if spec.rejected {
            let approver = spec.approver ?? "rita.okafor"
            log(approver, "rejected", "status pending approval → draft · “" + (spec.decisionComment ?? "") + "”", after: 2)
            d.lastDecision = ContractDecision(approved: false, byLogin: approver, at: at, comment: spec.decisionComment)
            d.status = .draft
        } else {
            if pending {
                let approver = spec.approver ?? (route.level == .director ? "rita.okafor" : "lee.chen")
                log(approver, "approved", "status pending approval → approved"
                    + (spec.decisionComment.map { " · “" + $0 + "”" } ?? ""), after: 1)
                d.lastDecision = ContractDecision(approved: true, byLogin: approver, at: at, comment: spec.decisionComment)
            }
            d.status = .approved
            if spec.status != .approved {
                d.sentOn = spec.sentOn ?? Day(unixSeconds: at).adding(days: 1)
                log(owner, "sent", "status approved → sent", after: 1)
                d.status = .sent
            }
            if [.active, .expired, .terminated].contains(spec.status), let start = spec.start {
                log(owner, "activated", "status sent → active · " + start.iso + " → " + (d.terms.endOn?.iso ?? ""), after: 2)
                d.status = .active
            }
            if spec.status == .expired {
                log("system", "expired", "status active → expired · the term ended " + (d.terms.endOn?.iso ?? ""), after: 3)
                d.status = .expired
            }
            if let (day, reason) = spec.terminated {
                log("lee.chen", "terminated", "status active → terminated · on " + day.iso + ": " + reason, after: 3)
                d.status = .terminated
                d.terminatedOn = day
            }
        }
        if d.status != .pendingApproval { d.requiredLevel = d.status == .draft ? .none : d.requiredLevel }
        d.history = history
        d.updatedAt = at
        d.updatedByLogin = history.first?.actorLogin
        d.version = Int64(history.count)
        return d
    }

    static func sample(customers: FakeCustomerBook, now: Int64, policy: ContractPolicy) -> [ContractDetail] {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
        var specs: [Spec] = [
            Spec(number: 77, customerID: 1, status: .expired, term: 12, start: day(2022, 1, 1), lines: [line("FIB-100", 1)],
                 age: 1_800),
            Spec(number: 101, customerID: 1, status: .active, term: 36, start: day(2024, 1, 1),
                 lines: [line("FIB-1G", 1), line("VOX-PRI", 1), line("VOX-LINE", 6)], age: 1_100),
            Spec(number: 102, customerID: 1, kind: .addendum, parent: 101, status: .active, term: 24, start: day(2025, 6, 1),
                 lines: [line("STATIC-IP", 1), line("VOX-LINE", 2)], age: 560),
            // A director must approve: 15% off line 1 is over the 36-month allowance of 10%.
            Spec(number: 140, customerID: 1, kind: .renewal, parent: 101, status: .pendingApproval, term: 36,
                 lines: [line("FIB-500", 4, off: 1_500), line("SIP-10", 2), line("VOX-LINE", 10)], submitter: "dana.ruiz", age: 6),
            // Rejected by a director, back to draft with the comment for the submitter.
            Spec(number: 150, customerID: 2, owner: "dana.ruiz", kind: .reclamation, status: .draft, term: 36,
                 lines: [line("VOX-LINE", 12, off: 1_200), line("FIB-500", 1)], approver: "rita.okafor",
                 decisionComment: "12% off the voice lines is over the 36-month allowance: bring them to 10%, or make it 60 months.",
                 rejected: true, submitter: "dana.ruiz", age: 9),
            Spec(number: 151, customerID: 3, status: .approved, term: 36, lines: [line("FIB-500", 1, off: 500)],
                 approver: "lee.chen", decisionComment: "Fine at 5% for 36 months.", age: 5),
            Spec(number: 152, customerID: 3, kind: .addendum, parent: 202, status: .sent, term: 36,
                 lines: [line("TV-BAR", 2, waived: true)], age: 4),
            Spec(number: 153, customerID: 4, status: .terminated, term: 36, start: day(2025, 2, 1),
                 lines: [line("FIB-100", 1), line("SIP-10", 1)], terminated: (day(2026, 6, 30), "Business closed the Farmingdale site."),
                 age: 700),
            // Construction far beyond what the margin earns back: a negative NPV, a director with a comment.
            Spec(number: 154, customerID: 8, status: .pendingApproval, term: 36, lines: [line("TV-BAR", 1), line("FIB-100", 1)],
                 construction: 40_000, submitter: "dana.ruiz", age: 3),
        ]
        for i in 1..<SampleOrders.names.count {
            let id = Int64(i + 1)
            let term = [12, 24, 36, 60][i % 4]
            if i == 5 {
                // A supervisor approves: 5% off at 24 months (allowance 8%), and a term under 36 months.
                specs.append(Spec(number: Int64(200 + i), customerID: id, status: .pendingApproval, term: term,
                                  lines: [line("FIB-500", 1, off: 500), line("VOX-LINE", 3)], submitter: "sam.ortiz", age: 2))
            } else {
                specs.append(Spec(number: Int64(200 + i), customerID: id, status: .active, term: term,
                                  start: day(2023 + i % 3, 1 + i, 1), lines: [line("FIB-100", 1), line("VOX-LINE", 2 + i)],
                                  age: 900 - i * 20))
            }
        }
        return specs.map { build($0, customers: customers, now: now, policy: policy) }
    }

    /// A plain active or draft contract for paging: CSA-001000 and up, over the sample customers.
    static func plain(_ n: Int, customers: FakeCustomerBook, now: Int64, policy: ContractPolicy) -> ContractDetail {
        let ids = customers.records.keys.sorted()
        let customerID = ids[n % ids.count]
        let active = n % 3 != 0
        return build(Spec(number: Int64(1_000 + n), customerID: customerID, status: active ? .active : .draft, term: 36,
                          start: active ? Day(year: 2025, month: 1 + n % 12, day: 1)! : nil,
                          lines: [line("FIB-100", 1 + n % 4)], age: 300),
                     customers: customers, now: now, policy: policy)
    }
}
