import OrderDeskCore
import OrderDeskTerminal

/// Narrowing the contracts list: a status, a kind, an owner, what awaits my approval, what is due for renewal.
public struct ContractFilterDialogState: Hashable, Sendable {
    public enum Section: Int, CaseIterable, Sendable { case status, kind, owner, awaiting, renewal }

    public var draft: ContractFilter
    /// The owner filter's choices (logins that own contracts).
    public var owners: [String]
    public var section = Section.status

    public init(filter: ContractFilter, owners: [String]) {
        draft = filter
        // An owner filtered on earlier stays a choice even when the list of owners no longer has it.
        self.owners = owners + (filter.ownerLogin.map { owners.contains($0) ? [] : [$0] } ?? [])
    }
}

public enum ContractFilterDialog {
    static let statuses: [ContractStatus?] = [nil] + ContractStatus.allCases
    static let kinds: [ContractKind?] = [nil] + ContractKind.allCases

    public static func update(_ state: inout ContractFilterDialogState, _ key: Key) -> DialogOutcome {
        let sections = ContractFilterDialogState.Section.allCases
        switch key {
        case .escape: return .close
        case .enter: return .contractDialog(.applyFilter(state.draft))
        case .tab, .down, .character("j"):
            state.section = sections[(state.section.rawValue + 1) % sections.count]
        case .backTab, .up, .character("k"):
            state.section = sections[(state.section.rawValue + sections.count - 1) % sections.count]
        case .control("u"):
            state.draft = ContractFilter()
        case .right, .left, .character(" "), .character("l"), .character("h"), .character("x"):
            let step = key == .left || key == .character("h") ? -1 : 1
            switch state.section {
            case .status: state.draft.status = cycle(statuses, state.draft.status, step)
            case .kind: state.draft.kind = cycle(kinds, state.draft.kind, step)
            case .owner: state.draft.ownerLogin = cycle([nil] + state.owners.map(Optional.some), state.draft.ownerLogin, step)
            case .awaiting: state.draft.awaitingMyApproval.toggle()
            case .renewal: state.draft.dueForRenewal.toggle()
            }
        default: break
        }
        return .stay
    }

    private static func cycle<T: Equatable>(_ values: [T], _ current: T, _ step: Int) -> T {
        let i = values.firstIndex(of: current) ?? 0
        return values[(i + step + values.count) % values.count]
    }

    /// The box and each section's line (those above the footer): one computation for drawing and clicks.
    static func layout(rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), sections: [HitZone<ContractFilterDialogState.Section>],
            summary: Int) {
        let frame = Canvas.centredFrame(height: 13, width: 70, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        // Status, kind and owner together; a blank row; the two check boxes; a blank row; the summary.
        let offsets: [ContractFilterDialogState.Section: Int] = [.status: 1, .kind: 2, .owner: 3, .awaiting: 5, .renewal: 6]
        let sections = ContractFilterDialogState.Section.allCases
            .map { HitZone(row: inner.top + offsets[$0]!, left: inner.left, width: inner.width, target: $0) }
            .filter { $0.row < inner.top + inner.height - 2 }
        return (frame, inner.width > 10 && inner.height > 4 ? sections : [], inner.top + 8)
    }

    /// A click on a section's line moves there, as ↑↓ would. Nil when the click is on none.
    static func mouse(_ state: inout ContractFilterDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        DialogMouse.focus(&state, event, \.section, in: layout(rows: size.rows, columns: size.columns).sections)
    }

    public static func render(_ state: ContractFilterDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = layout(rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Filter the contracts")
        guard inner.width > 10, inner.height > 4 else { return }
        let rows = Dictionary(uniqueKeysWithValues: l.sections.map { ($0.target, $0.row) })
        func line(_ text: String, _ section: ContractFilterDialogState.Section) {
            guard let row = rows[section] else { return }
            let focused = state.section == section
            canvas.cell((focused ? "▸ " : "  ") + text, row: row, column: inner.left, width: inner.width,
                        style: focused ? theme.style(.accent) : theme.style(.dialog))
        }
        func box(_ on: Bool) -> String { on ? "[x] " : "[ ] " }
        let d = state.draft
        line("Status   ◂ " + (d.status?.label ?? "any") + " ▸", .status)
        line("Kind     ◂ " + (d.kind?.label ?? "any") + " ▸", .kind)
        line("Owner    ◂ " + (d.ownerLogin ?? "anyone") + " ▸", .owner)
        line(box(d.awaitingMyApproval) + "Awaiting my approval (the inbox: i on the list)", .awaiting)
        line(box(d.dueForRenewal) + "Due for renewal (active, ending within \(ContractSummary.renewalWindowDays) days)",
             .renewal)
        let y = l.summary
        if y < inner.top + inner.height - 2 {
            canvas.cell(d.isEmpty ? "Shows every contract." : "Shows: " + d.summary, row: y, column: inner.left,
                        width: inner.width, style: theme.style(.muted))
        }
        canvas.dialogFooter(inner, hint: "↑↓ choose · ←→ change · Enter apply · Ctrl-U clear · Esc cancel")
    }
}
