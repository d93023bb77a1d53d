import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// The run loop: reads keys, updates the screens, performs their effects through the client, draws.
///
/// Everything happens on one thread; the store answers a page in well under a millisecond, so effects
/// are performed at once and the next frame already shows their result. The one exception is a
/// reconciliation run: it works on its own thread and the loop polls it (`pollJob`) between keys.
public final class DeskApp {
    public internal(set) var state: DeskState
    public let client: DeskClient
    public let terminal: Terminal
    public var theme: Theme
    /// The effective key bindings (the command table's, changed by the user's `keys.toml`).
    public var keymap: Keymap = .standard
    /// The theme names `:theme ` completes; the launcher sets the ones it finds.
    public var themeNames: () -> [String] = { ["default", "mono"] }
    /// Loads a theme by name for `:theme NAME`: the theme and its warnings, or why it cannot be used.
    /// The launcher sets it (it knows where themes live); without it `:theme` says it is not available.
    public var themeLoader: ((String) -> Result<LoadedTheme, ThemeUnusable>)?
    /// How often `run()` asks the store whether someone else changed something.
    public var pollInterval: Duration = .milliseconds(500)

    private var lastDataVersion: Int64?
    private var lastPoll = ContinuousClock.now
    /// A count the queue asked for while handling a key: done right after that key's frame is shown, so
    /// the rows appear at once and "of M" follows a moment later even when counting a broad search is slow.
    private var countPending = false
    var deferCounts = false
    /// The reconciliation running on a worker thread, if any.
    var job: ReconcileJob?
    /// Seconds on a monotonic clock, for the progress of a job; tests replace it.
    var monotonicSeconds: () -> Double = {
        let since = ContinuousClock.now - DeskApp.clockOrigin
        return Double(since.components.seconds) + Double(since.components.attoseconds) / 1e18
    }
    private static let clockOrigin = ContinuousClock.now
    /// How often the run loop runs the automatic escalation rules (the first time right after the first frame).
    public var autoEscalationInterval: Duration = .seconds(300)
    var lastAutoEscalation: ContinuousClock.Instant?
    /// Told of every request to open the contract editor, before the editor opens (tests watch it).
    var contractEditorWatcher: ((ContractEditorTarget) -> Void)?

    public static let minimumSize = TerminalSize(rows: 24, columns: 80)

    public init(client: DeskClient, terminal: Terminal, theme: Theme, initialFilter: QueueFilter = QueueFilter()) {
        self.client = client; self.terminal = terminal; self.theme = theme
        state = DeskState(queue: QueueState(filter: initialFilter))
    }

    /// Loads the first page and draws the first frame.
    public func start() {
        lastDataVersion = try? client.dataVersion()
        state.queue.visibleRows = visibleQueueRows
        perform(QueueScreen.reset(&state.queue))
        loadAwaitingCount()
        render()
    }

    /// Puts a message in the footer (shown with the next frame).
    public func show(_ message: StatusMessage) { state.message = message }

    /// Runs until the person quits.
    public func run() {
        start()
        var earlyEmptyReads = 0
        while state.isRunning {
            let asked = ContinuousClock.now
            if let key = terminal.readKey(timeoutMilliseconds: 100) {
                earlyEmptyReads = 0
                handle(key)
            } else if ContinuousClock.now - asked < .milliseconds(20) {
                // No key long before the timeout, again and again: the terminal is gone (a closed pty
                // answers at once). Stop instead of spinning; the launcher restores what is left.
                earlyEmptyReads += 1
                if earlyEmptyReads >= 50 { state.isRunning = false }
            } else {
                earlyEmptyReads = 0
            }
            if pollJob() { render() }
            if statusTick() { render() }
            if reportsTick() { render() }
            runAutoEscalationsWhenDue()
            if ContinuousClock.now - lastPoll >= pollInterval {
                if pollForChanges() { render() }
            }
        }
    }

