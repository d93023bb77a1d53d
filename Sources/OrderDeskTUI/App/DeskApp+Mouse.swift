import OrderDeskCore
import OrderDeskTerminal

extension DeskApp {
    /// Rows the wheel scrolls a step, as most terminal programs do.
    static let wheelRows = 3

    /// A click or wheel step with no dialog open: a tab switches screens, a row is selected, the wheel scrolls.
    ///
    /// Every change goes through the commands the keys run (a tab's number, ↑↓, Enter), or through the
    /// screen's own cursor within the rows it holds, so pages and keyset windows stay right.
    func handleMouse(_ event: MouseEvent) {
        // Below the minimum the screen shows only "terminal too small": nothing there to click.
        guard isFullSize else { return }
        state.message = nil
        if event.row == 0 {
            guard event.kind == .click || event.kind == .doubleClick,
                  let screen = titleBarLayout.tab(atColumn: event.column) else { return }
            run(screen.command)
            return
        }
        // A key hint in the footer does what its key does.
        if event.row == terminal.size.rows - 1 {
            // Only the first press: the second of a double click would run the command again.
            if event.kind == .click { _ = clickFooter(atColumn: event.column) }
            return
        }
        switch event.kind {
        case .wheelUp, .wheelDown:
            // The status view scrolls the pane under the pointer.
            if state.context == .status, let hit = StatusScreen.hit(at: event.row, state.status, layout: statusLayout) {
                state.status.pane = hit.pane
            }
            for _ in 0..<Self.wheelRows { run(event.kind == .wheelUp ? .moveUp : .moveDown) }
        case .click:
            _ = selectRow(at: event)
        case .doubleClick:
            // Open what is under the pointer, as the standard Enter would (whatever keys.toml did to Enter);
            // only when the click landed on a row.
            guard selectRow(at: event), let open = Keymap.standard.command(for: .enter, in: state.context) else { return }
            run(open)
        case .rightClick:
            break
        }
    }

    /// A click or wheel step while a dialog is open: a field is focused, a list scrolls; outside, nothing.
    ///
    /// A click outside a dialog never closes it: whatever was typed there would be lost.
    func handleModalMouse(_ event: MouseEvent) {
        guard isFullSize, let modal = state.modal else { return }
        let size = terminal.size
        switch modal {
        case .help(var scroll):
            guard event.kind == .wheelUp || event.kind == .wheelDown else { return }
            for _ in 0..<Self.wheelRows {
                _ = HelpOverlay.update(scroll: &scroll, event.kind == .wheelUp ? .up : .down, context: state.context)
            }
            state.modal = .help(scroll: scroll)
        case .customerForm(var form):
            guard event.kind == .click || event.kind == .doubleClick else { return }
            CustomerForms.click(&form, row: event.row, column: event.column, size: size)
            state.modal = .customerForm(form)
        case .kindPicker(let picker): dialogMouse(picker, event, KindPicker.mouse, Modal.kindPicker)
        case .filter(let filter): dialogMouse(filter, event, FilterDialog.mouse, Modal.filter)
        case .move(let move): dialogMouse(move, event, MoveDialog.mouse, Modal.move)
        case .resolve(let resolve): dialogMouse(resolve, event, ResolveDialog.mouse, Modal.resolve)
        case .importRun(let run): dialogMouse(run, event, ReconcileImportDialog.mouse, Modal.importRun)
        case .raiseEscalation(let raise): dialogMouse(raise, event, RaiseEscalationDialog.mouse, Modal.raiseEscalation)
        case .contractDialog(let dialog): dialogMouse(dialog, event, ContractDialogs.mouse, Modal.contractDialog)
        case .escalationDialog(let dialog): dialogMouse(dialog, event, EscalationDialogs.mouse, Modal.escalationDialog)
        default:
            break
        }
    }

    /// One path for the dialogs that draw their own rows: the dialog's `mouse` reads the event against its
    /// layout; a change is kept, and `true` (a double click that picks) goes on as Enter does.
    private func dialogMouse<Dialog>(_ dialog: Dialog, _ event: MouseEvent,
                                     _ mouse: (inout Dialog, MouseEvent, TerminalSize) -> Bool?,
                                     _ modal: (Dialog) -> Modal) {
        var dialog = dialog
        guard let enter = mouse(&dialog, event, terminal.size) else { return }
        state.modal = modal(dialog)
        if enter { handle(.enter) }
    }

    /// Whether the terminal is at least the minimum size, so the screens (not "too small") are drawn.
    private var isFullSize: Bool {
        terminal.size.rows >= Self.minimumSize.rows && terminal.size.columns >= Self.minimumSize.columns
    }

    /// Moves the cursor of the list on screen to the row clicked; false when the click is not on a row.
    private func selectRow(at event: MouseEvent) -> Bool {
        let top = 1, bottom = max(1, terminal.size.rows - 2)
        switch state.context {
        case .queue:
            guard let i = QueueScreen.row(at: event.row, state.queue, top: top, bottom: bottom) else { return false }
            return state.queue.window.select(i)
        case .customers:
            guard let i = CustomersScreen.row(at: event.row, state.customers, top: top, bottom: bottom) else { return false }
            return state.customers.window.select(i)
        case .contracts:
            let layout = contractLayout
            guard let i = ContractsScreen.row(at: event.row, state.contracts, top: layout.top, bottom: layout.bottom) else {
                return false
            }
            return state.contracts.window.select(i)
        case .reconcileRuns:
            guard let i = ReconcileRunsScreen.run(at: event.row, state.runs, top: top, bottom: bottom) else { return false }
            state.runs.cursor = i
            ReconcileRunsScreen.resized(&state.runs, visibleRows: visibleRunsRows)
            return true
        case .reconcileRun:
            guard var run = state.run, let i = ReconcileRunScreen.row(at: event.row, run, top: top, bottom: bottom) else {
                return false
            }
            let selected = run.window.select(i)
            state.run = run
            return selected
        case .status:
            guard let hit = StatusScreen.hit(at: event.row, state.status, layout: statusLayout) else { return false }
            state.status.pane = hit.pane
            guard let i = hit.index else { return false }
            switch hit.pane {
            case .board: state.status.boardCursor = i
            case .list: state.status.window.select(i)
            }
            return true
        case .customer:
            guard var customer = state.customer else { return false }
            // A pane's name in the strip switches to it, as Tab would; it is not a row, so a double click opens nothing.
            if let pane = CustomerScreen.pane(atRow: event.row, column: event.column, customer, top: top,
                                              columns: terminal.size.columns) {
                customer.pane = pane
                state.customer = customer
                return false
            }
            guard let i = CustomerScreen.row(at: event.row, customer, top: top, bottom: bottom) else { return false }
            customer.cursor = i
            state.customer = customer
            return true
        case .contract:
            // A section's name (in the strip or as a heading) jumps there, as Tab does; it is not a row to open.
            guard var contract = state.contract else { return false }
            let layout = contractLayout, today = Day(unixSeconds: client.now())
            guard let section = ContractScreen.section(atRow: event.row, column: event.column, contract, layout: layout,
                                                       today: today) else { return false }
            ContractScreen.jump(&contract, to: section, layout: layout, today: today)
            state.contract = contract
            return false
        case .detail, .reports, .global:
            // A document or a report: nothing to select, the wheel scrolls it.
            return false
        }
    }
}
