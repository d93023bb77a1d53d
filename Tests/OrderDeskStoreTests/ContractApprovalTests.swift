import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Submitting routes a contract by the policy in settings; approving and rejecting are checked in the
/// store against the roles as stored.
@Suite struct ContractApprovalTests {
    @Test func atListPriceWithAShortPaybackAGoodIRRAndThreeYearsNoApprovalIsNeeded() throws {
        let f = try ContractFixture()
        let draft = f.draft()
        let figures = ContractFigures(draft)
        #expect(figures.paybackMonths! <= 24 && figures.irr.reaches(Percentage(percent: 15)) && draft.termMonths == 36)
        let done = try f.submitted(draft)
        #expect(done.status == .approved && done.requiredLevel == .none && done.lastDecision == nil)
        #expect(done.submittedByLogin == "dana.ruiz" && done.submittedAt == testNow)
        #expect(Array(try f.audit(done.id).dropFirst()) == [
            ["submit", "route", nil, "No approval needed: at list price, paying back and earning within the limits."],
            ["submit", "status", "draft", "approved"],
        ])
        #expect(done.history.prefix(2).map(\.detail) == ["status draft → approved", "No approval needed: at list price, paying back and earning within the limits."])
        #expect(done.history.first?.action == "submitted")
    }

    @Test func aDiscountOverTheTermsAllowanceNeedsADirectorAndUpToItASupervisor() throws {
        let f = try ContractFixture()
        let deep = try f.submitted(f.draft(discount: 15))
        #expect(deep.status == .pendingApproval && deep.requiredLevel == .director && !deep.needsComment)
        let route = try f.db.writer.read { try String.fetchOne($0, sql: "SELECT route_summary FROM contracts WHERE id = ?", arguments: [deep.id]) }
        #expect(route == "A director must approve: line 1's discount of 15% is over the 36-month allowance of 10%.")
        let within = try f.submitted(f.draft(discount: 10))
        #expect(within.status == .pendingApproval && within.requiredLevel == .supervisor)
        // A short term needs a supervisor even at list price.
        #expect(try f.submitted(f.draft(term: 24)).requiredLevel == .supervisor)
    }

    @Test func whoMayApprove() throws {
        let f = try ContractFixture()
        let deep = try f.submitted(f.draft(discount: 15))
        let within = try f.submitted(f.draft(discount: 10))
        // Account managers and viewers approve nothing; a supervisor not a director's contract.
        #expect(throws: OrderDeskError.forbidden(login: "marcus.chen", role: .accountManager, action: "approve contracts")) {
            try f.step(within.id, .approve(comment: nil), by: f.otherManager)
        }
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "approve contracts")) {
            try f.step(within.id, .approve(comment: nil), by: f.viewer)
        }
        #expect(throws: OrderDeskError.refused("\(deep.number) needs a director's approval; renee.dubois is a supervisor.")) {
            try f.step(deep.id, .approve(comment: "fine"), by: f.supervisor)
        }
        // The role as stored decides, not the one the caller holds.
        var promoted = f.otherManager
        promoted = UserAccount(id: promoted.id, login: promoted.login, name: promoted.name, role: .director)
        #expect(throws: OrderDeskError.forbidden(login: "marcus.chen", role: .accountManager, action: "approve contracts")) {
            try f.step(deep.id, .approve(comment: nil), by: promoted)
        }
        // The approver is never the submitter, whatever the role.
        let bySupervisor = try f.submitted(f.draft(discount: 5), by: f.supervisor)
        #expect(bySupervisor.requiredLevel == .supervisor)
        #expect(throws: OrderDeskError.refused("You submitted \(bySupervisor.number): someone else must approve it (the approver is never the submitter).")) {
            try f.step(bySupervisor.id, .approve(comment: nil), by: f.supervisor)
        }
        // A director approves either level; a supervisor a supervisor's.
        let approved = try f.step(deep.id, .approve(comment: "Strategic account."), by: f.director, at: testNow + 600)
        #expect(approved.status == .approved)
        #expect(approved.lastDecision == ContractDecision(approved: true, byLogin: "nadia.haddad", at: testNow + 600, comment: "Strategic account."))
        #expect(approved.history.prefix(2).map(\.detail) == ["status pending approval → approved", "\"Strategic account.\""])
        #expect(approved.history.first?.actorLogin == "nadia.haddad" && approved.history.first?.action == "approved")
        #expect(try f.step(within.id, .approve(comment: "  "), by: f.supervisor).lastDecision?.comment == nil)
        #expect(try f.step(bySupervisor.id, .approve(comment: nil), by: f.director).status == .approved)
    }

    @Test func aNegativeNPVIsApprovedOnlyByADirectorWithAComment() throws {
        let f = try ContractFixture()
        let costly = f.draft(construction: 2_000_000)
        #expect(ContractFigures(costly).npv.cents < 0)
        let pending = try f.submitted(costly)
        #expect(pending.requiredLevel == .director && pending.needsComment)
        #expect(throws: OrderDeskError.refused("\(pending.number) has a negative NPV: a director approves it only with a comment. Write why it is worth signing, then approve.")) {
            try f.step(pending.id, .approve(comment: " "), by: f.director)
        }
        #expect(try f.db.contractDetail(id: pending.id).status == .pendingApproval)
        let approved = try f.step(pending.id, .approve(comment: "Anchor tenant: the build serves the whole block."), by: f.director)
        #expect(approved.status == .approved && approved.lastDecision?.comment == "Anchor tenant: the build serves the whole block.")
    }

    @Test func aRejectionNeedsACommentAndReturnsTheDraftWithIt() throws {
        let f = try ContractFixture()
        let pending = try f.submitted(f.draft(discount: 10))
        #expect(throws: OrderDeskError.refused("Write a comment to reject \(pending.number): it tells dana.ruiz what to change.")) {
            try f.step(pending.id, .reject(comment: ""), by: f.supervisor)
        }
        let rejected = try f.step(pending.id, .reject(comment: "Too deep for a 36-month term: 5% at most."), by: f.supervisor, at: testNow + 900)
        #expect(rejected.status == .draft && rejected.requiredLevel == .none && rejected.submittedBy == nil)
        #expect(rejected.lastDecision == ContractDecision(approved: false, byLogin: "renee.dubois", at: testNow + 900,
                                                          comment: "Too deep for a 36-month term: 5% at most."))
        #expect(rejected.history.prefix(2).map(\.detail) == ["status pending approval → draft", "\"Too deep for a 36-month term: 5% at most.\""])
        #expect(rejected.history.first?.action == "rejected")
        // The draft is editable again and can go back.
        var edit = rejected.terms
        edit.lines[0].setDiscount(Percentage(percent: 5))
        let saved = try f.db.saveContract(id: rejected.id, edit, expectedVersion: rejected.version, actor: f.manager, now: testNow + 1_000)
        let again = try f.step(saved.id, .submit, by: f.manager, at: testNow + 1_100)
        #expect(again.status == .pendingApproval && again.requiredLevel == .supervisor)
        // The rejection stays the last decision until someone decides again.
        #expect(again.lastDecision?.approved == false)
    }

    @Test func withdrawingReturnsToDraftAndClearsTheSubmissionAndAnApproval() throws {
        let f = try ContractFixture()
        let pending = try f.submitted(f.draft(discount: 15))
        let withdrawn = try f.step(pending.id, .withdraw, by: f.manager)
        #expect(withdrawn.status == .draft && withdrawn.requiredLevel == .none && withdrawn.submittedBy == nil && !withdrawn.needsComment)
        #expect(withdrawn.history.first?.action == "withdrawn" && withdrawn.history.first?.detail == "status pending approval → draft")
        let resubmitted = try f.step(pending.id, .submit, by: f.manager)
        let approved = try f.step(resubmitted.id, .approve(comment: nil), by: f.director)
        let back = try f.step(approved.id, .withdraw, by: f.manager)
        #expect(back.status == .draft && back.lastDecision == nil)
        // Viewers withdraw nothing; a draft cannot be withdrawn.
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "withdraw contracts")) {
            try f.step(back.id, .withdraw, by: f.viewer)
        }
        #expect(throws: OrderDeskError.self) { try f.step(back.id, .withdraw, by: f.manager) }
    }

    @Test func theSettingsChangeTheRouting() throws {
        let f = try ContractFixture()
        #expect(try f.submitted(f.draft(discount: 15)).requiredLevel == .director)
        try f.db.setSetting(.discountAllowance36, typed: "20%", actor: f.admin, now: testNow)
        let pending = try f.submitted(f.draft(discount: 15))
        #expect(pending.requiredLevel == .supervisor && pending.policy.allowance(termMonths: 36) == Percentage(percent: 20))
        // Payback: a construction that pays back in 30 months needs a supervisor, until the limit is 24.
        try f.db.setSetting(.autoMaxPayback, typed: "40", actor: f.admin, now: testNow)
        try f.db.setSetting(.supervisorMaxPayback, typed: "60", actor: f.admin, now: testNow)
        let built = f.draft(construction: 680_000)
        let months = try #require(ContractFigures(built).paybackMonths)
        #expect(months > 24 && months <= 40)
        #expect(try f.submitted(built).status == .approved)
        try f.db.setSetting(.autoMaxPayback, typed: "24", actor: f.admin, now: testNow)
        #expect(try f.submitted(built).requiredLevel == .supervisor)
    }
}
