import Foundation
import Testing

/// `orderdesk targets` and `orderdesk rates` on the demo database: set, read back by the monthly report, refused
/// for an account manager, and every bad input with its message.
struct TargetsCommandTests {
    @Test func aSupervisorSetsATargetAndARateAndTheMonthlyReportUsesThem() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let month = try SQLite.query(db, "SELECT substr(max(booked_on), 1, 7) FROM orders").trimmingCharacters(in: .whitespacesAndNewlines)
        let set = try Binary.run(["targets", "set", "dana.ruiz", month, "12,345.67", "--user", "renee.dubois", "--db", db])
        #expect(set.status == 0 && set.stdout.contains("dana.ruiz's target for \(month) is now 12,345.67"), "\(set.stderr)")
        let list = try Binary.run(["targets", "list", "--month", month, "--db", db])
        #expect(list.status == 0 && list.stdout.contains("dana.ruiz") && list.stdout.contains("12,345.67"))
        let rate = try Binary.run(["rates", "set", "renewal", "0.75x", "--user", "renee.dubois", "--db", db])
        #expect(rate.status == 0 && rate.stdout.contains("The renewal rate is now 0.75× MRR."), "\(rate.stderr)")
        #expect(try Binary.run(["rates", "list", "--db", db]).stdout.contains("renewal\t0.75× MRR\t(75%)"))
        let audited = try SQLite.query(db, """
            SELECT count(*) FROM audit_log WHERE entity IN ('sales_target', 'commission_rate')
            AND actor_id = (SELECT id FROM users WHERE login = 'renee.dubois')
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(audited == "2")

        // The month's report measures Dana against the new target.
        let report = try Binary.run(["report", "monthly", "--date", month + "-01", "--owner", "dana.ruiz", "--format", "json",
                                     "--time-zone", "UTC", "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let commission = try #require(object["commission"] as? [String: Any])
        let executives = try #require(commission["executives"] as? [[String: Any]])
        #expect(executives.first?["target"] as? Double == 12_345.67)
    }

    @Test func anAccountManagerIsRefusedAndBadInputSaysWhatToType() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let before = try SQLite.query(db, "SELECT count(*) FROM sales_targets; SELECT group_concat(rate_bp) FROM commission_rates")
        for (arguments, message) in [
            (["targets", "set", "dana.ruiz", "2026-11", "100", "--user", "dana.ruiz"],
             "dana.ruiz has the role account_manager, which may not set sales targets"),
            (["rates", "set", "new", "2x", "--user", "sam.patel"], "may not set commission rates"),
            (["targets", "set", "dana.ruiz", "2026-13", "100", "--user", "renee.dubois"], "'2026-13' is not a month: type a month as YYYY-MM"),
            (["targets", "set", "dana.ruiz", "2026-11", "lots", "--user", "renee.dubois"], "'lots' is not an amount"),
            (["targets", "set", "nobody", "2026-11", "100", "--user", "renee.dubois"], "'nobody' is not an OrderDesk user"),
            (["targets", "list", "--month", "November"], "'November' is not a month"),
            (["rates", "set", "upsell", "1x", "--user", "renee.dubois"], "'upsell' is not an order type: use new, move"),
            (["rates", "set", "new", "11x", "--user", "renee.dubois"], "'11x' is not a rate: type a multiple of MRR"),
        ] {
            let result = try Binary.run(arguments + ["--db", db])
            #expect(result.status == 1 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try SQLite.query(db, "SELECT count(*) FROM sales_targets; SELECT group_concat(rate_bp) FROM commission_rates") == before)
    }
}
