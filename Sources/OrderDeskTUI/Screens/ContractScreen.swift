import OrderDeskCore
import OrderDeskTerminal

/// The parts of a contract's screen that Tab visits, in order.
public enum ContractSection: Int, CaseIterable, Hashable, Sendable {
    case lines, figures, route, history

    public var title: String {
        switch self {
        case .lines: return "Lines"
        case .figures: return "Figures"
        case .route: return "Route"
        case .history: return "History"
        }
    }
}

/// One contract's screen, shown over the current tab (and over a customer's screen): its header fixed at
/// the top, then the lines, the figures, the approval route and the history. On a small terminal they
/// scroll as one document that Tab jumps through; on a large one the figures stand beside the rest.
public struct ContractState: Hashable, Sendable {
    public var contractID: Int64
    /// Nil until loaded.
    public var detail: ContractDetail?
    /// The section Tab moved to last, or the one at the top of the view after scrolling.
    public var section = ContractSection.lines
    /// The first line of the scrolling part on screen.
    public var scroll = 0

    public init(contractID: Int64, detail: ContractDetail? = nil) { self.contractID = contractID; self.detail = detail }
}

/// Where the contract screen draws: the content area of the desk and whether the figures stand beside.
struct ContractLayout: Hashable, Sendable {
    var columns: Int
    var top: Int
    var bottom: Int
    /// The terminal's rows (the wide layout needs height as well as width).
    var rows: Int

    /// 120×40 and the like: the figures in a column of their own, beside the route and the history.
    var wide: Bool { columns >= 110 && rows >= 30 }

    /// The width of the scrolling part.
    var documentWidth: Int { columns - 2 }
}

public enum ContractScreen {
    // MARK: Commands

    /// The commands the footer offers for this contract and this user: the lifecycle's steps from its
    /// status (approve and reject for approvers, terminate for supervisors and directors), the addendum and
    /// the renewal where they apply. `?` lists them all; the others answer with the reason they do not apply.
    public static func commands(for detail: ContractDetail?, user: UserAccount) -> Set<CommandID> {
        var set: Set<CommandID> = [.contractNextSection, .contractPreviousSection]
        guard let d = detail else { return set }
        for action in ContractLifecycle.actions(from: d.status) {
            switch action {
            case .edit: set.insert(.contractEdit)
            case .submit: set.insert(.contractSubmit)
            case .withdraw: set.insert(.contractWithdraw)
            case .approve where user.role.approvalLevel != .none: set.insert(.contractApprove)
            case .reject where user.role.approvalLevel != .none: set.insert(.contractReject)
            case .send: set.insert(.contractSend)
            case .activate: set.insert(.contractActivate)
            case .terminate where user.role.approvalLevel != .none: set.insert(.contractTerminate)
            default: break
            }
        }
        if d.status == .active { set.insert(.contractAddendum) }
        if d.status == .active || d.status == .expired { set.insert(.contractRenew) }
        return set
    }

    // MARK: Update