    // MARK: Keys

    /// Routes one key, performs what it causes, and draws the next frame (and a second one with the
    /// queue's new total when the key changed what the queue counts).
    public func handle(_ key: Key) {
        deferCounts = true
        defer {
            deferCounts = false
            if countPending {
                countPending = false
                perform([.count])
                render()
            }
            if state.customers.countPending {
                performCustomers([.count])
                render()
            }
            if state.contracts.countPending {
                performContracts([.count])
                render()
            }
            if state.status.countPending {
                performStatusCount()
                render()
            }
        }
        if case .mouse(let event) = key {
            if state.modal == nil { handleMouse(event) } else { handleModalMouse(event) }
            render()
            return
        }
        if key == .resize {
            perform(QueueScreen.update(&state.queue, .resized(visibleRows: visibleQueueRows)))
            ReconcileRunsScreen.resized(&state.runs, visibleRows: visibleRunsRows)
            updateRun(.resized(visibleRows: visibleDifferenceRows))
            customersResized()
            contractsResized()
            statusResized()
            reportsResized()
            render()
            return
        }
        if state.modal != nil {
            handleModal(key)
        } else if state.context == .queue && state.queue.searching {
            if let command = searchNavigation(key, in: .queue) {
                run(command)
            } else {
                perform(QueueScreen.update(&state.queue, .searchKey(key)))
            }
        } else if state.context == .customers && state.customers.searching {
            handleCustomersSearchKey(key)
        } else if state.context == .reconcileRun, state.run?.searching == true {
            if let command = searchNavigation(key, in: .reconcileRun) {
                run(command)
            } else {
                updateRun(.searchKey(key))
            }
        } else if let command = keymap.command(for: key, in: state.context) {
            state.message = nil
            run(command)
        } else if case .character(let c) = key, c != " " {
            state.message = StatusMessage("No command on '\(c)' here. Press ? for the keys.")
        }
        render()
    }

    /// While a search field takes the typing, the keys that move the cursor still move it: a key that is not
    /// a printable character and runs a cursor command (by the keymap) in the list's context.
    func searchNavigation(_ key: Key, in context: CommandContext) -> CommandID? {
        if case .character = key { return nil }
        guard let command = keymap.command(for: key, in: context),
              [.moveDown, .moveUp, .pageDown, .pageUp].contains(command) else { return nil }
        return command
    }

    /// What the `:` line completes from and labels its candidates with.
    var commandLineContext: CommandLineContext {
        CommandLineContext(keymap: keymap, context: state.context, themeNames: themeNames())
    }

