import Foundation
import OrderDeskCore
import OrderDeskTerminal

// Tab 5, the live status view: loading, commands, dialogs, drawing.
extension DeskApp {
    // MARK: Navigation

    /// Tab 5, fresh from the store.
    func showStatus() {
        state.detail = nil
        state.contract = nil
        state.customer = nil
        state.screen = .status
        loadStatus()
    }

    /// Whether the status view is what the person sees (no order, customer or contract over it).
    var statusOnScreen: Bool {
        state.screen == .status && state.detail == nil && state.customer == nil && state.contract == nil
    }

    // MARK: Commands

    /// The commands of the status view.
    func runStatusCommand(_ command: CommandID) {
        switch command {
        case .escalationOpenOrder:
            guard state.status.pane == .list else {
                guard let manager = state.status.selectedBoardRow else { return }
                showOpenOrders(of: manager)
                return
            }
            guard let row = state.status.selected else {
                state.message = StatusMessage("No escalation to open here.")
                return
            }
            state.detail = OrderDetailState(orderID: row.orderID)
            loadDetail()
        case .escalationAcknowledge:
            guard let row = escalationToAct(on: command) else { return }
            performEscalationStep(row.id, .acknowledge, version: row.version)
        case .escalationReopen:
            guard let row = escalationToAct(on: command) else { return }
            performEscalationStep(row.id, .reopen, version: row.version)
        case .escalationResolve:
            guard let row = escalationToAct(on: command) else { return }
            state.modal = .escalationDialog(.resolve(EscalationTextDialogState(row)))
        case .escalationNote:
            guard let row = escalationToAct(on: command) else { return }
            state.modal = .escalationDialog(.note(EscalationTextDialogState(row)))
        case .escalationReassign:
            guard let row = escalationToAct(on: command) else { return }
            do {
                let owners = try client.escalations.owners()
                state.modal = .escalationDialog(.reassign(EscalationReassignState(row, owners: owners)))
            } catch {
                report(error)
            }
        case .escalationsFilter:
            let owners = (try? client.escalations.owners()) ?? []
            state.modal = .escalationDialog(.filter(EscalationFilterDialogState(filter: state.status.filter, owners: owners)))
        default:
            updateStatus(.command(command))
        }
    }

    /// Enter on the team board: the queue, filtered to the account manager's open orders (the board's
    /// "Open" figure), oldest in their state first. `5` comes back; `F` clears the filter.
    func showOpenOrders(of manager: TeamBoardRow) {
        state.screen = .queue
        let filter = QueueFilter(states: Set(OrderState.allCases.filter(\.isOpen)), owner: .person(manager.id, login: manager.login))
        perform(QueueScreen.update(&state.queue, .setFilter(filter)))
        state.message = StatusMessage("\(manager.name)'s open orders. F clears the filter; 5 goes back to the status view.")
    }

    /// The escalation under the cursor when the user may take this step on it; otherwise says in the footer
    /// why not (who may, or what the escalation's status allows) and returns nil. The store checks again.
    private func escalationToAct(on command: CommandID) -> EscalationRow? {
        let user = client.user
        let verb: String
        switch command {
        case .escalationAcknowledge: verb = "acknowledge"
        case .escalationResolve: verb = "resolve"
        case .escalationReassign: verb = "reassign"
        case .escalationReopen: verb = "reopen"
        default: verb = "write notes on"
        }
        guard user.role.handlesEscalations else {
            // Short enough for the footer at 80 columns: who may, and whom to ask.
            let what = verb == "write notes on" ? "write escalation notes" : verb + " escalations"
            let owner = state.status.selected?.ownerLogin.map { "; ask its owner, " + $0 } ?? ""
            state.message = StatusMessage("Supervisors and directors " + what + owner + ".", isError: true)
            return nil
        }
        guard state.status.pane == .list else {
            state.message = StatusMessage("Tab goes to the escalation list first.", isError: true)
            return nil
        }
        guard let row = state.status.selected else {
            state.message = StatusMessage("No escalation here to \(verb).", isError: true)
            return nil
        }
        let allowed: Bool
        switch command {
        case .escalationAcknowledge: allowed = row.status == .open
        case .escalationResolve, .escalationReassign: allowed = row.status.isActive
        case .escalationReopen: allowed = row.status == .resolved
        default: allowed = true
        }
        guard allowed else {
            let next = row.status.next.map(\.label).joined(separator: " or ")
            let past = verb == "reassign" ? "reassigned" : verb == "reopen" ? "reopened" : verb + "d"
            state.message = StatusMessage("The escalation of order \(row.orderNumber) is \(row.status.label), so it cannot be "
                + "\(past); it can be \(next).", isError: true)
            return nil
        }
        return row
    }

