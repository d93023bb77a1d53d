import Foundation
import GRDB
import OrderDeskCore

// The sales reports' reads. CONTRACT STUBS: the store helper replaces these bodies.
extension AppDatabase {
    /// The report for `query`'s period (and the previous period, for the changes), with its days in
    /// `timeZone`.
    public func salesReport(_ query: ReportQuery, timeZone: TimeZone, now: Int64) throws -> SalesReport {
        SalesReport(query: query, generatedAt: now, timeZone: timeZone.identifier, channels: [], productivity: [],
                    hasEscalations: false, executives: [], teams: [])
    }

    /// Booked and installed MRR per channel for each of the `weeks` Monday-to-Sunday weeks ending with the
    /// one holding `day`, oldest first (every channel, or only `channel`; everyone's orders or one owner's).
    public func weeklyMRR(weeks: Int, through day: Day, channel: Channel?, ownerLogin: String?,
                          timeZone: TimeZone) throws -> [WeeklyMRR] {
        []
    }

    /// The commission rate of each order type.
    public func commissionRates() throws -> [CommissionRate] { CommissionRate.defaults }
}
