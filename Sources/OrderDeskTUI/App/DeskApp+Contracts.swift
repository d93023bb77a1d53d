import OrderDeskCore

// STUB — the contracts-screens helper fills these in.
extension DeskApp {
    /// After the editor saved: reload the contracts list and the contract screen, and open `detail`'s screen.
    func contractChanged(_ detail: ContractDetail) {}

    func performContractDialog(_ request: ContractDialogRequest) {}
}
