import OrderDeskCore
import OrderDeskTerminal

// STUB — the editor helper replaces this file. The names below are the contract with the rest of the desk.

/// The contract editor: header fields, the lines, the live totals, ROI and route.
public struct ContractEditorState: Hashable, Sendable {
    public var context: ContractContext
    public var draft: ContractDraft
    /// nil for a new contract.
    public var contractID: Int64?
    public var number: String?
    public var version: Int64?

    public init(context: ContractContext, draft: ContractDraft, contractID: Int64? = nil, number: String? = nil, version: Int64? = nil) {
        self.context = context; self.draft = draft; self.contractID = contractID; self.number = number; self.version = version
    }
}

/// What the editor asks the desk for.
public enum ContractEditorRequest: Hashable, Sendable {
    /// Products matching the picker's search (hand them back with `ContractEditor.priceBookLoaded`).
    case searchPriceBook(String)
    /// Save the draft (create when `contractID` is nil); the editor stays open until it succeeds.
    case save(ContractDraft, contractID: Int64?, expectedVersion: Int64?)
}

public enum ContractEditor {
    public static func update(_ state: inout ContractEditorState, _ key: Key) -> DialogOutcome {
        key == .escape ? .close : .stay
    }

    public static func priceBookLoaded(_ state: inout ContractEditorState, search: String, products: [PriceBookProduct]) {}

    public static func render(_ state: ContractEditorState, on canvas: Canvas) {}
}
