import OrderDeskCore

// STUB — the editor helper fills these in.
extension DeskApp {
    /// A new contract for a customer (`kind` and `parentID` for a renewal or an addendum started from a contract).
    func openContractEditor(customerID: Int64, kind: ContractKind = .new, parentID: Int64? = nil) {}

    /// Edits a draft (the lifecycle refuses anything else, with its message in the footer).
    func openContractEditor(detail: ContractDetail) {}

    func performContractEditor(_ request: ContractEditorRequest) {}
}
