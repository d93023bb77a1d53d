import OrderDeskCore
import OrderDeskTerminal

/// The panes of the customer screen, in the order Tab visits them.
public enum CustomerPane: Int, CaseIterable, Hashable, Sendable {
    case locations, orders, contracts, contacts, documents, timeline

    public var title: String {
        switch self {
        case .locations: return "Locations"
        case .orders: return "Orders"
        case .contracts: return "Contracts"
        case .contacts: return "Contacts"
        case .documents: return "Documents"
        case .timeline: return "Timeline"
        }
    }

    /// The row the pane's commands act on, in words: `location`, `contact`.
    var rowName: String {
        switch self {
        case .locations: return "location"
        case .orders: return "order"
        case .contracts: return "contract"
        case .contacts: return "contact"
        case .documents: return "document"
        case .timeline: return "entry"
        }
    }
}

/// One customer's screen, shown over the current tab: the customer's header, a pane strip, the current
/// pane's table with a cursor, and the selected row in full. Each pane keeps its own cursor.
public struct CustomerState: Hashable, Sendable {
    public var customerID: Int64
    /// Nil until loaded.
    public var detail: CustomerDetail?
    public var pane = CustomerPane.locations
    /// Each pane's cursor (index into its rows) and first row on screen.
    public var cursors: [CustomerPane: Int] = [:]
    public var tops: [CustomerPane: Int] = [:]
    /// Rows the pane's table can show; set from the terminal size.
    public var visibleRows: Int

    public init(customerID: Int64, pane: CustomerPane = .locations, visibleRows: Int = 11) {
        self.customerID = customerID; self.pane = pane; self.visibleRows = max(1, visibleRows)
    }

    /// The cursor of the current pane.
    public var cursor: Int {
        get { cursors[pane] ?? 0 }
        set { cursors[pane] = newValue }
    }

    /// The first row of the current pane on screen.
    public var top: Int {
        get { tops[pane] ?? 0 }
        set { tops[pane] = newValue }
    }

    /// How many rows a pane has.
    public func count(_ pane: CustomerPane) -> Int {
        guard let d = detail else { return 0 }
        switch pane {
        case .locations: return d.locations.count
        case .orders: return d.orders.count
        case .contracts: return d.contracts.count
        case .contacts: return d.contacts.count
        case .documents: return d.documents.count
        case .timeline: return d.timeline.count
        }
    }

    private func pick<T>(_ rows: [T]?, in wanted: CustomerPane) -> T? {
        guard pane == wanted, let rows, rows.indices.contains(cursor) else { return nil }
        return rows[cursor]
    }

    /// The selected row of the current pane, by kind (nil when another pane is current or it is empty).
    public var selectedLocation: CustomerLocation? { pick(detail?.locations, in: .locations) }
    public var selectedOrder: QueueRow? { pick(detail?.orders, in: .orders) }
    public var selectedContract: ContractSummary? { pick(detail?.contracts, in: .contracts) }
    public var selectedContact: Contact? { pick(detail?.contacts, in: .contacts) }
    public var selectedDocument: PortingDocument? { pick(detail?.documents, in: .documents) }
    public var selectedEntry: TimelineEntry? { pick(detail?.timeline, in: .timeline) }

    /// Stable keys of a pane's rows, so a reload keeps each cursor on its row.
    func keys(_ pane: CustomerPane) -> [String] {
        guard let d = detail else { return [] }
        switch pane {
        case .locations: return d.locations.map { String($0.id) }
        case .orders: return d.orders.map { String($0.id) }
        case .contracts: return d.contracts.map { String($0.id) }
        case .contacts: return d.contacts.map { String($0.id) }
        case .documents: return d.documents.map { String($0.id) }
        case .timeline: return d.timeline.map { "\($0.at)|\($0.kind.rawValue)|\($0.actor)|\($0.subject)|\($0.text)" }
        }
    }
}

public enum CustomerScreen {
    /// Rows of chrome around the pane's table: title, the header's three lines, the pane strip, the
    /// table's header, the selected row's five lines, message line, hints.
    public static let chromeRows = 13
    static let headerRows = 3
    static let stripRows = 5