    /// Runs a command in the current context (from a key or from `:`).
    public func run(_ command: CommandID) {
        if let spec = CommandTable.spec(for: command), !spec.contexts.contains(.global), !spec.contexts.contains(state.context) {
            // From `:`, a command of another screen.
            let places = spec.contexts.map(\.title).joined(separator: ", ")
            state.message = StatusMessage("\(spec.name) works in: \(places). Here is \(state.context.title).", isError: true)
            return
        }
        switch command {
        case .quit:
            state.isRunning = false
        case .help:
            state.modal = .help(scroll: 0)
        case .commandLine:
            state.commandLine.reset()
            state.modal = .commandLine(TextField())
        case .theme:
            // Without a name (a key bound to it): the `:` line, ready for one.
            state.modal = .commandLine(TextField("theme "))
        case .back:
            if state.detail != nil {
                state.detail = nil
            } else if state.contract != nil {
                closeContract()
            } else if state.customer != nil || state.context == .customers {
                customerBack()
            } else if state.context == .queue, !state.queue.filter.search.isEmpty {
                perform(QueueScreen.update(&state.queue, .searchKey(.escape)))
            } else if state.context == .reconcileRun, let run = state.run {
                if !run.query.search.isEmpty { updateRun(.searchKey(.escape)) } else { closeRun() }
            }
        case .queueScreen:
            state.detail = nil
            state.contract = nil
            state.customer = nil
            state.screen = .queue
        case .reconcileScreen:
            state.contract = nil
            showReconcile()
        case .reconcileOpen:
            openSelectedRun()
        case .reconcileOpenOrder:
            openDifferenceOrder()
        case .reconcileNew:
            state.modal = .importRun(ReconcileImportState())
        case .reconcileResolve:
            guard let difference = state.run?.selected else { return }
            state.modal = .resolve(ResolveDialogState(difference: difference))
        case .reconcileExport:
            guard let run = state.run else { return }
            state.modal = .export(ExportPromptState(runID: run.run.id))
        case .reconcileFilterKind:
            openKindPicker()
        case .customersScreen:
            state.contract = nil
            showCustomers()
        case .contractsScreen:
            showContracts()
        case .statusScreen:
            showStatus()
        case .reportsScreen:
            showReports()
        case .escalate:
            guard let row = currentRow else { return }
            openRaiseEscalation(for: row)
        case .openCustomer:
            openCustomerOfCurrentOrder()
        case .refresh:
            reloadEverything()
            refreshReports()
        case .open:
            guard let row = state.queue.selected else { return }
            state.detail = OrderDetailState(orderID: row.id)
            loadDetail()
        case .filter:
            state.modal = .filter(FilterDialogState(filter: state.queue.filter, userID: client.user.id))
        case .take:
            guard let row = currentRow else { return }
            save(.take, orderID: row.id, version: row.version)
        case .move:
            guard let row = currentRow else { return }
            state.modal = .move(MoveDialogState(row: row))
        case .note:
            guard let row = currentRow else { return }
            state.modal = .note(NoteDialogState(orderID: row.id, orderNumber: row.orderNumber, version: row.version))
        default:
            switch state.context {
            case .detail:
                guard var detail = state.detail else { return }
                let rows = OrderDetailScreen.contentRows(detail, width: terminal.size.columns, now: client.now())
                _ = OrderDetailScreen.update(&detail, command, visibleRows: contentArea.bottom - contentArea.top, contentRows: rows)
                state.detail = detail
            case .queue:
                perform(QueueScreen.update(&state.queue, .command(command)))
            case .reconcileRuns:
                ReconcileRunsScreen.update(&state.runs, command)
            case .reconcileRun:
                updateRun(.command(command))
            case .customers, .customer:
                runCustomerCommand(command)
            case .contracts, .contract:
                runContractCommand(command)
            case .status:
                runStatusCommand(command)
            case .reports:
                runReportsCommand(command)
            case .global:
                break
            }
        }
    }

    /// The order the order commands act on: the open detail's, or the queue's cursor row.
    var currentRow: QueueRow? {
        if let detail = state.detail { return detail.detail?.row }
        return state.context == .queue ? state.queue.selected : nil
    }

