import OrderDeskCore

/// What a dialog tells the desk after a key.
public enum DialogOutcome: Hashable, Sendable {
    case stay
    case close
    /// Save a change to an order; the dialog stays open until the save succeeds.
    case submit(OrderChange, orderID: Int64, expectedVersion: Int64)
    case applyFilter(QueueFilter)
    case run(CommandID)
}
