import OrderDeskCore
import OrderDeskTerminal

// The lifecycle's steps that need something from the person: a confirmation that says who must approve,
// a decision with a comment, the day service starts, the day and reason of a termination. Each keeps what
// was typed when the desk refuses it, and takes the new version after a conflict.

// MARK: Submit

/// Submitting a draft: the live route says who must approve and why before it goes.
public struct ContractSubmitDialogState: Hashable, Sendable {
    public var contractID: Int64
    public var number: String
    public var version: Int64
    public var route: ApprovalRoute
    public var error: String?

    public init(detail: ContractDetail) {
        contractID = detail.id; number = detail.number; version = detail.version; route = detail.assessment.route
    }
}

public enum ContractSubmitDialog {
    public static func update(_ state: inout ContractSubmitDialogState, _ key: Key) -> DialogOutcome {
        switch key {
        case .escape, .character("n"): return .close
        case .enter, .character("y"):
            return .contractDialog(.step(contractID: state.contractID, .submit, expectedVersion: state.version))
        default: return .stay
        }
    }

    /// What happens on submission, in words.
    static func outcome(_ route: ApprovalRoute) -> String {
        switch route.level {
        case .none: return "It becomes approved at once; t then marks it sent."
        case .supervisor: return "It goes to the supervisors' approvals inbox; it is read-only until approved, rejected or withdrawn."
        case .director: return "It goes to the directors' approvals inbox; it is read-only until approved, rejected or withdrawn."
        }
    }

    public static func render(_ state: ContractSubmitDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let width = min(74, canvas.columns - 2) - 4
        let summary = TextWrap.lines(state.route.summary, width: max(10, width))
        // The summary, the reasons, a blank, what happens next (2), the message (2) and the hint, in a frame.
        let height = summary.count + min(state.route.reasons.count, 6) + 8
        let inner = canvas.centredBox(height: height, width: 74, title: "Submit \(state.number) for approval?")
        guard inner.width > 10, inner.height > 4 else { return }
        let slot: ThemeSlot = state.route.level == .director ? .danger : state.route.level == .supervisor ? .warning : .ok
        let limit = inner.height - 3
        var y = inner.top
        y += ContractDialogs.paragraph(state.route.summary, on: canvas, row: y, left: inner.left, width: inner.width,
                                       limit: min(summary.count, limit), slot: slot)
        for reason in state.route.reasons.prefix(6) where y < inner.top + limit - 2 {
            let text = "• " + DisplayWidth.pad(reason.level.rawValue, to: 11) + reason.rule.title
            canvas.cell(text, row: y, column: inner.left + 2, width: inner.width - 2, style: theme.style(.dialog))
            y += 1
        }
        y += 1
        if y < inner.top + limit {
            ContractDialogs.paragraph(outcome(state.route), on: canvas, row: y, left: inner.left, width: inner.width,
                                      limit: inner.top + limit - y, slot: .muted)
        }
        canvas.dialogFooter(inner, hint: "Enter submit · Esc cancel", message: state.error, messageLines: 2)
    }
}

// MARK: Approve or reject

/// Approving or rejecting a pending contract: its key figures (the ones that break a rule flagged), the
/// route, and a comment (required to reject, and to approve a negative NPV).
public struct ContractDecisionDialogState: Hashable, Sendable {
    public var approve: Bool
    public var contractID: Int64
    public var number: String
    public var version: Int64
    public var needsComment: Bool
    public var submitter: String?
    public var figures: [ContractFiguresPanel.Row]
    public var route: String
    public var comment = TextField()
    public var confirmingDiscard = false
    public var error: String?

    public init(detail: ContractDetail, approve: Bool) {
        self.approve = approve
        contractID = detail.id; number = detail.number; version = detail.version
        needsComment = detail.needsComment || detail.assessment.route.needsComment
        submitter = detail.submittedByLogin
        let (figures, route) = detail.assessment
        self.figures = ContractFiguresPanel.rows(figures, route: route, policy: detail.policy, schedule: false)
        self.route = route.summary
    }

    /// Whether the step needs a comment.
    public var commentRequired: Bool { !approve || needsComment }
}

public enum ContractDecisionDialog {
    public static func update(_ state: inout ContractDecisionDialogState, _ key: Key) -> DialogOutcome {
        if let answer = DiscardQuestion.answer(&state.confirmingDiscard, key) { return answer }
        switch key {
        case .escape:
            return DiscardQuestion.escape(state.comment.text, asking: &state.confirmingDiscard)
        case .enter, .control("s"):
            let text = state.comment.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty && !state.approve {
                state.error = "A rejection needs a comment: tell " + (state.submitter ?? "the submitter") + " what to change."
                return .stay
            }
            if text.isEmpty && state.needsComment {
                state.error = "\(state.number) has a negative NPV: a director approves it only with a comment that says why."
                return .stay
            }
            state.error = nil
            let step: ContractStep = state.approve ? .approve(comment: text.isEmpty ? nil : text) : .reject(comment: text)
            return .contractDialog(.step(contractID: state.contractID, step, expectedVersion: state.version))
        default:
            if state.comment.handle(key) { state.error = nil }
            return .stay
        }
    }

