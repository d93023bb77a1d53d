import OrderDeskCore
import OrderDeskTerminal

/// Which part of the status view the cursor keys move.
public enum StatusPane: Hashable, Sendable {
    case board, list
}

/// Tab 5's state: the summary, the sparkline, the team board and the escalation list.
///
/// The list is a keyset window in the store's order (breached first, then severity, then age) taken at
/// `asOf`, the time of the last load. Each load notes the version of every escalation it shows; a row
/// whose version moved since, or that was raised since the previous load, is highlighted for a few seconds.
public struct StatusState: Hashable, Sendable, CountedKeysetList {
    /// What the list shows; for an account manager or a viewer it always carries `involvingLogin`.
    public var filter = EscalationFilter()
    /// The list's rows on screen and the cursor among them.
    public var window = KeysetWindow<EscalationRow>(visibleRows: 10)
    /// Escalations matching the filter, when counted.
    public var total: QueueTotal?
    public var positionKnown = true
    /// False until the first page came (the list then says "Loading…").
    public var loaded = false
    /// A count asked for while handling a key, done after that key's frame (see `DeskApp.handle`).
    public var countPending = false

    public var summary = EscalationSummary.empty
    public var board: TeamBoard?
    public var history: EscalationHistory?

    /// Where the cursor keys go; Tab switches.
    public var pane = StatusPane.list
    /// The board's cursor and its first row on screen.
    public var boardCursor = 0
    public var boardTop = 0
    /// Board rows the screen has room for.
    public var boardVisibleRows = 4

    /// The time the list's order was taken at (the last load).
    public var asOf: Int64 = 0
    /// Escalations raised at or after this are new at the next load; nil before the first load.
    public var newSince: Int64?
    /// The version of each escalation shown so far, to tell which changed.
    public var seenVersions: [Int64: Int64] = [:]
    /// Highlighted escalations and when their highlight ends (`DeskApp.monotonicSeconds`).
    public var highlights: [Int64: Double] = [:]
    /// The data changed while the view was not on screen: reload it when it shows again.
    public var stale = false

    public init() {}

    /// An account manager's or a viewer's view: their own escalations, read-only.
    public var isOwnOnly: Bool { filter.involvingLogin != nil }
    /// The board row under the board's cursor.
    public var selectedBoardRow: TeamBoardRow? {
        guard let rows = board?.rows, rows.indices.contains(boardCursor) else { return nil }
        return rows[boardCursor]
    }
}

/// Messages into the status view.
public enum StatusAction: Hashable, Sendable {
    case command(CommandID)
    case setFilter(EscalationFilter)
    case loaded(EscalationPage, KeysetListPurpose<EscalationRow>)
    case counted(QueueTotal)
    /// A new terminal size: rows for the list's table and for the board.
    case resized(listRows: Int, boardRows: Int)
    /// Someone changed the data: reload the list where it stands.
    case refresh
}

public enum StatusScreen {
    /// How long a changed row stays highlighted, in seconds.
    public static let highlightSeconds = 3.0

