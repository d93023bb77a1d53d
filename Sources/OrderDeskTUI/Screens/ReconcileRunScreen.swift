import OrderDeskCore
import OrderDeskTerminal

/// Which differences to fetch: by position in the run's report order, the way the store pages them.
public enum DifferencePageRequest: Hashable, Sendable {
    case first, last
    /// The rows after this position.
    case after(Int)
    /// The rows just before this position.
    case before(Int)
}

/// Why a page of differences was asked for, so the answer can be merged into the window.
public typealias DifferenceFetchPurpose = KeysetWindow<SavedDifference>.Purpose

/// One run's differences: a window of rows onto those that match the query, and the run they belong to.
public struct ReconcileRunState: Hashable, Sendable, KeysetWindowed {
    public var run: ReconcileRunSummary
    public var query = DifferenceQuery()
    /// The rows on screen and the cursor among them.
    public var window: KeysetWindow<SavedDifference>
    /// Differences matching the query, when counted.
    public var total: Int?
    public var searching = false
    public var searchField = TextField()

    public init(run: ReconcileRunSummary, visibleRows: Int = 10) {
        self.run = run; self.window = KeysetWindow(visibleRows: max(1, visibleRows))
    }
}

/// What the differences screen asks the run loop to do.
public enum ReconcileRunEffect: Hashable, Sendable {
    /// Fetch up to `limit` differences; the answer says whether there are more in that direction.
    case fetch(DifferencePageRequest, limit: Int, purpose: DifferenceFetchPurpose)
    case count
}

/// Messages into the differences screen.
public enum ReconcileRunAction: Hashable, Sendable {
    case command(CommandID)
    case searchKey(Key)
    case setKinds(Set<DifferenceKind>)
    /// A page arrived; `more` tells whether the store has more beyond it in the direction asked.
    case loaded([SavedDifference], more: Bool, DifferenceFetchPurpose)
    case counted(Int)
    case resized(visibleRows: Int)
    /// Something changed (a resolution, another terminal): reload the window where it stands.
    case refresh
}

public enum ReconcileRunScreen {
    /// Rows of chrome around the table: title, two header lines, filter line, column header, the
    /// selected difference's four lines, message line, hints.
    public static let chromeRows = 11
    static let stripRows = 4

    public static func update(_ state: inout ReconcileRunState, _ action: ReconcileRunAction) -> [ReconcileRunEffect] {
        switch action {
        case .command(let command):
            return handle(command, &state)
        case .searchKey(let key):
            guard let text = SearchTyping.handle(key, field: &state.searchField, searching: &state.searching) else { return [] }
            return setSearch(text, &state)
        case .setKinds(let kinds):
            guard state.query.kinds != kinds else { return [] }
            state.query.kinds = kinds
            return reset(&state)
        case let .loaded(page, more, purpose):
            switch state.window.merge(page, more: more, for: purpose, exactTotal: state.total) {
            case nil: return []
            case .fetch(let fetch): return [effect(fetch)]
            // The count places a window at the end of the list (see `.counted`).
            case .locateTop: return [.count]
            }
        case .counted(let total):
            state.total = total
            // At the end of the list the window's place follows from the total.
            if !state.hasMoreAfter { state.topIndex = max(0, total - state.rows.count) }
            return []
        case .resized(let visible):
            return state.window.resize(visibleRows: visible).map { [effect($0)] } ?? []
        case .refresh:
            // From the window's first row on (positions are whole numbers, so "after first - 1" includes it).
            let request = state.rows.first.map { DifferencePageRequest.after($0.position - 1) } ?? .first
            return [.fetch(request, limit: state.window.pageSize, purpose: state.window.refreshPurpose), .count]
        }
    }

    private static func handle(_ command: CommandID, _ state: inout ReconcileRunState) -> [ReconcileRunEffect] {
        if let motion = KeysetWindow<SavedDifference>.Motion(command) {
            return state.window.move(motion).map { [effect($0)] } ?? []
        }
        switch command {
        case .reconcileSearch:
            state.searching = true
            state.searchField = TextField(state.query.search)
            return []
        case .reconcileToggleResolved:
            state.query.includeResolved.toggle()
            return reset(&state)
        case .reconcileClearFilter:
            state.query = DifferenceQuery()
            state.searchField = TextField()
            state.searching = false
            return reset(&state)
        default:
            return []
        }
    }

