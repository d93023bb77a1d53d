import OrderDeskCore
import OrderDeskTerminal

/// The saved reconciliation runs, newest first. There are a few a week, so the list is loaded whole.
public struct ReconcileRunsState: Hashable, Sendable {
    public var runs: [ReconcileRunSummary] = []
    public var cursor = 0
    /// Index of the first run on screen.
    public var top = 0
    /// Rows the list can show; set from the terminal size.
    public var visibleRows = 15
    /// False until the first answer came (the list says "Loading…" rather than "No saved runs").
    public var loaded = false

    public init() {}

    public var selected: ReconcileRunSummary? { runs.indices.contains(cursor) ? runs[cursor] : nil }
}

public enum ReconcileRunsScreen {
    /// Rows of chrome around the list: title, header, the selected run's four lines, message line, hints.
    public static let chromeRows = 8
    static let stripRows = 4

    /// Moves the cursor; returns false when the command is not the list's.
    @discardableResult
    public static func update(_ state: inout ReconcileRunsState, _ command: CommandID) -> Bool {
        guard ListCursor.move(command, cursor: &state.cursor, count: state.runs.count, visibleRows: state.visibleRows) else {
            return false
        }
        scrollToCursor(&state)
        return true
    }

    /// A fresh list; the cursor stays on the run it was on (or on `select` when given).
    public static func loaded(_ state: inout ReconcileRunsState, _ runs: [ReconcileRunSummary], select: Int64? = nil) {
        let keep = select ?? state.selected?.id
        state.runs = runs
        state.loaded = true
        state.cursor = keep.flatMap { id in runs.firstIndex { $0.id == id } } ?? min(state.cursor, max(0, runs.count - 1))
        scrollToCursor(&state)
    }

    public static func resized(_ state: inout ReconcileRunsState, visibleRows: Int) {
        state.visibleRows = max(1, visibleRows)
        scrollToCursor(&state)
    }

    private static func scrollToCursor(_ state: inout ReconcileRunsState) {
        ListCursor.scroll(cursor: &state.cursor, top: &state.top, count: state.runs.count, visibleRows: state.visibleRows)
    }

    /// `run 2 of 14` for the footer.
    static func position(_ state: ReconcileRunsState) -> String {
        state.runs.isEmpty ? "" : "run \(state.cursor + 1) of \(state.runs.count)"
    }

    // MARK: Rendering

    enum Column: Hashable, Sendable { case id, ranAt, by, ida, sfdc, matched, differences, open, recurring, kinds }

    static let columns: [TableColumn<Column>] = [
        TableColumn(.id, "Run", width: 4, alignRight: true),
        TableColumn(.ranAt, "Ran (UTC)", width: 16),
        TableColumn(.by, "By", width: 10, drop: 1),
        TableColumn(.ida, "IDA file", width: 12, maxWidth: 24),
        TableColumn(.sfdc, "SFDC file", width: 12, maxWidth: 24, drop: 2),
        TableColumn(.matched, "Matched", width: 7, alignRight: true),
        TableColumn(.differences, "Diffs", width: 6, alignRight: true),
        TableColumn(.open, "Open", width: 5, alignRight: true),
        TableColumn(.recurring, "Recur", width: 5, alignRight: true),
        TableColumn(.kinds, "Largest kinds", width: 12, maxWidth: 200),
    ]

    static func value(_ column: Column, of run: ReconcileRunSummary, width: Int) -> String {
        switch column {
        case .id: return "#" + String(run.id)
        case .ranAt: return Timestamp.display(run.ranAt)
        case .by: return run.ranBy
        case .ida: return DisplayWidth.truncateMiddle(run.ida.name, to: width)
        case .sfdc: return DisplayWidth.truncateMiddle(run.sfdc.name, to: width)
        case .matched: return Money.groupedInteger(run.summary.matched)
        case .differences: return Money.groupedInteger(run.summary.differences)
        case .open: return Money.groupedInteger(run.openDifferences)
        case .recurring: return Money.groupedInteger(run.recurringDifferences)
        case .kinds: return compactKinds(run.summary.byKind, width: width)
        }
    }