    public static func render(_ state: ContractDecisionDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let title = state.approve ? "Approve \(state.number)" : "Reject \(state.number) back to draft"
        // As tall as the figures, the route, the comment, the message and the hint need, within the screen.
        let width = min(76, canvas.columns - 2) - 4
        let needed = state.figures.count + 1 + min(3, TextWrap.lines(state.route, width: max(1, width)).count) + 1 + 3 + 2 + 2
        let inner = canvas.centredBox(height: min(24, needed), width: 76, title: title)
        guard inner.width > 10, inner.height > 6 else { return }
        let routeLines = TextWrap.lines(state.route, width: inner.width)
        // Rows: figures, a blank, the route (up to 3), a blank, the comment's label and 2 rows, message, hint.
        let fixed = 1 + min(3, routeLines.count) + 1 + 3 + 2
        var figures = state.figures
        if figures.count > inner.height - fixed {
            // Not enough room: the figures that break a rule first, then the rest in order.
            let flagged = figures.filter { $0.flag != nil }
            figures = flagged + figures.filter { $0.flag == nil }
        }
        figures = Array(figures.prefix(max(0, inner.height - fixed)))
        var y = inner.top
        ContractFiguresPanel.draw(figures, on: canvas, top: y, left: inner.left, width: inner.width,
                                  height: figures.count, background: .dialog)
        y += figures.count + 1
        y += ContractDialogs.paragraph(state.route, on: canvas, row: y, left: inner.left, width: inner.width,
                                       limit: max(1, min(3, inner.top + inner.height - 5 - y)), slot: .warning)
        y += 1
        let label = "Comment" + (state.commentRequired ? " (required" + (state.approve ? ": the NPV is negative)" : ")") : " (optional)")
        guard y + 2 < inner.top + inner.height - 1 else { return }
        canvas.cell(label, row: y, column: inner.left, width: inner.width, style: theme.style(.accent))
        y += 1
        // The comment wraps over two rows; the latest words stay in view.
        let wrapped = TextWrap.lines(state.comment.text, width: inner.width)
        let shown = Array(wrapped.suffix(2))
        for r in 0..<2 {
            canvas.cell(r < shown.count ? shown[r] : "", row: y + r, column: inner.left, width: inner.width,
                        style: theme.style(.fieldFocus))
        }
        if !state.confirmingDiscard {
            let last = shown.last ?? ""
            canvas.terminal.setCursor(row: y + max(0, shown.count - 1),
                                      column: inner.left + min(inner.width - 1, DisplayWidth.of(last)))
        }
        let hint = (state.approve ? "Enter approve" : "Enter reject") + " · Esc cancel"
        canvas.dialogFooter(inner, hint: hint,
                            message: state.confirmingDiscard ? "Discard the comment? y discards, any other key keeps writing." : state.error,
                            messageSlot: state.confirmingDiscard ? .warning : .danger)
    }
}

// MARK: Activate

/// Activating a sent contract: it was countersigned, and service runs from the start date.
public struct ContractActivateDialogState: Hashable, Sendable {
    public var contractID: Int64
    public var number: String
    public var version: Int64
    public var termMonths: Int
    public var start: TextField
    public var error: String?

    /// The start date is prefilled with the contract's, or with `today` when it has none.
    public init(detail: ContractDetail, today: Day) {
        contractID = detail.id; number = detail.number; version = detail.version; termMonths = detail.terms.termMonths
        start = TextField((detail.terms.startOn ?? today).iso)
    }

    var startDay: Day? { Day(iso: start.text.trimmingCharacters(in: .whitespaces)) }
}

public enum ContractActivateDialog {
    public static func update(_ state: inout ContractActivateDialogState, _ key: Key) -> DialogOutcome {
        switch key {
        case .escape: return .close
        case .enter:
            guard let day = state.startDay else {
                state.error = "Start date: '\(state.start.text)' is not a date; type it as yyyy-MM-dd."
                return .stay
            }
            state.error = nil
            return .contractDialog(.step(contractID: state.contractID, .activate(startOn: day), expectedVersion: state.version))
        default:
            if state.start.handle(key) { state.error = nil }
            return .stay
        }
    }

    public static func render(_ state: ContractActivateDialogState, on canvas: Canvas) {
        let inner = canvas.centredBox(height: 10, width: 66, title: "Activate \(state.number)")
        guard inner.width > 10, inner.height > 4 else { return }
        ContractDialogs.paragraph("Countersigned by the customer: service and billing run from the start date.",
                                  on: canvas, row: inner.top, left: inner.left, width: inner.width, limit: 2)
        ContractDialogs.field("Start date", state.start, focused: true, on: canvas, row: inner.top + 2, left: inner.left,
                              labelWidth: 14, width: min(inner.width, 28))
        let end = state.startDay.map { "The \(state.termMonths)-month term then ends on "
            + ContractSummary.endDay(start: $0, months: state.termMonths).iso + "." } ?? "Type the date as yyyy-MM-dd."
        if inner.height > 6 {
            canvas.cell(end, row: inner.top + 4, column: inner.left, width: inner.width, style: canvas.style(.muted))
        }
        canvas.dialogFooter(inner, hint: "Enter activate · Esc cancel", message: state.error)
    }
}

