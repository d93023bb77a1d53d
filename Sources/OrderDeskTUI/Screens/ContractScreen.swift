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

    /// Jumps to a section (a click on its name), as Tab does when it reaches it: its heading to the top.
    static func jump(_ state: inout ContractState, to section: ContractSection, layout: ContractLayout, today: Day) {
        guard let detail = state.detail else { return }
        let (lines, anchors) = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide)
        guard let anchor = anchors[section] else { return }
        let visible = bodyRows(detail, layout: layout, today: today)
        state.section = section
        state.scroll = min(maxScroll(lines.count, anchors, visible: visible), anchor)
    }

    /// The section whose name is drawn at a cell, in the strip (small layout) or as a heading in the
    /// document; nil elsewhere or while loading.
    static func section(atRow y: Int, column x: Int, _ state: ContractState, layout: ContractLayout, today: Day)
        -> ContractSection? {
        guard let detail = state.detail else { return nil }
        let header = ContractPanes.header(detail, width: layout.columns - 2, today: today).count
        if !layout.wide, let section = stripLayout(state, detail, row: layout.top + header, columns: layout.columns)
            .sections.target(atRow: y, column: x) {
            return section
        }
        let top = bodyTop(headerRows: header, layout: layout)
        guard y >= top, y < layout.bottom, x >= 1, x < 1 + layout.documentWidth else { return nil }
        let (_, anchors) = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide)
        guard let section = anchors.first(where: { $0.value == state.scroll + y - top })?.key else { return nil }
        // In the wide layout the route and the history share their rows with the figures on the right.
        let beside = layout.wide && section != .lines
        return beside && x >= 1 + layout.documentWidth - ContractPanes.sideWidth - ContractPanes.sideGap ? nil : section
    }

    /// The first row of the scrolling part: under the header, the strip (small layout) and a blank row.
    static func bodyTop(headerRows: Int, layout: ContractLayout) -> Int {
        layout.top + headerRows + (layout.wide ? 0 : 1) + 1
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
        if !layout.wide { renderStrip(state, detail, on: canvas, row: top + header.count) }
        let y = bodyTop(headerRows: header.count, layout: layout)
        guard y < bottom else { return }
        let (lines, _) = ContractPanes.document(detail, width: layout.documentWidth, wide: layout.wide)
        for (i, line) in lines.dropFirst(state.scroll).enumerated() where y + i < bottom {
            ContractPanes.draw(line, on: canvas, row: y + i, left: 1, width: layout.documentWidth)
        }
    }

    /// Where each section's name goes in the strip and where the key hint starts (nil when it does not fit):
    /// one computation for drawing and for clicks.
    static func stripLayout(_ state: ContractState, _ d: ContractDetail, row: Int, columns: Int)
        -> (sections: [HitZone<ContractSection>], labels: [ContractSection: String], hint: Int?) {
        let counts: [ContractSection: Int] = [.lines: d.terms.lines.count, .route: d.assessment.route.reasons.count,
                                              .history: d.history.count]
        var labels: [ContractSection: String] = [:]
        var zones: [HitZone<ContractSection>] = []
        var x = 1
        for (i, section) in ContractSection.allCases.enumerated() {
            let label = section.title + (counts[section].map { " " + String($0) } ?? "")
            labels[section] = section == state.section ? "[" + label + "]" : label
            if i > 0 { x += 3 }
            let w = min(DisplayWidth.of(labels[section]!), columns - x)
            guard w > 0 else { return (zones, labels, nil) }
            zones.append(HitZone(row: row, left: x, width: w, target: section))
            x += w
        }
        return (zones, labels, x + DisplayWidth.of(stripHint) < columns ? x : nil)
    }

    static let stripHint = "   Tab jumps · ↑↓ scroll"

    /// `[Lines 3] · Figures · Route 2 · History 6`: where Tab goes, the current section bracketed.
    static func renderStrip(_ state: ContractState, _ d: ContractDetail, on canvas: Canvas, row: Int) {
        let l = stripLayout(state, d, row: row, columns: canvas.columns)
        for (i, zone) in l.sections.enumerated() {
            if i > 0 { canvas.cell(" · ", row: row, column: zone.left - 3, width: 3, style: canvas.style(.muted)) }
            canvas.cell(l.labels[zone.target]!, row: row, column: zone.left, width: zone.width,
                        style: canvas.style(zone.target == state.section ? .tabActive : .body))
        }
        if let x = l.hint {
            canvas.cell(stripHint, row: row, column: x, width: DisplayWidth.of(stripHint), style: canvas.style(.muted))
        }
    }
}
