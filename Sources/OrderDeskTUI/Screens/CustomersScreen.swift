import OrderDeskCore
import OrderDeskTerminal

/// Why a page of the customers list was asked for, so the answer can be merged into the window.
public typealias CustomersFetchPurpose = KeysetListPurpose<CustomerSummary>

/// The customers list (tab 2): a window of rows onto the customers matching the search, sorted by name.
public struct CustomersState: Hashable, Sendable, CountedKeysetList {
    /// What the list is searched for (name, account number, phone, address); empty for everyone.
    public var search = ""
    /// The rows on screen and the cursor among them.
    public var window = KeysetWindow<CustomerSummary>(visibleRows: 19)
    /// Customers matching the search, when counted (a lower bound for a broad search).
    public var total: QueueTotal?
    /// Whether the cursor's place in the whole list is known: not after jumping to the end of a list
    /// whose count is only a lower bound, until the window goes back to the top.
    public var positionKnown = true
    /// Whether the search field has the keys.
    public var searching = false
    public var searchField = TextField()
    /// False until the first page came (the list then says "Loading…" rather than "No customers").
    public var loaded = false
    /// A count asked for while handling a key: done right after that key's frame is drawn.
    public var countPending = false

    public init() {}
}

/// What the customers list asks the run loop to do (a fetch is mapped onto `CustomerPageRequest`).
public typealias CustomersEffect = KeysetListEffect<CustomerSummary>

/// Messages into the customers list.
public enum CustomersAction: Hashable, Sendable {
    case command(CommandID)
    case searchKey(Key)
    case loaded(CustomerPage, CustomersFetchPurpose)
    case counted(QueueTotal)
    case resized(visibleRows: Int)
    /// Someone changed the data: reload the window where it stands.
    case refresh
}

public enum CustomersScreen {
    /// Rows of chrome around the table: title, search line, header, message line, hints.
    public static let chromeRows = 5

    public static func update(_ state: inout CustomersState, _ action: CustomersAction) -> [CustomersEffect] {
        switch action {
        case .command(let command):
            if let motion = KeysetWindow<CustomerSummary>.Motion(command) {
                return state.effects(moving: motion)
            }
            switch command {
            case .customersSearch:
                state.searching = true
                state.searchField = TextField(state.search)
                return []
            case .refresh:
                return update(&state, .refresh)
            default:
                return []
            }

        case .searchKey(let key):
            guard let text = SearchTyping.handle(key, field: &state.searchField, searching: &state.searching) else { return [] }
            guard text != state.search else { return [] }
            state.search = text
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

    enum Column: Hashable, Sendable { case name, account, phone, place, channel, open, mrr }

    static let columns: [TableColumn<Column>] = [
        TableColumn(.name, "Customer", width: 18, maxWidth: 44),
        TableColumn(.account, "Account", width: 11),
        TableColumn(.phone, "Phone", width: 14, drop: 2),
        TableColumn(.place, "Place", width: 10, maxWidth: 26, drop: 3),
        TableColumn(.channel, "Chn", width: 3, drop: 1),
        TableColumn(.open, "Open", width: 4, alignRight: true),
        TableColumn(.mrr, "Total MRR", width: 10, alignRight: true),
    ]

    static func value(_ column: Column, of row: CustomerSummary) -> String {
        switch column {
        case .name: return row.name
        case .account: return row.accountNumber
        case .phone: return row.phone ?? "—"
        case .place: return row.place ?? "—"
        case .channel: return row.channel.short
        case .open: return Money.groupedInteger(row.openOrders)
        case .mrr: return row.totalMRR.grouped
        }
    }

    /// The screen row of the table's first data row (under the search line and the header).
    static func firstRow(top: Int) -> Int { top + 2 }

    /// The index in `state.rows` of the row drawn at screen row `y`, for a click; nil off the rows.
    static func row(at y: Int, _ state: CustomersState, top: Int, bottom: Int) -> Int? {
        RowHit.index(row: y, firstRow: firstRow(top: top), end: bottom, count: state.rows.count)
    }

    public static func render(_ state: CustomersState, on canvas: Canvas, top: Int, bottom: Int) {
        let theme = canvas.theme
        let width = canvas.columns
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }

        // The search line: the field while typing, else what the list shows.
        let hint = "sorted by name"
        if state.searching {
            let label = "Search: "
            canvas.cell(label, row: top, column: 0, width: DisplayWidth.of(label), style: theme.style(.accent))
            let fieldWidth = max(1, width - DisplayWidth.of(label) - DisplayWidth.of(hint) - 2)
            let x = state.searchField.draw(on: canvas, row: top, column: DisplayWidth.of(label), width: fieldWidth,
                                           style: theme.style(.fieldFocus))
            canvas.terminal.setCursor(row: top, column: x)
        } else {
            let text = state.search.isEmpty
                ? "all customers · / search name, account, phone or address"
                : "search \"" + state.search + "\" · / changes it · Esc clears it"
            canvas.cell(text, row: top, column: 0, width: max(0, width - DisplayWidth.of(hint) - 1),
                        style: theme.style(state.search.isEmpty ? .muted : .accent))
        }
        canvas.cell(hint, row: top, column: max(0, width - DisplayWidth.of(hint)), width: DisplayWidth.of(hint),
                    style: theme.style(.muted))

        let layout = TableLayout.layout(columns, totalWidth: width)
        TableLayout.drawHeader(layout, on: canvas, row: top + 1)
        let firstRow = firstRow(top: top)
        if state.rows.isEmpty {
            for (i, line) in emptyMessage(state).flatMap({ TextWrap.lines($0, width: width - 4) }).enumerated()
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
                var style = base
                if !isCursor {
                    switch placed.id {
                    case .open where row.openOrders > 0: style = theme.style(.accent)
                    case .account, .channel, .place: style = theme.style(.muted)
                    default: break
                    }
                }
                canvas.cell(value(placed.id, of: row), row: y, column: placed.x, width: placed.width, style: style,
                            alignRight: placed.column.alignRight)
            }
        }
    }

    /// What an empty list says: still loading, no customers at all, or nothing matching and how to widen it.
    static func emptyMessage(_ state: CustomersState) -> [String] {
        if !state.loaded { return ["Loading customers…"] }
        if state.search.isEmpty { return ["No customers yet."] }
        return ["No customer matches \"" + state.search + "\".",
                "Widen the search: type fewer letters or only the start of a word (\"caf ro\" finds Café Roma), "
                    + "or search by account number, phone digits or street. Esc clears the search."]
    }

    /// `12 of 3,402` (`12 of 10,000+` for a broad search) for the footer.
    static func position(_ state: CustomersState) -> String {
        let total = state.total.map { Money.groupedInteger($0.count) + ($0.isExact ? "" : "+") } ?? "…"
        if state.rows.isEmpty { return state.loaded ? "0 of " + total : "" }
        if !state.positionKnown { return (state.hasMoreAfter ? "near the end" : "last") + " of " + total }
        return Money.groupedInteger(state.cursorPosition) + " of " + total
    }
}
