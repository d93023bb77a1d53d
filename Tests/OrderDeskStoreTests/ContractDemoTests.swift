import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The demo's contracts: a director to approve them, every kind and status, priced lines that add up,
/// stored totals and routes the store would have written, pending ones at both levels, and trails.
@Suite struct ContractDemoTests {
    static let demo: (TempDatabase, AppDatabase) = try! makeDemo(orders: 1_500, seed: 42)

    func count(_ db: AppDatabase, _ sql: String) throws -> Int { try db.writer.read { try Int.fetchOne($0, sql: sql) ?? -1 } }

    @Test func hasADirectorAndEveryKindAndStatus() throws {
        let (_, db) = Self.demo
        let director = try db.resolveUser(login: "nadia.haddad")
        #expect(director.name == "Nadia Haddad" && director.role == .director)
        // Everyone before the director kept their id.
        #expect(try db.resolveUser(login: "dana.ruiz").id == 1 && db.resolveUser(login: "sam.patel").id == 14 && director.id == 15)
        let rows = try db.writer.read { try Row.fetchAll($0, sql: "SELECT DISTINCT kind, status FROM contracts") }
        #expect(Set(rows.map { $0[0] as String }) == Set(ContractKind.allCases.map(\.rawValue)))
        #expect(Set(rows.map { $0[1] as String }) == Set(ContractStatus.allCases.map(\.rawValue)))
        #expect(try count(db, "PRAGMA foreign_key_check") == -1)
    }

    @Test func everyContractHasPricedLinesAndTheTotalsOfItsFigures() throws {
        let (_, db) = Self.demo
        #expect(try count(db, "SELECT count(*) FROM contracts c WHERE (SELECT count(*) FROM contract_lines WHERE contract_id = c.id) NOT BETWEEN 1 AND 3") == 0)
        #expect(try count(db, "SELECT count(*) FROM contracts c WHERE mrr_cents != (SELECT sum(unit_mrr_cents * quantity) FROM contract_lines WHERE contract_id = c.id)") == 0)
        #expect(try count(db, "SELECT count(*) FROM contract_lines l JOIN products p ON p.id = l.product_id WHERE l.list_mrr_cents != p.list_mrr_cents OR l.floor_mrr_cents != p.floor_mrr_cents") == 0)
        let ids = try db.writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM contracts ORDER BY id") }
        #expect(ids.count > 100)
        var levels: [ApprovalLevel: Int] = [:]
        for id in ids {
            let detail = try db.contractDetail(id: id)
            let figures = ContractFigures(detail.terms)
            let stored = try db.writer.read { d in
                try Row.fetchOne(d, sql: "SELECT mrr_cents, list_mrr_cents, nrc_cents, nrc_waived_cents, monthly_cost_cents, commission_cents FROM contracts WHERE id = ?", arguments: [id])!
            }
            #expect([stored[0], stored[1], stored[2], stored[3]] as [Int64]
                    == [figures.netMRR.cents, figures.listMRR.cents, figures.nrcCharged.cents, figures.nrcWaived.cents], "\(detail.number)")
            let cost = Double(stored[4] as Int64) / Double(max(1, figures.netMRR.cents))
            #expect(cost >= 0.34 && cost <= 0.61, "\(detail.number) cost \(cost)")
            #expect(detail.terms.commission == detail.policy.proposedCommission(kind: detail.terms.kind, netMRR: figures.netMRR))
            if let location = detail.terms.locationID {
                #expect(try db.writer.read { try Int64.fetchOne($0, sql: "SELECT customer_id FROM locations WHERE id = ?", arguments: [location]) } == detail.terms.customerID)
            }
            // Whatever was submitted carries the route the store computes from its terms.
            if detail.status == .pendingApproval || (detail.submittedBy != nil) {
                let route = detail.assessment.route
                #expect(detail.requiredLevel == route.level && detail.needsComment == route.needsComment, "\(detail.number)")
                #expect(detail.submittedBy != nil && detail.submittedBy != detail.lastDecision.flatMap { try? db.resolveUser(login: $0.byLogin).id })
            }
            if detail.status == .pendingApproval { levels[detail.requiredLevel, default: 0] += 1 }
            if let decision = detail.lastDecision, decision.approved {
                let approver = try db.resolveUser(login: decision.byLogin)
                #expect(approver.role.approvalLevel >= detail.requiredLevel && approver.role.approvalLevel != .none)
                if detail.needsComment { #expect(decision.comment != nil) }
            }
        }
        #expect(levels[.supervisor] ?? 0 > 0 && levels[.director] ?? 0 > 0 && levels[.none] == nil)
    }

