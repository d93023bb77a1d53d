import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// Sales management's targets and commission rates: who may change them, the audit, and what the reports read.
struct SalesTargetTests {
    static func staffedWithSupervisor() throws -> (TempDatabase, AppDatabase, supervisor: UserAccount, manager: UserAccount,
                                                   viewer: UserAccount) {
        let (temp, db, admin, manager, viewer) = try makeStaffed()
        let supervisor = try db.addUser(login: "renee.dubois", name: "Renée Dubois", role: .supervisor, actor: admin, now: testNow)
        return (temp, db, supervisor, manager, viewer)
    }

    @Test func aSupervisorSetsChangesAndRemovesATargetAndEachChangeIsAudited() throws {
        let (_, db, supervisor, manager, _) = try Self.staffedWithSupervisor()
        let november = try #require(TargetMonth(parsing: "2026-11"))
        try db.setSalesTarget(login: manager.login, month: november, installedMRR: Money(cents: 1_250_000), actor: supervisor, now: testNow)
        try db.setSalesTarget(login: manager.login, month: november, installedMRR: Money(cents: 1_500_000), actor: supervisor, now: testNow)
        // The same value again changes nothing and writes no audit row.
        try db.setSalesTarget(login: manager.login, month: november, installedMRR: Money(cents: 1_500_000), actor: supervisor, now: testNow)
        #expect(try db.salesTargets(month: november) == [
            SalesTarget(login: "dana.ruiz", name: "Dana Ruiz", team: nil, month: november, installedMRR: Money(cents: 1_500_000)),
        ])
        #expect(try db.salesTargets(month: TargetMonth(parsing: "2026-12")).isEmpty)
        try db.setSalesTarget(login: manager.login, month: november, installedMRR: nil, actor: supervisor, now: testNow)
        #expect(try db.salesTargets(month: nil).isEmpty)
        let audit = try db.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT CAST(actor_id AS TEXT), CAST(entity_id AS TEXT), action, field, old_value, new_value FROM audit_log WHERE entity = 'sales_target' ORDER BY id
                """)
        }
        #expect(audit.map { [$0[0], $0[1], $0[2], $0[3], $0[4], $0[5]] as [String?] } == [
            [String(supervisor.id), String(manager.id), "set", "2026-11", nil, "1250000"],
            [String(supervisor.id), String(manager.id), "set", "2026-11", "1250000", "1500000"],
            [String(supervisor.id), String(manager.id), "set", "2026-11", "1500000", nil],
        ])
    }

    @Test func aRateChangeIsAuditedAndReadByTheReports() throws {
        let (_, db, supervisor, _, _) = try Self.staffedWithSupervisor()
        try db.setCommissionRate(.renewal, rate: Percentage(basisPoints: 7_500), actor: supervisor, now: testNow)
        #expect(try db.commissionRates().first { $0.type == .renewal }?.rate == Percentage(basisPoints: 7_500))
        #expect(try db.commissionRates().first { $0.type == .new }?.rate == Percentage(basisPoints: 10_000))
        let audit = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT field, old_value, new_value FROM audit_log WHERE entity = 'commission_rate'")
        }
        #expect(audit.map { [$0[0], $0[1], $0[2]] as [String?] } == [["renewal", "5000", "7500"]])
    }

    @Test func accountManagersAndViewersAreRefusedBelowTheUI() throws {
        let (_, db, _, manager, viewer) = try Self.staffedWithSupervisor()
        let month = try #require(TargetMonth(parsing: "2026-11"))
        for person in [manager, viewer] {
            #expect(throws: OrderDeskError.forbidden(login: person.login, role: person.role, action: "set sales targets")) {
                try db.setSalesTarget(login: manager.login, month: month, installedMRR: Money(cents: 100), actor: person, now: testNow)
            }
            #expect(throws: OrderDeskError.forbidden(login: person.login, role: person.role, action: "set commission rates")) {
                try db.setCommissionRate(.new, rate: Percentage(basisPoints: 20_000), actor: person, now: testNow)
            }
        }
        #expect(try db.salesTargets(month: nil).isEmpty)
        #expect(try db.commissionRates() == CommissionRate.defaults)
        let rows = try db.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE entity IN ('sales_target', 'commission_rate')")
        }
        #expect(rows == 0)
    }

    @Test func anUnknownPersonOrANegativeTargetIsRefusedAndNothingIsWritten() throws {
        let (_, db, supervisor, manager, _) = try Self.staffedWithSupervisor()
        let month = try #require(TargetMonth(parsing: "2026-11"))
        #expect(throws: OrderDeskError.unknownUser(login: "nobody")) {
            try db.setSalesTarget(login: "nobody", month: month, installedMRR: Money(cents: 100), actor: supervisor, now: testNow)
        }
        #expect(throws: OrderDeskError.self) {
            try db.setSalesTarget(login: manager.login, month: month, installedMRR: Money(cents: -1), actor: supervisor, now: testNow)
        }
        #expect(throws: OrderDeskError.self) {
            try db.setCommissionRate(.new, rate: Percentage(basisPoints: 100_001), actor: supervisor, now: testNow)
        }
        #expect(try db.salesTargets(month: nil).isEmpty)
    }
}
