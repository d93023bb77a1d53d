import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Where the contract screens send a person into the editor.
enum ContractEditorTarget: Hashable, Sendable {
    /// A new contract for a customer: a new one, or a renewal or an addendum of `parentID`.
    case new(customerID: Int64, kind: ContractKind, parentID: Int64?)
    /// A draft's terms.
    case edit(ContractDetail)
}

// The contracts list (tab 3) and a contract's screen: navigation, the lifecycle's steps, their dialogs.
extension DeskApp {
    // MARK: Navigation

    /// Tab 3: the contracts list, fresh from the store, with what awaits the user's approval.
    func showContracts() {
        state.detail = nil
        state.contract = nil
        state.customer = nil
        state.screen = .contracts
        updateContracts(.resized(visibleRows: visibleContractsRows))
        updateContracts(.refresh)
        loadAwaitingCount()
    }

    /// Shows a contract's screen over whatever is on screen (Esc comes back to it).
    func openContract(_ id: Int64) {
        state.detail = nil
        if state.contract?.contractID != id { state.contract = ContractState(contractID: id) }
        loadContract()
    }

    /// Esc on a contract's screen: back to the list, the customer or the tab it was opened over.
    func closeContract() {
        state.contract = nil
        if state.screen == .contracts && state.customer == nil { updateContracts(.refresh) }
    }

    /// The editor saved a contract: the list and the screens show it as saved, and its screen opens.
    func contractChanged(_ detail: ContractDetail) {
        state.detail = nil
        if state.contract?.contractID == detail.id {
            state.contract?.detail = detail
        } else {
            state.contract = ContractState(contractID: detail.id, detail: detail)
        }
        clampContract()
        if state.contracts.loaded { updateContracts(.refresh) }
        if state.customer != nil { loadCustomer() }
        loadAwaitingCount()
    }

    /// Opens the editor (the editor's own entry points), telling anyone watching first.
    func openEditor(_ target: ContractEditorTarget) {
        contractEditorWatcher?(target)
        switch target {
        case let .new(customerID, kind, parentID): openContractEditor(customerID: customerID, kind: kind, parentID: parentID)
        case .edit(let detail): openContractEditor(detail: detail)
        }
    }

    // MARK: Commands

    /// The commands of the contracts list and of a contract's screen.
    func runContractCommand(_ command: CommandID) {
        switch state.context {
        case .contracts:
            switch command {
            case .contractOpen:
                guard let row = state.contracts.selected else {
                    state.message = StatusMessage(state.contracts.filter.isEmpty
                        ? "No contract to open: n starts one." : "No contract to open: F clears the filter.")
                    return
                }
                openContract(row.id)
            case .contractsFilter:
                let owners = (try? client.contracts.owners()) ?? []
                state.modal = .contractDialog(.filter(ContractFilterDialogState(filter: state.contracts.filter, owners: owners)))
            case .contractNew:
                guard mayWriteContracts() else { return }
                state.modal = .contractDialog(.customerPicker(ContractCustomerPickerState()))
                searchCustomersForContract("")
            case .contractsInbox:
                updateContracts(.command(command))
                if state.contracts.filter.awaitingMyApproval && client.user.role.approvalLevel == .none {
                    state.message = StatusMessage("Only supervisors and directors approve contracts: \(client.user.login) "
                        + "is a \(client.user.role.rawValue.replacingOccurrences(of: "_", with: " ")), so nothing awaits you. i shows all again.")
                }
            default:
                updateContracts(.command(command))
            }
        case .contract:
            guard var contract = state.contract else { return }
            let today = Day(unixSeconds: client.now())
            if ContractScreen.update(&contract, command, layout: contractLayout, today: today) {
                state.contract = contract
                return
            }
            guard let detail = contract.detail else {
                state.message = StatusMessage("The contract is still loading.")
                return
            }
            startStep(command, detail, today: today)
        default:
            break
        }
    }

    /// A step key on a contract's screen: refused at once with the lifecycle's reason when it does not
    /// apply (to the contract's status or the user's role), else its dialog, or the step itself.
    private func startStep(_ command: CommandID, _ d: ContractDetail, today: Day) {
        let user = client.user
        func allowed(_ action: ContractAction, startOn: Day? = nil) -> Bool {
            var facts = d.facts
            if let startOn, facts.startOn == nil { facts.startOn = startOn }
            do {
                try ContractLifecycle.check(action, facts, by: user)
                return true
            } catch {
                report(error)
                return false
            }
        }
        switch command {
        case .contractEdit:
            if allowed(.edit) { openEditor(.edit(d)) }
        case .contractSubmit:
            if allowed(.submit) { state.modal = .contractDialog(.submit(ContractSubmitDialogState(detail: d))) }
        case .contractWithdraw:
            if allowed(.withdraw) { performStep(d.id, .withdraw, version: d.version) }
        case .contractApprove, .contractReject:
            let approve = command == .contractApprove
            if allowed(approve ? .approve : .reject) {
                state.modal = .contractDialog(.decision(ContractDecisionDialogState(detail: d, approve: approve)))
            }
        case .contractSend:
            if allowed(.send) { performStep(d.id, .send, version: d.version) }
        case .contractActivate:
            // The dialog asks for the start date, so a contract without one may still be activated.
            if allowed(.activate, startOn: today) {
                state.modal = .contractDialog(.activate(ContractActivateDialogState(detail: d, today: today)))
            }
        case .contractTerminate:
            if allowed(.terminate) {
                state.modal = .contractDialog(.terminate(ContractTerminateDialogState(detail: d, today: today)))
            }
        case .contractAddendum:
            guard mayWriteContracts() else { return }
            guard d.status == .active else {
                state.message = StatusMessage("\(d.number) is \(d.status.label): an addendum amends an active contract.", isError: true)
                return
            }
            openEditor(.new(customerID: d.terms.customerID, kind: .addendum, parentID: d.id))
        case .contractRenew:
            renew(id: d.id, number: d.number, status: d.status, customerID: d.terms.customerID)
        default:
            break
        }
    }