    private func handleModal(_ key: Key) {
        guard let modal = state.modal else { return }
        var outcome = DialogOutcome.stay
        switch modal {
        case .help(var scroll):
            outcome = HelpOverlay.update(scroll: &scroll, key, context: state.context, keymap: keymap)
            state.modal = .help(scroll: scroll)
        case .commandLine(var field):
            var message: String?
            outcome = CommandLinePrompt.update(&field, key, session: &state.commandLine, environment: commandLineContext,
                                               message: &message)
            state.modal = .commandLine(field)
            if let message { state.message = StatusMessage(message, isError: true) }
        case .filter(var dialog):
            outcome = FilterDialog.update(&dialog, key)
            state.modal = .filter(dialog)
        case .move(var dialog):
            outcome = MoveDialog.update(&dialog, key)
            state.modal = .move(dialog)
        case .note(var dialog):
            outcome = NoteDialog.update(&dialog, key)
            state.modal = .note(dialog)
        case .kindPicker(var picker):
            outcome = KindPicker.update(&picker, key)
            state.modal = .kindPicker(picker)
        case .resolve(var dialog):
            outcome = ResolveDialog.update(&dialog, key)
            state.modal = .resolve(dialog)
        case .importRun(var dialog):
            outcome = ReconcileImportDialog.update(&dialog, key)
            state.modal = .importRun(dialog)
        case .export(var prompt):
            outcome = ExportPrompt.update(&prompt, key)
            state.modal = .export(prompt)
        case .customerForm(var form):
            outcome = CustomerForms.update(&form, key)
            state.modal = .customerForm(form)
        case .orderWizard(var wizard):
            outcome = OrderWizard.update(&wizard, key)
            state.modal = .orderWizard(wizard)
        case .contractEditor(var editor):
            outcome = ContractEditor.update(&editor, key)
            state.modal = .contractEditor(editor)
        case .contractDialog(var dialog):
            outcome = ContractDialogs.update(&dialog, key)
            state.modal = .contractDialog(dialog)
        case .reportExport(var prompt):
            outcome = ReportExportPrompt.update(&prompt, key)
            state.modal = .reportExport(prompt)
        case .raiseEscalation(var dialog):
            outcome = RaiseEscalationDialog.update(&dialog, key)
            state.modal = .raiseEscalation(dialog)
        case .escalationDialog(var dialog):
            outcome = EscalationDialogs.update(&dialog, key)
            state.modal = .escalationDialog(dialog)
        }
        switch outcome {
        case .stay: break
        case .close: state.modal = nil
        case .applyFilter(let filter):
            state.modal = nil
            perform(QueueScreen.update(&state.queue, .setFilter(filter)))
        case .run(let command):
            state.modal = nil
            state.message = nil
            run(command)
        case .setTheme(let name):
            applyTheme(named: name)
        case let .submit(change, orderID, version):
            save(change, orderID: orderID, version: version)
        case .chooseKinds(let kinds):
            state.modal = nil
            updateRun(.setKinds(kinds))
        case let .resolve(id, resolution, note):
            resolve(id, resolution, note: note)
        case .completePath(let partial):
            complete(partial)
        case let .startReconcile(ida, sfdc, options):
            startReconcile(ida: ida, sfdc: sfdc, options: options)
        case .cancelReconcile:
            job?.progress.cancel()
        case let .exportOpen(runID, path):
            exportOpen(runID: runID, path: path)
        case .saveCustomerRecord(let save):
            saveCustomerRecord(save)
        case .orderWizard(let request):
            performWizard(request)
        case .contractEditor(let request):
            performContractEditor(request)
        case .contractDialog(let request):
            performContractDialog(request)
        case .reportExport(let path):
            exportReport(to: path)
        case let .raiseEscalation(orderID, reason, severity, note):
            raiseEscalation(orderID: orderID, reason: reason, severity: severity, note: note)
        case .escalationDialog(let request):
            performEscalationDialog(request)
        }
    }

    // MARK: Saving

    /// Saves a change. On success the dialog closes and the screens reload; on a conflict the order is
    /// reloaded and the dialog stays open with everything typed, ready to save again.
    private func save(_ change: OrderChange, orderID: Int64, version: Int64) {
        do {
            let row = try client.apply(change, orderID, version)
            state.modal = nil
            state.message = StatusMessage(confirmation(for: change, row: row))
            reloadEverything()
        } catch let error as OrderDeskError {
            if case .conflict = error {
                reloadEverything()
                let fresh = (state.detail?.detail?.row.id == orderID ? state.detail?.detail?.row : nil)
                    ?? state.queue.rows.first { $0.id == orderID }
                    ?? (try? client.orderDetail(orderID).row)
                if let fresh { refreshVersion(in: &state.modal, to: fresh) }
            }
            report(error)
        } catch {
            report(error)
        }
    }