    // MARK: Dialogs and steps

    /// Performs what a status-view dialog asks for.
    func performEscalationDialog(_ request: EscalationDialogRequest) {
        switch request {
        case let .step(id, step, version):
            performEscalationStep(id, step, version: version)
        case let .addNote(id, text):
            changeEscalation(id) { try client.escalations.addNote(id, text) }
        case .applyFilter(var filter):
            state.modal = nil
            filter.involvingLogin = ownEscalationsLogin
            updateStatus(.setFilter(filter))
        }
    }

    /// A supervisor's step with the version the person saw.
    func performEscalationStep(_ id: Int64, _ step: EscalationStep, version: Int64) {
        changeEscalation(id, step) { try client.escalations.step(id, step, version) }
    }

    /// Makes a change through the client. On success the dialog closes, the row's new version counts as
    /// seen (the person's own change is not flashed as someone else's) and everything reloads; on a refusal
    /// the dialog stays with what was typed and the reason; on a conflict the view reloads first and the
    /// dialog takes the escalation's new version.
    private func changeEscalation(_ id: Int64, _ step: EscalationStep? = nil, _ change: () throws -> EscalationRecord) {
        do {
            let fresh = try change()
            state.modal = nil
            state.status.seenVersions[id] = fresh.version
            reloadEverything()
            state.message = StatusMessage(Self.confirmation(step, fresh))
        } catch {
            if case OrderDeskError.recordConflict = error {
                reloadEverything()
                if case .escalationDialog(var dialog) = state.modal, let fresh = try? client.escalations.detail(id) {
                    EscalationDialogs.refreshVersion(&dialog, id: id, version: fresh.version, owner: fresh.ownerLogin)
                    state.modal = .escalationDialog(dialog)
                }
            }
            report(error)
        }
    }

    static func confirmation(_ step: EscalationStep?, _ e: EscalationRecord) -> String {
        let what = "the escalation of order \(e.orderNumber)"
        switch step {
        case nil: return "Note added to \(what)."
        case .acknowledge: return "Acknowledged \(what). r resolves it."
        case .resolve: return "Resolved \(what). O reopens it."
        case .reopen: return "Reopened \(what): it is open again."
        case .reassign(let login): return "Reassigned \(what) to \(login)."
        }
    }

    // MARK: Loading

    /// The login an account manager's or a viewer's list is held to; nil for those who handle escalations.
    var ownEscalationsLogin: String? { client.user.role.handlesEscalations ? nil : client.user.login }

    /// Reloads the status view where it stands when it is on screen (after any change, here or elsewhere);
    /// otherwise it reloads when it shows again.
    func reloadStatus() {
        guard statusOnScreen else {
            if state.status.loaded { state.status.stale = true }
            return
        }
        loadStatus()
    }

    /// The summary, the board and the history, then the list in place (the cursor kept on its escalation).
    private func loadStatus() {
        state.status.stale = false
        state.status.filter.involvingLogin = ownEscalationsLogin
        if state.status.loaded { state.status.newSince = state.status.asOf }
        state.status.asOf = client.now()
        var failure: Error?
        do { state.status.summary = try client.escalations.summary() } catch { failure = error }
        do { state.status.board = try client.escalations.teamBoard() } catch { failure = error }
        do { state.status.history = try client.escalations.history() } catch { failure = error }
        statusResized()
        updateStatus(.refresh)
        if let failure { report(failure) }
    }

