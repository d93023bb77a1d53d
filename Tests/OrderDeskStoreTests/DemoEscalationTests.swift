import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The demo's escalations: every severity, status, SLA state and reason; manual ones with notes, automatic
/// ones with the rules' causes (so the rules raise nothing right after the build); the trail the store writes;
/// and the summaries kept by triggers agree with the orders.
@Suite struct DemoEscalationTests {
    static let demo: (TempDatabase, AppDatabase) = try! makeDemo(orders: 1_500, seed: 42)

    func count(_ sql: String) throws -> Int { try Self.demo.1.writer.read { try Int.fetchOne($0, sql: sql) ?? -1 } }

    @Test func coverEverySeverityStatusSLAStateAndReason() throws {
        let (_, db) = Self.demo
        let all = try db.writer.read { d in try Int64.fetchAll(d, sql: "SELECT id FROM escalations").map { try EscalationSQL.record(d, id: $0) } }
        #expect(Set(all.map(\.severity)) == Set(EscalationSeverity.allCases))
        #expect(Set(all.map(\.status)) == Set(EscalationStatus.allCases))
        #expect(Set(all.map(\.reason)) == Set(EscalationReason.allCases))
        #expect(Set(all.compactMap { $0.slaState(at: testNow) }) == Set(SLAState.allCases))
        #expect(try count("SELECT count(*) FROM audit_log WHERE entity = 'escalation' AND action = 'reopen'") >= 1)
        let summary = try db.escalationSummary(now: testNow)
        #expect(summary.active == all.filter { $0.status.isActive }.count)
        #expect((5...200).contains(summary.active), "\(summary.active) active")
        #expect(all.filter { $0.status == .resolved }.count > summary.active)
        // Owners are supervisors and the director; manual ones come from account managers with a note.
        let owners = Set(all.compactMap(\.ownerLogin))
        #expect(owners.isSubset(of: ["renee.dubois", "victor.okafor", "nadia.haddad"]) && owners.contains("nadia.haddad"))
        let raisers = try Set(db.users().filter { $0.role == .accountManager }.map(\.login))
        for e in all {
            if let raiser = e.raisedByLogin {
                #expect(raisers.contains(raiser) && e.cause == nil && !e.notes.isEmpty)
            } else {
                #expect(e.cause != nil && e.notes.first?.text.hasPrefix("Raised by the rules: ") == true)
            }
            #expect(e.dueAt == SLAPolicy.defaults.due(raisedAt: e.raisedAt, severity: e.severity))
            #expect(e.raisedAt <= testNow && (e.resolvedAt ?? e.raisedAt) >= e.raisedAt)
        }
        // The fixed breached P1 (on Café Roma LLC when it has an open order, as in the 50,000-order demo).
        let cafe = try #require(all.first { $0.raisedAt == testNow - 6 * 3_600 && $0.severity == .p1 && $0.reason == .customerComplaint })
        #expect(cafe.slaState(at: testNow) == .breached && cafe.ownerLogin == "renee.dubois" && cafe.notes.count == 3)
        // The sparkline has a shape.
        #expect(Set(try db.escalationHistory(now: testNow).counts).count > 1)
    }

    @Test func theRulesRaiseNothingRightAfterTheBuild() throws {
        let temp = try TempDatabase()
        let db = try AppDatabase.buildDemo(at: temp.path, options: DemoOptions(orders: 1_500, seed: 3, currentLogin: "tester", currentName: "T"),
                                           now: testNow, progress: { _ in })
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM escalations WHERE cause IS NOT NULL") ?? 0 } > 10)
        #expect(try db.runAutoEscalations(now: testNow) == 0)
    }

    @Test func trailsFlagsAndSummariesAreWhatTheStoreAndTriggersKeep() throws {
        // Every escalation has its raise, every note its audit row, every step its status change.
        #expect(try count("SELECT count(*) FROM escalations e WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'escalation' AND a.entity_id = e.id AND a.action = 'raise')") == 0)
        #expect(try count("SELECT count(*) FROM escalation_notes") == count("SELECT count(*) FROM audit_log WHERE entity = 'escalation' AND action = 'note'"))
        #expect(try count("SELECT count(*) FROM escalations WHERE status = 'acknowledged' AND acknowledged_at IS NULL") == 0)
        #expect(try count("SELECT count(*) FROM escalations WHERE version != 1 + (SELECT count(*) FROM audit_log a WHERE a.entity = 'escalation' AND a.entity_id = escalations.id AND a.action IN ('acknowledge', 'resolve', 'reopen', 'reassign', 'note')) - (SELECT count(*) FROM audit_log a WHERE a.entity = 'escalation' AND a.entity_id = escalations.id AND a.action = 'note' AND a.at = escalations.raised_at AND a.id = (SELECT min(id) FROM audit_log b WHERE b.entity = 'escalation' AND b.entity_id = escalations.id AND b.action = 'note'))") == 0)
        // The order's flag, the order's owner on its escalations, the aging summary.
        #expect(try count("SELECT count(*) FROM orders o WHERE escalated != EXISTS (SELECT 1 FROM escalations e WHERE e.order_id = o.id AND e.status != 'resolved')") == 0)
        #expect(try count("SELECT count(*) FROM orders WHERE escalated = 1") > 0)
        #expect(try count("SELECT count(*) FROM escalations e JOIN orders o ON o.id = e.order_id WHERE e.order_owner_id IS NOT o.owner_id") == 0)
        #expect(try count("""
            SELECT count(*) FROM (SELECT state_since / 86400 AS d, COALESCE(owner_id, 0) AS w, count(*) AS n FROM orders
              WHERE \(Migrations.openOrderSQL) GROUP BY 1, 2) x
            WHERE n != (SELECT a.n FROM order_aging a WHERE a.since_day = x.d AND a.owner_id = x.w)
            """) == 0)
        #expect(try count("SELECT sum(n) FROM order_aging") == count("SELECT count(*) FROM orders WHERE state NOT IN ('billed', 'cancelled', 'rejected')"))
        #expect(try count("PRAGMA foreign_key_check") == -1)
    }
}
