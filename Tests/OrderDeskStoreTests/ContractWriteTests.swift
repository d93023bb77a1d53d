import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Creating and saving a contract's terms: the checks below the editor, the lines and totals as stored,
/// the optimistic lock, the read-only active contract, and the audit rows.
@Suite struct ContractWriteTests {
    @Test func aNewDraftIsNumberedOwnedAndStoredWithItsLinesAndTotals() throws {
        let f = try ContractFixture()
        let draft = f.draft(discount: 10, start: Day(iso: "2026-07-01"))
        let saved = try f.create(draft)
        #expect(saved.number == "CSA-" + zeroPadded(Int(saved.id), width: 6))
        #expect(saved.status == .draft && saved.ownerLogin == "dana.ruiz" && saved.version == 1)
        #expect(saved.terms == draft)
        #expect(saved.terms.endOn == Day(iso: "2029-06-30"))
        #expect(saved.customerName == "Café Roma LLC" && saved.accountNumber == "07830012345")
        #expect(saved.locationAddress == "12 Main St, Bethpage, NY 11714")
        #expect(saved.requiredLevel == .none && saved.lastDecision == nil && saved.submittedBy == nil)
        #expect(saved.policy == .defaults)
        // Stored totals are the figures': net MRR $224.10 + 4 × $29.95, list $249 + 4 × $29.95, NRC $199 + 4 × $25.
        let totals = try f.db.writer.read { d in
            try Row.fetchOne(d, sql: "SELECT mrr_cents, list_mrr_cents, nrc_cents, nrc_waived_cents, construction_cost_cents, monthly_cost_cents, commission_cents FROM contracts WHERE id = ?", arguments: [saved.id])!
        }
        let figures = ContractFigures(draft)
        #expect(totals[0] as Int64 == figures.netMRR.cents && figures.netMRR.cents == 22_410 + 11_980)
        #expect(totals[1] as Int64 == figures.listMRR.cents && totals[2] as Int64 == 29_900 && totals[3] as Int64 == 0)
        #expect([totals[4], totals[5], totals[6]] as [Int64] == [0, 10_000, figures.netMRR.cents])
        #expect(try f.audit(saved.id) == [["create", nil, nil, "new, 36 months, 2 lines, $343.90 MRR"]])
        #expect(saved.history.map(\.action) == ["created"] && saved.history[0].actorLogin == "dana.ruiz")
        // The next contract takes the next number.
        let next = try f.create()
        #expect(next.id == saved.id + 1 && next.number == ContractSQL.number(saved.id + 1))
    }

