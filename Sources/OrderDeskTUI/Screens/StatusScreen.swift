import OrderDeskCore
import OrderDeskTerminal

/// Tab 5's state: the summary, the sparkline, the team board and the escalation list.
/// CONTRACT STUB: the status-view helper fills this in.
public struct StatusState: Hashable, Sendable {
    /// A count asked for while handling a key, done after that key's frame (see `DeskApp.handle`).
    public var countPending = false

    public init() {}
}
