import OrderDeskCore

/// What a dialog tells the desk after a key.
public enum DialogOutcome: Hashable, Sendable {
    case stay
    case close
    /// Save a change to an order; the dialog stays open until the save succeeds.
    case submit(OrderChange, orderID: Int64, expectedVersion: Int64)
    case applyFilter(QueueFilter)
    case run(CommandID)
    /// Show only these kinds of difference (all when empty).
    case chooseKinds(Set<DifferenceKind>)
    /// Save a resolution; the dialog stays open until the save succeeds.
    case resolve(differenceID: Int64, DifferenceResolution, note: String)
    /// Complete a typed path; the desk hands the candidates back to the dialog.
    case completePath(String)
    /// Start a reconciliation on a worker thread.
    case startReconcile(ida: String, sfdc: String, ReconcileOptions)
    /// Ask the running reconciliation to stop.
    case cancelReconcile
    /// Write a run's open differences to a CSV file.
    case exportOpen(runID: Int64, path: String)
    /// Save what a customer form holds; the form stays open until the save succeeds.
    case saveCustomerRecord(CustomerSave)
    /// The order wizard asks for data or a save.
    case orderWizard(OrderWizardRequest)
    /// The contract editor asks for products or a save.
    case contractEditor(ContractEditorRequest)
    /// A contract dialog asks for a step, a filter or a customer.
    case contractDialog(ContractDialogRequest)
    /// Raise an escalation; the dialog stays open until the save succeeds.
    case raiseEscalation(orderID: Int64, EscalationReason, EscalationSeverity, note: String)
    /// Write the shown report as CSV to this path; the prompt stays open until it is written.
    case reportExport(path: String)
    /// A status-view dialog asks for a step, a note or a filter.
    case escalationDialog(EscalationDialogRequest)
    /// `:theme NAME`: load and apply the theme (the line stays open, with the reason, if it cannot).
    case setTheme(String)
}