    /// `R`: a renewal draft of an active or expired contract.
    func renew(id: Int64, number: String, status: ContractStatus, customerID: Int64) {
        guard mayWriteContracts() else { return }
        guard status == .active || status == .expired else {
            state.message = StatusMessage("\(number) is \(status.label): only an active or expired contract is renewed.", isError: true)
            return
        }
        openEditor(.new(customerID: customerID, kind: .renewal, parentID: id))
    }

    /// `n` on a customer's screen: a new contract for that customer.
    func newContract(customerID: Int64) {
        guard mayWriteContracts() else { return }
        openEditor(.new(customerID: customerID, kind: .new, parentID: nil))
    }

    /// A viewer writes no contracts: say so instead of opening an editor that cannot save.
    private func mayWriteContracts() -> Bool {
        guard client.user.role.canChangeOrders else {
            report(OrderDeskError.forbidden(login: client.user.login, role: client.user.role, action: "write contracts"))
            return false
        }
        return true
    }

    // MARK: Dialogs and steps

    func performContractDialog(_ request: ContractDialogRequest) {
        switch request {
        case .applyFilter(let filter):
            state.modal = nil
            updateContracts(.setFilter(filter))
        case let .step(id, step, version):
            performStep(id, step, version: version)
        case .searchCustomers(let search):
            searchCustomersForContract(search)
        case .pickCustomer(let customerID):
            state.modal = nil
            openEditor(.new(customerID: customerID, kind: .new, parentID: nil))
        }
    }

    /// Takes a step through the client with the version the person saw. On success the dialog closes and
    /// the screens reload; on a refusal the dialog stays with what was typed and the reason; on a conflict
    /// the contract is reloaded first and the dialog takes its new version.
    func performStep(_ id: Int64, _ step: ContractStep, version: Int64) {
        do {
            let fresh = try client.contracts.step(id, step, version)
            state.modal = nil
            if state.contract?.contractID == id { state.contract?.detail = fresh; clampContract() }
            reloadAfterContractChange()
            state.message = StatusMessage(confirmation(step, fresh))
        } catch let error as OrderDeskError {
            if case .recordConflict = error {
                loadContract()
                reloadAfterContractChange()
                if case .contractDialog(var dialog) = state.modal, let fresh = state.contract?.detail, fresh.id == id {
                    ContractDialogs.refreshVersion(&dialog, contractID: id, to: fresh.version)
                    state.modal = .contractDialog(dialog)
                }
            }
            report(error)
        } catch {
            report(error)
        }
    }

    private func confirmation(_ step: ContractStep, _ d: ContractDetail) -> String {
        switch step {
        case .submit:
            return d.status == .approved
                ? "\(d.number) needed no approval: it is approved. t marks it sent."
                : "\(d.number) submitted: it waits for \(d.requiredLevel.phrase)'s approval."
        case .withdraw: return "\(d.number) is a draft again: e edits it; it needs approval again."
        case .approve: return "\(d.number) approved. t marks it sent to the customer."
        case .reject: return "\(d.number) rejected back to draft; your comment is on it for \(d.submittedByLogin ?? d.ownerLogin ?? "the owner")."
        case .send: return "\(d.number) marked sent. v activates it once countersigned."
        case .activate:
            return "\(d.number) is active" + (d.terms.startOn.map { " from " + $0.iso } ?? "")
                + (d.terms.endOn.map { " to " + $0.iso } ?? "") + "."
        case .terminate(let day, _): return "\(d.number) terminated on \(day.iso)."
        }
    }

    private func searchCustomersForContract(_ search: String) {
        guard case .contractDialog(var dialog) = state.modal else { return }
        do {
            let page = try client.customers.page(search, .first, ContractCustomerPicker.limit)
            ContractDialogs.customersLoaded(&dialog, search: search, rows: page.rows, more: page.hasMoreAfter)
            ContractDialogs.setError(&dialog, nil)
        } catch {
            let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
            ContractDialogs.setError(&dialog, text)
        }
        state.modal = .contractDialog(dialog)
    }