    /// Scrolls or jumps between sections; returns false when the command is not one of those.
    @discardableResult
    static func update(_ state: inout ContractState, _ command: CommandID, layout: ContractLayout, today: Day) -> Bool {
        guard let detail = state.detail else {
            return [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .contractNextSection, .contractPreviousSection]
                .contains(command)
        }
        let (lines, anchors) = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide)
        let visible = bodyRows(detail, layout: layout, today: today)
        let maxScroll = maxScroll(lines.count, anchors, visible: visible)
        let sections = ContractSection.allCases.filter { anchors[$0] != nil }
        switch command {
        case .moveDown: state.scroll = min(maxScroll, state.scroll + 1)
        case .moveUp: state.scroll = max(0, state.scroll - 1)
        case .pageDown: state.scroll = min(maxScroll, state.scroll + max(1, visible - 1))
        case .pageUp: state.scroll = max(0, state.scroll - max(1, visible - 1))
        case .first: state.scroll = 0
        case .last: state.scroll = maxScroll
        case .contractNextSection, .contractPreviousSection:
            let i = sections.firstIndex(of: state.section) ?? 0
            let step = command == .contractNextSection ? 1 : sections.count - 1
            state.section = sections[(i + step) % sections.count]
            state.scroll = min(maxScroll, anchors[state.section] ?? 0)
            return true
        default:
            return false
        }
        // After scrolling, the section is the last one starting at or above the top of the view.
        state.section = sections.last { (anchors[$0] ?? 0) <= state.scroll } ?? .lines
        return true
    }

    /// How far the view scrolls: to the end of the document, or until the last section's heading is at the
    /// top (so Tab always brings a section to the top, with room below a short last one).
    static func maxScroll(_ count: Int, _ anchors: [ContractSection: Int], visible: Int) -> Int {
        max(0, count - visible, anchors.values.max() ?? 0)
    }

    /// A fresh detail (or a new size): the scroll stays where it was, within the new limits.
    static func clamp(_ state: inout ContractState, layout: ContractLayout, today: Day) {
        guard let detail = state.detail else { return }
        let (lines, anchors) = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide)
        let visible = bodyRows(detail, layout: layout, today: today)
        state.scroll = max(0, min(state.scroll, maxScroll(lines.count, anchors, visible: visible)))
        if anchors[state.section] == nil { state.section = .lines }
    }

    /// Rows left for the scrolling part under the header (and the section strip on a small terminal).
    static func bodyRows(_ detail: ContractDetail, layout: ContractLayout, today: Day) -> Int {
        let header = ContractPanes.header(detail, width: layout.columns - 2, today: today).count
        return max(1, layout.bottom - layout.top - header - (layout.wide ? 1 : 2))
    }

    /// `rows 1–15 of 34` for the footer.
    static func position(_ state: ContractState, layout: ContractLayout, today: Day) -> String {
        guard let detail = state.detail else { return "" }
        let count = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide).lines.count
        let visible = bodyRows(detail, layout: layout, today: today)
        guard count > visible else { return state.section.title.lowercased() }
        let last = min(count, state.scroll + visible)
        guard last > state.scroll else { return state.section.title.lowercased() }
        return state.section.title.lowercased() + " · rows \(state.scroll + 1)–\(last) of \(count)"
    }

    // MARK: Rendering

    static func render(_ state: ContractState, on canvas: Canvas, layout: ContractLayout, today: Day) {
        let theme = canvas.theme
        let top = layout.top, bottom = layout.bottom
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }
        guard let detail = state.detail else {
            canvas.text("Loading the contract…", row: top + 1, column: 2, style: theme.style(.muted))
            return
        }
        let header = ContractPanes.header(detail, width: layout.columns - 2, today: today)
        for (i, line) in header.enumerated() where top + i < bottom {
            CustomerScreen.drawSegments(line, on: canvas, row: top + i, column: 1)
        }
        var y = top + header.count
        if !layout.wide {
            renderStrip(state, detail, on: canvas, row: y)
            y += 1
        }
        y += 1  // a blank row under the header
        guard y < bottom else { return }
        let (lines, _) = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide)
        for (i, line) in lines.dropFirst(state.scroll).enumerated() where y + i < bottom {
            ContractPanes.draw(line, on: canvas, row: y + i, left: 1, width: layout.documentWidth)
        }
    }

    /// `[Lines 3] · Figures · Route 2 · History 6`: where Tab goes, the current section bracketed.
    static func renderStrip(_ state: ContractState, _ d: ContractDetail, on canvas: Canvas, row: Int) {
        let counts: [ContractSection: Int] = [.lines: d.terms.lines.count, .route: d.assessment.route.reasons.count,
                                              .history: d.history.count]
        let labels = ContractSection.allCases.map { section -> (ContractSection, String) in
            let label = section.title + (counts[section].map { " " + String($0) } ?? "")
            return (section, section == state.section ? "[" + label + "]" : label)
        }
        var x = 1
        for (i, (section, label)) in labels.enumerated() {
            if i > 0 {
                canvas.cell(" · ", row: row, column: x, width: 3, style: canvas.style(.muted))
                x += 3
            }
            let w = min(DisplayWidth.of(label), canvas.columns - x)
            guard w > 0 else { return }
            canvas.cell(label, row: row, column: x, width: w, style: canvas.style(section == state.section ? .tabActive : .body))
            x += w
        }
        let hint = "   Tab jumps · ↑↓ scroll"
        if x + DisplayWidth.of(hint) < canvas.columns {
            canvas.cell(hint, row: row, column: x, width: DisplayWidth.of(hint), style: canvas.style(.muted))
        }
    }
}