    /// The commands that act in a pane (the footer offers these; `?` lists them all). Enter is offered on
    /// the orders and the contracts (it opens them): elsewhere it edits, as `e` does.
    public static func commands(in pane: CustomerPane) -> Set<CommandID> {
        let always: Set<CommandID> = [.customerNextPane, .customerPreviousPane, .customerNote, .customerNewOrder]
        switch pane {
        case .locations:
            // Without `n note` here, so the location's own keys and `o order` fit at 80 columns.
            return always.subtracting([.customerNote]).union([.customerEdit, .customerAdd, .customerCheckServiceability, .customerSurvey])
        case .orders: return always.union([.customerOpenItem, .customerEdit])
        case .contacts: return always.union([.customerEdit, .customerAdd, .customerRemove])
        case .documents: return always.union([.customerEdit, .customerAdd])
        case .contracts:
            // Enter opens the contract, n writes a new one (not a note here), R renews; without the order key,
            // so they fit at 80 columns.
            return always.subtracting([.customerNewOrder]).union([.customerOpenItem, .contractRenew])
        case .timeline: return always.union([.customerEdit])
        }
    }

    // MARK: Update

    /// Moves the cursor or switches panes; returns false when the command is not one of those.
    @discardableResult
    public static func update(_ state: inout CustomerState, _ command: CommandID) -> Bool {
        switch command {
        case .customerNextPane:
            state.pane = CustomerPane(rawValue: (state.pane.rawValue + 1) % CustomerPane.allCases.count)!
        case .customerPreviousPane:
            let n = CustomerPane.allCases.count
            state.pane = CustomerPane(rawValue: (state.pane.rawValue + n - 1) % n)!
        default:
            var cursor = state.cursor
            guard ListCursor.move(command, cursor: &cursor, count: state.count(state.pane), visibleRows: state.visibleRows)
            else { return false }
            state.cursor = cursor
        }
        scrollToCursor(&state)
        return true
    }

    /// A fresh detail: every pane's cursor stays on the row it was on (by id), or as near as there is.
    public static func loaded(_ state: inout CustomerState, _ detail: CustomerDetail) {
        let before = Dictionary(uniqueKeysWithValues: CustomerPane.allCases.map { ($0, state.keys($0)) })
        state.detail = detail
        for pane in CustomerPane.allCases {
            let oldKeys = before[pane] ?? [], newKeys = state.keys(pane)
            let old = state.cursors[pane] ?? 0
            var cursor = min(old, max(0, newKeys.count - 1))
            if oldKeys.indices.contains(old), let index = newKeys.firstIndex(of: oldKeys[old]) { cursor = index }
            state.cursors[pane] = cursor
        }
        let current = state.pane
        for pane in CustomerPane.allCases {
            state.pane = pane
            scrollToCursor(&state)
        }
        state.pane = current
    }

    /// Puts the cursor of a pane on a row (by id), e.g. the order the screen was opened from.
    public static func select(_ state: inout CustomerState, pane: CustomerPane, id: Int64) {
        state.pane = pane
        if let index = state.keys(pane).firstIndex(of: String(id)) { state.cursor = index }
        scrollToCursor(&state)
    }

    public static func resized(_ state: inout CustomerState, visibleRows: Int) {
        state.visibleRows = max(1, visibleRows)
        let current = state.pane
        for pane in CustomerPane.allCases {
            state.pane = pane
            scrollToCursor(&state)
        }
        state.pane = current
    }

    private static func scrollToCursor(_ state: inout CustomerState) {
        var cursor = state.cursor, top = state.top
        ListCursor.scroll(cursor: &cursor, top: &top, count: state.count(state.pane), visibleRows: state.visibleRows)
        state.cursor = cursor; state.top = top
    }

    /// `location 2 of 4` for the footer.
    static func position(_ state: CustomerState) -> String {
        let count = state.count(state.pane)
        guard state.detail != nil, count > 0 else { return "" }
        return state.pane.rowName + " " + Money.groupedInteger(state.cursor + 1) + " of " + Money.groupedInteger(count)
    }

    // MARK: Rendering

    /// The screen row of the current pane's table header (under the customer's header and the pane strip).
    static func tableTop(top: Int) -> Int { top + headerRows + 1 }

    /// The index among the current pane's rows of the row drawn at screen row `y` (under the pane's
    /// header, above the strip), for a click; nil off the rows or while the customer loads.
    static func row(at y: Int, _ state: CustomerState, top: Int, bottom: Int) -> Int? {
        guard state.detail != nil else { return nil }
        return RowHit.index(row: y, firstRow: tableTop(top: top) + 1, end: bottom - stripRows, offset: state.top,
                            count: state.count(state.pane))
    }

