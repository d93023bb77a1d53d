import OrderDeskCore
import OrderDeskTerminal

/// Raising an escalation on an order: the reason, the severity and a note.
/// CONTRACT STUB.
public struct RaiseEscalationState: Hashable, Sendable {
    public var orderID: Int64
    public var orderNumber: String
    public var error: String?

    public init(orderID: Int64, orderNumber: String) { self.orderID = orderID; self.orderNumber = orderNumber }
}

public enum RaiseEscalationDialog {
    public static func update(_ dialog: inout RaiseEscalationState, _ key: Key) -> DialogOutcome { .close }
    public static func render(_ dialog: RaiseEscalationState, on canvas: Canvas) {}
}