    private static func setSearch(_ text: String, _ state: inout ReconcileRunState) -> [ReconcileRunEffect] {
        guard state.query.search != text else { return [] }
        state.query.search = text
        return reset(&state)
    }

    /// Start over at the top of a new query.
    static func reset(_ state: inout ReconcileRunState) -> [ReconcileRunEffect] {
        state.total = nil
        return [effect(state.window.restart), .count]
    }

    /// The window's fetch as a page of differences: by the positions of the rows it is relative to.
    private static func effect(_ fetch: KeysetWindow<SavedDifference>.Fetch) -> ReconcileRunEffect {
        let request: DifferencePageRequest = switch fetch.request {
        case .first: .first
        case .last: .last
        case .after(let row): .after(row.position)
        case .before(let row): .before(row.position)
        }
        return .fetch(request, limit: fetch.limit, purpose: fetch.purpose)
    }

    // MARK: Rendering

    enum Column: Hashable, Sendable { case recurring, kind, idaOrder, sfdcID, field, idaValue, differs, sfdcValue, matchedBy, status }

    static let columns: [TableColumn<Column>] = [
        TableColumn(.recurring, "↻", width: 4),
        TableColumn(.kind, "Kind", width: 8),
        TableColumn(.idaOrder, "IDA order", width: 12),
        TableColumn(.sfdcID, "SFDC id", width: 18),
        TableColumn(.field, "Field", width: 12, drop: 1),
        TableColumn(.idaValue, "IDA value", width: 11, maxWidth: 30),
        TableColumn(.differs, "", width: 1),
        TableColumn(.sfdcValue, "SFDC value", width: 11, maxWidth: 30),
        TableColumn(.matchedBy, "Matched", width: 9, drop: 2),
        TableColumn(.status, "Status", width: 8),
    ]

    /// Whether a difference is about two values that disagree (as opposed to a missing or duplicate record).
    static func hasValues(_ d: Difference) -> Bool { d.field != nil }

    static func value(_ column: Column, of saved: SavedDifference, runAt: Int64) -> String {
        let d = saved.difference
        switch column {
        case .recurring:
            guard saved.isRecurring else { return "" }
            let weeks = saved.ageInWeeks(runAt: runAt)
            // Seen again within the week (a re-run): "<1w" rather than a misleading "0w".
            return "↻" + DisplayWidth.pad(weeks == 0 ? "<1w" : String(weeks) + "w", to: 3, alignRight: true)
        case .kind: return d.kind.shortLabel
        case .idaOrder: return d.idaOrder ?? "—"
        case .sfdcID: return d.sfdcID ?? "—"
        case .field: return d.field.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? ""
        case .idaValue: return hasValues(d) ? (d.idaValue ?? "(empty)") : ""
        case .differs: return hasValues(d) ? "≠" : ""
        case .sfdcValue: return hasValues(d) ? (d.sfdcValue ?? "(empty)") : ""
        case .matchedBy: return d.matchedBy.map { $0 == .crossReference ? "xref" : "heuristic" } ?? ""
        case .status: return saved.resolution.map { $0.resolution.shortLabel } ?? "open"
        }
    }

    /// The screen row of the first difference (under the heading, counts, query and header).
    static func firstRow(top: Int) -> Int { top + 4 }

    /// The index in `state.rows` of the difference drawn at screen row `y` (above the strip), for a click.
    static func row(at y: Int, _ state: ReconcileRunState, top: Int, bottom: Int) -> Int? {
        RowHit.index(row: y, firstRow: firstRow(top: top), end: bottom - stripRows, count: state.rows.count)
    }

    public static func render(_ state: ReconcileRunState, on canvas: Canvas, top: Int, bottom: Int) {
        let theme = canvas.theme
        let width = canvas.columns
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }
        let run = state.run

