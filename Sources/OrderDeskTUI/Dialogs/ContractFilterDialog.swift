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

    public static func render(_ state: ContractFilterDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: 13, width: 70, title: "Filter the contracts")
        guard inner.width > 10, inner.height > 4 else { return }
        func line(_ text: String, _ section: ContractFilterDialogState.Section, row: Int) {
            guard row < inner.top + inner.height - 2 else { return }
            let focused = state.section == section
            canvas.cell((focused ? "▸ " : "  ") + text, row: row, column: inner.left, width: inner.width,
                        style: focused ? theme.style(.accent) : theme.style(.dialog))
        }
        func box(_ on: Bool) -> String { on ? "[x] " : "[ ] " }
        let d = state.draft
        var y = inner.top + 1
        line("Status   ◂ " + (d.status?.label ?? "any") + " ▸", .status, row: y); y += 1
        line("Kind     ◂ " + (d.kind?.label ?? "any") + " ▸", .kind, row: y); y += 1
        line("Owner    ◂ " + (d.ownerLogin ?? "anyone") + " ▸", .owner, row: y); y += 2
        line(box(d.awaitingMyApproval) + "Awaiting my approval (the inbox: i on the list)", .awaiting, row: y); y += 1
        line(box(d.dueForRenewal) + "Due for renewal (active, ending within \(ContractSummary.renewalWindowDays) days)",
             .renewal, row: y); y += 2
        if y < inner.top + inner.height - 2 {
            canvas.cell(d.isEmpty ? "Shows every contract." : "Shows: " + d.summary, row: y, column: inner.left,
                        width: inner.width, style: theme.style(.muted))
        }
        canvas.dialogFooter(inner, hint: "↑↓ choose · ←→ change · Enter apply · Ctrl-U clear · Esc cancel")
    }
}
