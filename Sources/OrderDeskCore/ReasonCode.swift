/// A reason code recorded when an order is cancelled, held, not done or rejected.
public struct ReasonCode: Hashable, Sendable {
    public let code: String
    public let description: String

    public init(_ code: String, _ description: String) { self.code = code; self.description = description }

    /// The codes that may explain a move into `state`; empty when the state needs none.
    public static func codes(for state: OrderState) -> [ReasonCode] {
        switch state {
        case .notDone: return notDone
        case .held: return held
        case .cancelled: return cancelled
        case .rejected: return rejected
        default: return []
        }
    }

    public static let notDone = [
        ReasonCode("ND-ACCESS", "No access to the site"),
        ReasonCode("ND-CUSTOMER", "Customer not ready or not present"),
        ReasonCode("ND-WIRING", "Inside wiring not ready"),
        ReasonCode("ND-EQUIPMENT", "Equipment failed or missing"),
        ReasonCode("ND-FACILITIES", "Facilities not available"),
        ReasonCode("ND-TECH", "Technician ran out of time"),
    ]
    public static let held = [
        ReasonCode("HLD-CONSTRUCTION", "Construction required"),
        ReasonCode("HLD-PERMIT", "Waiting for a permit"),
        ReasonCode("HLD-EQUIPMENT", "Waiting for equipment"),
        ReasonCode("HLD-CREDIT", "Credit review"),
    ]
    public static let cancelled = [
        ReasonCode("CAN-CUSTOMER", "Customer request"),
        ReasonCode("CAN-DUPLICATE", "Duplicate order"),
        ReasonCode("CAN-NO-FACILITIES", "No facilities to serve"),
        ReasonCode("CAN-PRICE", "Customer declined the price"),
        ReasonCode("CAN-COMPETITOR", "Lost to a competitor"),
    ]
    public static let rejected = [
        ReasonCode("REJ-INCOMPLETE", "Order incomplete"),
        ReasonCode("REJ-ADDRESS", "Service address invalid"),
        ReasonCode("REJ-PRICING", "Pricing not valid"),
        ReasonCode("REJ-CREDIT", "Failed credit check"),
    ]
}
