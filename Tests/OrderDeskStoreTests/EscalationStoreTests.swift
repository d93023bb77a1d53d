import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Escalations in the store: raising, the supervisors' steps with their role checks, the flag on the order,
/// and the automatic rules run twice without a duplicate.
struct EscalationStoreTests {
    let fixture: CustomerFixture
    let director: UserAccount
    let order: Int64

    init() throws {
        fixture = try CustomerFixture()
        director = try fixture.db.addUser(login: "nadia.haddad", name: "Nadia Haddad", role: .director, actor: fixture.admin, now: testNow)
        order = try fixture.db.insertTestOrder(number: "00451234", customerID: fixture.cafe, locationID: fixture.cafeLocations[0],
                                               state: .scheduled)
    }

    var db: AppDatabase { fixture.db }

    func escalated(_ orderID: Int64) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: "SELECT escalated FROM orders WHERE id = ?", arguments: [orderID]) ?? -1 }
    }

    func setOrder(_ id: Int64, state: OrderState, since: Int64, install: String? = nil) throws {
        try db.writer.write {
            try $0.execute(sql: "UPDATE orders SET state = ?, state_since = ?, install_on = ? WHERE id = ?",
                           arguments: [state.rawValue, since, install, id])
        }
    }

    @Test func anAccountManagerRaisesAP1DueInFourHoursOwnedByASupervisor() throws {
        let raised = try db.raiseEscalation(orderID: order, reason: .customerComplaint, severity: .p1,
                                            note: "Customer called twice about the install.", actor: fixture.manager, now: testNow)
        #expect(raised.status == .open)
        #expect(raised.dueAt == testNow + 4 * 3_600)
        #expect(raised.ownerLogin == "renee.dubois")
        #expect(raised.raisedByLogin == "dana.ruiz")
        #expect(raised.notes.map(\.text) == ["Customer called twice about the install."])
        #expect(raised.orderNumber == "00451234")
        #expect(try escalated(order) == 1)
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "raise escalations")) {
            try db.raiseEscalation(orderID: order, reason: .other, severity: .p3, note: nil, actor: fixture.viewer, now: testNow)
        }
    }

    @Test func onlySupervisorsAndDirectorsHandleThem() throws {
        let raised = try db.raiseEscalation(orderID: order, reason: .billingDispute, severity: .p2, note: nil,
                                            actor: fixture.manager, now: testNow)
        for user in [fixture.manager, fixture.viewer, fixture.admin] {
            #expect(throws: OrderDeskError.forbidden(login: user.login, role: user.role, action: "handle escalations")) {
                try db.stepEscalation(id: raised.id, .acknowledge, expectedVersion: raised.version, actor: user, now: testNow)
            }
            #expect(throws: OrderDeskError.self) {
                try db.addEscalationNote(id: raised.id, text: "me too", actor: user, now: testNow)
            }
        }
        let acknowledged = try db.stepEscalation(id: raised.id, .acknowledge, expectedVersion: raised.version,
                                                 actor: fixture.supervisor, now: testNow + 60)
        #expect(acknowledged.status == .acknowledged)
        #expect(acknowledged.acknowledgedAt == testNow + 60)
        let reassigned = try db.stepEscalation(id: raised.id, .reassign(ownerLogin: "nadia.haddad"),
                                               expectedVersion: acknowledged.version, actor: director, now: testNow + 120)
        #expect(reassigned.ownerLogin == "nadia.haddad")
        #expect(throws: OrderDeskError.refused("dana.ruiz is a account_manager: an escalation's owner is a supervisor or a director.")) {
            try db.stepEscalation(id: raised.id, .reassign(ownerLogin: "dana.ruiz"), expectedVersion: reassigned.version,
                                  actor: director, now: testNow)
        }
    }

    @Test func resolvingNeedsANoteClearsTheFlagAndReopeningSetsItAgain() throws {
        let raised = try db.raiseEscalation(orderID: order, reason: .constructionDelay, severity: .p3, note: nil,
                                            actor: fixture.manager, now: testNow)
        #expect(throws: OrderDeskError.invalidFields([FieldError(field: "resolution", message: "Say how it was resolved.")])) {
            try db.stepEscalation(id: raised.id, .resolve(note: "  "), expectedVersion: raised.version, actor: fixture.supervisor, now: testNow)
        }
        let resolved = try db.stepEscalation(id: raised.id, .resolve(note: "Permit granted; install booked."),
                                             expectedVersion: raised.version, actor: fixture.supervisor, now: testNow + 600)
        #expect(resolved.status == .resolved)
        #expect(resolved.resolution == "Permit granted; install booked.")
        #expect(try escalated(order) == 0)
        #expect(throws: OrderDeskError.self) {
            try db.stepEscalation(id: raised.id, .acknowledge, expectedVersion: resolved.version, actor: fixture.supervisor, now: testNow)
        }
        let reopened = try db.stepEscalation(id: raised.id, .reopen, expectedVersion: resolved.version,
                                             actor: fixture.supervisor, now: testNow + 900)
        #expect(reopened.status == .open)
        #expect(reopened.resolution == nil)
        #expect(try escalated(order) == 1)
        // A stale version is refused with who changed it.
        #expect(throws: OrderDeskError.self) {
            try db.stepEscalation(id: raised.id, .acknowledge, expectedVersion: raised.version, actor: fixture.supervisor, now: testNow)
        }
        let actions = try db.writer.read {
            try String.fetchAll($0, sql: "SELECT action FROM audit_log WHERE entity = 'escalation' AND entity_id = ? ORDER BY id",
                                arguments: [raised.id])
        }
        #expect(actions == ["raise", "resolve", "reopen"])
    }

    @Test func theRulesRaiseOneEscalationPerStuckEpisode() throws {
        let notDone = try db.insertTestOrder(number: "00451235", customerID: fixture.cafe, locationID: nil, state: .notDone)
        let held = try db.insertTestOrder(number: "00451236", customerID: fixture.cafe, locationID: nil, state: .held)
        let fresh = try db.insertTestOrder(number: "00451237", customerID: fixture.cafe, locationID: nil, state: .pending)
        try setOrder(notDone, state: .notDone, since: testNow - 3 * 86_400 - 1)
        try setOrder(held, state: .held, since: testNow - 30 * 86_400)        // at the threshold: not yet
        try setOrder(fresh, state: .pending, since: testNow - 15 * 86_400)
        try setOrder(order, state: .scheduled, since: testNow - 10 * 86_400, install: Day(unixSeconds: testNow).adding(days: -1).iso)
        #expect(try db.runAutoEscalations(now: testNow) == 3)
        // Twice (another desk, cron): nothing new.
        #expect(try db.runAutoEscalations(now: testNow) == 0)
        let reasons = try [notDone, fresh, order, held].map { try db.escalations(orderID: $0).map(\.reason) }
        #expect(reasons == [[.notDoneTooLong], [.waitingOnCustomerTooLong], [.installDateMissed], []])
        let automatic = try #require(db.escalations(orderID: notDone).first)
        #expect(automatic.raisedByLogin == nil)
        #expect(automatic.severity == .p2)
        #expect(automatic.notes.first?.text == "Raised by the rules: not done for 3 days (over 3).")
        // A day later the held order is over 30 days; resolving the not-done one does not make the rules raise it again.
        _ = try db.stepEscalation(id: automatic.id, .resolve(note: "Re-dispatched."), expectedVersion: automatic.version,
                                  actor: fixture.supervisor, now: testNow + 7_200)
        #expect(try db.runAutoEscalations(now: testNow + 86_400) == 1)
        #expect(try db.escalations(orderID: held).count == 1)
        #expect(try db.escalations(orderID: notDone).count == 1)
        // Back in not_done later: a new episode, a new escalation.
        try setOrder(notDone, state: .notDone, since: testNow + 86_400)
        #expect(try db.runAutoEscalations(now: testNow + 5 * 86_400) == 1)
        #expect(try db.escalations(orderID: notDone).count == 2)
    }
}
