import OrderDeskCore
import OrderDeskTerminal

/// Why a page of the queue was asked for, so the answer can be merged into the window.
public enum QueueFetchPurpose: Hashable, Sendable {
    /// A move, fill or reload of the window, merged by the window.
    case window(KeysetWindow<QueueRow>.Purpose)
    /// The row just above the window, as the first step of reloading it in place (keyset pages
    /// cannot start at a row itself, only after one).
    case anchorForRefresh
}

/// The order queue: a window of rows onto the filtered, sorted orders.
public struct QueueState: Hashable, Sendable, KeysetWindowed {
    public var filter: QueueFilter
    public var sort = QueueSort()
    /// The rows on screen and the cursor among them.
    public var window = KeysetWindow<QueueRow>(visibleRows: 19)
    /// Rows matching the filter, when known.
    public var total: QueueTotal?
    public var searching = false
    public var searchField = TextField()

    public init(filter: QueueFilter = QueueFilter()) { self.filter = filter }
}

/// What the queue asks the run loop to do.
public enum QueueEffect: Hashable, Sendable {
    case fetch(PageRequest, limit: Int, purpose: QueueFetchPurpose)
    case count
    /// Find the position of a row (after a refresh moved things).
    case locate(QueueRow)
}

/// Messages into the queue: commands, typed keys and answers to its effects.
public enum QueueAction: Hashable, Sendable {
    case command(CommandID)
    case searchKey(Key)
    case pageLoaded(QueuePage, QueueFetchPurpose)
    case counted(QueueTotal)
    case located(QueueRow, Int)
    case resized(visibleRows: Int)
    case setFilter(QueueFilter)
    /// Someone changed the data: reload the window where it stands.
    case externalChange
}

public enum QueueScreen {
    /// Rows of chrome around the table: title, filter line, header, message line, hints.
    public static let chromeRows = 5

    public static func update(_ state: inout QueueState, _ action: QueueAction) -> [QueueEffect] {
        switch action {
        case .command(let command):
            return handle(command, &state)

        case .searchKey(let key):
            guard let text = SearchTyping.handle(key, field: &state.searchField, searching: &state.searching) else { return [] }
            return setSearch(text, &state)

        case .setFilter(let filter):
            state.filter = filter
            state.searchField = TextField(filter.search)
            return reset(&state)

        case .pageLoaded(let page, .anchorForRefresh):
            let purpose = QueueFetchPurpose.window(state.window.refreshPurpose)
            let pageSize = state.window.pageSize
            guard let anchor = page.rows.first else { return [.fetch(.first, limit: pageSize, purpose: purpose)] }
            return [.fetch(.after(anchor), limit: pageSize, purpose: purpose)]

        case .pageLoaded(let page, .window(let purpose)):
            let more = purpose.isBackward ? page.hasMoreBefore : page.hasMoreAfter
            let exactTotal = state.total.flatMap { $0.isExact ? $0.count : nil }
            switch state.window.merge(page.rows, more: more, moreBefore: page.hasMoreBefore, for: purpose,
                                      exactTotal: exactTotal) {
            case nil: return []
            case .fetch(let fetch): return [effect(fetch)]
            case .locateTop:
                // An empty last page (every row went meanwhile) has nothing to locate: the window is at the top.
                guard let top = state.rows.first else { state.window.topIndex = 0; return [] }
                return [.locate(top)]
            }

        case .counted(let total):
            state.total = total
            return []

        case .located(let row, let index):
            if state.rows.first?.id == row.id { state.topIndex = index }
            return []

        case .resized(let visible):
            return state.window.resize(visibleRows: visible).map { [effect($0)] } ?? []

        case .externalChange:
            if state.topIndex == 0 || state.rows.isEmpty {
                return [.fetch(.first, limit: state.window.pageSize, purpose: .window(state.window.refreshPurpose)), .count]
            }
            return [.fetch(.before(state.rows[0]), limit: 1, purpose: .anchorForRefresh), .count]
        }
    }

    private static func handle(_ command: CommandID, _ state: inout QueueState) -> [QueueEffect] {
        if let motion = KeysetWindow<QueueRow>.Motion(command) {
            return state.window.move(motion).map { [effect($0)] } ?? []
        }
        switch command {
        case .search:
            state.searching = true
            state.searchField = TextField(state.filter.search)
            return []
        case .clearFilter:
            state.filter = QueueFilter()
            state.searchField = TextField()
            state.searching = false
            return reset(&state)
        case .sortNext:
            let all = QueueSortColumn.allCases
            let next = all[(all.firstIndex(of: state.sort.column)! + 1) % all.count]
            state.sort = QueueSort(column: next, descending: next.defaultDescending)
            return reset(&state)
        case .sortDirection:
            state.sort.descending.toggle()
            return reset(&state)
        case .refresh:
            return update(&state, .externalChange)
        default:
            return []
        }
    }

    private static func setSearch(_ text: String, _ state: inout QueueState) -> [QueueEffect] {
        guard state.filter.search != text else { return [] }
        state.filter.search = text
        return reset(&state)
    }

    /// Start over at the top of a new filter or sort.
    static func reset(_ state: inout QueueState) -> [QueueEffect] {
        state.total = nil
        return [effect(state.window.restart), .count]
    }