    private func confirmation(for change: OrderChange, row: QueueRow) -> String {
        switch change {
        case .take: return "Order \(row.orderNumber) is yours now."
        case .move(let to, _): return "Order \(row.orderNumber) moved to \(to.label)."
        case .addNote: return "Note added to order \(row.orderNumber)."
        }
    }

    /// After a conflict the person works from the fresh order: dialogs keep their text, take its version.
    private func refreshVersion(in modal: inout Modal?, to row: QueueRow) {
        switch modal {
        case .move(var dialog):
            dialog.version = row.version
            if dialog.from != row.state {
                // The order moved meanwhile: offer the moves allowed from where it is now.
                var fresh = MoveDialogState(row: row)
                fresh.note = dialog.note
                dialog = fresh
            }
            modal = .move(dialog)
        case .note(var dialog):
            dialog.version = row.version
            modal = .note(dialog)
        default: break
        }
    }

    func report(_ error: Error) {
        let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        state.message = StatusMessage(text, isError: true)
        switch state.modal {
        case .move(var dialog): dialog.error = text; state.modal = .move(dialog)
        case .note(var dialog): dialog.error = text; state.modal = .note(dialog)
        case .resolve(var dialog): dialog.error = text; state.modal = .resolve(dialog)
        case .export(var prompt): prompt.error = text; state.modal = .export(prompt)
        case .importRun(var dialog): dialog.error = text; state.modal = .importRun(dialog)
        case .contractDialog(var dialog): ContractDialogs.setError(&dialog, text); state.modal = .contractDialog(dialog)
        case .raiseEscalation(var dialog): dialog.error = text; state.modal = .raiseEscalation(dialog)
        case .reportExport(var prompt): prompt.error = text; state.modal = .reportExport(prompt)
        case .escalationDialog(var dialog): EscalationDialogs.setError(&dialog, text); state.modal = .escalationDialog(dialog)
        default: break
        }
    }

    // MARK: Loading