    public static func render(_ state: CustomerState, on canvas: Canvas, today: Day, now: Int64, top: Int, bottom: Int) {
        let theme = canvas.theme
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }
        guard let detail = state.detail else {
            canvas.text("Loading the customer…", row: top + 1, column: 2, style: theme.style(.muted))
            return
        }
        renderHeader(detail.header, on: canvas, top: top)
        renderPaneStrip(state, on: canvas, row: top + headerRows)
        let tableTop = tableTop(top: top)
        let stripTop = bottom - stripRows
        CustomerPanes.renderTable(state, detail, on: canvas, today: today, now: now, top: tableTop, bottom: stripTop)
        CustomerPanes.renderStrip(state, detail, on: canvas, today: today, now: now, top: stripTop)
    }

    /// Name and totals, then account, segment and channel, then owner, customer since and phone.
    static func renderHeader(_ h: CustomerHeader, on canvas: Canvas, top: Int) {
        let theme = canvas.theme
        let totals = Money.groupedInteger(h.openOrders) + " open " + (h.openOrders == 1 ? "order" : "orders")
            + " · total MRR " + h.totalMRR.grouped
        let totalsWidth = DisplayWidth.of(totals)
        canvas.cell(h.name, row: top, column: 1, width: max(1, canvas.columns - totalsWidth - 4), style: theme.style(.title))
        canvas.cell(totals, row: top, column: max(1, canvas.columns - totalsWidth - 1), width: totalsWidth, style: theme.style(.accent))
        let owner = h.ownerName.map { name in name + (h.ownerLogin.map { " (" + $0 + ")" } ?? "") } ?? h.ownerLogin ?? "— none"
        let lines: [[(String, ThemeSlot)]] = [
            [("account ", .muted), (h.accountNumber, .body), (" · segment ", .muted), (h.segment, .body),
             (" · channel ", .muted), (h.channel.rawValue, .body)],
            [("owner ", .muted), (owner, .body), (" · customer since ", .muted), (h.since?.iso ?? "—", .body),
             (" · phone ", .muted), (h.phone ?? "—", .body)],
        ]
        for (i, line) in lines.enumerated() { drawSegments(line, on: canvas, row: top + 1 + i, column: 1) }
    }

    /// Where each pane's name goes in the strip on a screen `columns` wide, and the separators between them:
    /// one computation for drawing and for clicks.
    static func paneStripLayout(_ state: CustomerState, row: Int, columns: Int)
        -> (panes: [HitZone<CustomerPane>], labels: [String], separator: String, separators: [Int]) {
        let labels = CustomerPane.allCases.map { pane in
            let label = pane.title + " " + Money.groupedInteger(state.count(pane))
            return pane == state.pane ? "[" + label + "]" : label
        }
        // The separator shrinks until the strip fits.
        let width = labels.reduce(0) { $0 + DisplayWidth.of($1) }
        let separator = [" · ", "  ", " "].first { width + DisplayWidth.of($0) * (labels.count - 1) + 1 <= columns } ?? " "
        var zones: [HitZone<CustomerPane>] = []
        var separators: [Int] = []
        var x = 1
        for (i, (pane, label)) in zip(CustomerPane.allCases, labels).enumerated() {
            if i > 0 { separators.append(x); x += DisplayWidth.of(separator) }
            let w = min(DisplayWidth.of(label), columns - x)
            guard w > 0 else { break }
            zones.append(HitZone(row: row, left: x, width: w, target: pane))
            x += w
        }
        return (zones, labels, separator, separators)
    }

    /// The pane whose name is drawn at a cell of the pane strip, for a click; nil elsewhere or while loading.
    static func pane(atRow y: Int, column x: Int, _ state: CustomerState, top: Int, columns: Int) -> CustomerPane? {
        guard state.detail != nil else { return nil }
        return paneStripLayout(state, row: top + headerRows, columns: columns).panes.target(atRow: y, column: x)
    }

    /// `[Locations 3] · Orders 12 · …`: the current pane bracketed as well as highlighted.
    static func renderPaneStrip(_ state: CustomerState, on canvas: Canvas, row: Int) {
        let theme = canvas.theme
        let l = paneStripLayout(state, row: row, columns: canvas.columns)
        for x in l.separators {
            canvas.cell(l.separator, row: row, column: x, width: min(DisplayWidth.of(l.separator), max(0, canvas.columns - x)),
                        style: theme.style(.muted))
        }
        for zone in l.panes {
            canvas.cell(l.labels[zone.target.rawValue], row: row, column: zone.left, width: zone.width,
                        style: theme.style(zone.target == state.pane ? .tabActive : .body))
        }
    }

    /// Draws text segments in their slots from a column, cut at the right edge.
    static func drawSegments(_ segments: [(String, ThemeSlot)], on canvas: Canvas, row: Int, column: Int) {
        var x = column
        for (text, slot) in segments {
            guard x < canvas.columns else { return }
            let w = DisplayWidth.of(text)
            if x + w > canvas.columns {
                canvas.text(text, row: row, column: x, style: canvas.theme.style(slot))
                return
            }
            canvas.cell(text, row: row, column: x, width: w, style: canvas.theme.style(slot))
            x += w
        }
    }
}