// MARK: Terminate

/// Ending an active contract early: the last day of service and why (a supervisor or a director).
public struct ContractTerminateDialogState: Hashable, Sendable {
    public var contractID: Int64
    public var number: String
    public var version: Int64
    public var startOn: Day?
    public var endOn: Day?
    public var termMonths: Int
    public var netMRR: Money
    public var share: Percentage
    /// Construction and waived NRC, earned back over the term.
    public var unrecovered: Money
    public var day: TextField
    public var reason = TextField()
    /// 0: the day, 1: the reason.
    public var focus = 0
    public var error: String?

    public init(detail: ContractDetail, today: Day) {
        contractID = detail.id; number = detail.number; version = detail.version
        startOn = detail.terms.startOn; endOn = detail.terms.endOn; termMonths = detail.terms.termMonths
        let figures = detail.assessment.figures
        netMRR = figures.netMRR; share = detail.policy.earlyTerminationShare
        unrecovered = figures.constructionCost + figures.nrcWaived
        day = TextField(today.iso)
    }

    var terminationDay: Day? { Day(iso: day.text.trimmingCharacters(in: .whitespaces)) }

    /// The early-termination fee on a day: by whole months served since the start.
    func fee(on day: Day) -> Money? {
        guard let start = startOn else { return nil }
        let (y1, m1, d1) = start.components, (y2, m2, d2) = day.components
        let served = max(0, min(termMonths, (y2 * 12 + m2) - (y1 * 12 + m1) - (d2 < d1 ? 1 : 0)))
        return ContractFigures.earlyTerminationFee(served: served, term: termMonths, netMRR: netMRR, share: share,
                                                   unrecovered: unrecovered)
    }
}

public enum ContractTerminateDialog {
    public static func update(_ state: inout ContractTerminateDialogState, _ key: Key) -> DialogOutcome {
        switch key {
        case .escape: return .close
        case .tab, .backTab, .down, .up:
            state.focus = 1 - state.focus
            return .stay
        case .enter, .control("s"):
            guard let day = state.terminationDay else {
                state.error = "Last day: '\(state.day.text)' is not a date; type it as yyyy-MM-dd."
                state.focus = 0
                return .stay
            }
            if let start = state.startOn, day < start {
                state.error = "Last day: \(day.iso) is before the contract started (\(start.iso))."
                state.focus = 0
                return .stay
            }
            let reason = state.reason.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                state.error = "Give the reason for ending \(state.number) early: it goes on the contract's history."
                state.focus = 1
                return .stay
            }
            state.error = nil
            return .contractDialog(.step(contractID: state.contractID, .terminate(on: day, reason: reason),
                                         expectedVersion: state.version))
        default:
            let handled = state.focus == 0 ? state.day.handle(key) : state.reason.handle(key)
            if handled { state.error = nil }
            return .stay
        }
    }

    /// The box and the two fields' rows (the last day, the reason), under the term and a blank row: one
    /// computation for drawing and clicks.
    static func layout(rows: Int, columns: Int) -> (frame: (top: Int, left: Int, height: Int, width: Int), fields: [HitZone<Int>]) {
        let frame = Canvas.centredFrame(height: 13, width: 72, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 10, inner.height > 6 else { return (frame, []) }
        return (frame, HitZone.stacked([0, 1], top: inner.top + 2, step: 2, end: Int.max, inner: inner))
    }

    /// A click on a field focuses it, as Tab would. Nil when the click is on neither.
    static func mouse(_ state: inout ContractTerminateDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        DialogMouse.focus(&state, event, \.focus, in: layout(rows: size.rows, columns: size.columns).fields)
    }

    public static func render(_ state: ContractTerminateDialogState, on canvas: Canvas) {
        let l = layout(rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Terminate \(state.number) early")
        guard inner.width > 10, inner.height > 6 else { return }
        let term = (state.startOn?.iso ?? "—") + " → " + (state.endOn?.iso ?? "—")
        canvas.cell("Term " + term + " · MRR " + state.netMRR.grouped, row: inner.top, column: inner.left,
                    width: inner.width, style: canvas.style(.dialog))
        ContractDialogs.field("Last day", state.day, focused: state.focus == 0, on: canvas, row: l.fields[0].row,
                              left: inner.left, labelWidth: 12, width: min(inner.width, 26))
        ContractDialogs.field("Reason", state.reason, focused: state.focus == 1, on: canvas, row: l.fields[1].row,
                              left: inner.left, labelWidth: 12, width: inner.width, placeholder: "why it ends early (required)")
        let fee = state.terminationDay.flatMap { state.fee(on: $0) }
        if let fee, inner.height > 8 {
            canvas.cell("Early-termination fee on that day: $" + fee.grouped, row: inner.top + 6, column: inner.left,
                        width: inner.width, style: canvas.style(.warning))
        }
        canvas.dialogFooter(inner, hint: "Tab next field · Enter terminate · Esc cancel", message: state.error)
    }
}
