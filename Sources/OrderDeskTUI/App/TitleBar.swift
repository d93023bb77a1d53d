import OrderDeskTerminal

/// Where the title bar's parts go at a width: computed by one function for drawing and for clicks, so a
/// click on a tab always lands on the tab that is drawn there.
struct TitleBarLayout: Hashable, Sendable {
    /// One tab: its screen, its text (with the padding) and the cells it covers.
    struct Tab: Hashable, Sendable {
        var screen: DeskScreen
        var label: String
        var x: Int
        var width: Int
    }

    /// Whether " OrderDesk " is drawn at the left (it gives way to the tabs at 80 columns).
    var showsTitle: Bool
    var tabs: [Tab]
    /// The crumbs after the tabs (the open run, customer, contract, order).
    var crumbs: [String]
    /// The first column after the tabs, where the crumbs start.
    var tabsEnd: Int

    /// The tab drawn at a column of row 0, if any.
    func tab(atColumn column: Int) -> DeskScreen? {
        tabs.first { column >= $0.x && column < $0.x + $0.width }?.screen
    }

    /// The contracts tab's label in its three lengths: "Contracts (4 awaiting you)", "Contracts (4)" and
    /// "(4)" for compact tabs (with nothing awaiting: "Contracts", "Contracts" and "").
    struct ContractsLabels: Hashable, Sendable {
        var full: String
        var medium: String
        var short: String
    }

    /// The tabs at `columns`, using the room in this order: the title and every name in full; the names
    /// without the title (keeping 8 columns for who is signed in); the names with the contracts count
    /// shortened and nothing at the right; and only when even that does not fit (a narrow terminal, or
    /// crumbs to show), compact tabs: the current one in full, the others their keys (the contracts tab keeps
    /// its count of contracts awaiting the user).
    static func make(current: DeskScreen, contracts: ContractsLabels, crumbs: [String], columns: Int) -> TitleBarLayout {
        func names(_ contractsLabel: String) -> [(DeskScreen, String, String)] {
            [(.queue, "1", "Queue"), (.customers, "2", "Customers"), (.contracts, "3", contractsLabel),
             (.reconcile, "4", "Reconcile"), (.status, "5", "Status"), (.reports, "6", "Reports")]
        }
        // With crumbs, room is kept for a little of who and where at the right.
        func needed(_ contractsLabel: String) -> Int {
            names(contractsLabel).reduce(0) { $0 + DisplayWidth.of($1.2) + 4 } + crumbs.reduce(0) { $0 + DisplayWidth.of($1) }
                + (crumbs.isEmpty ? 0 : 10)
        }
        // The tabs' names matter more than the desk's own: at 80 columns the title gives way to them.
        let (showsTitle, label, compact): (Bool, String, Bool)
        if 12 + needed(contracts.full) <= columns {
            (showsTitle, label, compact) = (true, contracts.full, false)
        } else if needed(contracts.full) + 8 <= columns {
            (showsTitle, label, compact) = (false, contracts.full, false)
        } else if needed(contracts.medium) <= columns {
            (showsTitle, label, compact) = (false, contracts.medium, false)
        } else {
            (showsTitle, label, compact) = (true, contracts.full, true)
        }
        var x = showsTitle ? 12 : 0
        var placed: [Tab] = []
        for (screen, key, name) in names(label) {
            let short = screen == .contracts ? contracts.short : ""
            let text = compact && current != screen
                ? " " + key + (short.isEmpty ? "" : " " + short) + " " : " " + key + " " + name + " "
            let width = DisplayWidth.of(text)
            placed.append(Tab(screen: screen, label: text, x: x, width: width))
            x += width
        }
        return TitleBarLayout(showsTitle: showsTitle, tabs: placed, crumbs: crumbs, tabsEnd: x)
    }
}

extension DeskScreen {
    /// The command that shows this screen (what its tab's number key runs).
    var command: CommandID {
        switch self {
        case .queue: return .queueScreen
        case .customers: return .customersScreen
        case .contracts: return .contractsScreen
        case .reconcile: return .reconcileScreen
        case .status: return .statusScreen
        case .reports: return .reportsScreen
        }
    }
}

extension DeskApp {
    /// The title bar as it is drawn now.
    var titleBarLayout: TitleBarLayout {
        var crumbs: [String] = []
        if state.screen == .reconcile, let run = state.run { crumbs.append(" › Run #\(run.run.id) ") }
        if let crumb = customerCrumb { crumbs.append(crumb) }
        if let crumb = contractCrumb { crumbs.append(crumb) }
        if let detail = state.detail { crumbs.append(" › Order " + (detail.detail?.row.orderNumber ?? "…") + " ") }
        return TitleBarLayout.make(current: state.screen, contracts: contractsTabLabels, crumbs: crumbs,
                                   columns: terminal.size.columns)
    }
}
