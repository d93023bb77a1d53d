import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTerminal

/// `orderdesk report daily|weekly|monthly`: the sales tracking report for one period.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The daily, weekly or monthly sales report: per channel, productivity, commission.",
        discussion: """
            KIND is daily, weekly (Monday to Sunday) or monthly. The report covers the period holding --date \
            (default: today), in local time, and shows each per-channel figure with its change from the \
            period before. table is aligned text for people; csv (one figure a row, text cells guarded against \
            formulas) and json are for machines, with plain numbers and ISO dates.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "daily, weekly or monthly.") var kind: String
    @Option(name: .long, help: "A day of the period (YYYY-MM-DD); default today.") var date: String?
    @Option(name: .long, help: "Only this channel: direct, agent, carrier, referral or smb.") var channel: String?
    @Option(name: .long, help: "Only the orders this login owns (and their productivity and commission).") var owner: String?
    @Option(name: .long, help: "table, csv or json.") var format: String = "table"
    @Option(name: .long, help: "Write to this file instead of standard output (replaced whole, never half-written).")
    var output: String?
    @Option(name: .customLong("time-zone"), help: "The time zone whose days the periods follow (default: this machine's).")
    var timeZone: String?

    func run() throws {
        try Failure.reporting {
            let (query, zone, format) = try parsed()
            let db = try AppDatabase.open(at: database.resolvedPath())
            if let login = query.ownerLogin, try db.user(login: login) == nil {
                throw Failure.message("--owner '\(login)' is not a user of this database: see orderdesk users list.", status: 1)
            }
            let report = try db.salesReport(query, timeZone: zone, now: Int64(Date().timeIntervalSince1970))
            let text = SalesReportDocument.render(report, format, width: { DisplayWidth.of($0) })
            guard let output else { print(text, terminator: ""); return }
            try TextFileOutput.write(text, to: (output as NSString).expandingTildeInPath)
            StandardError.print("Wrote the \(query.period.kind.rawValue) report for \(query.period.label) to \(output).")
        }
    }

    /// The query, the time zone and the format, each checked with a message that says what to type.
    func parsed() throws -> (ReportQuery, TimeZone, SalesReportDocument.Format) {
        guard let kind = ReportPeriodKind(rawValue: kind.lowercased()) else {
            throw Failure.message("'\(self.kind)' is not a report: use daily, weekly or monthly.", status: 1)
        }
        guard let format = SalesReportDocument.Format(rawValue: format.lowercased()) else {
            throw Failure.message("--format '\(format)' is not known: use table, csv or json.", status: 1)
        }
        var zone = TimeZone.current
        if let timeZone {
            guard let named = TimeZone(identifier: timeZone) else {
                throw Failure.message("--time-zone '\(timeZone)' is not known: use a name like Europe/Paris or UTC.", status: 1)
            }
            zone = named
        }
        var day = ReportPeriod.today(now: Int64(Date().timeIntervalSince1970), in: zone)
        if let date {
            guard let parsed = Day(iso: date) else {
                throw Failure.message("--date '\(date)' is not a date: type it as YYYY-MM-DD.", status: 1)
            }
            day = parsed
        }
        var channel: Channel?
        if let text = self.channel {
            guard let parsed = Channel(rawValue: text.lowercased()) else {
                throw Failure.message("--channel '\(text)' is not known: use \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).", status: 1)
            }
            channel = parsed
        }
        return (ReportQuery(period: .containing(day, kind: kind), channel: channel, ownerLogin: owner), zone, format)
    }
}
