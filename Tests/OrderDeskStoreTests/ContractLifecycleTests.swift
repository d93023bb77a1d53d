import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Sending, activating, terminating and expiring, each audited and shown in the history.
@Suite struct ContractLifecycleStoreTests {
    @Test func sendActivateAndTerminate() throws {
        let f = try ContractFixture()
        let approved = try f.submitted(f.draft())
        // Activating needs the contract sent first, and a start date.
        #expect(throws: OrderDeskError.self) { try f.step(approved.id, .activate(startOn: f.today), by: f.manager) }
        let sent = try f.step(approved.id, .send, by: f.manager, at: testNow + 60)
        #expect(sent.status == .sent && sent.sentOn == f.today)
        #expect(throws: OrderDeskError.refused("\(sent.number) has no start date: give the day service starts to activate it.")) {
            try f.step(sent.id, .activate(startOn: nil), by: f.manager)
        }
        let start = Day(iso: "2026-06-15")!
        let active = try f.step(sent.id, .activate(startOn: start), by: f.manager, at: testNow + 120)
        #expect(active.status == .active && active.terms.startOn == start && active.terms.endOn == Day(iso: "2029-06-14"))
        let row = try f.db.contractPage(filter: ContractFilter(status: .active), request: .first, limit: 5, user: f.manager, today: f.today).rows
        #expect(row.map(\.id) == [active.id] && row[0].endOn == Day(iso: "2029-06-14"))
        // Only a supervisor (or a director) ends a contract early, with a reason, not before it started.
        let end = Day(iso: "2027-01-31")!
        #expect(throws: OrderDeskError.forbidden(login: "dana.ruiz", role: .accountManager, action: "terminate contracts")) {
            try f.step(active.id, .terminate(on: end, reason: "Closed the site."), by: f.manager)
        }
        #expect(throws: OrderDeskError.refused("Give the reason \(active.number) ends early (the customer closed the site, moved to a competitor…).")) {
            try f.step(active.id, .terminate(on: end, reason: " "), by: f.supervisor)
        }
        #expect(throws: OrderDeskError.refused("\(active.number) started on 2026-06-15: it cannot end before that (2026-06-01).")) {
            try f.step(active.id, .terminate(on: Day(iso: "2026-06-01")!, reason: "Closed the site."), by: f.supervisor)
        }
        let ended = try f.step(active.id, .terminate(on: end, reason: "Closed the site."), by: f.supervisor, at: testNow + 180)
        #expect(ended.status == .terminated && ended.terminatedOn == end && ended.terms.endOn == Day(iso: "2029-06-14"))
        // Every step is in the log and, newest first, in the history.
        #expect(try f.audit(ended.id).map { $0[0]! + " " + ($0[1] ?? "-") } == [
            "create -", "submit route", "submit status", "send sent_on", "send status", "activate start_on", "activate status",
            "terminate reason", "terminate terminated_on", "terminate status",
        ])
        #expect(ended.history.map(\.action) == [
            "terminated", "terminated", "terminated", "activated", "activated", "sent", "sent", "submitted", "submitted", "created",
        ])
        #expect(ended.history.prefix(3).map(\.detail) == [
            "status active → terminated", "terminated on – → 2027-01-31", "reason: \"Closed the site.\"",
        ])
        #expect(ended.history.first?.actorLogin == "renee.dubois" && ended.history.first?.at == testNow + 180)
        #expect(ended.history[3].detail == "status sent → active" && ended.history[4].detail == "start – → 2026-06-15")
        // A closed contract refuses every step, saying so.
        #expect(throws: OrderDeskError.refused("\(ended.number) is terminated: it cannot be marked sent. What can be done now: nothing: it is closed.")) {
            try f.step(ended.id, .send, by: f.manager)
        }
    }

    @Test func anAddendumWhoseParentEndedCannotBeSubmitted() throws {
        let f = try ContractFixture()
        let parent = try f.active(start: f.today.adding(days: -100))
        let addendum = try f.create(f.draft(kind: .addendum, parent: parent.id))
        try f.step(parent.id, .terminate(on: f.today, reason: "Customer moved out."), by: f.supervisor)
        do {
            try f.step(addendum.id, .submit, by: f.manager)
            Issue.record("submitted")
        } catch let OrderDeskError.invalidFields(errors) {
            #expect(errors.map(\.field) == ["parent"] && errors[0].message == "An addendum amends an active contract; \(parent.number) is terminated.")
        }
        #expect(try f.db.contractDetail(id: addendum.id).status == .draft)
    }

    @Test func activatingWithAStartMovesTheEndAndOneStartKeepsIt() throws {
        let f = try ContractFixture()
        let dated = try f.submitted(f.draft(term: 36, start: Day(iso: "2026-07-01")))
        try f.step(dated.id, .send, by: f.manager)
        let active = try f.step(dated.id, .activate(startOn: nil), by: f.manager)
        #expect(active.terms.startOn == Day(iso: "2026-07-01") && active.terms.endOn == Day(iso: "2029-06-30"))
        #expect(!(try f.audit(active.id)).contains { $0[1] == "start_on" })
    }

    @Test func theExpirySweepClosesContractsWhoseTermEnded() throws {
        let f = try ContractFixture()
        let ended = try f.active(start: Day(iso: "2023-05-01")!)  // ends 2026-04-30
        let endsToday = try f.active(start: Day(iso: "2023-05-28")!)  // ends 2026-05-27, yesterday
        let running = try f.active(start: Day(iso: "2023-05-29")!)  // ends 2026-05-28, today
        #expect(running.terms.endOn == f.today)
        #expect(throws: OrderDeskError.forbidden(login: "sam.patel", role: .viewer, action: "expire contracts")) {
            _ = try f.db.expireContracts(today: f.today, actor: f.viewer, now: testNow)
        }
        #expect(try f.db.expireContracts(today: f.today, actor: f.manager, now: testNow + 5) == 2)
        #expect(try f.db.contractDetail(id: ended.id).status == .expired)
        let expired = try f.db.contractDetail(id: endsToday.id)
        #expect(expired.status == .expired && expired.version == endsToday.version + 1)
        #expect(expired.history.first == ContractHistoryEntry(at: testNow + 5, actorLogin: "dana.ruiz", action: "expired", detail: "status active → expired"))
        #expect(try f.db.contractDetail(id: running.id).status == .active)
        #expect(try f.db.expireContracts(today: f.today, actor: f.manager, now: testNow + 6) == 0)
    }

    @Test func detailByNumberAndTheEditorsContext() throws {
        let f = try ContractFixture()
        let saved = try f.create()
        for text in [saved.number, saved.number.lowercased(), "csa-\(saved.id)", "\(saved.id)", " \(saved.id) "] {
            #expect(try f.db.contractDetail(number: text).id == saved.id, "\(text)")
        }
        #expect(throws: OrderDeskError.recordNotFound(what: "contract CSA-000404")) { try f.db.contractDetail(number: "404") }
        #expect(throws: OrderDeskError.recordNotFound(what: "contract CSA-000404")) { try f.db.contractDetail(id: 404) }
        #expect(throws: OrderDeskError.self) { try f.db.contractDetail(number: "CSA-12x") }

        // Locations with the near-net estimate; parents are the active and expired contracts.
        try f.db.writer.write { d in
            try d.execute(sql: "UPDATE locations SET serviceability = 'near_net', distance_feet = 150, construction_estimate_cents = 775000 WHERE id = ?",
                          arguments: [f.base.cafeLocations[1]])
        }
        let active = try f.active(start: f.today.adding(days: -30))
        let expired = try f.active(start: Day(iso: "2022-01-01")!)
        _ = try f.db.expireContracts(today: f.today, actor: f.manager, now: testNow)
        let context = try f.db.contractContext(customerID: f.cafe)
        #expect(context.customerName == "Café Roma LLC" && context.policy == .defaults)
        #expect(context.locations.map(\.address) == [
            "12 Main St, Bethpage, NY 11714", "1200 Old Country Road, Hicksville, NY 11801", "5 Elm St, Stamford, CT 06901",
        ])
        #expect(context.locations.map(\.constructionEstimate) == [nil, Money(cents: 775_000), nil])
        #expect(context.parents.map(\.id) == [active.id, expired.id] && context.parents.map(\.status) == [.active, .expired])
        #expect(throws: OrderDeskError.recordNotFound(what: "customer #404")) { try f.db.contractContext(customerID: 404) }
        #expect(try f.db.contractOwners() == ["dana.ruiz"])
    }
}