    @Test func pendingRejectedAndDecidedContractsReadLikeTheDesksOwn() throws {
        let (_, db) = Self.demo
        #expect(try count(db, "SELECT count(*) FROM contracts WHERE status = 'pending_approval' AND needs_comment = 1") > 0)
        #expect(try count(db, "SELECT count(*) FROM contracts WHERE status = 'draft' AND decision = 'rejected' AND decision_comment IS NOT NULL") > 0)
        #expect(try count(db, "SELECT count(*) FROM contracts WHERE status IN ('approved', 'sent', 'active') AND decision = 'approved'") > 0)
        #expect(try count(db, "SELECT count(*) FROM contracts WHERE status IN ('sent', 'active', 'expired', 'terminated') AND sent_on IS NULL") == 0)
        #expect(try count(db, "SELECT count(*) FROM contracts WHERE (status = 'terminated') != (terminated_on IS NOT NULL)") == 0)
        // Every contract being agreed or terminated has its trail, and the active ones that started or end within six months.
        let today = Day(unixSeconds: testNow)
        #expect(try count(db, """
            SELECT count(*) FROM contracts WHERE (status IN ('draft', 'pending_approval', 'approved', 'sent', 'terminated')
              OR (status = 'active' AND (end_on <= '\(today.adding(days: 180).iso)' OR start_on >= '\(today.adding(days: -180).iso)')))
              AND NOT EXISTS (SELECT 1 FROM audit_log WHERE entity = 'contract' AND entity_id = contracts.id)
            """) == 0)
        #expect(try count(db, "SELECT count(*) FROM contracts c WHERE version != 1 + (SELECT count(DISTINCT at || action) FROM audit_log WHERE entity = 'contract' AND entity_id = c.id AND action != 'create') AND EXISTS (SELECT 1 FROM audit_log WHERE entity = 'contract' AND entity_id = c.id)") == 0)
        #expect(try count(db, "SELECT count(*) FROM audit_log WHERE entity = 'contract' AND at > \(testNow)") == 0)
        // Each pending contract's history ends with its submission; a rejected draft's with the comment.
        let rejected = try db.writer.read { try Int64.fetchOne($0, sql: "SELECT id FROM contracts WHERE status = 'draft' AND decision = 'rejected' LIMIT 1") }!
        let detail = try db.contractDetail(id: rejected)
        #expect(detail.history.map(\.action) == ["rejected", "rejected", "submitted", "submitted", "created"])
        #expect(detail.history[1].detail == "\"\(detail.lastDecision!.comment!)\"" && detail.submittedBy == nil)
        // The approvals inbox of each approver has work in it.
        for login in ["renee.dubois", "nadia.haddad"] {
            let user = try db.resolveUser(login: login)
            let page = try db.contractPage(filter: ContractFilter(awaitingMyApproval: true), request: .first, limit: 50, user: user, today: today)
            #expect(!page.rows.isEmpty && page.rows.allSatisfy { $0.status == .pendingApproval && $0.requiredLevel <= user.role.approvalLevel })
        }
    }

    @Test func cafeRomasRenewalWaitsForADirectorInEveryDemo() throws {
        let (_, db) = Self.demo
        let (_, other) = try makeDemo(orders: 200, seed: 8)
        for database in [db, other] {
            let renewal = try database.contractDetail(id: 3)
            #expect(renewal.customerName == "Café Roma LLC" && renewal.terms.kind == .renewal && renewal.status == .pendingApproval)
            #expect(renewal.requiredLevel == .director && !renewal.needsComment)
            #expect(renewal.assessment.route.summary == "A director must approve: line 1's discount of 15% is over the 36-month allowance of 10%.")
            #expect(renewal.terms.lines.map(\.product.code) == ["FIB-1G", "VOI-LINE", "IP-5"] && renewal.parentNumber == "CSA-000001")
            #expect(renewal.history.first?.detail == "status draft → pending approval")
            let first = try database.contractDetail(id: 1)
            #expect(first.status == .active && first.terms.startOn != nil && first.history.first?.action == "activated")
        }
        let a = try db.contractDetail(id: 3), b = try other.contractDetail(id: 3)
        #expect(a.terms.lines == b.terms.lines && a.terms.monthlyCost == b.terms.monthlyCost && a.terms.commission == b.terms.commission)
    }
}
