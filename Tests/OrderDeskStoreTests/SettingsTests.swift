import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

struct SettingsTests {
    @Test func settingsStartAtTheDefaultsAndReadAsRules() throws {
        let (_, db, _, _, _) = try makeStaffed()
        #expect(try db.settings().allSatisfy(\.isDefault))
        #expect(try db.writer.read(AppDatabase.serviceabilityRules) == ServiceabilityRules.defaults)
    }

    @Test func anAdminChangesASettingAndTheChangeIsAudited() throws {
        let (_, db, admin, _, _) = try makeStaffed()
        try db.setSetting(.nearNetMaxFeet, typed: "1,250", actor: admin, now: testNow)
        try db.setSetting(.constructionFixed, typed: "$3,000.50", actor: admin, now: testNow)
        try db.setSetting(.constructionPerFoot, typed: "40", actor: admin, now: testNow)
        let rules = try db.writer.read(AppDatabase.serviceabilityRules)
        #expect(rules == ServiceabilityRules(nearNetMaxFeet: 1_250, constructionFixed: Money(cents: 300_050),
                                             constructionPerFoot: Money(cents: 4_000)))
        #expect(Setting.constructionFixed.display("300050") == "$3,000.50")
        #expect(Setting.nearNetMaxFeet.display("1250") == "1,250 ft")
        let audit = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT field, old_value, new_value FROM audit_log WHERE entity = 'setting' ORDER BY id")
        }
        #expect(audit.map { [$0[0], $0[1], $0[2]] as [String?] } == [
            ["serviceability.near_net_max_feet", "200", "1250"],
            ["serviceability.construction_fixed_cents", "250000", "300050"],
            ["serviceability.construction_per_foot_cents", "3500", "4000"],
        ])
    }

    @Test func othersAreRefusedAndBadValuesSayWhatIsExpected() throws {
        let (_, db, admin, manager, _) = try makeStaffed()
        #expect(throws: OrderDeskError.forbidden(login: manager.login, role: .accountManager, action: "change settings")) {
            try db.setSetting(.nearNetMaxFeet, typed: "300", actor: manager, now: testNow)
        }
        #expect(throws: OrderDeskError.invalidInput(field: "serviceability.near_net_max_feet", value: "far",
                                                    expected: "a whole number of feet from 0 to 100,000")) {
            try db.setSetting(.nearNetMaxFeet, typed: "far", actor: admin, now: testNow)
        }
        #expect(throws: OrderDeskError.self) { try db.setSetting(.constructionPerFoot, typed: "-5", actor: admin, now: testNow) }
        #expect(try db.settings().allSatisfy(\.isDefault))
    }

    @Test func aHandEditedValueIsReportedWithItsKey() throws {
        let (_, db, _, _, _) = try makeStaffed()
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('serviceability.near_net_max_feet', 'two hundred')")
        }
        #expect(throws: StoreError.invalidSetting(key: "serviceability.near_net_max_feet", value: "two hundred",
                                                  expected: "a whole number of feet (0 or more)")) {
            try db.writer.read(AppDatabase.serviceabilityRules)
        }
    }
}

/// The escalation settings: the three SLAs, the rules' thresholds and severities.
struct EscalationSettingsTests {
    @Test func defaultsReadAsThePoliciesAndShowAsPeopleWriteThem() throws {
        let (_, db, _, _, _) = try makeStaffed()
        #expect(try db.slaPolicy() == .defaults)
        #expect(try db.autoEscalationPolicy() == .defaults)
        let shown = Dictionary(uniqueKeysWithValues: try db.settings().map { ($0.setting.rawValue, $0.setting.display($0.value)) })
        #expect(shown["escalation.sla_p1"] == "4 hours")
        #expect(shown["escalation.sla_p2"] == "1 business day")
        #expect(shown["escalation.sla_p3"] == "3 business days")
        #expect(shown["escalation.rule.not_done_days"] == "3 days")
        #expect(shown["escalation.rule.held_days"] == "30 days")
        #expect(shown["escalation.rule.pending_days"] == "14 days")
        #expect(shown["escalation.rule.not_done_severity"] == "P2")
        #expect(shown["escalation.rule.install_date_missed_severity"] == "P2")
        #expect(shown["escalation.rule.held_severity"] == "P3")
        #expect(shown["escalation.rule.pending_severity"] == "P3")
    }

