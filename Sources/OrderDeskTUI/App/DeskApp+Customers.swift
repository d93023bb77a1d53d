import OrderDeskCore
import OrderDeskTerminal

// The customers list (tab 2) and the customer screen: navigation and the commands of both contexts.
extension DeskApp {
    // MARK: Navigation

    /// Tab 2: the customers list, fresh from the store. Entered without a search, the search field has
    /// the keys, so typing searches at once.
    func showCustomers() {
        state.detail = nil
        state.contract = nil
        state.customer = nil
        state.screen = .customers
        updateCustomers(.resized(visibleRows: visibleCustomersRows))
        updateCustomers(.refresh)
        if state.customers.search.isEmpty {
            state.customers.searching = true
            state.customers.searchField = TextField()
        }
    }

    /// `c` on an order (the queue's row, or the open order): its customer's screen, on the orders pane
    /// with the cursor on that order. From an order opened on that customer's screen, back to it.
    func openCustomerOfCurrentOrder() {
        guard let row = currentRow else {
            state.message = StatusMessage("No order selected: c opens the customer of the order under the cursor.")
            return
        }
        do {
            let customerID = try client.customers.customerOfOrder(row.id)
            state.detail = nil
            if state.customer?.customerID != customerID { openCustomer(customerID) }
            guard var customer = state.customer else { return }
            CustomerScreen.select(&customer, pane: .orders, id: row.id)
            state.customer = customer
        } catch {
            report(error)
        }
    }

    /// Shows a customer's screen over the current tab.
    func openCustomer(_ customerID: Int64, pane: CustomerPane = .locations) {
        state.contract = nil
        state.customer = CustomerState(customerID: customerID, pane: pane, visibleRows: visibleCustomerRows)
        loadCustomer()
    }

    /// Esc on the customer screens: back from a customer to where it was opened, or clear the list's search.
    func customerBack() {
        if state.customer != nil {
            state.customer = nil
            if state.screen == .customers { updateCustomers(.refresh) }
        } else if state.context == .customers, !state.customers.search.isEmpty {
            updateCustomers(.searchKey(.escape))
        }
    }

    // MARK: Commands

    /// The commands of the customers list and the customer screen.
    func runCustomerCommand(_ command: CommandID) {
        switch state.context {
        case .customers:
            if command == .customersOpen {
                guard let row = state.customers.selected else {
                    state.message = StatusMessage("No customer to open: change the search (/) or clear it (Esc).")
                    return
                }
                openCustomer(row.id)
            } else {
                updateCustomers(.command(command))
            }
        case .customer:
            guard var customer = state.customer else { return }
            if CustomerScreen.update(&customer, command) {
                state.customer = customer
                return
            }
            guard let detail = customer.detail else {
                state.message = StatusMessage("The customer is still loading.")
                return
            }
            runCustomerScreenCommand(command, customer, detail)
        default:
            break
        }
    }

