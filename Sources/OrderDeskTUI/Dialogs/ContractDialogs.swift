import OrderDeskCore
import OrderDeskTerminal

// STUB — the contracts-screens helper replaces this file: the contracts list's filter, the approve/reject
// comment, the activation date, the termination, and the customer picker for a new contract.

public struct ContractDialogState: Hashable, Sendable {
    public init() {}
}

public enum ContractDialogRequest: Hashable, Sendable {
    case none
}

public enum ContractDialogs {
    public static func update(_ state: inout ContractDialogState, _ key: Key) -> DialogOutcome { key == .escape ? .close : .stay }
    public static func render(_ state: ContractDialogState, on canvas: Canvas) {}
}