    public static func update(_ state: inout StatusState, _ action: StatusAction) -> [KeysetListEffect<EscalationRow>] {
        switch action {
        case .command(let command):
            if command == .statusNextPane {
                state.pane = state.pane == .list ? .board : .list
                return []
            }
            if state.pane == .board {
                if ListCursor.move(command, cursor: &state.boardCursor, count: state.board?.rows.count ?? 0,
                                   visibleRows: state.boardVisibleRows) {
                    scrollBoard(&state)
                }
                if command != .escalationsClearFilter { return [] }
            }
            if let motion = KeysetWindow<EscalationRow>.Motion(command) {
                return state.effects(moving: motion)
            }
            switch command {
            case .escalationsClearFilter:
                guard !state.filter.isDefault else { return [] }
                state.filter = EscalationFilter(involvingLogin: state.filter.involvingLogin)
                return state.effectsOfRestart()
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

        case let .resized(listRows, boardRows):
            state.boardVisibleRows = max(1, boardRows)
            scrollBoard(&state)
            return state.effects(resizingTo: listRows)

        case .refresh:
            return state.effectsOfReload()
        }
    }

    /// Keeps the board's cursor within its rows and on screen.
    static func scrollBoard(_ state: inout StatusState) {
        let count = state.board?.rows.count ?? 0
        ListCursor.scroll(cursor: &state.boardCursor, top: &state.boardTop, count: count, visibleRows: state.boardVisibleRows)
        state.boardCursor = max(0, state.boardCursor)
    }

    /// Notes the versions of rows just loaded; those whose version moved since they were last seen, and
    /// (on a reload) those raised since the previous load, are highlighted until `until`.
    public static func noteVersions(_ state: inout StatusState, _ rows: [EscalationRow], highlightUntil until: Double) {
        for row in rows {
            let changed: Bool
            if let seen = state.seenVersions[row.id] {
                changed = seen != row.version
            } else {
                changed = state.newSince.map { row.raisedAt >= $0 } ?? false
            }
            if changed { state.highlights[row.id] = until }
            state.seenVersions[row.id] = row.version
        }
    }

    /// Ends the highlights whose time is up; true when one ended (the frame must be drawn again).
    public static func tick(_ state: inout StatusState, now: Double) -> Bool {
        let ended = state.highlights.filter { $0.value <= now }.map(\.key)
        for id in ended { state.highlights[id] = nil }
        return !ended.isEmpty
    }

    // MARK: Layout

    /// The rows of each part of the view between `top` and `bottom`.
    public struct Layout: Hashable, Sendable {
        public var summaryTop: Int
        public var boardTitle: Int
        public var boardRows: Int
        public var listTitle: Int
        public var listRows: Int
        public var bottom: Int

        var boardHeader: Int { boardTitle + 1 }
        var boardFirst: Int { boardTitle + 2 }
        var boardTotal: Int { boardFirst + boardRows }
        var listHeader: Int { listTitle + 1 }
        var listFirst: Int { listTitle + 2 }
    }

    /// Two summary rows, the board (title, header, a few rows, the total), the list (title, header, the
    /// rest); a blank row before each part when there is room.
    public static func layout(top: Int, bottom: Int, boardCount: Int) -> Layout {
        let available = max(0, bottom - top)
        let gap = available >= 30 ? 1 : 0
        let chrome = 2 + 3 + 2 + 2 * gap
        let rest = max(2, available - chrome)
        let boardRows = min(max(1, boardCount), max(1, rest / 3))
        let listRows = max(1, rest - boardRows)
        let boardTitle = top + 2 + gap
        let listTitle = boardTitle + 3 + boardRows + gap
        return Layout(summaryTop: top, boardTitle: boardTitle, boardRows: boardRows, listTitle: listTitle,
                      listRows: listRows, bottom: bottom)
    }

    /// What a click at screen row `y` lands on: the pane (its title, header or rows) and the index of
    /// the row under it (the board's among all its rows, the list's in `state.rows`), if on one.
    static func hit(at y: Int, _ state: StatusState, layout l: Layout) -> (pane: StatusPane, index: Int?)? {
        if y >= l.boardTitle, y < l.boardTotal {
            return (.board, RowHit.index(row: y, firstRow: l.boardFirst, end: l.boardTotal, offset: state.boardTop,
                                         count: state.board?.rows.count ?? 0))
        }
        if y >= l.listTitle, y < l.bottom {
            return (.list, RowHit.index(row: y, firstRow: l.listFirst, end: l.bottom, count: state.rows.count))
        }
        return nil
    }

    // MARK: Cells

    enum Column: Hashable, Sendable { case mark, severity, sla, status, order, customer, reason, owner, orderOwner, age }

    /// At 80 columns everything but the order's account manager; wider screens add it and widen the names.
    static let columns: [TableColumn<Column>] = [
        TableColumn(.mark, "", width: 1),
        TableColumn(.severity, "Sev", width: 3),
        TableColumn(.sla, "SLA", width: 11),
        TableColumn(.status, "Status", width: 8, maxWidth: 12),
        TableColumn(.order, "Order", width: 8),
        TableColumn(.customer, "Customer", width: 13, maxWidth: 30),
        TableColumn(.reason, "Reason", width: 12, maxWidth: 28),
        TableColumn(.owner, "Owner", width: 11, maxWidth: 14, drop: 2),
        TableColumn(.orderOwner, "AM", width: 11, maxWidth: 14, drop: 1),
        TableColumn(.age, "Age", width: 4, alignRight: true),
    ]

    /// The marker of a highlighted (new or changed) row, so it shows without colour.
    public static let changedMarker = "•"

    /// `✗ breached`, `! due 0:42`, `✓ due 5h`, `✓ due 3d`; `—` once resolved. The marker says it without colour.
    public static func slaText(_ row: EscalationRow, now: Int64) -> (String, ThemeSlot) {
        guard let sla = row.slaState(at: now) else { return ("—", .muted) }
        let left = row.dueAt - now
        switch sla {
        case .breached: return ("✗ breached", .danger)
        case .dueSoon: return ("! due \(left / 3_600):" + twoDigits(left % 3_600 / 60), .warning)
        case .onTime:
            let hours = left / 3_600
            return (hours < 48 ? "✓ due \(hours)h" : "✓ due \(hours / 24)d", .ok)
        }
    }

    /// `45m`, `5h`, `3d` since it was raised.
    public static func age(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 3_600 { return "\(s / 60)m" }
        if s < 2 * 86_400 { return "\(s / 3_600)h" }
        return "\(s / 86_400)d"
    }

    static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func severitySlot(_ severity: EscalationSeverity) -> ThemeSlot? {
        switch severity {
        case .p1: return .danger
        case .p2: return .warning
        case .p3: return nil
        }
    }

    static func cell(_ column: Column, of row: EscalationRow, width: Int, now: Int64, highlighted: Bool) -> (String, ThemeSlot?) {
        switch column {
        case .mark: return (highlighted ? changedMarker : "", .accent)
        case .severity: return (row.severity.label, severitySlot(row.severity))
        case .sla: return slaText(row, now: now)
        case .status:
            let label = row.status == .acknowledged && width < 12 ? "ack'd" : row.status.label
            return (label, row.status == .resolved ? .muted : row.status == .open ? .accent : nil)
        case .order: return (row.orderNumber, nil)
        case .customer: return (row.customerName, nil)
        case .reason: return (row.reason.label, nil)
        case .owner: return (row.ownerLogin ?? "—", .muted)
        case .orderOwner: return (row.orderOwnerLogin ?? "—", .muted)
        case .age: return (age(now - row.raisedAt), nil)
        }
    }

    enum BoardColumn: Hashable, Sendable { case name, open, notDone, upTo7, upTo14, upTo30, over30, installs, mrr }

    /// The board's columns as wide as their figures (a million-order team's totals run to six digits and
    /// more); the names take what is left, at least 12 cells.
    static func boardColumns(for board: TeamBoard?, totalWidth: Int) -> [TableColumn<BoardColumn>] {
        guard let board else { return boardColumns }
        let rows = board.rows + [board.total]
        let figures = boardColumns.dropFirst().map { column in
            let widest = rows.map { DisplayWidth.of(boardCell(column.id, of: $0).0) }.max() ?? 0
            return TableColumn(column.id, column.title, width: max(column.width, widest), alignRight: true)
        }
        let used = figures.reduce(0) { $0 + $1.width + 1 }
        let name = boardColumns[0]
        let nameWidth = max(12, min(name.width, totalWidth - used))
        return [TableColumn(name.id, name.title, width: nameWidth, maxWidth: name.maxWidth)] + figures
    }

    static let boardColumns: [TableColumn<BoardColumn>] = [
        TableColumn(.name, "Account manager", width: 15, maxWidth: 30),
        TableColumn(.open, "Open", width: 5, alignRight: true),
        TableColumn(.notDone, "Not done", width: 8, alignRight: true),
        TableColumn(.upTo7, "0–7d", width: 5, alignRight: true),
        TableColumn(.upTo14, "8–14", width: 5, alignRight: true),
        TableColumn(.upTo30, "15–30", width: 5, alignRight: true),
        TableColumn(.over30, ">30", width: 5, alignRight: true),
        TableColumn(.installs, "Installs", width: 8, alignRight: true),
        TableColumn(.mrr, "MRR booked", width: 12, alignRight: true),
    ]

    static func boardCell(_ column: BoardColumn, of row: TeamBoardRow) -> (String, ThemeSlot?) {
        func n(_ value: Int, _ slot: ThemeSlot? = nil) -> (String, ThemeSlot?) {
            (Money.groupedInteger(value), value == 0 ? .muted : slot)
        }
        switch column {
        case .name: return (row.name, nil)
        case .open: return n(row.openOrders)
        case .notDone: return n(row.notDone, .warning)
        case .upTo7: return n(row.aging.upTo7)
        case .upTo14: return n(row.aging.upTo14)
        case .upTo30: return n(row.aging.upTo30, .warning)
        case .over30: return n(row.aging.over30, .danger)
        case .installs: return n(row.installsThisWeek)
        case .mrr: return (row.mrrBookedThisWeek.grouped, row.mrrBookedThisWeek == .zero ? .muted : nil)
        }
    }

    // MARK: Rendering

    public static func render(_ state: StatusState, on canvas: Canvas, now: Int64, top: Int, bottom: Int) {
        let theme = canvas.theme
        for y in top..<max(top, bottom) { canvas.fill(row: y, style: theme.style(.body)) }
        let layout = layout(top: top, bottom: bottom, boardCount: state.board?.rows.count ?? 0)
        guard bottom - top >= 4 else { return }
        renderSummary(state, on: canvas, row: layout.summaryTop)
        renderBoard(state, on: canvas, layout: layout)
        renderList(state, on: canvas, layout: layout, now: now)
    }

    /// Text in pieces, each in its own style, cut at the right edge; returns the column after the last.
    @discardableResult
    static func segments(_ parts: [(String, ThemeSlot?)], on canvas: Canvas, row: Int, column: Int = 0, limit: Int? = nil) -> Int {
        var x = column
        let end = min(canvas.columns, limit ?? canvas.columns)
        for (text, slot) in parts {
            let width = min(DisplayWidth.of(text), end - x)
            guard width > 0 else { break }
            canvas.cell(text, row: row, column: x, width: width, style: canvas.style(slot ?? .body))
            x += width
        }
        return x
    }

    /// `12 active │ P1 3 · P2 5 · P3 4 │ ✗ 2 breached · ! 1 due within 1h · ✓ 9 on time`, then the sparkline
    /// of the last 14 days with its scale and today's figure.
    static func renderSummary(_ state: StatusState, on canvas: Canvas, row: Int) {
        let s = state.summary
        let wide = canvas.columns >= 100
        var parts: [(String, ThemeSlot?)] = [(Money.groupedInteger(s.active) + " active", .accent), ("  │ ", .muted)]
        for (i, severity) in EscalationSeverity.allCases.enumerated() {
            let n = s.count(severity)
            parts.append((severity.label + " " + Money.groupedInteger(n), n > 0 ? severitySlot(severity) : .muted))
            if i < EscalationSeverity.allCases.count - 1 { parts.append((" · ", .muted)) }
        }
        parts.append(("  │ ", .muted))
        let breached = s.count(.breached), soon = s.count(.dueSoon), onTime = s.count(.onTime)
        parts.append(("✗ " + Money.groupedInteger(breached) + " breached", breached > 0 ? .danger : .muted))
        parts.append((" · ", .muted))
        parts.append(("! " + Money.groupedInteger(soon) + " due within " + (wide ? "an hour" : "1h"), soon > 0 ? .warning : .muted))
        parts.append((" · ", .muted))
        parts.append(("✓ " + Money.groupedInteger(onTime) + " on time", onTime > 0 ? .ok : .muted))
        segments(parts, on: canvas, row: row)

        guard let history = state.history, !history.counts.isEmpty else {
            canvas.text("Active escalations, last \(EscalationHistory.days) days: …", row: row + 1, column: 0, style: canvas.style(.muted))
            return
        }
        let first = history.lastDay.adding(days: 1 - history.counts.count)
        let label = "Active, last \(history.counts.count) days "
        var line: [(String, ThemeSlot?)] = [(label, .muted), (Sparkline.line(history.counts), .accent),
                                            ("  " + Sparkline.caption(history.counts), nil)]
        if wide { line.append(("  (" + first.iso + " → " + history.lastDay.iso + ")", .muted)) }
        segments(line, on: canvas, row: row + 1)
    }

    /// `▸ Team board · week of 2026-11-16` with the focus marker, and what is beyond the rows shown.
    static func paneTitle(_ title: String, focused: Bool, right: String, on canvas: Canvas, row: Int) {
        let rightWidth = DisplayWidth.of(right)
        canvas.cell((focused ? "▸ " : "  ") + title, row: row, column: 0, width: max(0, canvas.columns - rightWidth - 1),
                    style: canvas.style(focused ? .accent : .muted).adding(bold: focused))
        if rightWidth > 0, rightWidth < canvas.columns {
            canvas.cell(right, row: row, column: canvas.columns - rightWidth, width: rightWidth, style: canvas.style(.muted))
        }
    }

    static func renderBoard(_ state: StatusState, on canvas: Canvas, layout l: Layout) {
        let theme = canvas.theme
        let rows = state.board?.rows ?? []
        let focused = state.pane == .board
        let week = state.board.map { " · week of " + $0.weekStart.iso } ?? ""
        var right = ""
        if rows.count > l.boardRows {
            let last = min(rows.count, state.boardTop + l.boardRows)
            right = "\(state.boardTop + 1)–\(last) of \(rows.count) AMs" + (last < rows.count ? " ↓" : " ↑")
        } else if !rows.isEmpty {
            right = rows.count == 1 ? "1 AM" : "\(rows.count) AMs"
        }
        paneTitle("Team board" + week, focused: focused, right: right, on: canvas, row: l.boardTitle)
        let placed = TableLayout.layout(boardColumns(for: state.board, totalWidth: canvas.columns), totalWidth: canvas.columns)
        TableLayout.drawHeader(placed, on: canvas, row: l.boardHeader)
        guard let board = state.board else {
            canvas.text("  Loading the team board…", row: l.boardFirst, column: 0, style: theme.style(.muted))
            return
        }
        if rows.isEmpty {
            canvas.text("  No account managers.", row: l.boardFirst, column: 0, style: theme.style(.muted))
        }
        for (i, row) in rows.dropFirst(state.boardTop).prefix(l.boardRows).enumerated() {
            let isCursor = focused && state.boardTop + i == state.boardCursor
            drawRow(placed, on: canvas, row: l.boardFirst + i, base: theme.style(isCursor ? .tableCursor : .body)) { column in
                boardCell(column, of: row)
            }
        }
        var total = board.total
        total.name = "Team (\(rows.count))"
        drawRow(placed, on: canvas, row: l.boardTotal, base: theme.style(.body).adding(bold: true), keepBold: true) { column in
            boardCell(column, of: total)
        }
    }

    /// One table row: each cell in its own slot, or the row's style on the cursor (keeping bold).
    static func drawRow<ID: Hashable & Sendable>(
        _ placed: [PlacedColumn<ID>], on canvas: Canvas, row y: Int, base: Style, keepBold: Bool = false,
        cell: (ID) -> (String, ThemeSlot?)
    ) {
        let isPlain = base == canvas.style(.body)
        canvas.fill(row: y, style: base)
        for column in placed {
            let (text, slot) = cell(column.id)
            let own = slot.map { canvas.style($0) }
            let style = isPlain ? (own ?? base) : keepBold ? (own ?? base).adding(bold: true) : base.adding(bold: own?.bold ?? false)
            canvas.cell(text, row: y, column: column.x, width: column.width, style: style, alignRight: column.column.alignRight)
        }
    }

    static func renderList(_ state: StatusState, on canvas: Canvas, layout l: Layout, now: Int64) {
        let theme = canvas.theme
        let focused = state.pane == .list
        paneTitle(heading(state), focused: focused, right: countText(state), on: canvas, row: l.listTitle)
        let placed = TableLayout.layout(columns, totalWidth: canvas.columns)
        TableLayout.drawHeader(placed, on: canvas, row: l.listHeader)
        if state.rows.isEmpty {
            for (i, line) in emptyMessage(state).flatMap({ TextWrap.lines($0, width: max(1, canvas.columns - 4)) }).enumerated()
            where l.listFirst + i < l.bottom {
                canvas.text(line, row: l.listFirst + i, column: 2, style: theme.style(.muted))
            }
            return
        }
        for (i, row) in state.rows.enumerated() where l.listFirst + i < l.bottom {
            let highlighted = state.highlights[row.id] != nil
            let slot: ThemeSlot = focused && i == state.cursor ? .tableCursor : highlighted ? .tableSelection : .body
            drawRow(placed, on: canvas, row: l.listFirst + i, base: theme.style(slot), keepBold: slot == .tableSelection) { column in
                let width = placed.first { $0.id == column }?.width ?? 0
                return cell(column, of: row, width: width, now: now, highlighted: highlighted)
            }
        }
    }

    /// `Escalations · open or acknowledged · f filter`, the filter in words, or an account manager's own.
    static func heading(_ state: StatusState) -> String {
        let f = state.filter
        let what = f.isOwnOnly ? "Your escalations (read-only)" : "Escalations"
        if f.isDefault { return what + " · open or acknowledged · f filter" }
        return what + " · " + f.summary + " · F clears"
    }

    /// `12 escalations`.
    static func countText(_ state: StatusState) -> String {
        guard let total = state.total else { return "" }
        return Money.groupedInteger(total.count) + (total.isExact ? "" : "+") + (total.count == 1 ? " escalation" : " escalations")
    }

    static func emptyMessage(_ state: StatusState) -> [String] {
        if !state.loaded { return ["Loading escalations…"] }
        if state.filter.isDefault {
            return [state.filter.isOwnOnly ? "None of your orders is escalated." : "No open or acknowledged escalations."]
        }
        return ["No escalation matches: " + state.filter.summary + ".", "F clears the filter; f changes it."]
    }

    /// `3 of 12` on the list, `AM 2 of 6` on the board, for the footer.
    public static func position(_ state: StatusState) -> String {
        if state.pane == .board {
            let count = state.board?.rows.count ?? 0
            return count == 0 ? "" : "AM \(state.boardCursor + 1) of \(count)"
        }
        let total = state.total.map { Money.groupedInteger($0.count) + ($0.isExact ? "" : "+") } ?? "…"
        if state.rows.isEmpty { return state.loaded ? "0 of " + total : "" }
        if !state.positionKnown { return (state.hasMoreAfter ? "near the end" : "last") + " of " + total }
        return Money.groupedInteger(state.cursorPosition) + " of " + total
    }
}

extension EscalationFilter {
    /// An account manager's or a viewer's own escalations.
    var isOwnOnly: Bool { involvingLogin != nil }
}
