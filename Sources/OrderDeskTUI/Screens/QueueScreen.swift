import OrderDeskCore
import OrderDeskTerminal

/// Why a page of the queue was asked for, so the answer can be merged into the window.
public enum QueueFetchPurpose: Hashable, Sendable {
    /// A new filter or sort: start at the top.
    case reset
    case first, last
    case lineDown, lineUp, pageDown, pageUp
    /// More rows below to fill a taller window.
    case grow
    /// More rows above to fill a taller window at the end of the queue.
    case growBefore
    /// The row just above the window, as the first step of reloading it in place.
    case anchorForRefresh
    /// Reloading the window in place from just after the anchor (nil: from the top).
    case refresh(keepCursorOn: Int64?)
}

/// The order queue: a window of rows onto the filtered, sorted orders.
public struct QueueState: Hashable, Sendable {
    public var filter: QueueFilter
    public var sort = QueueSort()
    /// The rows on screen, in display order.
    public var rows: [QueueRow] = []
    public var hasMoreAfter = false
    public var hasMoreBefore = false
    /// Index of the cursor within `rows`.
    public var cursor = 0
    /// Position of `rows[0]` within the whole filtered queue.
    public var topIndex = 0
    /// Rows matching the filter, when known.
    public var total: QueueTotal?
    /// Rows the screen can show; set from the terminal size.
    public var visibleRows = 19
    public var searching = false
    public var searchField = TextField()

    public init(filter: QueueFilter = QueueFilter()) { self.filter = filter }