    @Test func theStoreRunsTheFieldChecksAndTheReferencesAgain() throws {
        let f = try ContractFixture()
        var bad = f.draft()
        bad.lines = []
        bad.termMonths = 18
        bad.commission = Money(cents: -1)
        do {
            try f.create(bad)
            Issue.record("saved")
        } catch let OrderDeskError.invalidFields(errors) {
            #expect(errors.map(\.field) == ["term", "lines", "commission"])
        }
        var quantity = f.draft()
        quantity.lines[1].quantity = 0
        #expect(throws: OrderDeskError.invalidFields([FieldError(field: "line.1.quantity", message: "Line 2: the quantity must be between 1 and 9,999.")])) {
            try f.create(quantity)
        }
        // A renewal names an active or expired contract of the same customer; an addendum an active one.
        let other = try f.db.insertIndexedCustomer(name: "Roma Deli", account: "00999999999", phone: nil, locations: [("1 Elm St", "Stamford", "CT", "06901")])
        let othersContract = try f.create(f.draft(customer: other.0, location: other.1[0]))
        let draftParent = try f.create()
        func fields(_ draft: ContractDraft) throws -> [String] {
            do { try f.create(draft); return [] } catch let OrderDeskError.invalidFields(errors) { return errors.map(\.field) }
        }
        #expect(try fields(f.draft(kind: .renewal, parent: othersContract.id)) == ["parent"])
        #expect(try fields(f.draft(kind: .renewal, parent: draftParent.id)) == ["parent"])
        #expect(try fields(f.draft(kind: .addendum, parent: 9_999)) == ["parent"])
        #expect(try fields(f.draft(kind: .renewal)) == ["parent"])
        #expect(try fields(f.draft(location: other.1[0])) == ["location"])
        let active = try f.active(start: f.today.adding(days: -100))
        #expect(try fields(f.draft(kind: .addendum, parent: active.id)) == [])
        #expect(try fields(f.draft(kind: .renewal, parent: active.id)) == [])
        // An unknown customer, and a viewer.
        #expect(throws: OrderDeskError.recordNotFound(what: "customer #404")) { try f.create(f.draft(customer: 404, location: nil)) }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "create contracts")) {
            try f.create(by: f.viewer)
        }
        #expect(try f.base.count("SELECT count(*) FROM contract_lines WHERE contract_id NOT IN (SELECT id FROM contracts)") == 0)
    }

    @Test func savingWritesOneAuditRowPerChangedFieldAndReplacesTheLines() throws {
        let f = try ContractFixture()
        let saved = try f.create()
        var edit = saved.terms
        edit.termMonths = 60
        edit.startOn = Day(iso: "2026-08-01")
        edit.locationID = f.base.cafeLocations[1]
        edit.constructionCost = Money(cents: 775_000)
        edit.monthlyCost = Money(cents: 12_000)
        edit.commission = Money(cents: 40_000)
        edit.lines[1].quantity = 6
        edit.lines[0].nrcWaived = true
        let after = try f.db.saveContract(id: saved.id, edit, expectedVersion: saved.version, actor: f.otherManager, now: testNow + 60)
        #expect(after.terms == edit && after.version == 2 && after.updatedByLogin == "marcus.chen")
        #expect(after.terms.endOn == Day(iso: "2031-07-31"))
        #expect(Array(try f.audit(saved.id).dropFirst()) == [
            ["update", "term", "36 months", "60 months"],
            ["update", "start_on", nil, "2026-08-01"],
            ["update", "location", "12 Main St, Bethpage, NY 11714", "1200 Old Country Road, Hicksville, NY 11801"],
            ["update", "construction_cost", "$0.00", "$7,750.00"],
            ["update", "monthly_cost", "$100.00", "$120.00"],
            ["update", "commission", "$368.80", "$400.00"],
            ["update", "lines", "2 lines, $368.80 MRR", "2 lines, $428.70 MRR"],
        ])
        #expect(after.history.first?.action == "edited" && after.history.first?.detail == "lines 2 lines, $368.80 MRR → 2 lines, $428.70 MRR")
        #expect(after.history.contains { $0.detail == "start – → 2026-08-01" })
        let stored = try f.db.writer.read { d in
            try Row.fetchOne(d, sql: "SELECT mrr_cents, nrc_cents, nrc_waived_cents, (SELECT count(*) FROM contract_lines WHERE contract_id = c.id) FROM contracts c WHERE id = ?", arguments: [saved.id])!
        }
        #expect([stored[0], stored[1], stored[2], stored[3]] as [Int64] == [42_870, 15_000, 19_900, 2])
        // Saving the same terms again writes nothing: no version, no audit row.
        let again = try f.db.saveContract(id: saved.id, edit, expectedVersion: after.version, actor: f.manager, now: testNow + 120)
        #expect(try again.version == after.version && f.audit(saved.id).count == 8)
        // A line whose price changes but whose count and total do not still leaves a trace.
        var swapped = again.terms
        swapped.lines[0].unitNRC = Money(cents: 10_000)
        let traced = try f.db.saveContract(id: saved.id, swapped, expectedVersion: again.version, actor: f.manager, now: testNow + 180)
        #expect(try f.audit(saved.id).last == ["update", "lines", "2 lines, $428.70 MRR", "2 lines, $428.70 MRR (lines changed)"])
        #expect(traced.terms.lines[0].unitNRC == Money(cents: 10_000))
    }

    @Test func aSecondEditorWithAStaleVersionGetsTheConflictNamingTheFirst() throws {
        let f = try ContractFixture()
        let saved = try f.create()
        var first = saved.terms
        first.termMonths = 24
        _ = try f.db.saveContract(id: saved.id, first, expectedVersion: saved.version, actor: f.otherManager, now: testNow + 300)
        var second = saved.terms
        second.monthlyCost = Money(cents: 1)
        #expect(throws: OrderDeskError.recordConflict(what: "contract \(saved.number)", changedBy: "Marcus Chen", changedAt: testNow + 300)) {
            try f.db.saveContract(id: saved.id, second, expectedVersion: saved.version, actor: f.manager, now: testNow + 400)
        }
        // A step with a stale version is refused the same way, and nothing changed.
        #expect(throws: OrderDeskError.recordConflict(what: "contract \(saved.number)", changedBy: "Marcus Chen", changedAt: testNow + 300)) {
            try f.db.stepContract(id: saved.id, .submit, expectedVersion: saved.version, actor: f.manager, now: testNow + 400)
        }
        let now = try f.db.contractDetail(id: saved.id)
        #expect(now.terms.termMonths == 24 && now.terms.monthlyCost == Money(cents: 10_000) && now.status == .draft)
        #expect(throws: OrderDeskError.recordNotFound(what: "contract CSA-009999")) {
            try f.db.saveContract(id: 9_999, second, expectedVersion: 1, actor: f.manager, now: testNow)
        }
    }

    @Test func anActiveContractRefusesEditsWithTheAddendumMessage() throws {
        let f = try ContractFixture()
        let active = try f.active(start: f.today.adding(days: -10))
        #expect(active.status == .active)
        var edit = active.terms
        edit.monthlyCost = Money(cents: 5_000)
        #expect(throws: OrderDeskError.refused("\(active.number) is active, so it is read-only: make an addendum (A) to change it.")) {
            try f.db.saveContract(id: active.id, edit, expectedVersion: active.version, actor: f.manager, now: testNow)
        }
        let pending = try f.submitted(f.draft(discount: 10))
        #expect(throws: OrderDeskError.refused("\(pending.number) is pending approval: withdraw it (w) to edit it; it will need approval again.")) {
            try f.db.saveContract(id: pending.id, pending.terms, expectedVersion: pending.version, actor: f.manager, now: testNow)
        }
        // A viewer may not edit; a customer cannot change.
        let draft = try f.create()
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "edit contracts")) {
            try f.db.saveContract(id: draft.id, draft.terms, expectedVersion: draft.version, actor: f.viewer, now: testNow)
        }
        var moved = draft.terms
        moved.customerID = 2
        moved.locationID = nil
        #expect(throws: OrderDeskError.self) {
            try f.db.saveContract(id: draft.id, moved, expectedVersion: draft.version, actor: f.manager, now: testNow)
        }
    }

    @Test func linesKeepThePricesTheyWerePricedAtWhenThePriceBookChanges() throws {
        let f = try ContractFixture()
        let saved = try f.create()
        try f.db.writer.write { d in
            try d.execute(sql: "UPDATE products SET list_mrr_cents = 26900, floor_mrr_cents = 21900 WHERE code = 'FIB-1G'")
        }
        let reread = try f.db.contractDetail(id: saved.id)
        #expect(reread.terms.lines[0].product.listMRR == Money(cents: 24_900) && reread.terms.lines[0].discount == .zero)
        // Saving the draft keeps them; a new line of the product, or a new contract, takes today's prices.
        var edit = reread.terms
        edit.commission = Money(cents: 30_000)
        let kept = try f.db.saveContract(id: saved.id, edit, expectedVersion: reread.version, actor: f.manager, now: testNow)
        #expect(kept.terms.lines[0].product.listMRR == Money(cents: 24_900))
        let fresh = try f.create()
        #expect(fresh.terms.lines[0].product.listMRR == Money(cents: 26_900) && fresh.terms.lines[0].product.floorMRR == Money(cents: 21_900))
        // The store does not take a client's word for a price the contract never had.
        var forged = fresh.terms
        forged.lines[0].product.floorMRR = Money(cents: 100)
        let priced = try f.db.saveContract(id: fresh.id, forged, expectedVersion: fresh.version, actor: f.manager, now: testNow)
        #expect(priced.terms.lines[0].product.floorMRR == Money(cents: 21_900) && priced.version == fresh.version)
    }
}