    @Test func anAdminSetsThemInAnyUsualSpelling() throws {
        let (_, db, admin, _, _) = try makeStaffed()
        for (setting, typed, stored) in [(Setting.slaP1, "2 hours", "2h"), (.slaP2, "8h", "8h"), (.slaP3, "2 Business Days", "2bd"),
                                         (.slaP3, "5bd", "5bd"), (.slaP1, "1 hour", "1h"), (.notDoneDays, "5", "5"),
                                         (.heldDays, "45 days", "45"), (.pendingSeverity, "p1", "p1"), (.heldSeverity, "2", "p2")] {
            try db.setSetting(setting, typed: typed, actor: admin, now: testNow)
            #expect(try db.settings().first { $0.setting == setting }?.value == stored, "\(typed)")
        }
        #expect(try db.slaPolicy() == SLAPolicy(p1: .hours(1), p2: .hours(8), p3: .businessDays(5)))
        let rules = try db.autoEscalationPolicy()
        #expect(rules.notDoneDays == 5 && rules.heldDays == 45 && rules.pendingDays == 14)
        #expect(rules.severity(of: .pending) == .p1 && rules.severity(of: .held) == .p2 && rules.severity(of: .notDone) == .p2)
        #expect(Setting.slaP2.display("8h") == "8 hours")
    }

    @Test func badValuesSayWhatIsExpectedAndAHandEditedOneNamesItsKey() throws {
        let (_, db, admin, _, _) = try makeStaffed()
        for (setting, typed) in [(Setting.slaP1, "4"), (.slaP1, "0h"), (.slaP1, "four hours"), (.slaP2, "1 day"), (.slaP2, "61bd"),
                                 (.slaP1, "721h"), (.notDoneDays, "0"), (.notDoneDays, "-3"), (.heldDays, "366"),
                                 (.heldSeverity, "P4"), (.heldSeverity, "high")] {
            #expect(throws: OrderDeskError.invalidInput(field: setting.rawValue, value: typed, expected: setting.expected), "\(typed)") {
                try db.setSetting(setting, typed: typed, actor: admin, now: testNow)
            }
        }
        #expect(Setting.slaP1.expected.contains("4h") && Setting.slaP1.expected.contains("1 business day"))
        #expect(try db.settings().allSatisfy(\.isDefault))
        try db.writer.write { try $0.execute(sql: "INSERT INTO settings(key, value) VALUES ('escalation.sla_p2', 'soon')") }
        #expect(throws: StoreError.invalidSetting(key: "escalation.sla_p2", value: "soon", expected: Setting.slaP2.expected)) {
            try db.slaPolicy()
        }
    }
}

struct PlantImportTests {
    @Test func anImportAddsUpdatesAndWithReplaceRemovesInOneAuditedStep() throws {
        let (_, db, admin, manager, _) = try makeStaffed()
        let first = try db.importPlant([
            PlantEntry(zip: "11714", street: "old country rd", distanceFeet: 0),
            PlantEntry(zip: "11714", street: "", distanceFeet: 150),
            PlantEntry(zip: "11801", street: "w main st", distanceFeet: 90),
        ], replace: false, source: "plant.csv", actor: admin, now: testNow)
        #expect(first == PlantImportSummary(added: 3, changed: 0, unchanged: 0, removed: 0))
        let second = try db.importPlant([
            PlantEntry(zip: "11714", street: "old country rd", distanceFeet: 0),
            PlantEntry(zip: "11714", street: "", distanceFeet: 120),
        ], replace: true, source: "plant-2.csv", actor: admin, now: testNow)
        #expect(second == PlantImportSummary(added: 0, changed: 1, unchanged: 1, removed: 1))
        #expect(try db.plantEntries() == [
            PlantEntry(zip: "11714", street: "", distanceFeet: 120),
            PlantEntry(zip: "11714", street: "old country rd", distanceFeet: 0),
        ])
        let audit = try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT field || ': ' || new_value FROM audit_log WHERE entity = 'plant' ORDER BY id")
        }
        #expect(audit == ["plant.csv: 3 added, 0 changed, 0 unchanged, 0 removed",
                          "plant-2.csv: 0 added, 1 changed, 1 unchanged, 1 removed"])
        #expect(throws: OrderDeskError.forbidden(login: manager.login, role: .accountManager, action: "import the plant table")) {
            try db.importPlant([], replace: true, source: "empty.csv", actor: manager, now: testNow)
        }
        #expect(try db.plantEntries().count == 2)
    }
}