    private func runCustomerScreenCommand(_ command: CommandID, _ customer: CustomerState, _ detail: CustomerDetail) {
        let pane = customer.pane
        let customerID = detail.header.id
        switch command {
        case .customerOpenItem:
            switch pane {
            case .orders:
                guard let order = customer.selectedOrder else { return nothingSelected(pane) }
                state.detail = OrderDetailState(orderID: order.id)
                loadDetail()
            case .locations, .contacts, .documents:
                editSelected(customer, detail)
            case .contracts:
                guard let contract = customer.selectedContract else {
                    return state.message = StatusMessage("This customer has no contracts yet: n writes one.")
                }
                openContract(contract.id)
            case .timeline:
                state.message = StatusMessage("The whole entry is shown below; n writes a note.")
            }
        case .customerEdit:
            switch pane {
            case .locations, .contacts, .documents: editSelected(customer, detail)
            case .orders, .contracts, .timeline: openCustomerForm(detail.header)
            }
        case .customerAdd:
            switch pane {
            case .locations: openLocationForm(customerID: customerID, location: nil)
            case .contacts: openContactForm(customerID: customerID, contact: nil)
            case .documents: openDocumentForm(customer: detail, document: nil, kind: Self.kindToAdd(detail.documents))
            case .orders, .contracts, .timeline:
                wrongPane("a adds a location, a contact or a document", in: [.locations, .contacts, .documents])
            }
        case .customerRemove:
            guard pane == .contacts else { return wrongPane("d removes a contact", in: [.contacts]) }
            guard let contact = customer.selectedContact else { return nothingSelected(pane) }
            confirmRemoveContact(contact)
        case .customerCheckServiceability:
            guard pane == .locations else { return wrongPane("v checks a location's serviceability", in: [.locations]) }
            guard let location = customer.selectedLocation else { return nothingSelected(pane) }
            checkServiceability(location)
        case .customerSurvey:
            guard pane == .locations else { return wrongPane("s records a location's site survey", in: [.locations]) }
            guard let location = customer.selectedLocation else { return nothingSelected(pane) }
            openSurveyForm(location: location, customerID: customerID)
        case .customerNote where pane == .contracts:
            newContract(customerID: customerID)
        case .customerNote:
            openCustomerNoteForm(customerID: customerID)
        case .contractRenew:
            guard pane == .contracts else { return wrongPane("R renews a contract", in: [.contracts]) }
            guard let contract = customer.selectedContract else { return nothingSelected(pane) }
            renew(id: contract.id, number: contract.number, status: contract.status, customerID: customerID)
        case .customerNewOrder:
            openOrderWizard(customer: detail, locationID: customer.selectedLocation?.id)
        default:
            break
        }
    }

    /// `e` (or Enter) on a location, contact or document: its form.
    private func editSelected(_ customer: CustomerState, _ detail: CustomerDetail) {
        switch customer.pane {
        case .locations:
            guard let location = customer.selectedLocation else { return nothingSelected(.locations) }
            openLocationForm(customerID: detail.header.id, location: location)
        case .contacts:
            guard let contact = customer.selectedContact else { return nothingSelected(.contacts) }
            openContactForm(customerID: detail.header.id, contact: contact)
        case .documents:
            guard let document = customer.selectedDocument else { return nothingSelected(.documents) }
            openDocumentForm(customer: detail, document: document, kind: document.kind)
        default:
            break
        }
    }

    /// `v`: runs the check, says its result in the footer, and reloads what shows it.
    private func checkServiceability(_ location: CustomerLocation) {
        do {
            let checked = try client.customers.checkServiceability(location.id)
            customerChanged()
            state.message = StatusMessage(CustomerPanes.checkResult(checked))
        } catch {
            report(error)
        }
    }

    /// The kind `a` adds in the documents pane: the one the customer has no record of (the CSR first,
    /// since a port starts with it), else another LOA.
    static func kindToAdd(_ documents: [PortingDocument]) -> PortingDocumentKind {
        let kinds = Set(documents.map(\.kind))
        return PortingDocumentKind.allCases.first { !kinds.contains($0) } ?? .loa
    }

    private func wrongPane(_ what: String, in panes: [CustomerPane]) {
        let names = panes.map(\.title)
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
        state.message = StatusMessage(what + ": Tab to the " + list + " pane" + (names.count == 1 ? "" : "s") + ".", isError: true)
    }

    private func nothingSelected(_ pane: CustomerPane) {
        let hint = switch pane {
        case .locations, .contacts: ": a adds one"
        case .documents: ": a records a CSR or an LOA"
        default: ""
        }
        state.message = StatusMessage("There is no \(pane.rowName) here" + hint + ".")
    }

    // MARK: Loading

    /// After a form saved: reload everything on screen (the queue too: a new order shows there).
    func customerChanged() { reloadEverything() }

    /// Reloads the customers list where it stands and the open customer, keeping each pane's cursor on its row.
    func reloadCustomers() {
        if state.screen == .customers { updateCustomers(.refresh) }
        if state.customer != nil { loadCustomer() }
    }

    func loadCustomer() {
        guard var customer = state.customer else { return }
        do {
            let detail = try client.customers.detail(customer.customerID)
            CustomerScreen.loaded(&customer, detail)
            state.customer = customer
        } catch {
            report(error)
        }
    }

