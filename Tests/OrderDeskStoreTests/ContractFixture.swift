import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// `CustomerFixture` with the people contracts need: a second account manager and a director, and
/// helpers to write drafts and walk them through the lifecycle.
struct ContractFixture {
    let base: CustomerFixture
    let director: UserAccount
    /// A second account manager (marcus.chen).
    let otherManager: UserAccount

    var db: AppDatabase { base.db }
    var manager: UserAccount { base.manager }
    var supervisor: UserAccount { base.supervisor }
    var viewer: UserAccount { base.viewer }
    var admin: UserAccount { base.admin }
    var cafe: Int64 { base.cafe }
    var fiber: PriceBookProduct { base.products["FIB-1G"]! }
    var voice: PriceBookProduct { base.products["VOI-LINE"]! }
    var today: Day { Day(unixSeconds: testNow) }

    init() throws {
        base = try CustomerFixture()
        director = try base.db.addUser(login: "nadia.haddad", name: "Nadia Haddad", role: .director, actor: base.admin, now: testNow)
        otherManager = try base.db.addUser(login: "marcus.chen", name: "Marcus Chen", role: .accountManager, actor: base.admin, now: testNow)
    }

    /// Business Fiber 1 Gig ($249.00 list, $199.00 floor, $199.00 NRC) at `discount` percent off, and four
    /// voice lines at list ($29.95): commission one month of MRR (the policy's proposal for a new
    /// contract), monthly cost $100.
    func draft(discount: Int = 0, term: Int = 36, construction: Int64 = 0, kind: ContractKind = .new, parent: Int64? = nil,
               start: Day? = nil, customer: Int64? = nil, location: Int64? = nil) -> ContractDraft {
        var fiberLine = ContractLine(product: fiber)
        fiberLine.setDiscount(Percentage(percent: discount))
        let lines = [fiberLine, ContractLine(product: voice, quantity: 4)]
        let mrr = lines.reduce(Money.zero) { $0 + $1.netMRR }
        return ContractDraft(
            customerID: customer ?? cafe, kind: kind, parentID: parent, termMonths: term, startOn: start,
            locationID: location ?? base.cafeLocations[0], lines: lines, constructionCost: Money(cents: construction),
            monthlyCost: Money(cents: 10_000), commission: ContractPolicy.defaults.proposedCommission(kind: kind, netMRR: mrr))
    }

    @discardableResult
    func create(_ draft: ContractDraft? = nil, by actor: UserAccount? = nil, at now: Int64 = testNow) throws -> ContractDetail {
        try db.createContract(draft ?? self.draft(), actor: actor ?? manager, now: now)
    }

    /// One step with the contract's current version.
    @discardableResult
    func step(_ id: Int64, _ step: ContractStep, by actor: UserAccount, at now: Int64 = testNow) throws -> ContractDetail {
        try db.stepContract(id: id, step, expectedVersion: try db.contractDetail(id: id).version, actor: actor, now: now)
    }

    /// A contract created and submitted by `by`, pending or approved as its route says.
    func submitted(_ draft: ContractDraft? = nil, by actor: UserAccount? = nil) throws -> ContractDetail {
        let created = try create(draft, by: actor)
        return try step(created.id, .submit, by: actor ?? manager)
    }

    /// An active contract starting on `start` (at list price: no approval needed).
    func active(start: Day, term: Int = 36) throws -> ContractDetail {
        let approved = try submitted(draft(term: term))
        #expect(approved.status == .approved)
        try step(approved.id, .send, by: manager)
        return try step(approved.id, .activate(startOn: start), by: manager)
    }

    /// The contract's audit rows: (action, field, old, new), oldest first.
    func audit(_ id: Int64) throws -> [[String?]] { try base.audit("contract", id) }
}