        // The run: its files, its counts, and (right of the query) its parameters.
        canvas.text(heading(run, width: width), row: top, column: 0, style: theme.style(.title))
        let counts = [
            Money.groupedInteger(run.summary.differences) + " differences", Money.groupedInteger(run.openDifferences) + " open",
            Money.groupedInteger(run.recurringDifferences) + " recurring", Money.groupedInteger(run.summary.matched) + " matched of "
                + Money.groupedInteger(run.summary.idaRows) + " IDA / " + Money.groupedInteger(run.summary.sfdcRows) + " SFDC rows",
            Money.groupedInteger(run.rejectedRows) + " rejected",
        ].joined(separator: " · ")
        canvas.text(counts, row: top + 1, column: 0, style: theme.style(.muted))

        // The query, or the search being typed.
        let filterRow = top + 2
        let parameters = ReconcileRunsScreen.parameters(run.options)
        let queryWidth = max(1, width - DisplayWidth.of(parameters) - 1)
        if state.searching {
            canvas.cell("/", row: filterRow, column: 0, width: 1, style: theme.style(.accent))
            let x = state.searchField.draw(on: canvas, row: filterRow, column: 1, width: max(1, queryWidth - 1),
                                           style: theme.style(.fieldFocus))
            canvas.terminal.setCursor(row: filterRow, column: x)
        } else {
            let plain = state.query == DifferenceQuery()
            canvas.cell(describe(state.query), row: filterRow, column: 0, width: queryWidth,
                        style: theme.style(plain ? .muted : .accent))
        }
        canvas.cell(parameters, row: filterRow, column: max(0, width - DisplayWidth.of(parameters)),
                    width: DisplayWidth.of(parameters), style: theme.style(.muted))