    // MARK: Loading

    /// After a step: the list, the customer's contracts pane and the awaiting count.
    private func reloadAfterContractChange() {
        if state.contracts.loaded { updateContracts(.refresh) }
        if state.customer != nil { loadCustomer() }
        loadAwaitingCount()
    }

    /// Reloads the list where it stands, the open contract and the awaiting count.
    func reloadContracts() {
        if state.screen == .contracts && state.contracts.loaded { updateContracts(.refresh) }
        if state.contract != nil { loadContract() }
        loadAwaitingCount()
    }

    func loadContract() {
        guard let id = state.contract?.contractID else { return }
        do {
            state.contract?.detail = try client.contracts.detail(id)
            clampContract()
        } catch {
            // A contract that cannot be read at all is not shown; one read before keeps its last version.
            if state.contract?.detail == nil { state.contract = nil }
            report(error)
        }
    }

    /// How many contracts wait for the user; nothing asked for a user who approves nothing.
    func loadAwaitingCount() {
        guard client.user.role.approvalLevel != .none else { state.contracts.awaitingMe = nil; return }
        state.contracts.awaitingMe = try? client.contracts.count(ContractFilter(awaitingMyApproval: true))
    }

    private func clampContract() {
        guard var contract = state.contract else { return }
        ContractScreen.clamp(&contract, layout: contractLayout, today: Day(unixSeconds: client.now()))
        state.contract = contract
    }

    /// A new terminal size for the list's window and the contract's scroll.
    func contractsResized() {
        updateContracts(.resized(visibleRows: visibleContractsRows))
        clampContract()
    }

    func updateContracts(_ action: ContractsAction) {
        performContracts(ContractsScreen.update(&state.contracts, action))
    }

    /// Performs the list's effects through the client; a count asked for while handling a key waits until
    /// that key's frame is drawn (see `handle`).
    func performContracts(_ effects: [ContractsEffect]) {
        let contracts = client.contracts
        let outcome = KeysetListRunner.perform(
            effects, on: &state.contracts, deferCount: deferCounts,
            page: { list, request, limit in
                let page = try contracts.page(list.filter, ContractPageRequest(request), limit)
                return KeysetListPage(rows: page.rows, hasMoreAfter: page.hasMoreAfter, hasMoreBefore: page.hasMoreBefore)
            },
            count: { list in try contracts.count(list.filter) })
        if outcome.countDeferred { state.contracts.countPending = true } else if outcome.counted { state.contracts.countPending = false }
        for error in outcome.errors { report(error) }
    }

    // MARK: Drawing

    /// Rows available to the contracts list's table.
    var visibleContractsRows: Int { max(1, terminal.size.rows - ContractsScreen.chromeRows) }

    /// Where the contract screen draws.
    var contractLayout: ContractLayout {
        let size = terminal.size
        return ContractLayout(columns: size.columns, top: 1, bottom: max(1, size.rows - 2), rows: size.rows)
    }

    /// Draws a contract's screen or the contracts list when one of them is on screen; false otherwise.
    func renderContractScreens(on canvas: Canvas, now: Int64) -> Bool {
        let today = Day(unixSeconds: now)
        let layout = contractLayout
        if let contract = state.contract {
            ContractScreen.render(contract, on: canvas, layout: layout, today: today)
            return true
        }
        guard state.customer == nil, state.screen == .contracts else { return false }
        ContractsScreen.render(state.contracts, on: canvas, today: today, top: layout.top, bottom: layout.bottom)
        return true
    }

    /// The footer's position text on the contract screens.
    var contractPosition: String {
        switch state.context {
        case .contracts: return ContractsScreen.position(state.contracts)
        case .contract:
            return state.contract.map { ContractScreen.position($0, layout: contractLayout, today: Day(unixSeconds: client.now())) } ?? ""
        default: return ""
        }
    }

    /// ` › CSA-000140 ` for the title bar when a contract is open.
    var contractCrumb: String? {
        guard let contract = state.contract else { return nil }
        return " › " + (contract.detail?.number ?? "Contract…") + " "
    }

    /// The contracts tab's labels with the count of contracts awaiting the user: `Contracts (4 awaiting you)`,
    /// `Contracts (4)` when room is short, `(4)` when the tabs are compact.
    var contractsTabLabels: TitleBarLayout.ContractsLabels {
        guard let awaiting = state.contracts.awaitingMe, awaiting.count > 0 else {
            return TitleBarLayout.ContractsLabels(full: "Contracts", medium: "Contracts", short: "")
        }
        let n = ContractsScreen.count(awaiting)
        return TitleBarLayout.ContractsLabels(full: "Contracts (" + n + " awaiting you)", medium: "Contracts (" + n + ")",
                                              short: "(" + n + ")")
    }
}

extension ContractPageRequest {
    /// The client's request for a window's.
    init(_ request: KeysetWindow<ContractRow>.Request) {
        switch request {
        case .first: self = .first
        case .last: self = .last
        case .after(let row): self = .after(row)
        case .before(let row): self = .before(row)
        }
    }
}
