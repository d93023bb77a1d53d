import OrderDeskCore
import OrderDeskTerminal

/// The status view's dialogs: resolve (a note), reassign (a supervisor), a note, the filter.
public enum EscalationDialogState: Hashable, Sendable {
    /// Resolving, with the required note saying how.
    case resolve(EscalationTextDialogState)
    /// A note on the escalation's thread.
    case note(EscalationTextDialogState)
    /// Another owner, picked from the supervisors and directors.
    case reassign(EscalationReassignState)
    case filter(EscalationFilterDialogState)
}

/// What a status-view dialog asks the desk for.
public enum EscalationDialogRequest: Hashable, Sendable {
    /// A supervisor's step, with the version the person saw.
    case step(escalationID: Int64, EscalationStep, expectedVersion: Int64)
    case addNote(escalationID: Int64, String)
    case applyFilter(EscalationFilter)
}

/// The escalation a dialog acts on, as the person saw it.
public struct EscalationTarget: Hashable, Sendable {
    public var id: Int64
    public var orderNumber: String
    public var customerName: String
    public var version: Int64

    public init(_ row: EscalationRow) {
        id = row.id; orderNumber = row.orderNumber; customerName = row.customerName; version = row.version
    }
}

/// Writing the resolution or a note: several lines, kept when the desk refuses.
public struct EscalationTextDialogState: Hashable, Sendable {
    public var target: EscalationTarget
    public var field = TextField(multiline: true)
    public var confirmingDiscard = false
    public var error: String?

    public init(_ row: EscalationRow) { target = EscalationTarget(row) }
}

/// Picking the escalation's new owner.
public struct EscalationReassignState: Hashable, Sendable {
    public var target: EscalationTarget
    public var currentOwner: String?
    public var owners: [String]
    public var cursor: Int
    public var error: String?

    /// The cursor starts on the first owner who is not the current one.
    public init(_ row: EscalationRow, owners: [String]) {
        target = EscalationTarget(row); currentOwner = row.ownerLogin; self.owners = owners
        cursor = owners.firstIndex { $0 != row.ownerLogin } ?? 0
    }
}

/// Narrowing the list: status, severity, owner, reason. An account manager's `involvingLogin` stays.
public struct EscalationFilterDialogState: Hashable, Sendable {
    public enum Section: Int, CaseIterable, Sendable { case status, severity, owner, reason }

    public var draft: EscalationFilter
    public var owners: [String]
    public var section = Section.status

    public init(filter: EscalationFilter, owners: [String]) {
        draft = filter
        self.owners = owners + (filter.ownerLogin.map { owners.contains($0) ? [] : [$0] } ?? [])
    }
}

public enum EscalationDialogs {
    public static func update(_ dialog: inout EscalationDialogState, _ key: Key) -> DialogOutcome {
        switch dialog {
        case .resolve(var state):
            defer { dialog = .resolve(state) }
            return updateText(&state, key, resolving: true)
        case .note(var state):
            defer { dialog = .note(state) }
            return updateText(&state, key, resolving: false)
        case .reassign(var state):
            defer { dialog = .reassign(state) }
            return updateReassign(&state, key)
        case .filter(var state):
            defer { dialog = .filter(state) }
            return updateFilter(&state, key)
        }
    }

    public static func render(_ dialog: EscalationDialogState, on canvas: Canvas) {
        switch dialog {
        case .resolve(let state): renderText(state, resolving: true, on: canvas)
        case .note(let state): renderText(state, resolving: false, on: canvas)
        case .reassign(let state): renderReassign(state, on: canvas)
        case .filter(let state): renderFilter(state, on: canvas)
        }
    }

    /// Shows a refusal inside the dialog (what was typed stays).
    public static func setError(_ dialog: inout EscalationDialogState, _ text: String) {
        switch dialog {
        case .resolve(var state): state.error = text; dialog = .resolve(state)
        case .note(var state): state.error = text; dialog = .note(state)
        case .reassign(var state): state.error = text; dialog = .reassign(state)
        case .filter: break
        }
    }

    /// After a conflict the person works from the reloaded escalation: the dialog keeps what was typed and
    /// takes its new version (the store judges the step again against it).
    public static func refreshVersion(_ dialog: inout EscalationDialogState, id: Int64, version: Int64, owner: String?) {
        switch dialog {
        case .resolve(var state) where state.target.id == id: state.target.version = version; dialog = .resolve(state)
        case .note(var state) where state.target.id == id: state.target.version = version; dialog = .note(state)
        case .reassign(var state) where state.target.id == id:
            state.target.version = version; state.currentOwner = owner; dialog = .reassign(state)
        default: break
        }
    }

    /// The escalation a dialog acts on, if any.
    public static func target(_ dialog: EscalationDialogState) -> EscalationTarget? {
        switch dialog {
        case .resolve(let state), .note(let state): return state.target
        case .reassign(let state): return state.target
        case .filter: return nil
        }
    }

    // MARK: Resolve and note