        let layout = TableLayout.layout(columns, totalWidth: width)
        TableLayout.drawHeader(layout, on: canvas, row: top + 3)
        let firstRow = firstRow(top: top)
        let stripTop = bottom - stripRows
        if state.rows.isEmpty {
            let message = state.query == DifferenceQuery()
                ? "This run found no differences: the two exports agree."
                : "No differences match. Press F to clear the kind, the search and open-only."
            canvas.text(message, row: firstRow + 1, column: 2, style: theme.style(.muted))
        }
        for (i, saved) in state.rows.enumerated() where firstRow + i < stripTop {
            let y = firstRow + i
            let isCursor = i == state.cursor
            let resolved = saved.resolution != nil
            let base = isCursor ? theme.style(.tableCursor) : theme.style(resolved ? .muted : .body)
            canvas.fill(row: y, style: base)
            for placed in layout {
                var style = base
                switch placed.id {
                case .idaValue, .differs, .sfdcValue:
                    if hasValues(saved.difference) {
                        style = isCursor ? base.adding(bold: true) : theme.style(resolved ? .muted : .warning)
                    }
                case .recurring where !isCursor && saved.isRecurring:
                    style = theme.style(.accent)
                case .status where !isCursor && !resolved:
                    style = theme.style(.warning)
                default: break
                }
                canvas.cell(value(placed.id, of: saved, runAt: run.ranAt), row: y, column: placed.x, width: placed.width,
                            style: style, alignRight: placed.column.alignRight)
            }
        }
        renderStrip(state.selected, runAt: run.ranAt, on: canvas, top: stripTop)
    }

    /// The selected difference in full: both sides, what was decided, and its history.
    static func renderStrip(_ saved: SavedDifference?, runAt: Int64, on canvas: Canvas, top: Int) {
        let theme = canvas.theme
        canvas.fill(row: top, style: theme.style(.tableHeader))
        guard let saved else { return }
        let d = saved.difference
        var heading = d.kind.label + " · IDA " + (d.idaOrder ?? "—") + " · SFDC " + (d.sfdcID ?? "—")
        if let by = d.matchedBy { heading += " · matched by " + (by == .crossReference ? "cross-reference" : "heuristic") }
        if saved.orderID == nil { heading += " · not in this store" }
        canvas.cell(heading, row: top, column: 0, width: canvas.columns, style: theme.style(.tableHeader))

        // Both sides' values.
        var x = 1
        func segment(_ text: String, _ style: Style) {
            guard x < canvas.columns else { return }
            canvas.text(text, row: top + 1, column: x, style: style)
            x += DisplayWidth.of(text)
        }
        if let field = d.field {
            let name = field.rawValue.replacingOccurrences(of: "_", with: " ")
            segment(name + ": IDA ", theme.style(.muted))
            segment(d.idaValue ?? "(empty)", theme.style(.warning))
            segment("  ≠  ", theme.style(.warning))
            segment("SFDC ", theme.style(.muted))
            segment(d.sfdcValue ?? "(empty)", theme.style(.warning))
        } else {
            segment(sides(d), theme.style(.body))
        }

        // What was decided.
        if let r = saved.resolution {
            canvas.text(" ✓ " + r.resolution.label + " by " + r.by + " at " + Timestamp.display(r.at) + ": " + r.note,
                        row: top + 2, column: 0, style: theme.style(.ok))
        } else {
            canvas.text(" ○ open · r resolves it with a note", row: top + 2, column: 0, style: theme.style(.warning))
        }

        // Its history.
        if let first = saved.firstSeenAt {
            let weeks = saved.ageInWeeks(runAt: runAt)
            var text = " ↻ first seen " + Day(unixSeconds: first).iso + " (" + (weeks == 0 ? "this week" : weeks == 1 ? "1 week ago" : "\(weeks) weeks ago") + ")"
            if let earlier = saved.earlierResolution {
                text += " · then " + earlier.resolution.label + " by " + earlier.by + ": " + earlier.note
            }
            canvas.text(text, row: top + 3, column: 0, style: theme.style(.accent))
        } else {
            canvas.text(" first reported by this run", row: top + 3, column: 0, style: theme.style(.muted))
        }
    }

    /// `Run #12 · 2026-11-17 10:00 · IDA ida.csv · SFDC sfdc.csv`, the file names cut in the middle to fit.
    static func heading(_ run: ReconcileRunSummary, width: Int) -> String {
        let fixed = "Run #\(run.id) · " + Timestamp.display(run.ranAt) + " UTC · IDA  · SFDC "
        let room = max(10, width - DisplayWidth.of(fixed))
        let ida = DisplayWidth.of(run.ida.name), sfdc = DisplayWidth.of(run.sfdc.name)
        // Each name gets half the room, and what one does not need goes to the other.
        let idaWidth = ida + sfdc <= room ? ida : min(ida, max(room / 2, room - sfdc))
        return fixed.replacingOccurrences(of: "IDA  · SFDC ", with: "IDA " + DisplayWidth.truncateMiddle(run.ida.name, to: idaWidth)
            + " · SFDC " + DisplayWidth.truncateMiddle(run.sfdc.name, to: max(5, room - idaWidth)))
    }

    /// What a difference without values means, in words.
    static func sides(_ d: Difference) -> String {
        switch d.kind {
        case .missingInSFDC: return "In IDA only: no SFDC order refers to it."
        case .missingInIDA: return "In SFDC only: no IDA order matches it."
        case .duplicateInIDA: return "IDA lists this order number more than once; the first takes part."
        case .duplicateInSFDC: return "More than one SFDC order refers to this IDA order; the first takes part."
        case .missingCrossReference: return "Paired by account, booked date and MRR: SFDC lacks the IDA order number."
        default: return ""
        }
    }

    /// The query in words: `all kinds · with resolved · f kind · o open only · / search`.
    static func describe(_ query: DifferenceQuery) -> String {
        if query == DifferenceQuery() { return "all differences · f kind · o open only · / search" }
        var parts: [String] = []
        parts.append(query.kinds.isEmpty ? "all kinds" : "kind " + query.kinds.sorted().map(\.label).joined(separator: ", "))
        if !query.includeResolved { parts.append("open only") }
        if !query.search.isEmpty { parts.append("search \"" + query.search + "\"") }
        return "showing: " + parts.joined(separator: " · ") + " · F clears"
    }

    /// `row 12 of 41` for the footer.
    static func position(_ state: ReconcileRunState) -> String {
        let total = state.total.map(Money.groupedInteger) ?? "…"
        if state.rows.isEmpty { return "row 0 of " + total }
        return "row " + Money.groupedInteger(state.cursorPosition) + " of " + total
    }
}

extension DifferenceResolution {
    /// At most 8 cells, for the status column: `fix SFDC`.
    var shortLabel: String {
        switch self {
        case .fixInSFDC: return "fix SFDC"
        case .fixInIDA: return "fix IDA"
        case .accepted: return "accepted"
        case .ignored: return "ignored"
        }
    }
}
