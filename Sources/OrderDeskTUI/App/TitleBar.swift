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

    /// The tabs at `columns`, the current one in full; when the crumbs would not fit, the other tabs
    /// shrink to their keys (the contracts tab keeps its count of contracts awaiting the user).
    static func make(current: DeskScreen, contractsLabel: String, contractsShort: String, crumbs: [String],
                     columns: Int) -> TitleBarLayout {
        let tabs: [(DeskScreen, String, String)] = [(.queue, "1", "Queue"), (.customers, "2", "Customers"),
                                                    (.contracts, "3", contractsLabel), (.reconcile, "4", "Reconcile"),
                                                    (.status, "5", "Status"), (.reports, "6", "Reports")]
        // With crumbs, room is kept for a little of who and where at the right.
        let fullWidth = tabs.reduce(0) { $0 + DisplayWidth.of($1.2) + 4 } + crumbs.reduce(0) { $0 + DisplayWidth.of($1) }
        let needed = fullWidth + (crumbs.isEmpty ? 0 : 10)
        // The tabs' names matter more than the desk's own: at 80 columns the title gives way to them.
        let compact = 12 + needed > columns && needed + 8 > columns
        let showsTitle = compact || 12 + needed <= columns
        var x = showsTitle ? 12 : 0
        var placed: [Tab] = []
        for (screen, key, name) in tabs {
            let short = screen == .contracts ? contractsShort : ""
            let label = compact && current != screen
                ? " " + key + (short.isEmpty ? "" : " " + short) + " " : " " + key + " " + name + " "
            let width = DisplayWidth.of(label)
            placed.append(Tab(screen: screen, label: label, x: x, width: width))
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
        return TitleBarLayout.make(current: state.screen, contractsLabel: contractsTabLabel(compact: false),
                                   contractsShort: contractsTabLabel(compact: true), crumbs: crumbs,
                                   columns: terminal.size.columns)
    }
}