    func perform(_ effects: [QueueEffect]) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            do {
                switch effect {
                case let .fetch(request, limit, purpose):
                    let page = try client.queuePage(state.queue.filter, state.queue.sort, request, limit)
                    pending += QueueScreen.update(&state.queue, .pageLoaded(page, purpose))
                case .count where deferCounts:
                    countPending = true
                case .count:
                    let total = try client.queueCount(state.queue.filter)
                    pending += QueueScreen.update(&state.queue, .counted(total))
                case .locate(let row):
                    let index = try client.rowsBefore(row, state.queue.filter, state.queue.sort)
                    pending += QueueScreen.update(&state.queue, .located(row, index))
                }
            } catch {
                report(error)
            }
        }
    }

    func loadDetail() {
        guard let id = state.detail?.orderID else { return }
        do {
            state.detail?.detail = try client.orderDetail(id)
            state.detail?.escalations = try client.escalations.forOrder(id)
        } catch {
            report(error)
        }
    }

    func reloadEverything() {
        perform(QueueScreen.update(&state.queue, .externalChange))
        loadDetail()
        if state.screen == .reconcile { reloadReconcile() }
        reloadCustomers()
        reloadContracts()
        reloadStatus()
        reloadReports()
    }

    /// Checks whether anyone committed a change since the last look; reloads what is on screen if so.
    @discardableResult
    public func pollForChanges() -> Bool {
        lastPoll = ContinuousClock.now
        guard let version = try? client.dataVersion() else { return false }
        defer { lastDataVersion = version }
        guard let last = lastDataVersion, last != version else { return false }
        reloadEverything()
        return true
    }

    // MARK: Drawing

    /// Rows available to the queue's table.
    private var visibleQueueRows: Int {
        max(1, terminal.size.rows - QueueScreen.chromeRows)
    }

    /// Rows available to the list of reconciliation runs.
    var visibleRunsRows: Int { max(1, terminal.size.rows - ReconcileRunsScreen.chromeRows) }

    /// Rows available to a run's table of differences.
    var visibleDifferenceRows: Int { max(1, terminal.size.rows - ReconcileRunScreen.chromeRows) }

    /// The rows between the title bar and the footer.
    private var contentArea: (top: Int, bottom: Int) { (1, max(1, terminal.size.rows - 2)) }

    /// Draws the whole frame; ncurses sends only what changed.
    public func render() {
        let canvas = Canvas(terminal: terminal, theme: theme)
        let size = terminal.size
        terminal.hideCursor()
        terminal.clear(style: theme.style(.body))
        guard size.rows >= Self.minimumSize.rows, size.columns >= Self.minimumSize.columns else {
            renderTooSmall(canvas)
            terminal.present()
            return
        }
        let now = client.now()
        renderTitle(canvas)
        let area = contentArea
        if let detail = state.detail {
            OrderDetailScreen.render(detail, on: canvas, now: now, top: area.top, bottom: area.bottom)
        } else if renderContractScreens(on: canvas, now: now) {
            // A contract's screen or the contracts list.
        } else if renderCustomerScreens(on: canvas, now: now, top: area.top, bottom: area.bottom) {
            // The customer screen or the customers list.
        } else if renderStatusScreen(on: canvas, now: now, top: area.top, bottom: area.bottom) {
            // The status view.
        } else if renderReportsScreen(on: canvas, now: now, top: area.top, bottom: area.bottom) {
            // The sales reports.
        } else if state.screen == .queue {
            QueueScreen.render(state.queue, on: canvas, now: now, top: area.top, bottom: area.bottom)
        } else if let run = state.run {
            ReconcileRunScreen.render(run, on: canvas, top: area.top, bottom: area.bottom)
        } else {
            ReconcileRunsScreen.render(state.runs, on: canvas, top: area.top, bottom: area.bottom)
        }
        renderFooter(canvas)
        switch state.modal {
        case .help(let scroll): HelpOverlay.render(scroll: scroll, context: state.context, keymap: keymap, on: canvas)
        case .commandLine(let field):
            CommandLinePrompt.render(field, session: state.commandLine, environment: commandLineContext, on: canvas, row: size.rows - 1)
        case .filter(let dialog): FilterDialog.render(dialog, on: canvas)
        case .move(let dialog): MoveDialog.render(dialog, on: canvas)
        case .note(let dialog): NoteDialog.render(dialog, on: canvas)
        case .kindPicker(let picker): KindPicker.render(picker, on: canvas)
        case .resolve(let dialog): ResolveDialog.render(dialog, on: canvas)
        case .importRun(let dialog): ReconcileImportDialog.render(dialog, on: canvas)
        case .export(let prompt): ExportPrompt.render(prompt, on: canvas)
        case .customerForm(let form): CustomerForms.render(form, on: canvas)
        case .orderWizard(let wizard): OrderWizard.render(wizard, on: canvas)
        case .contractEditor(let editor): ContractEditor.render(editor, on: canvas)
        case .contractDialog(let dialog): ContractDialogs.render(dialog, on: canvas)
        case .raiseEscalation(let dialog): RaiseEscalationDialog.render(dialog, on: canvas)
        case .reportExport(let prompt): ReportExportPrompt.render(prompt, on: canvas)
        case .escalationDialog(let dialog): EscalationDialogs.render(dialog, on: canvas)
        case nil: break
        }
        terminal.present()
    }

    private func renderTooSmall(_ canvas: Canvas) {
        let size = terminal.size
        guard size.rows > 0, size.columns > 0 else { return }
        let sentences = ["Terminal too small: \(size.columns)×\(size.rows).",
                         "OrderDesk needs at least \(Self.minimumSize.columns)×\(Self.minimumSize.rows).",
                         "Enlarge the window, or press q to quit."]
        // Wrapped rather than cut, so a narrow window (20×6) still shows the sizes and how to quit.
        let lines = sentences.enumerated().flatMap { i, sentence in
            TextWrap.lines(sentence, width: size.columns).map { (text: $0, warning: i == 0) }
        }
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.rows {
            let left = max(0, (size.columns - DisplayWidth.of(line.text)) / 2)
            terminal.draw(line.text, row: top + i, column: left, style: theme.style(line.warning ? .warning : .body))
        }
    }

    private func renderTitle(_ canvas: Canvas) {
        let title = theme.style(.title)
        canvas.fill(row: 0, style: theme.style(.tab))
        let tabActive = theme.style(.tabActive), tab = theme.style(.tab)
        // The tabs, the current one highlighted, then where within it: the open run or customer, the open order.
        // The geometry is the one clicks are hit-tested against (TitleBarLayout).
        let layout = titleBarLayout
        if layout.showsTitle { canvas.cell(" OrderDesk ", row: 0, column: 0, width: 11, style: title) }
        for placed in layout.tabs {
            canvas.cell(placed.label, row: 0, column: placed.x, width: placed.width,
                        style: state.screen == placed.screen ? tabActive : tab)
        }
        var x = layout.tabsEnd
        let crumbs = layout.crumbs
        for (i, crumb) in crumbs.enumerated() {
            let w = min(DisplayWidth.of(crumb), canvas.columns - x)
            guard w > 0 else { break }
            canvas.cell(crumb, row: 0, column: x, width: w, style: i == crumbs.count - 1 ? tabActive : tab)
            x += w
        }
        // Who and where, on the right, cut to the room that is left.
        let who = client.user.login + " · " + client.user.role.rawValue.replacingOccurrences(of: "_", with: " ")
            + " · " + client.databaseName + " "
        let whoX = max(x + 2, canvas.columns - DisplayWidth.of(who))
        if canvas.columns - whoX >= 8 { canvas.cell(who, row: 0, column: whoX, width: canvas.columns - whoX, style: tab) }
    }

    private func renderFooter(_ canvas: Canvas) {
        let rows = canvas.rows
        // Message line, with the position on the right.
        let position: String
        switch state.context {
        case .queue: position = QueueScreen.position(state.queue)
        case .reconcileRuns: position = ReconcileRunsScreen.position(state.runs)
        case .reconcileRun: position = state.run.map(ReconcileRunScreen.position) ?? ""
        case .customers, .customer: position = customerPosition
        case .contracts, .contract: position = contractPosition
        case .status: position = statusPosition
        case .reports: position = reportsPosition
        case .detail, .global: position = ""
        }
        // A message that needs the whole row takes it: what the desk says matters more than where the cursor is.
        let messageWidth = state.message.map { DisplayWidth.of(" " + $0.text) } ?? 0
        let positionWidth = messageWidth + DisplayWidth.of(position) + 2 > canvas.columns ? 0 : DisplayWidth.of(position)
        canvas.fill(row: rows - 2, style: theme.style(.statusLine))
        if let message = state.message {
            canvas.cell(" " + message.text, row: rows - 2, column: 0, width: canvas.columns - positionWidth - 2,
                        style: message.isError ? theme.style(.danger) : theme.style(.ok))
        }
        if positionWidth > 0 {
            canvas.cell(position, row: rows - 2, column: canvas.columns - positionWidth - 1, width: positionWidth,
                        style: theme.style(.statusLine))
        }
        // Key hints from the command table, with the keymap's keys, where clicks find them too.
        canvas.fill(row: rows - 1, style: theme.style(.statusLine))
        for zone in footerLayout(columns: canvas.columns) {
            let hint = zone.target
            let keyWidth = DisplayWidth.of(hint.key)
            canvas.cell(hint.key, row: rows - 1, column: zone.left, width: keyWidth, style: theme.style(.statusLineKey))
            canvas.cell(hint.label, row: rows - 1, column: zone.left + keyWidth + 1, width: DisplayWidth.of(hint.label),
                        style: theme.style(.statusLine))
        }
    }
}