    public var selected: QueueRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }
    /// 1-based row number of the cursor in the filtered queue.
    public var cursorPosition: Int { topIndex + cursor + 1 }
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
        let pageSize = max(1, state.visibleRows)
        switch action {
        case .command(let command):
            return handle(command, &state, pageSize: pageSize)

        case .searchKey(let key):
            switch key {
            case .enter:
                state.searching = false
                return []
            case .escape:
                state.searching = false
                state.searchField = TextField()
                return setSearch("", &state, pageSize: pageSize)
            default:
                guard state.searchField.handle(key) else { return [] }
                return setSearch(state.searchField.text, &state, pageSize: pageSize)
            }

        case .setFilter(let filter):
            state.filter = filter
            state.searchField = TextField(filter.search)
            return reset(&state, pageSize: pageSize)

        case .pageLoaded(let page, let purpose):
            return merge(page, purpose, &state, pageSize: pageSize)

        case .counted(let total):
            state.total = total
            return []

        case .located(let row, let index):
            if state.rows.first?.id == row.id { state.topIndex = index }
            return []

        case .resized(let visible):
            let old = state.visibleRows
            state.visibleRows = max(1, visible)
            if state.rows.count > state.visibleRows {
                // Keep the cursor's row on screen: drop rows above it first, then below.
                let overflow = state.rows.count - state.visibleRows
                let dropTop = min(overflow, max(0, state.cursor - (state.visibleRows - 1)))
                state.rows.removeFirst(dropTop)
                state.topIndex += dropTop
                state.cursor -= dropTop
                state.rows.removeLast(overflow - dropTop)
                state.hasMoreBefore = state.hasMoreBefore || dropTop > 0
                state.hasMoreAfter = state.hasMoreAfter || overflow - dropTop > 0
                return []
            }
            guard state.visibleRows > old else { return [] }
            return fillWindow(&state)

        case .externalChange:
            if state.topIndex == 0 || state.rows.isEmpty {
                return [.fetch(.first, limit: pageSize, purpose: .refresh(keepCursorOn: state.selected?.id)), .count]
            }
            return [.fetch(.before(state.rows[0]), limit: 1, purpose: .anchorForRefresh), .count]
        }
    }

    private static func handle(_ command: CommandID, _ state: inout QueueState, pageSize: Int) -> [QueueEffect] {
        switch command {
        case .moveDown:
            if state.cursor + 1 < state.rows.count { state.cursor += 1; return [] }
            guard state.hasMoreAfter, let last = state.rows.last else { return [] }
            return [.fetch(.after(last), limit: 1, purpose: .lineDown)]
        case .moveUp:
            if state.cursor > 0 { state.cursor -= 1; return [] }
            guard state.hasMoreBefore, let first = state.rows.first else { return [] }
            return [.fetch(.before(first), limit: 1, purpose: .lineUp)]
        case .pageDown:
            guard state.hasMoreAfter, let last = state.rows.last else {
                state.cursor = max(0, state.rows.count - 1); return []
            }
            return [.fetch(.after(last), limit: pageSize, purpose: .pageDown)]
        case .pageUp:
            guard state.hasMoreBefore, let first = state.rows.first else { state.cursor = 0; return [] }
            return [.fetch(.before(first), limit: pageSize, purpose: .pageUp)]
        case .first:
            guard state.hasMoreBefore else { state.cursor = 0; return [] }
            return [.fetch(.first, limit: pageSize, purpose: .first)]
        case .last:
            guard state.hasMoreAfter else { state.cursor = max(0, state.rows.count - 1); return [] }
            return [.fetch(.last, limit: pageSize, purpose: .last)]
        case .search:
            state.searching = true
            state.searchField = TextField(state.filter.search)
            return []
        case .clearFilter:
            state.filter = QueueFilter()
            state.searchField = TextField()
            state.searching = false
            return reset(&state, pageSize: pageSize)
        case .sortNext:
            let all = QueueSortColumn.allCases
            let next = all[(all.firstIndex(of: state.sort.column)! + 1) % all.count]
            state.sort = QueueSort(column: next, descending: next.defaultDescending)
            return reset(&state, pageSize: pageSize)
        case .sortDirection:
            state.sort.descending.toggle()
            return reset(&state, pageSize: pageSize)
        case .refresh:
            return update(&state, .externalChange)
        default:
            return []
        }
    }

    private static func setSearch(_ text: String, _ state: inout QueueState, pageSize: Int) -> [QueueEffect] {
        guard state.filter.search != text else { return [] }
        state.filter.search = text
        return reset(&state, pageSize: pageSize)
    }

    /// Asks for the rows a window taller than its content still needs: below first, then above.
    private static func fillWindow(_ state: inout QueueState) -> [QueueEffect] {
        let needed = state.visibleRows - state.rows.count
        guard needed > 0 else { return [] }
        if state.hasMoreAfter, let last = state.rows.last {
            return [.fetch(.after(last), limit: needed, purpose: .grow)]
        }
        if state.hasMoreBefore, let first = state.rows.first {
            return [.fetch(.before(first), limit: needed, purpose: .growBefore)]
        }
        return []
    }

    /// Start over at the top of a new filter or sort.
    static func reset(_ state: inout QueueState, pageSize: Int) -> [QueueEffect] {
        state.total = nil
        return [.fetch(.first, limit: pageSize, purpose: .reset), .count]
    }

    private static func merge(_ page: QueuePage, _ purpose: QueueFetchPurpose, _ state: inout QueueState, pageSize: Int) -> [QueueEffect] {
        switch purpose {
        case .reset, .first:
            state.rows = page.rows
            state.topIndex = 0
            state.cursor = 0
            state.hasMoreBefore = false
            state.hasMoreAfter = page.hasMoreAfter
        case .last:
            state.rows = page.rows
            state.hasMoreAfter = false
            state.hasMoreBefore = page.hasMoreBefore
            state.cursor = max(0, page.rows.count - 1)
            guard let total = state.total, total.isExact else { return [.locate(page.rows.first!)] }
            state.topIndex = max(0, total.count - page.rows.count)
        case .lineDown, .pageDown:
            guard !page.rows.isEmpty else { state.hasMoreAfter = false; return [] }
            let combined = state.rows + page.rows
            let keep = min(pageSize, combined.count)
            let dropped = combined.count - keep
            let cursorRow = purpose == .lineDown ? combined.count - 1 : min(state.cursor + page.rows.count, combined.count - 1)
            state.rows = Array(combined.suffix(keep))
            state.topIndex += dropped
            state.cursor = max(0, cursorRow - dropped)
            state.hasMoreBefore = state.hasMoreBefore || dropped > 0
            state.hasMoreAfter = page.hasMoreAfter
        case .lineUp, .pageUp:
            guard !page.rows.isEmpty else { state.hasMoreBefore = false; return [] }
            let combined = page.rows + state.rows
            let keep = min(pageSize, combined.count)
            let cursorRow = purpose == .lineUp ? 0 : max(0, state.cursor)
            state.rows = Array(combined.prefix(keep))
            state.topIndex = max(0, state.topIndex - page.rows.count)
            state.cursor = min(cursorRow, keep - 1)
            state.hasMoreAfter = state.hasMoreAfter || combined.count > keep
            state.hasMoreBefore = page.hasMoreBefore
        case .grow:
            state.rows += page.rows
            state.hasMoreAfter = page.hasMoreAfter
            return fillWindow(&state)
        case .growBefore:
            state.rows = page.rows + state.rows
            state.topIndex = max(0, state.topIndex - page.rows.count)
            state.cursor += page.rows.count
            state.hasMoreBefore = page.hasMoreBefore
        case .anchorForRefresh:
            let keep = state.selected?.id
            guard let anchor = page.rows.first else {
                return [.fetch(.first, limit: pageSize, purpose: .refresh(keepCursorOn: keep))]
            }
            return [.fetch(.after(anchor), limit: pageSize, purpose: .refresh(keepCursorOn: keep))]
        case .refresh(let keepID):
            let oldCursor = state.cursor
            state.rows = page.rows
            state.hasMoreAfter = page.hasMoreAfter
            state.hasMoreBefore = page.hasMoreBefore
            if let keepID, let index = page.rows.firstIndex(where: { $0.id == keepID }) {
                state.cursor = index
            } else {
                state.cursor = min(oldCursor, max(0, page.rows.count - 1))
            }
            if let first = page.rows.first, page.hasMoreBefore { return [.locate(first)] }
            state.topIndex = 0
        }
        return []
    }

    // MARK: Rendering

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
        let firstRow = top + 2
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
        if !filter.states.isEmpty {
            parts.append("state " + OrderState.allCases.filter(filter.states.contains).map(\.label).joined(separator: ", "))
        }
        if let channel = filter.channel { parts.append("channel " + channel.rawValue) }
        if case .user = filter.owner { parts.append("mine") }
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
