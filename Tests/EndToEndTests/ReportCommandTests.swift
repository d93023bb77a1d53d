import Foundation
import OrderDeskCore
import Testing

/// `orderdesk report`: the three formats on the demo database, checked against direct SQL, and bad input.
struct ReportCommandTests {
    @Test func theWeeklyReportAgreesWithTheDatabaseInEveryFormat() throws {
        let directory = try TemporaryDirectory()
        let db = try DemoFixture.copy(into: directory)
        let today = try SQLite.query(db, "SELECT max(booked_on) FROM orders").trimmingCharacters(in: .whitespacesAndNewlines)
        let period = ReportPeriod.containing(Day(iso: today)!, kind: .weekly).previous
        let json = try Binary.run(["report", "weekly", "--date", period.start.iso, "--format", "json", "--time-zone", "UTC",
                                   "--db", db])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let channels = try #require(object["channels"] as? [[String: Any]])
        let total = try #require(channels.last?["current"] as? [String: Any])
        #expect(channels.last?["channel"] as? String == "total" && channels.count == Channel.allCases.count + 1)
        let booked = try SQLite.query(db, """
            SELECT count(*) || '|' || printf('%.2f', COALESCE(sum(mrr_cents), 0) / 100.0) FROM orders
            WHERE booked_on BETWEEN '\(period.start.iso)' AND '\(period.end.iso)' AND state != 'draft'
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        let mrr = try #require(total["booked_mrr"] as? Double)
        #expect("\(total["booked_count"] as? Int ?? -1)|" + String(format: "%.2f", mrr) == booked)
        let installs = try SQLite.query(db, """
            SELECT count(*) FROM orders WHERE install_on BETWEEN '\(period.start.iso)' AND '\(period.end.iso)'
            AND state IN ('installed', 'billed')
            """).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(String(total["installs"] as? Int ?? -1) == installs)
        #expect((total["booked_count"] as? Int ?? 0) > 0, "the demo has bookings that week")

        // The same figures as CSV and as a table; to a file.
        let csv = try Binary.run(["report", "weekly", "--date", period.start.iso, "--format", "csv", "--time-zone", "UTC", "--db", db])
        #expect(csv.stdout.hasPrefix("section,period_kind,period_start,period_end,channel,person,team,metric,value,previous_value,change\n"))
        #expect(csv.stdout.contains("channels,weekly,\(period.start.iso),\(period.end.iso),total,,,booked_count,\(total["booked_count"] as? Int ?? -1),"))
        let output = directory.path + "/weekly.txt"
        let table = try Binary.run(["report", "weekly", "--date", period.start.iso, "--output", output, "--time-zone", "UTC", "--db", db])
        #expect(table.status == 0 && table.stderr.contains("Wrote the weekly report"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("Weekly sales report · " + period.label))
        #expect(text.contains("ORDERS BY CHANNEL") && text.contains("COMMISSION BY TEAM"))

        // Bad input: a clear message, status 1, no file.
        for (arguments, message) in [
            (["report", "yearly"], "'yearly' is not a report: use daily, weekly or monthly."),
            (["report", "weekly", "--date", "2026-02-30"], "--date '2026-02-30' is not a date"),
            (["report", "weekly", "--channel", "web"], "--channel 'web' is not known"),
            (["report", "weekly", "--format", "xml"], "--format 'xml' is not known: use table, csv or json."),
            (["report", "weekly", "--owner", "nobody"], "--owner 'nobody' is not a user"),
            (["report", "weekly", "--time-zone", "Mars/Olympus"], "--time-zone 'Mars/Olympus' is not known"),
        ] {
            let result = try Binary.run(arguments + ["--db", db, "--output", directory.path + "/bad.csv"])
            #expect(result.status == 1 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/bad.csv"))
    }
}
