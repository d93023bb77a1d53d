import OrderDeskCore
import OrderDeskTerminal

/// Tab 6's state: the period, the channel, the report and the 12-week chart.
/// CONTRACT STUB: the reports-screen helper fills this in.
public struct ReportsState: Hashable, Sendable {
    public init() {}
}
