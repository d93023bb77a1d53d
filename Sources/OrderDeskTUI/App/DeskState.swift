import OrderDeskCore

/// A dialog or overlay drawn over the current screen; it gets the keys while open.
public enum Modal: Hashable, Sendable {
    case help(scroll: Int)
    case commandLine(TextField)
    case filter(FilterDialogState)
    case move(MoveDialogState)
    case note(NoteDialogState)
    case kindPicker(KindPickerState)
    case resolve(ResolveDialogState)
    case importRun(ReconcileImportState)
    case export(ExportPromptState)
    /// One of the customer screen's forms (customer, location, contact, survey, document, note, remove contact).
    case customerForm(CustomerFormModal)
    /// The move/add/change/disconnect order wizard.
    case orderWizard(OrderWizardState)
    /// The contract editor.
    case contractEditor(ContractEditorState)
    /// One of the contract screens' small dialogs (filter, approve/reject, activate, terminate, customer picker).
    case contractDialog(ContractDialogState)
    /// Where to write the report's CSV.
    case reportExport(ReportExportState)
    /// Raising an escalation on an order (reason, severity, note).
    case raiseEscalation(RaiseEscalationState)
    /// One of the status view's dialogs (resolve, reassign, note, filter).
    case escalationDialog(EscalationDialogState)
}

/// A line of feedback in the footer.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// The desk's top-level screens, one a tab in the title bar.
public enum DeskScreen: Hashable, Sendable, CaseIterable {
    /// 1: the order queue.
    case queue
    /// 2: the customers list (and the customer screen over it).
    case customers
    /// 3: the contracts list, filterable down to the approvals inbox.
    case contracts
    /// 4: reconciliation runs and, when one is open, its differences.
    case reconcile
    /// 5: the live status view: escalations, the team board.
    case status
    /// 6: the sales reports.
    case reports
}

/// Everything on screen: the current tab's screen, the open order (if any), a dialog (if any), a message.
public struct DeskState: Hashable, Sendable {
    public var screen = DeskScreen.queue
    public var queue: QueueState
    public var runs = ReconcileRunsState()
    /// The run whose differences are shown on the reconcile tab; nil shows the list of runs.
    public var run: ReconcileRunState?
    /// The order detail, shown over the current tab's screen (Esc goes back to it).
    public var detail: OrderDetailState?
    /// Tab 2's customers list.
    public var customers = CustomersState()
    /// A customer's screen, shown over the current tab's screen and under the order detail (Esc goes back).
    public var customer: CustomerState?
    /// Tab 3's contracts list.
    public var contracts = ContractsState()
    /// A contract's screen, shown over the current tab and the customer screen, under the order detail
    /// (Esc goes back to what was under it).
    public var contract: ContractState?
    /// Tab 5's status view.
    public var status = StatusState()
    /// Tab 6's sales reports.
    public var reports = ReportsState()
    public var modal: Modal?
    /// The `:` line's history and completion state; kept while the line is closed.
    public var commandLine = CommandLineSession()
    public var message: StatusMessage?
    public var isRunning = true

    public init(queue: QueueState = QueueState()) { self.queue = queue }

    /// The context whose commands the keys run.
    public var context: CommandContext {
        if detail != nil { return .detail }
        if contract != nil { return .contract }
        if customer != nil { return .customer }
        switch screen {
        case .queue: return .queue
        case .customers: return .customers
        case .contracts: return .contracts
        case .reconcile: return run == nil ? .reconcileRuns : .reconcileRun
        case .status: return .status
        case .reports: return .reports
        }
    }
}