    /// A new terminal size for the list's window and the customer's table.
    func customersResized() {
        updateCustomers(.resized(visibleRows: visibleCustomersRows))
        if var customer = state.customer {
            CustomerScreen.resized(&customer, visibleRows: visibleCustomerRows)
            state.customer = customer
        }
    }

    /// A key while the list's search field has the keys: the cursor keys (by the keymap) move the cursor, the
    /// rest edit the search.
    func handleCustomersSearchKey(_ key: Key) {
        if let command = searchNavigation(key, in: .customers) {
            run(command)
        } else {
            updateCustomers(.searchKey(key))
        }
    }

    func updateCustomers(_ action: CustomersAction) {
        performCustomers(CustomersScreen.update(&state.customers, action))
    }

    /// Performs the list's effects through the client; a count asked for while handling a key waits
    /// until that key's frame is drawn (see `handle`).
    func performCustomers(_ effects: [CustomersEffect]) {
        let customers = client.customers
        let outcome = KeysetListRunner.perform(
            effects, on: &state.customers, deferCount: deferCounts,
            page: { list, request, limit in
                let page = try customers.page(list.search, CustomerPageRequest(request), limit)
                return KeysetListPage(rows: page.rows, hasMoreAfter: page.hasMoreAfter, hasMoreBefore: page.hasMoreBefore)
            },
            count: { list in try customers.count(list.search) })
        if outcome.countDeferred { state.customers.countPending = true } else if outcome.counted { state.customers.countPending = false }
        for error in outcome.errors { report(error) }
    }

    // MARK: Drawing

    /// Rows available to the customers list's table.
    var visibleCustomersRows: Int { max(1, terminal.size.rows - CustomersScreen.chromeRows) }

    /// Rows available to the customer screen's pane table.
    var visibleCustomerRows: Int { max(1, terminal.size.rows - CustomerScreen.chromeRows) }

    /// On the customer screen the footer offers what works in the current pane (at 80 columns they
    /// would not all fit); nil elsewhere (every hint of the context).
    var footerCommands: Set<CommandID>? {
        if state.context == .status { return statusFooterCommands }
        if state.context == .contract {
            return ContractScreen.commands(for: state.contract?.detail, user: client.user)
                .union(CommandTable.commands(in: .global).map(\.id))
        }
        guard state.context == .customer, let pane = state.customer?.pane else { return nil }
        return CustomerScreen.commands(in: pane).union(CommandTable.commands(in: .global).map(\.id))
    }

    /// Hints named for what their key does where the cursor is: `n` writes a contract on the contracts pane.
    var footerRelabels: [CommandID: String] {
        if state.context == .status { return statusFooterRelabels }
        return state.context == .customer && state.customer?.pane == .contracts ? [.customerNote: "new contract"] : [:]
    }

    /// The footer's position text on the customer screens.
    var customerPosition: String {
        switch state.context {
        case .customers: return CustomersScreen.position(state.customers)
        case .customer: return state.customer.map(CustomerScreen.position) ?? ""
        default: return ""
        }
    }

    /// Draws the customer screen or the customers list when one of them is on screen; false otherwise.
    func renderCustomerScreens(on canvas: Canvas, now: Int64, top: Int, bottom: Int) -> Bool {
        if let customer = state.customer {
            CustomerScreen.render(customer, on: canvas, today: Day(unixSeconds: now), now: now, top: top, bottom: bottom)
            return true
        }
        guard state.screen == .customers else { return false }
        CustomersScreen.render(state.customers, on: canvas, top: top, bottom: bottom)
        return true
    }

    /// ` › Café Roma LLC ` for the title bar when a customer is open.
    var customerCrumb: String? {
        guard let customer = state.customer else { return nil }
        let name = customer.detail?.header.name ?? "Customer…"
        return " › " + DisplayWidth.truncate(name, to: 28) + " "
    }
}

extension CustomerPageRequest {
    /// The client's request for a window's.
    init(_ request: KeysetWindow<CustomerSummary>.Request) {
        switch request {
        case .first: self = .first
        case .last: self = .last
        case .after(let row): self = .after(row)
        case .before(let row): self = .before(row)
        }
    }
}
