import Foundation
import OrderDeskCore

// Opening the contract editor and answering what it asks: price-book searches and the save. A refused save
// keeps the editor open with everything typed: the store's field errors go under their fields and cells, a
// conflict takes the fresh version (so Ctrl-S saves over it) and says so at the top, anything else shows
// at the top too.
extension DeskApp {
    /// A new contract for a customer (`kind` and `parentID` for a renewal or an addendum started from a contract).
    func openContractEditor(customerID: Int64, kind: ContractKind = .new, parentID: Int64? = nil) {
        let context: ContractContext
        do {
            context = try client.contracts.context(customerID)
        } catch {
            state.message = StatusMessage(Self.describe(error), isError: true)
            return
        }
        var draft = ContractDraft(customerID: customerID, kind: kind)
        if draft.needsParent { draft.parentID = parentID ?? context.parents.first?.id }
        // One location: it is the one. Several: the person picks.
        if context.locations.count == 1, let only = context.locations.first {
            draft.locationID = only.id
            draft.constructionCost = only.constructionEstimate ?? .zero
        }
        state.modal = .contractEditor(ContractEditorState(context: context, draft: draft))
    }

    /// Edits a draft (the lifecycle refuses anything else, with its message in the footer).
    func openContractEditor(detail: ContractDetail) {
        do {
            try ContractLifecycle.check(.edit, detail.facts, by: client.user)
            var context = try client.contracts.context(detail.terms.customerID)
            context.policy = detail.policy
            state.modal = .contractEditor(ContractEditorState(
                context: context, draft: detail.terms, contractID: detail.id, number: detail.number, version: detail.version))
        } catch {
            state.message = StatusMessage(Self.describe(error), isError: true)
        }
    }

    func performContractEditor(_ request: ContractEditorRequest) {
        guard case .contractEditor(var editor) = state.modal else { return }
        defer { if case .contractEditor = state.modal { state.modal = .contractEditor(editor) } }
        switch request {
        case .searchPriceBook(let search):
            do {
                ContractEditor.priceBookLoaded(&editor, search: search, products: try client.customers.priceBook(search))
            } catch {
                ContractEditor.priceBookFailed(&editor, Self.describe(error))
            }
        case let .save(draft, contractID, expectedVersion):
            do {
                let detail: ContractDetail
                if let contractID {
                    detail = try client.contracts.save(contractID, draft, expectedVersion ?? 0)
                } else {
                    detail = try client.contracts.create(draft)
                }
                state.modal = nil
                state.message = StatusMessage("Saved \(detail.number) as a draft.")
                contractChanged(detail)
            } catch {
                refuseContractSave(error, editor: &editor)
            }
        }
    }

    private func refuseContractSave(_ error: Error, editor: inout ContractEditorState) {
        let text = Self.describe(error)
        switch error as? OrderDeskError {
        case .invalidFields(let errors)?:
            ContractEditor.show(storeErrors: errors, in: &editor)
            state.message = StatusMessage("Not saved: fix the fields marked ✗.", isError: true)
        case .recordConflict?:
            var message = text
            var fresh: ContractDetail?
            if let id = editor.contractID {
                do {
                    fresh = try client.contracts.detail(id)
                    if fresh?.status != .draft {
                        message += " It is \(fresh!.status.label) now, so it cannot be saved as a draft: Esc closes the editor."
                    }
                } catch {
                    message += " It could not be reloaded (" + Self.describe(error) + "): close the editor and open it again."
                }
            }
            ContractEditor.conflict(&editor, message: message, fresh: fresh)
            state.message = StatusMessage(text, isError: true)
        default:
            ContractEditor.refused(&editor, message: text)
            state.message = StatusMessage(text, isError: true)
        }
    }
}
