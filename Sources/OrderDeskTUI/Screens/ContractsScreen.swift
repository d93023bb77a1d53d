import OrderDeskCore
import OrderDeskTerminal

/// Why a page of the contracts list was asked for, so the answer can be merged into the window.
public typealias ContractsFetchPurpose = KeysetListPurpose<ContractRow>

/// The contracts list (tab 3): a window of rows onto the contracts matching the filter, newest first.
public struct ContractsState: Hashable, Sendable, CountedKeysetList {
    public var filter = ContractFilter()
    /// The rows on screen and the cursor among them.
    public var window = KeysetWindow<ContractRow>(visibleRows: 19)
    /// Contracts matching the filter, when counted (a lower bound past the store's cap).
    public var total: QueueTotal?
    /// Contracts waiting for the desk's user to approve them; nil for a user who approves nothing.
    public var awaitingMe: QueueTotal?
    /// Whether the cursor's place in the whole list is known (not after jumping to the end of a list
    /// counted only to a lower bound, until the window goes back to the top).
    public var positionKnown = true
    /// False until the first page came (the list then says "Loading…" rather than "No contracts").
    public var loaded = false
    /// A count asked for while handling a key: done right after that key's frame is drawn.
    public var countPending = false

    public init() {}
}

/// What the contracts list asks the run loop to do (a fetch is mapped onto `ContractPageRequest`).
public typealias ContractsEffect = KeysetListEffect<ContractRow>

/// Messages into the contracts list.
public enum ContractsAction: Hashable, Sendable {
    case command(CommandID)
    case setFilter(ContractFilter)
    case loaded(ContractPage, ContractsFetchPurpose)
    case counted(QueueTotal)
    case resized(visibleRows: Int)
    /// Someone changed the data: reload the window where it stands.
    case refresh
}

public enum ContractsScreen {
    /// Rows of chrome around the table: title, filter line, header, message line, hints.
    public static let chromeRows = 5

    public static func update(_ state: inout ContractsState, _ action: ContractsAction) -> [ContractsEffect] {
        switch action {
        case .command(let command):
            if let motion = KeysetWindow<ContractRow>.Motion(command) {
                return state.effects(moving: motion)
            }
            switch command {
            case .contractsInbox:
                state.filter.awaitingMyApproval.toggle()
                return state.effectsOfRestart()
            case .contractsClearFilter:
                guard !state.filter.isEmpty else { return [] }
                state.filter = ContractFilter()
                return state.effectsOfRestart()
            case .refresh:
                return update(&state, .refresh)
            default:
                return []
            }

        case .setFilter(let filter):
            state.filter = filter
            return state.effectsOfRestart()

        case .loaded(let page, let purpose):
            return state.effects(merging: KeysetListPage(rows: page.rows, hasMoreAfter: page.hasMoreAfter,
                                                         hasMoreBefore: page.hasMoreBefore), for: purpose)

        case .counted(let total):
            state.takeCount(total)
            return []

        case .resized(let visible):
            return state.effects(resizingTo: visible)

        case .refresh:
            return state.effectsOfReload()
        }
    }

    // MARK: Rendering

    enum Column: Hashable, Sendable { case number, customer, kind, status, term, start, end, mrr, owner, needs }

    /// At 80 columns: number, customer, status, term, end, MRR and what it needs; wider screens add the
    /// owner, the kind and the start.
    static let columns: [TableColumn<Column>] = [
        TableColumn(.number, "Contract", width: 10),
        TableColumn(.customer, "Customer", width: 14, maxWidth: 40),
        TableColumn(.kind, "Kind", width: 11, drop: 3),
        TableColumn(.status, "Status", width: 16),
        TableColumn(.term, "Term", width: 4, alignRight: true, drop: 4),
        TableColumn(.start, "Start", width: 10, drop: 1),
        TableColumn(.end, "End", width: 10),
        TableColumn(.mrr, "MRR", width: 10, alignRight: true),
        TableColumn(.owner, "Owner", width: 11, drop: 2),
        TableColumn(.needs, "Needs", width: 10),
    ]

    /// The "needs" column: who must approve a pending contract, or the renewal marker of an active one
    /// ending within 90 days (the two never meet on one row).
    static func needs(_ row: ContractRow, today: Day) -> (String, ThemeSlot?) {
        if row.status == .pendingApproval { return (row.requiredLevel == .none ? "—" : row.requiredLevel.rawValue, .warning) }
        if row.isDueForRenewal(today: today) { return (CustomerPanes.renewalMarker, .warning) }
        return ("", nil)
    }

