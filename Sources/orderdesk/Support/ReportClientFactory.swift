import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTUI

/// The reports screen's data client, from the store, in the machine's local time zone.
enum ReportClientFactory {
    static func client(database: AppDatabase, now: @escaping @Sendable () -> Int64) -> ReportClient {
        ReportClient(
            report: { query in try database.salesReport(query, timeZone: .current, now: now()) },
            weekly: { day, channel, owner in
                try database.weeklyMRR(weeks: 12, through: day, channel: channel, ownerLogin: owner, timeZone: .current)
            },
            today: { ReportPeriod.today(now: now(), in: .current) },
            exportCSV: { report, path in
                try TextFileOutput.write(SalesReportDocument.csv(report), to: (path as NSString).expandingTildeInPath)
            })
    }
}
