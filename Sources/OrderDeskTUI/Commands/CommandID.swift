/// Every command of the desk by its stable long name, used by `:` and (later) key bindings.
public enum CommandID: String, CaseIterable, Sendable {
    case quit = "app.quit"
    case back = "view.back"
    case help = "view.help"
    case commandLine = "app.command"
    case queueScreen = "view.queue"
    case moveDown = "cursor.down"
    case moveUp = "cursor.up"
    case pageDown = "cursor.page_down"
    case pageUp = "cursor.page_up"
    case first = "cursor.first"
    case last = "cursor.last"
    case search = "queue.search"
    case filter = "queue.filter"
    case clearFilter = "queue.clear_filter"
    case sortNext = "queue.sort"
    case sortDirection = "queue.sort_direction"
    case open = "order.open"
    case take = "order.take"
    case move = "order.move"
    case note = "order.note"
    case refresh = "view.refresh"
    case reconcileScreen = "view.reconcile"
    case reconcileOpen = "reconcile.open"
    case reconcileOpenOrder = "reconcile.open_order"
    case reconcileNew = "reconcile.new"
    case reconcileResolve = "reconcile.resolve"
    case reconcileExport = "reconcile.export"
    case reconcileFilterKind = "reconcile.filter_kind"
    case reconcileSearch = "reconcile.search"
    case reconcileToggleResolved = "reconcile.toggle_resolved"
    case reconcileClearFilter = "reconcile.clear_filter"
    case customersScreen = "view.customers"
    case customersSearch = "customers.search"
    case customersOpen = "customer.open"
    /// From an order (queue or detail): open its customer.
    case openCustomer = "order.customer"
    case customerNextPane = "customer.next_pane"
    case customerPreviousPane = "customer.previous_pane"
    case customerOpenItem = "customer.open_item"
    case customerEdit = "customer.edit"
    case customerAdd = "customer.add"
    case customerRemove = "customer.remove"
    case customerCheckServiceability = "location.check_serviceability"
    case customerSurvey = "location.survey"
    case customerNote = "customer.note"
    case customerNewOrder = "customer.new_order"
    case contractsScreen = "view.contracts"
    case contractsFilter = "contracts.filter"
    /// Only the contracts awaiting my approval (the approvals inbox), or all again.
    case contractsInbox = "contracts.inbox"
    case contractsClearFilter = "contracts.clear_filter"
    case contractOpen = "contract.open"
    /// A new contract: the list asks whose; a customer's screen writes one for that customer.
    case contractNew = "contract.new"
    case contractNextSection = "contract.next_pane"
    case contractPreviousSection = "contract.previous_pane"
    case contractEdit = "contract.edit"
    case contractSubmit = "contract.submit"
    case contractWithdraw = "contract.withdraw"
    case contractApprove = "contract.approve"
    case contractReject = "contract.reject"
    case contractSend = "contract.send"
    case contractActivate = "contract.activate"
    case contractTerminate = "contract.terminate"
    case contractAddendum = "contract.addendum"
    case contractRenew = "contract.renew"
    /// Raise an escalation on the order (queue or detail).
    case escalate = "order.escalate"
    case statusScreen = "view.status"
    /// Switch between the team board and the escalation list.
    case statusNextPane = "status.next_pane"
    case escalationOpenOrder = "escalation.open_order"
    case escalationAcknowledge = "escalation.acknowledge"
    case escalationResolve = "escalation.resolve"
    case escalationReassign = "escalation.reassign"
    case escalationReopen = "escalation.reopen"
    case escalationNote = "escalation.note"
    case escalationsFilter = "escalations.filter"
    case escalationsClearFilter = "escalations.clear_filter"
    case reportsScreen = "view.reports"
    case reportDaily = "report.daily"
    case reportWeekly = "report.weekly"
    case reportMonthly = "report.monthly"
    case reportPrevious = "report.previous"
    case reportNext = "report.next"
    case reportToday = "report.today"
    /// The next channel (all, then each one).
    case reportChannel = "report.channel"
    case reportExport = "report.export"
    /// `:theme NAME` (or `:view.theme NAME`): apply another theme at once.
    case theme = "view.theme"
}

/// Where a command applies.
public enum CommandContext: String, Sendable, CaseIterable {
    case global, queue, detail
    /// The list of saved reconciliation runs.
    case reconcileRuns
    /// One run's differences.
    case reconcileRun
    /// The customers list (screen 2).
    case customers
    /// One customer's screen.
    case customer
    /// The contracts list (screen 3).
    case contracts
    /// One contract's screen.
    case contract
    /// The supervisors' live status view (screen 5).
    case status
    /// The sales reports (screen 6).
    case reports

    var title: String {
        switch self {
        case .global: return "Everywhere"
        case .queue: return "Order queue"
        case .detail: return "Order detail"
        case .reconcileRuns: return "Reconciliation runs"
        case .reconcileRun: return "A run's differences"
        case .customers: return "Customers"
        case .customer: return "Customer"
        case .contracts: return "Contracts"
        case .contract: return "Contract"
        case .status: return "Status"
        case .reports: return "Reports"
        }
    }
}