    /// The count asked for while handling a key.
    func performStatusCount() {
        performStatus([.count])
    }

    /// A new terminal size.
    func statusResized() {
        let layout = statusLayout
        updateStatus(.resized(listRows: layout.listRows, boardRows: layout.boardRows))
    }

    func updateStatus(_ action: StatusAction) {
        performStatus(StatusScreen.update(&state.status, action))
    }

    /// Performs the list's effects through the client, noting each page's versions for the highlights;
    /// a count asked for while handling a key waits until that key's frame is drawn (see `handle`).
    func performStatus(_ effects: [KeysetListEffect<EscalationRow>]) {
        guard !effects.isEmpty else { return }
        let escalations = client.escalations
        let until = monotonicSeconds() + StatusScreen.highlightSeconds
        let outcome = KeysetListRunner.perform(
            effects, on: &state.status, deferCount: deferCounts,
            page: { list, request, limit in
                let page = try escalations.page(list.filter, list.asOf, EscalationPageRequest(request), limit)
                return KeysetListPage(rows: page.rows, hasMoreAfter: page.hasMoreAfter, hasMoreBefore: page.hasMoreBefore)
            },
            count: { list in QueueTotal(count: try escalations.count(list.filter)) },
            merged: { list, page, purpose in
                if purpose != .anchorForRefresh { StatusScreen.noteVersions(&list, page.rows, highlightUntil: until) }
            })
        if outcome.countDeferred { state.status.countPending = true } else if outcome.counted { state.status.countPending = false }
        for error in outcome.errors { report(error) }
    }

    /// Called on every turn of the run loop: true when the screen must be drawn again (a changed row's
    /// highlight has just ended, or the view came back on screen after the data changed).
    func statusTick() -> Bool {
        var redraw = false
        if state.status.stale && statusOnScreen {
            loadStatus()
            redraw = true
        }
        if !state.status.highlights.isEmpty, StatusScreen.tick(&state.status, now: monotonicSeconds()) {
            redraw = redraw || statusOnScreen
        }
        return redraw
    }

    // MARK: Drawing

    /// Where the parts of the status view go at the terminal's size.
    var statusLayout: StatusScreen.Layout {
        StatusScreen.layout(top: 1, bottom: max(1, terminal.size.rows - 2), boardCount: state.status.board?.rows.count ?? 0)
    }

    /// Draws the status view when it is on screen; false otherwise.
    func renderStatusScreen(on canvas: Canvas, now: Int64, top: Int, bottom: Int) -> Bool {
        guard state.screen == .status, state.customer == nil, state.contract == nil else { return false }
        StatusScreen.render(state.status, on: canvas, now: now, top: top, bottom: bottom)
        return true
    }

    /// The footer's position text on the status view.
    var statusPosition: String { StatusScreen.position(state.status) }

    /// The footer's hints on the status view: the steps for those who may take them, else moving and filtering.
    var statusFooterCommands: Set<CommandID> {
        let steps: Set<CommandID> = client.user.role.handlesEscalations
            ? [.escalationOpenOrder, .escalationAcknowledge, .escalationResolve, .escalationReassign, .escalationNote, .escalationsFilter]
            : [.statusNextPane, .escalationOpenOrder, .escalationsFilter]
        return steps.union(CommandTable.commands(in: .global).map(\.id))
    }

    /// Shorter hints, so a supervisor's steps all fit at 80 columns.
    var statusFooterRelabels: [CommandID: String] { [.escalationAcknowledge: "ack"] }
}

extension EscalationPageRequest {
    /// The store's request for a window's.
    init(_ request: KeysetWindow<EscalationRow>.Request) {
        switch request {
        case .first: self = .first
        case .last: self = .last
        case .after(let row): self = .after(row)
        case .before(let row): self = .before(row)
        }
    }
}