    static func cell(_ column: Column, of row: ContractRow, today: Day) -> (String, ThemeSlot?) {
        switch column {
        case .number: return (row.number, nil)
        case .customer: return (row.customerName, nil)
        case .kind: return (row.kind.label, .muted)
        case .status: return (row.status.label, CustomerPanes.slot(row.status))
        case .term: return (String(row.termMonths) + "m", nil)
        case .start: return (row.startOn?.iso ?? "—", row.startOn == nil ? .muted : nil)
        case .end: return (row.endOn?.iso ?? "—", row.endOn == nil ? .muted : nil)
        case .mrr: return (row.mrr.grouped, nil)
        case .owner: return (row.ownerLogin ?? "—", .muted)
        case .needs: return needs(row, today: today)
        }
    }

    /// The screen row of the table's first data row (under the filter line and the header).
    static func firstRow(top: Int) -> Int { top + 2 }

    /// The index in `state.rows` of the row drawn at screen row `y`, for a click; nil off the rows.
    static func row(at y: Int, _ state: ContractsState, top: Int, bottom: Int) -> Int? {
        RowHit.index(row: y, firstRow: firstRow(top: top), end: bottom, count: state.rows.count)
    }

    public static func render(_ state: ContractsState, on canvas: Canvas, today: Day, top: Int, bottom: Int) {
        let theme = canvas.theme
        let width = canvas.columns
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }
        guard bottom > top else { return }

        // The filter line: what the list shows, then how many and (for an approver) how many wait.
        let counts = countText(state)
        let countsWidth = DisplayWidth.of(counts)
        canvas.cell(describe(state.filter), row: top, column: 0, width: max(0, width - countsWidth - 1),
                    style: theme.style(state.filter.isEmpty ? .muted : .accent))
        canvas.cell(counts, row: top, column: max(0, width - countsWidth), width: min(width, countsWidth),
                    style: theme.style((state.awaitingMe?.count ?? 0) > 0 ? .warning : .muted))
        guard bottom > top + 1 else { return }

        let layout = TableLayout.layout(columns, totalWidth: width)
        TableLayout.drawHeader(layout, on: canvas, row: top + 1)
        let firstRow = firstRow(top: top)
        if state.rows.isEmpty {
            for (i, line) in emptyMessage(state).flatMap({ TextWrap.lines($0, width: max(1, width - 4)) }).enumerated()
            where firstRow + 1 + i < bottom {
                canvas.text(line, row: firstRow + 1 + i, column: 2, style: theme.style(.muted))
            }
            return
        }
        for (i, row) in state.rows.enumerated() where firstRow + i < bottom {
            let y = firstRow + i
            let isCursor = i == state.cursor
            let base = isCursor ? theme.style(.tableCursor) : theme.style(.body)
            canvas.fill(row: y, style: base)
            for placed in layout {
                let (text, slot) = cell(placed.id, of: row, today: today)
                let own = slot.map { theme.style($0) }
                let style = isCursor ? base.adding(bold: own?.bold ?? false) : own ?? base
                canvas.cell(text, row: y, column: placed.x, width: placed.width, style: style, alignRight: placed.column.alignRight)
            }
        }
    }

    /// `all contracts, newest first · f filter · i awaiting my approval`, or the filter in words.
    static func describe(_ filter: ContractFilter) -> String {
        guard !filter.isEmpty else { return "all contracts, newest first · f filter · i inbox" }
        return "filter: " + filter.summary + " · F clears"
    }

    /// `4 await you · 1,234 contracts`, `10,000+ contracts`.
    static func countText(_ state: ContractsState) -> String {
        var parts: [String] = []
        if let awaiting = state.awaitingMe, awaiting.count > 0 {
            parts.append(count(awaiting) + (awaiting.count == 1 ? " awaits you" : " await you"))
        }
        if let total = state.total {
            parts.append(count(total) + (total.count == 1 && total.isExact ? " contract" : " contracts"))
        }
        return parts.joined(separator: " · ")
    }

    static func count(_ total: QueueTotal) -> String { Money.groupedInteger(total.count) + (total.isExact ? "" : "+") }

    /// What an empty list says: still loading, no contracts, nothing awaiting, or nothing matching.
    static func emptyMessage(_ state: ContractsState) -> [String] {
        if !state.loaded { return ["Loading contracts…"] }
        if state.filter.isEmpty { return ["No contracts yet. n starts one: pick the customer, then write the lines."] }
        if state.filter == ContractFilter(awaitingMyApproval: true) {
            return ["Nothing awaits your approval. i shows every contract again."]
        }
        return ["No contract matches: " + state.filter.summary + ".", "F clears the filter; f changes it."]
    }

    /// `12 of 1,234` (`12 of 10,000+` past the cap) for the footer.
    static func position(_ state: ContractsState) -> String {
        let total = state.total.map(count) ?? "…"
        if state.rows.isEmpty { return state.loaded ? "0 of " + total : "" }
        if !state.positionKnown { return (state.hasMoreAfter ? "near the end" : "last") + " of " + total }
        return Money.groupedInteger(state.cursorPosition) + " of " + total
    }
}
