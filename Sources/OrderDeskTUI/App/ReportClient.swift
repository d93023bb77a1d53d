import OrderDeskCore

/// What the reports screen needs from the data, as closures (see `DeskClient`).
public struct ReportClient: Sendable {
    /// The report for a query, its days in the desk's local time zone.
    public var report: @Sendable (_ query: ReportQuery) throws -> SalesReport
    /// Booked and installed MRR per channel for the 12 weeks ending with the one holding `day`, oldest first.
    public var weekly: @Sendable (_ day: Day, _ channel: Channel?, _ ownerLogin: String?) throws -> [WeeklyMRR]
    /// Today's local date.
    public var today: @Sendable () -> Day
    /// Writes the report as CSV to `path` (replaced whole, never half-written).
    public var exportCSV: @Sendable (_ report: SalesReport, _ path: String) throws -> Void

    public init(
        report: @escaping @Sendable (ReportQuery) throws -> SalesReport,
        weekly: @escaping @Sendable (Day, Channel?, String?) throws -> [WeeklyMRR],
        today: @escaping @Sendable () -> Day,
        exportCSV: @escaping @Sendable (SalesReport, String) throws -> Void
    ) {
        self.report = report; self.weekly = weekly; self.today = today; self.exportCSV = exportCSV
    }

    /// A client with no reports (for tests of other screens).
    public static let empty = ReportClient(
        report: { query in
            SalesReport(query: query, generatedAt: 0, timeZone: "UTC", channels: [], productivity: [], hasEscalations: false,
                        executives: [], teams: [])
        },
        weekly: { _, _, _ in [] },
        today: { Day(ordinal: 0) },
        exportCSV: { _, _ in throw OrderDeskError.refused("No reports here.") })
}
