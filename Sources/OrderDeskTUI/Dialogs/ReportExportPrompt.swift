import OrderDeskCore
import OrderDeskTerminal

/// `x` on the reports screen: where to write the report shown as CSV.
public struct ReportExportState: Hashable, Sendable, CSVPathPrompt {
    /// The period being exported, for the title.
    public var label: String
    public var path: PathField
    public var error: String?

    /// The default file sits in the desk's current directory: `report-weekly-2026-11-16.csv`.
    public init(period: ReportPeriod, channel: Channel? = nil) {
        label = period.label + (channel.map { ", " + ReportsScreen.channelName($0) } ?? "")
        path = PathField(ReportsScreen.defaultExportPath(period))
    }

    public init() { self.init(period: .containing(Day(ordinal: 0), kind: .weekly)) }
}

/// The reports' export prompt: the reconciliation's (`ExportPrompt`) with its own title and outcome.
public enum ReportExportPrompt {
    public static func update(_ state: inout ReportExportState, _ key: Key) -> DialogOutcome {
        ExportPrompt.update(&state, key) { .reportExport(path: $0) }
    }

    public static func render(_ state: ReportExportState, on canvas: Canvas) {
        ExportPrompt.render(state, title: "Export the report: " + state.label, on: canvas)
    }
}
