import OrderDeskCore
import OrderDeskTerminal

/// The contract screens' small dialogs: the list's filter, the customer picker for a new contract, and the
/// lifecycle's steps that need something from the person (a confirmation, a comment, a date, a reason).
public enum ContractDialogState: Hashable, Sendable {
    case filter(ContractFilterDialogState)
    case customerPicker(ContractCustomerPickerState)
    /// Submitting: who must approve and why, before it goes.
    case submit(ContractSubmitDialogState)
    /// Approving or rejecting, with the key figures, the route and a comment.
    case decision(ContractDecisionDialogState)
    case activate(ContractActivateDialogState)
    case terminate(ContractTerminateDialogState)
}

/// What a contract dialog asks the desk for.
public enum ContractDialogRequest: Hashable, Sendable {
    case applyFilter(ContractFilter)
    /// A lifecycle step with the version the person saw; the dialog stays open until it succeeds.
    case step(contractID: Int64, ContractStep, expectedVersion: Int64)
    /// Customers matching what the picker's search holds (hand them back with `customersLoaded`).
    case searchCustomers(String)
    /// Start a new contract for this customer.
    case pickCustomer(Int64)
}

public enum ContractDialogs {
    public static func update(_ state: inout ContractDialogState, _ key: Key) -> DialogOutcome {
        switch state {
        case .filter(var dialog):
            defer { state = .filter(dialog) }
            return ContractFilterDialog.update(&dialog, key)
        case .customerPicker(var picker):
            defer { state = .customerPicker(picker) }
            return ContractCustomerPicker.update(&picker, key)
        case .submit(var dialog):
            defer { state = .submit(dialog) }
            return ContractSubmitDialog.update(&dialog, key)
        case .decision(var dialog):
            defer { state = .decision(dialog) }
            return ContractDecisionDialog.update(&dialog, key)
        case .activate(var dialog):
            defer { state = .activate(dialog) }
            return ContractActivateDialog.update(&dialog, key)
        case .terminate(var dialog):
            defer { state = .terminate(dialog) }
            return ContractTerminateDialog.update(&dialog, key)
        }
    }

    /// A click or wheel step in the open dialog (see each dialog's `mouse`); true when it goes on as Enter,
    /// nil when nothing changed. Of the step dialogs only terminate, with two fields, takes clicks yet.
    static func mouse(_ state: inout ContractDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        switch state {
        case .filter(var dialog):
            defer { state = .filter(dialog) }
            return ContractFilterDialog.mouse(&dialog, event, size: size)
        case .customerPicker(var picker):
            defer { state = .customerPicker(picker) }
            return ContractCustomerPicker.mouse(&picker, event, size: size)
        case .terminate(var dialog):
            defer { state = .terminate(dialog) }
            return ContractTerminateDialog.mouse(&dialog, event, size: size)
        case .submit, .decision, .activate:
            return nil
        }
    }

    public static func render(_ state: ContractDialogState, on canvas: Canvas) {
        switch state {
        case .filter(let dialog): ContractFilterDialog.render(dialog, on: canvas)
        case .customerPicker(let picker): ContractCustomerPicker.render(picker, on: canvas)
        case .submit(let dialog): ContractSubmitDialog.render(dialog, on: canvas)
        case .decision(let dialog): ContractDecisionDialog.render(dialog, on: canvas)
        case .activate(let dialog): ContractActivateDialog.render(dialog, on: canvas)
        case .terminate(let dialog): ContractTerminateDialog.render(dialog, on: canvas)
        }
    }

    /// Shows a refusal inside the dialog (what was typed stays).
    public static func setError(_ state: inout ContractDialogState, _ text: String?) {
        switch state {
        case .filter: break
        case .customerPicker(var picker): picker.error = text; state = .customerPicker(picker)
        case .submit(var dialog): dialog.error = text; state = .submit(dialog)
        case .decision(var dialog): dialog.error = text; state = .decision(dialog)
        case .activate(var dialog): dialog.error = text; state = .activate(dialog)
        case .terminate(var dialog): dialog.error = text; state = .terminate(dialog)
        }
    }

    /// After a conflict the person works from the reloaded contract: the dialog keeps its text and takes
    /// the new version (the store judges the step again against the contract as it is now).
    public static func refreshVersion(_ state: inout ContractDialogState, contractID: Int64, to version: Int64) {
        switch state {
        case .submit(var dialog) where dialog.contractID == contractID: dialog.version = version; state = .submit(dialog)
        case .decision(var dialog) where dialog.contractID == contractID: dialog.version = version; state = .decision(dialog)
        case .activate(var dialog) where dialog.contractID == contractID: dialog.version = version; state = .activate(dialog)
        case .terminate(var dialog) where dialog.contractID == contractID: dialog.version = version; state = .terminate(dialog)
        default: break
        }
    }

    /// The customers the picker's search found.
    public static func customersLoaded(_ state: inout ContractDialogState, search: String, rows: [CustomerSummary], more: Bool) {
        guard case .customerPicker(var picker) = state else { return }
        ContractCustomerPicker.loaded(&picker, search: search, rows: rows, more: more)
        state = .customerPicker(picker)
    }

    // MARK: Shared drawing

    /// Draws wrapped text from a row, at most `limit` lines; returns the rows used.
    @discardableResult
    static func paragraph(_ text: String, on canvas: Canvas, row: Int, left: Int, width: Int, limit: Int,
                          slot: ThemeSlot = .dialog) -> Int {
        guard limit > 0, width > 0 else { return 0 }
        var lines = TextWrap.lines(text, width: width)
        if lines.count > limit {
            lines = Array(lines.prefix(limit))
            lines[limit - 1] = DisplayWidth.truncate(lines[limit - 1] + " …", to: width)
        }
        for (i, line) in lines.enumerated() {
            canvas.cell(line, row: row + i, column: left, width: width, style: canvas.style(slot))
        }
        return lines.count
    }

    /// A labelled single-line field; the terminal's cursor sits in it when it is focused.
    static func field(_ label: String, _ field: TextField, focused: Bool, on canvas: Canvas, row: Int, left: Int,
                      labelWidth: Int, width: Int, placeholder: String? = nil) {
        canvas.cell((focused ? "▸ " : "  ") + label, row: row, column: left, width: labelWidth,
                    style: canvas.style(focused ? .accent : .dialog))
        let fieldWidth = max(1, width - labelWidth)
        let x = field.draw(on: canvas, row: row, column: left + labelWidth, width: fieldWidth,
                           style: canvas.style(focused ? .fieldFocus : .field))
        if field.text.isEmpty, let placeholder, !focused {
            canvas.cell(placeholder, row: row, column: left + labelWidth, width: fieldWidth, style: canvas.style(.muted))
        }
        if focused { canvas.terminal.setCursor(row: row, column: x) }
    }
}