    static func updateText(_ state: inout EscalationTextDialogState, _ key: Key, resolving: Bool) -> DialogOutcome {
        if let answer = DiscardQuestion.answer(&state.confirmingDiscard, key) { return answer }
        switch key {
        case .control("s"):
            let text = state.field.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                state.error = resolving ? "Say how it was resolved: the note is required." : "The note is empty: type something, or Esc to cancel."
                return .stay
            }
            state.error = nil
            let id = state.target.id
            return .escalationDialog(resolving ? .step(escalationID: id, .resolve(note: text), expectedVersion: state.target.version)
                                               : .addNote(escalationID: id, text))
        case .escape:
            return DiscardQuestion.escape(state.field.text, asking: &state.confirmingDiscard)
        default:
            if state.field.handle(key) { state.error = nil }
            return .stay
        }
    }

    static func renderText(_ state: EscalationTextDialogState, resolving: Bool, on canvas: Canvas) {
        let theme = canvas.theme
        let t = state.target
        let title = (resolving ? "Resolve the escalation of order " : "Note on the escalation of order ") + t.orderNumber
        let inner = canvas.centredBox(height: 13, width: 72, title: title)
        guard inner.width > 4, inner.height > 5 else { return }
        canvas.cell(t.customerName, row: inner.top, column: inner.left, width: inner.width, style: theme.style(.muted))
        canvas.cell(resolving ? "How was it resolved? (required)" : "Note", row: inner.top + 1, column: inner.left,
                    width: inner.width, style: theme.style(.accent))
        let textTop = inner.top + 2
        let textRows = max(1, inner.height - 5)
        let shown = Array(TextWrap.lines(state.field.text, width: inner.width).suffix(textRows))
        for r in 0..<textRows {
            canvas.cell(r < shown.count ? shown[r] : "", row: textTop + r, column: inner.left, width: inner.width,
                        style: theme.style(.fieldFocus))
        }
        if !state.confirmingDiscard {
            let last = shown.last ?? ""
            canvas.terminal.setCursor(row: textTop + max(0, shown.count - 1),
                                      column: inner.left + min(inner.width - 1, DisplayWidth.of(last)))
        }
        canvas.dialogFooter(
            inner, hint: (resolving ? "Ctrl-S resolve" : "Ctrl-S save") + " · Enter new line · Esc cancel",
            message: state.confirmingDiscard ? "Discard what you wrote? y discards, any other key keeps writing." : state.error,
            messageSlot: state.confirmingDiscard ? .warning : .danger, messageLines: 2)
    }

    // MARK: Reassign

    static func updateReassign(_ state: inout EscalationReassignState, _ key: Key) -> DialogOutcome {
        switch key {
        case .escape: return .close
        case .down, .character("j"), .tab: state.cursor = min(max(0, state.owners.count - 1), state.cursor + 1)
        case .up, .character("k"), .backTab: state.cursor = max(0, state.cursor - 1)
        case .home, .character("g"): state.cursor = 0
        case .end, .character("G"): state.cursor = max(0, state.owners.count - 1)
        case .enter:
            guard state.owners.indices.contains(state.cursor) else {
                state.error = "Nobody to reassign to: there is no supervisor or director."
                return .stay
            }
            let login = state.owners[state.cursor]
            guard login != state.currentOwner else {
                state.error = "\(login) already owns it: pick someone else, or Esc."
                return .stay
            }
            state.error = nil
            return .escalationDialog(.step(escalationID: state.target.id, .reassign(ownerLogin: login),
                                           expectedVersion: state.target.version))
        default: break
        }
        return .stay
    }

    /// A click or wheel step in the open dialog: the reassign list and the filter's lines take clicks (see
    /// `mouse` in each); true when it goes on as Enter, nil when nothing changed. The text dialogs hold one
    /// field, so a click there has nothing to move.
    static func mouse(_ dialog: inout EscalationDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        switch dialog {
        case .reassign(var state):
            defer { dialog = .reassign(state) }
            return DialogMouse.list(&state, event, cursor: \.cursor,
                                    rows: { reassignLayout($0, rows: size.rows, columns: size.columns).owners }) {
                _ = updateReassign(&$0, $1)
            }
        case .filter(var state):
            defer { dialog = .filter(state) }
            return DialogMouse.focus(&state, event, \.section, in: filterLayout(rows: size.rows, columns: size.columns).sections)
        case .resolve, .note:
            return nil
        }
    }

    /// The reassign box and the owners' rows shown (each owner's index): one computation for drawing and clicks.
    static func reassignLayout(_ state: EscalationReassignState, rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), owners: [HitZone<Int>]) {
        let listRows = min(max(1, state.owners.count), 10)
        let frame = Canvas.centredFrame(height: listRows + 7, width: 60, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 4, inner.height > 4 else { return (frame, []) }
        let shown = max(1, min(listRows, inner.height - 4))
        let top = max(0, min(state.cursor - shown + 1, state.owners.count - shown))
        let owners = Array(state.owners.indices.dropFirst(top).prefix(shown))
        return (frame, HitZone.stacked(owners, top: inner.top + 2, end: Int.max, inner: inner))
    }

    static func renderReassign(_ state: EscalationReassignState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = reassignLayout(state, rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width,
                                      title: "Reassign the escalation of order " + state.target.orderNumber)
        guard inner.width > 4, inner.height > 4 else { return }
        canvas.cell("Now: " + (state.currentOwner ?? "nobody") + " · pick the new owner", row: inner.top, column: inner.left,
                    width: inner.width, style: theme.style(.muted))
        if state.owners.isEmpty {
            canvas.cell("No supervisor or director to pick.", row: inner.top + 2, column: inner.left, width: inner.width,
                        style: theme.style(.muted))
        }
        for zone in l.owners {
            let login = state.owners[zone.target]
            let isCursor = zone.target == state.cursor
            let text = (isCursor ? "▸ " : "  ") + login + (login == state.currentOwner ? "  (owns it now)" : "")
            canvas.cell(text, row: zone.row, column: zone.left, width: zone.width,
                        style: theme.style(isCursor ? .tableCursor : .dialog))
        }
        canvas.dialogFooter(inner, hint: "↑↓ choose · Enter reassign · Esc cancel", message: state.error, messageLines: 2)
    }

    // MARK: Filter

    static let statuses = EscalationStatusFilter.allCases
    static let severities: [EscalationSeverity?] = [nil] + EscalationSeverity.allCases
    static let reasons: [EscalationReason?] = [nil] + EscalationReason.allCases

    static func updateFilter(_ state: inout EscalationFilterDialogState, _ key: Key) -> DialogOutcome {
        let sections = EscalationFilterDialogState.Section.allCases
        switch key {
        case .escape: return .close
        case .enter: return .escalationDialog(.applyFilter(state.draft))
        case .tab, .down, .character("j"):
            state.section = sections[(state.section.rawValue + 1) % sections.count]
        case .backTab, .up, .character("k"):
            state.section = sections[(state.section.rawValue + sections.count - 1) % sections.count]
        case .control("u"):
            state.draft = EscalationFilter(involvingLogin: state.draft.involvingLogin)
        case .right, .left, .character(" "), .character("l"), .character("h"):
            let step = key == .left || key == .character("h") ? -1 : 1
            switch state.section {
            case .status: state.draft.status = cycle(statuses, state.draft.status, step)
            case .severity: state.draft.severity = cycle(severities, state.draft.severity, step)
            case .owner: state.draft.ownerLogin = cycle([nil] + state.owners.map(Optional.some), state.draft.ownerLogin, step)
            case .reason: state.draft.reason = cycle(reasons, state.draft.reason, step)
            }
        default: break
        }
        return .stay
    }

    private static func cycle<T: Equatable>(_ values: [T], _ current: T, _ step: Int) -> T {
        let i = values.firstIndex(of: current) ?? 0
        return values[(i + step + values.count) % values.count]
    }

    /// The filter box and each section's line (those above the footer): one computation for drawing and clicks.
    static func filterLayout(rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), sections: [HitZone<EscalationFilterDialogState.Section>]) {
        let frame = Canvas.centredFrame(height: 12, width: 70, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 10, inner.height > 4 else { return (frame, []) }
        return (frame, HitZone.stacked(EscalationFilterDialogState.Section.allCases, top: inner.top + 1,
                                       end: inner.top + inner.height - 2, inner: inner))
    }

    static func renderFilter(_ state: EscalationFilterDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = filterLayout(rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Filter the escalations")
        guard inner.width > 10, inner.height > 4 else { return }
        let rows = Dictionary(uniqueKeysWithValues: l.sections.map { ($0.target, $0.row) })
        func line(_ text: String, _ section: EscalationFilterDialogState.Section) {
            guard let row = rows[section] else { return }
            let focused = state.section == section
            canvas.cell((focused ? "▸ " : "  ") + text, row: row, column: inner.left, width: inner.width,
                        style: focused ? theme.style(.accent) : theme.style(.dialog))
        }
        let d = state.draft
        line("Status   ◂ " + d.status.label + " ▸", .status)
        line("Severity ◂ " + (d.severity?.label ?? "any") + " ▸", .severity)
        line("Owner    ◂ " + (d.ownerLogin ?? "anyone") + " ▸", .owner)
        line("Reason   ◂ " + (d.reason?.label ?? "any") + " ▸", .reason)
        // A blank row under the four lines.
        let y = inner.top + 1 + EscalationFilterDialogState.Section.allCases.count + 1
        if y < inner.top + inner.height - 2 {
            let shows = d.isDefault ? "Shows every open or acknowledged escalation" : "Shows: " + d.summary
            let own = d.involvingLogin.map { " — only yours (" + $0 + "): account managers see their own" } ?? "."
            ContractDialogs.paragraph(shows + own, on: canvas, row: y, left: inner.left, width: inner.width,
                                      limit: max(1, inner.top + inner.height - 2 - y), slot: .muted)
        }
        canvas.dialogFooter(inner, hint: "↑↓ choose · ←→ change · Enter apply · Ctrl-U clear · Esc cancel")
    }
}