    /// The window's fetch as a page of the queue: by the keys of the rows it is relative to.
    private static func effect(_ fetch: KeysetWindow<QueueRow>.Fetch) -> QueueEffect {
        let request: PageRequest = switch fetch.request {
        case .first: .first
        case .last: .last
        case .after(let row): .after(row)
        case .before(let row): .before(row)
        }
        return .fetch(request, limit: fetch.limit, purpose: .window(fetch.purpose))
    }

    // MARK: Rendering

    /// The screen row of the table's first data row (under the filter line and the header).
    static func firstRow(top: Int) -> Int { top + 2 }

    /// The index in `state.rows` of the row drawn at screen row `y`, for a click; nil off the rows.
    static func row(at y: Int, _ state: QueueState, top: Int, bottom: Int) -> Int? {
        RowHit.index(row: y, firstRow: firstRow(top: top), end: bottom, count: state.rows.count)
    }

    public static func render(_ state: QueueState, on canvas: Canvas, now: Int64, top: Int, bottom: Int) {
        let theme = canvas.theme
        let width = canvas.columns
        // Filter line.
        let filterText = describe(state.filter)
        let sortText = "sort: " + state.sort.column.title + (state.sort.descending ? " ↓" : " ↑")
        canvas.fill(row: top, style: theme.style(.body))
        if state.searching {
            canvas.cell("/", row: top, column: 0, width: 1, style: theme.style(.accent))
            let fieldWidth = max(1, width - DisplayWidth.of(sortText) - 3)
            let x = state.searchField.draw(on: canvas, row: top, column: 1, width: fieldWidth, style: theme.style(.fieldFocus))
            canvas.terminal.setCursor(row: top, column: x)
        } else {
            canvas.cell(filterText, row: top, column: 0, width: max(0, width - DisplayWidth.of(sortText) - 1),
                        style: state.filter.isEmpty ? theme.style(.muted) : theme.style(.accent))
        }
        canvas.cell(sortText, row: top, column: max(0, width - DisplayWidth.of(sortText)),
                    width: DisplayWidth.of(sortText), style: theme.style(.muted))

        // Header.
        let layout = QueueColumn.layout(totalWidth: width)
        canvas.fill(row: top + 1, style: theme.style(.tableHeader))
        for (column, x, w) in layout {
            var title = column.title
            if column.sortColumn == state.sort.column { title += state.sort.descending ? "↓" : "↑" }
            canvas.cell(title, row: top + 1, column: x, width: w, style: theme.style(.tableHeader), alignRight: column.alignRight)
        }

        // Rows.
        let firstRow = firstRow(top: top)
        if state.rows.isEmpty {
            let message = state.filter.isEmpty ? "No orders yet." : "No orders match this filter. Press F to clear it."
            canvas.text(message, row: firstRow + 1, column: 2, style: theme.style(.muted))
        }
        for (i, row) in state.rows.enumerated() where firstRow + i < bottom {
            let y = firstRow + i
            let isCursor = i == state.cursor
            let base = isCursor ? theme.style(.tableCursor) : theme.style(.body)
            canvas.fill(row: y, style: base)
            for (column, x, w) in layout {
                var style = base
                switch column.id {
                case .state:
                    style = isCursor ? base.adding(bold: theme.style(for: row.state).bold) : theme.style(for: row.state)
                case .flag:
                    style = isCursor ? base : theme.style(.danger)
                case .days where row.daysInState(now: now) > 30 && row.state.isOpen:
                    style = isCursor ? base : theme.style(.warning)
                default: break
                }
                canvas.cell(column.value(of: row, now: now), row: y, column: x, width: w, style: style,
                            alignRight: column.alignRight)
            }
        }
    }

    /// The active filter in words, e.g. `filter: state not done, held · channel agent · mine · over 3 days · "café"`.
    static func describe(_ filter: QueueFilter) -> String {
        guard !filter.isEmpty else { return "all orders · f filter · / search" }
        var parts: [String] = []
        if filter.states == Set(OrderState.allCases.filter(\.isOpen)) {
            parts.append("open orders")
        } else if !filter.states.isEmpty {
            parts.append("state " + OrderState.allCases.filter(filter.states.contains).map(\.label).joined(separator: ", "))
        }
        if let channel = filter.channel { parts.append("channel " + channel.rawValue) }
        switch filter.owner {
        case .anyone: break
        case .user: parts.append("mine")
        case .person(_, let login): parts.append("owner " + login)
        }
        if let days = filter.minDaysInState { parts.append("over \(days) days in state") }
        if !filter.search.isEmpty { parts.append("search \"" + filter.search + "\"") }
        return "filter: " + parts.joined(separator: " · ")
    }

    /// `row 12 of 48,210` for the footer.
    static func position(_ state: QueueState) -> String {
        let total = state.total.map { Money.groupedInteger($0.count) + ($0.isExact ? "" : "+") } ?? "…"
        if state.rows.isEmpty { return "row 0 of " + total }
        return "row " + Money.groupedInteger(state.cursorPosition) + " of " + total
    }
}

extension QueueSortColumn {
    /// Dates, money and ages read best newest/largest first.
    var defaultDescending: Bool {
        switch self {
        case .booked, .mrr, .daysInState, .install: return true
        default: return false
        }
    }
}

extension Canvas {
    /// Paints a whole row in a style.
    func fill(row: Int, style: Style) { terminal.fill(row: row, column: 0, width: columns, style: style) }
}