    /// The largest kinds first, as many whole entries as fit: `≠status 20  no SFDC 12  …`.
    static func compactKinds(_ byKind: [DifferenceKind: Int], width: Int) -> String {
        let entries = byKind.filter { $0.value > 0 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { $0.key.shortLabel + " " + Money.groupedInteger($0.value) }
        var text = ""
        for (i, entry) in entries.enumerated() {
            let candidate = text.isEmpty ? entry : text + "  " + entry
            let moreAfter = i + 1 < entries.count
            if DisplayWidth.of(candidate) + (moreAfter ? 3 : 0) > width {
                return text.isEmpty ? DisplayWidth.truncate(entry, to: width) : text + "  …"
            }
            text = candidate
        }
        return text.isEmpty ? "none" : text
    }

    /// The screen row of the first run (under the header).
    static func firstRow(top: Int) -> Int { top + 1 }

    /// The index in `state.runs` of the run drawn at screen row `y` (above the strip), for a click.
    static func run(at y: Int, _ state: ReconcileRunsState, top: Int, bottom: Int) -> Int? {
        RowHit.index(row: y, firstRow: firstRow(top: top), end: bottom - stripRows, offset: state.top,
                     count: state.runs.count)
    }

    public static func render(_ state: ReconcileRunsState, on canvas: Canvas, top: Int, bottom: Int) {
        let theme = canvas.theme
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }
        let layout = TableLayout.layout(columns, totalWidth: canvas.columns)
        TableLayout.drawHeader(layout, on: canvas, row: top)
        let firstRow = firstRow(top: top)
        let stripTop = bottom - stripRows
        if state.runs.isEmpty {
            let message = state.loaded
                ? "No saved runs. Press i to reconcile two exports, or run `orderdesk reconcile --save`."
                : "Loading the runs…"
            for (i, line) in TextWrap.lines(message, width: canvas.columns - 4).enumerated() where firstRow + 1 + i < bottom {
                canvas.text(line, row: firstRow + 1 + i, column: 2, style: theme.style(.muted))
            }
            return
        }
        for (i, run) in state.runs.dropFirst(state.top).enumerated() where firstRow + i < stripTop {
            let isCursor = state.top + i == state.cursor
            let base = isCursor ? theme.style(.tableCursor) : theme.style(.body)
            canvas.fill(row: firstRow + i, style: base)
            for placed in layout {
                var style = base
                if !isCursor {
                    if placed.id == .open && run.openDifferences > 0 { style = theme.style(.warning) }
                    if placed.id == .kinds || placed.id == .by { style = theme.style(.muted) }
                }
                canvas.cell(value(placed.id, of: run, width: placed.width), row: firstRow + i, column: placed.x,
                            width: placed.width, style: style, alignRight: placed.column.alignRight)
            }
        }
        if let run = state.selected { renderStrip(run, on: canvas, top: stripTop) }
    }

    /// The selected run in full: who, when, parameters, both files, every kind by name (the table's legend).
    static func renderStrip(_ run: ReconcileRunSummary, on canvas: Canvas, top: Int) {
        let theme = canvas.theme
        canvas.fill(row: top, style: theme.style(.tableHeader))
        canvas.cell("Run #\(run.id) · \(Timestamp.display(run.ranAt)) UTC by \(run.ranBy) · " + parameters(run.options)
                        + " · \(Money.groupedInteger(run.rejectedRows)) rejected rows",
                    row: top, column: 0, width: canvas.columns, style: theme.style(.tableHeader))
        canvas.text(" " + files(run), row: top + 1, column: 0, style: theme.style(.body))
        let lines = packed(kindList(run.summary.byKind), width: canvas.columns - 2, lines: 2)
        for (i, line) in lines.enumerated() {
            canvas.text(" " + line, row: top + 2 + i, column: 0, style: theme.style(.muted))
        }
    }

    /// `money ±0.01 · dates ±0 days`.
    static func parameters(_ options: ReconcileOptions) -> String {
        "money ±" + options.moneyTolerance.plain + " · dates ±\(options.dateToleranceDays) "
            + (options.dateToleranceDays == 1 ? "day" : "days")
    }

    /// `IDA ida.csv (1,000 rows) · SFDC sfdc.csv (998 rows)`.
    static func files(_ run: ReconcileRunSummary) -> String {
        "IDA " + run.ida.name + " (" + Money.groupedInteger(run.summary.idaRows) + " rows) · SFDC " + run.sfdc.name
            + " (" + Money.groupedInteger(run.summary.sfdcRows) + " rows)"
    }

    /// Every kind found, in report order: `missing in SFDC 12`.
    static func kindList(_ byKind: [DifferenceKind: Int]) -> [String] {
        let found = DifferenceKind.allCases.filter { (byKind[$0] ?? 0) > 0 }
        if found.isEmpty { return ["no differences: the exports agree"] }
        return found.map { $0.label + " " + Money.groupedInteger(byKind[$0]!) }
    }

    /// Entries joined with " · " into at most `lines` lines of `width` cells; the last ends with "…" when cut.
    static func packed(_ entries: [String], width: Int, lines: Int) -> [String] {
        var out: [String] = [], line = ""
        for entry in entries {
            let candidate = line.isEmpty ? entry : line + " · " + entry
            if DisplayWidth.of(candidate) <= width || line.isEmpty { line = candidate; continue }
            out.append(line)
            line = entry
            if out.count == lines { break }
        }
        if out.count < lines, !line.isEmpty { out.append(line) } else if out.count == lines { out[lines - 1] += " …" }
        return out.map { DisplayWidth.truncate($0, to: width) }
    }
}

extension DifferenceKind {
    /// A short name for tables: `≠status`, `no SFDC`, `dup IDA`.
    var shortLabel: String {
        switch self {
        case .missingInSFDC: return "no SFDC"
        case .missingInIDA: return "no IDA"
        case .statusMismatch: return "≠status"
        case .mrrMismatch: return "≠MRR"
        case .nrcMismatch: return "≠NRC"
        case .termMismatch: return "≠term"
        case .installDateMismatch: return "≠install"
        case .accountMismatch: return "≠account"
        case .duplicateInIDA: return "dup IDA"
        case .duplicateInSFDC: return "dup SFDC"
        case .missingCrossReference: return "no xref"
        }
    }
}
