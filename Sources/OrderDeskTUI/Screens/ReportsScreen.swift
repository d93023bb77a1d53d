import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Tab 6's state: the period, the channel, the report and the 12-week chart.
///
/// The screen is one tall page (heading, channel table, chart, backlog by state, productivity, commission)
/// that scrolls by rows: `top` is its first row on screen. The page's height depends on the width, so the
/// desk tells the state how many rows the page has and how many fit (`resized`).
public struct ReportsState: Hashable, Sendable {
    public var kind = ReportPeriodKind.weekly
    /// The day the period holds; nil until the screen first shows (then today).
    public var day: Day?
    /// nil: every channel.
    public var channel: Channel?
    public var report: SalesReport?
    /// Booked and installed MRR per channel, 12 weeks to the period's end, oldest first.
    public var weeks: [WeeklyMRR] = []
    /// The page's first row on screen.
    public var top = 0
    public var visibleRows = 20
    public var contentRows = 0
    /// What the last load could not get, said in place of the report.
    public var error: String?
    /// The data changed while the screen was not on screen: reload when it shows again.
    public var stale = false
    /// When the report was last loaded (the desk's monotonic seconds), for the live reload's pace.
    public var loadedAt: Double?

    public init() {}

    /// The period shown (today's week before the first load).
    public var period: ReportPeriod { .containing(day ?? Day(ordinal: 0), kind: kind) }
    public var query: ReportQuery { ReportQuery(period: period, channel: channel) }
    public var loaded: Bool { report != nil }
}

/// Messages into the reports screen.
public enum ReportsAction: Hashable, Sendable {
    case command(CommandID)
    /// Today's date, for `t` and the first show.
    case today(Day)
    /// Rows that fit and rows the page has.
    case resized(visibleRows: Int, contentRows: Int)
}

public enum ReportsScreen {
    /// True when the report must be loaded again (another period or channel).
    @discardableResult
    public static func update(_ state: inout ReportsState, _ action: ReportsAction) -> Bool {
        switch action {
        case .today(let day):
            state.day = day
            state.top = 0
            return true
        case let .resized(visibleRows, contentRows):
            state.visibleRows = max(1, visibleRows)
            state.contentRows = contentRows
            state.top = max(0, min(state.top, contentRows - state.visibleRows))
            return false
        case .command(let command):
            switch command {
            case .reportDaily: return setKind(&state, .daily)
            case .reportWeekly: return setKind(&state, .weekly)
            case .reportMonthly: return setKind(&state, .monthly)
            case .reportPrevious: return step(&state, to: state.period.previous)
            case .reportNext: return step(&state, to: state.period.next)
            case .reportChannel:
                state.channel = nextChannel(after: state.channel)
                return true
            default:
                let scrollable = max(1, state.contentRows - state.visibleRows + 1)
                _ = ListCursor.move(command, cursor: &state.top, count: scrollable, visibleRows: state.visibleRows)
                return false
            }
        }
    }

    static func setKind(_ state: inout ReportsState, _ kind: ReportPeriodKind) -> Bool {
        guard state.kind != kind else { return false }
        state.kind = kind
        return true
    }

    /// Moves to another period, keeping the day's place in it (the 18th of a month goes to the 18th of the
    /// next, or its last day); a Monday week keeps the weekday.
    static func step(_ state: inout ReportsState, to period: ReportPeriod) -> Bool {
        let offset = (state.day ?? period.start) - state.period.start
        state.day = min(period.start.adding(days: offset), period.end)
        return true
    }

    /// All, then each channel, then all again.
    public static func nextChannel(after channel: Channel?) -> Channel? {
        guard let channel else { return Channel.allCases.first }
        let i = Channel.allCases.firstIndex(of: channel)! + 1
        return i < Channel.allCases.count ? Channel.allCases[i] : nil
    }

    /// `report-weekly-2026-11-16.csv`, in the desk's current directory.
    public static func defaultExportPath(_ period: ReportPeriod) -> String {
        "report-" + period.kind.rawValue + "-" + period.start.iso + ".csv"
    }

    /// `rows 1–21 of 64` when the page is taller than the screen.
    public static func position(_ state: ReportsState) -> String {
        guard state.contentRows > state.visibleRows else { return "" }
        return "rows \(state.top + 1)–\(min(state.contentRows, state.top + state.visibleRows)) of \(state.contentRows)"
    }

    // MARK: Figures

    /// The change from the previous period: `+12`, `−3`, `±0`.
    public static func change(_ n: Int) -> String {
        n > 0 ? "+" + Money.groupedInteger(n) : n < 0 ? "−" + Money.groupedInteger(-n) : "±0"
    }

    /// `+1,240.00`, `−35.50`, `±0`.
    public static func change(_ m: Money) -> String {
        m.cents > 0 ? "+" + m.grouped : m.cents < 0 ? "−" + Money(cents: -m.cents).grouped : "±0"
    }

    /// Rising is good for booked and installs, bad for not done and cancellations; the backlog is neutral.
    static func changeSlot(_ delta: Int64, risingIsGood: Bool?) -> ThemeSlot {
        guard delta != 0, let risingIsGood else { return .muted }
        return (delta > 0) == risingIsGood ? .ok : .warning
    }

    public static func channelName(_ channel: Channel?) -> String {
        guard let channel else { return "all channels" }
        return channel == .smb ? "SMB" : channel.rawValue
    }

    enum ChannelColumn: Hashable, Sendable { case channel, booked, bookedMRR, bookedNRC, installs, installMRR, notDone, cancels, backlog }

    static let channelColumns: [TableColumn<ChannelColumn>] = [
        TableColumn(.channel, "Channel", width: 8, maxWidth: 12),
        TableColumn(.booked, "Booked", width: 6, alignRight: true),
        TableColumn(.bookedMRR, "Bkd MRR", width: 8, alignRight: true),
        TableColumn(.bookedNRC, "Bkd NRC", width: 8, alignRight: true, drop: 1),
        TableColumn(.installs, "Installs", width: 8, alignRight: true),
        TableColumn(.installMRR, "Inst MRR", width: 8, alignRight: true),
        TableColumn(.notDone, "Not done", width: 8, alignRight: true),
        TableColumn(.cancels, "Cancel", width: 6, alignRight: true),
        TableColumn(.backlog, "Backlog", width: 7, alignRight: true),
    ]

    /// A channel row's figure and its change, with the change's slot.
    static func channelCell(_ column: ChannelColumn, _ row: ChannelReportRow) -> (figure: String, change: String, slot: ThemeSlot?) {
        let c = row.current, p = row.previous
        func count(_ a: Int, _ b: Int, _ good: Bool?) -> (String, String, ThemeSlot?) {
            (Money.groupedInteger(a), change(a - b), changeSlot(Int64(a - b), risingIsGood: good))
        }
        func money(_ a: Money, _ b: Money) -> (String, String, ThemeSlot?) {
            (a.grouped, change(a - b), changeSlot((a - b).cents, risingIsGood: true))
        }
        switch column {
        case .channel: return (row.channel.map(channelName) ?? "Total", "", nil)
        case .booked: return count(c.bookedCount, p.bookedCount, true)
        case .bookedMRR: return money(c.bookedMRR, p.bookedMRR)
        case .bookedNRC: return money(c.bookedNRC, p.bookedNRC)
        case .installs: return count(c.installCount, p.installCount, true)
        case .installMRR: return money(c.installMRR, p.installMRR)
        case .notDone: return count(c.notDone, p.notDone, false)
        case .cancels: return count(c.cancellations, p.cancellations, false)
        case .backlog: return count(c.backlogTotal, p.backlogTotal, nil)
        }
    }

    // MARK: The page

    /// One row of the page: a fill and pieces of text at their columns.
    public struct Line: Hashable, Sendable {
        public var fill: ThemeSlot = .body
        public var pieces: [Piece] = []

        public struct Piece: Hashable, Sendable {
            public var text: String
            public var x: Int
            public var width: Int
            public var slot: ThemeSlot?
            public var bold = false
            public var alignRight = false
        }

        static let blank = Line()

        /// Runs one after another from `x`.
        init(_ runs: [TextRun], x: Int = 0, fill: ThemeSlot = .body) {
            self.fill = fill
            var at = x
            for run in runs {
                let w = DisplayWidth.of(run.text)
                pieces.append(Piece(text: run.text, x: at, width: w, slot: run.slot, bold: run.bold))
                at += w
            }
        }

        init(fill: ThemeSlot = .body, pieces: [Piece] = []) { self.fill = fill; self.pieces = pieces }
    }

    /// The whole page at `width`: heading, the channel table, the chart, the backlog by state, productivity
    /// and commission. Drawn from `top`, as many rows as fit.
    public static func page(_ state: ReportsState, width: Int) -> [Line] {
        var lines = heading(state, width: width)
        if let error = state.error {
            lines += TextWrap.lines(error, width: max(1, width - 2)).map { Line([TextRun($0, .danger)], x: 2) }
        }
        guard let report = state.report else {
            if state.error == nil { lines.append(Line([TextRun("Loading the report…", .muted)], x: 2)) }
            return lines
        }
        lines += channelTable(report, width: width)
        lines.append(.blank)
        lines += chart(state, width: width)
        lines.append(.blank)
        lines += backlogTable(report, width: width)
        lines.append(.blank)
        lines += productivityTable(report, width: width)
        lines.append(.blank)
        lines += commissionTable(report, width: width)
        return lines
    }

    /// `Week of 2026-11-16 (to 2026-11-22) · all channels · produced 2026-11-18 14:20 Europe/Paris` (the time
    /// zone when it fits), then what the changes under the figures compare with, and the keys when they fit.
    static func heading(_ state: ReportsState, width: Int) -> [Line] {
        let period = state.period
        var first: [TextRun] = [TextRun(period.label.capitalizedFirst + " · " + channelName(state.channel), .accent, bold: true)]
        if let report = state.report {
            let used = DisplayWidth.of(first[0].text)
            let zone = " " + report.timeZone
            let produced = " · produced " + produced(report)
            first.append(TextRun(produced + (used + DisplayWidth.of(produced + zone) <= width ? zone : ""), .muted))
        }
        let previous = period.previous
        let before = "Under each figure: its change from " + (previous.kind == .weekly ? "week of " + previous.start.iso : previous.label)
        let keys = "   d/w/m period · ← → step · t today · c channel · x export"
        let fits = DisplayWidth.of(before + keys) <= width
        return [Line(first), Line([TextRun(before + (fits ? keys : ""), .muted)])]
    }

    /// `2026-11-18 14:20`, in the report's time zone.
    static func produced(_ report: SalesReport) -> String {
        let zone = TimeZone(identifier: report.timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let local = report.generatedAt + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(report.generatedAt))))
        let seconds = ((local % 86_400) + 86_400) % 86_400
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return Day(unixSeconds: local).iso + " " + two(seconds / 3_600) + ":" + two(seconds % 3_600 / 60)
    }

    /// A section's title: `Booked and installed MRR per week`, bold, with the rest of the row for a note.
    static func sectionTitle(_ title: String, note: String = "") -> Line {
        Line([TextRun(title, .accent, bold: true)] + (note.isEmpty ? [] : [TextRun("  " + note, .muted)]))
    }

    /// Columns as wide as their widest cell, then placed across the width.
    static func fitted<ID>(_ columns: [TableColumn<ID>], width: Int, cells: (ID) -> [String]) -> [PlacedColumn<ID>] {
        let sized = columns.map { column -> TableColumn<ID> in
            let widest = ([column.title] + cells(column.id)).map(DisplayWidth.of).max() ?? column.width
            return TableColumn(column.id, column.title, width: max(column.width, column.maxWidth == nil ? widest : 0),
                               maxWidth: column.maxWidth.map { max($0, min(widest, 30)) }, alignRight: column.alignRight,
                               drop: column.dropPriority)
        }
        return TableLayout.layout(sized, totalWidth: width)
    }

    static func header<ID>(_ placed: [PlacedColumn<ID>]) -> Line {
        Line(fill: .tableHeader, pieces: placed.map {
            Line.Piece(text: $0.column.title, x: $0.x, width: $0.width, slot: .tableHeader, alignRight: $0.column.alignRight)
        })
    }

    static func row<ID>(_ placed: [PlacedColumn<ID>], bold: Bool = false, cell: (ID) -> (String, ThemeSlot?)) -> Line {
        Line(pieces: placed.map { column in
            let (text, slot) = cell(column.id)
            return Line.Piece(text: text, x: column.x, width: column.width, slot: slot, bold: bold, alignRight: column.column.alignRight)
        })
    }

    /// Each channel on two rows, the figures and (muted, under them) the change; the total in bold.
    static func channelTable(_ report: SalesReport, width: Int) -> [Line] {
        let rows = report.channels
        let placed = fitted(channelColumns, width: width) { id in
            rows.flatMap { let c = channelCell(id, $0); return [c.figure, c.change] }
        }
        var lines = [header(placed)]
        if rows.isEmpty { lines.append(Line([TextRun("No orders in this period.", .muted)], x: 2)) }
        for r in rows {
            let isTotal = r.channel == nil
            lines.append(row(placed, bold: isTotal) { (channelCell($0, r).figure, nil) })
            lines.append(row(placed) { id in
                let c = channelCell(id, r)
                return id == .channel ? ("", nil) : (c.change, c.slot)
            })
        }
        return lines
    }

    /// The open states, the order's workflow's order.
    static let backlogStates = OrderState.allCases.filter(\.isOpen)

    /// The backlog at the period's end: one row an open state, one column a channel and the total, each
    /// cell the count and its change (`12 +3`).
    static func backlogTable(_ report: SalesReport, width: Int) -> [Line] {
        let rows = report.channels
        guard !rows.isEmpty else { return [] }
        func cell(_ state: OrderState, _ r: ChannelReportRow) -> String {
            let now = r.current.backlog[state] ?? 0, before = r.previous.backlog[state] ?? 0
            return Money.groupedInteger(now) + " " + change(now - before)
        }
        let columns = [TableColumn<Int>(-1, "State", width: 11)] + rows.indices.map { i in
            TableColumn(i, rows[i].channel.map { channelName($0).capitalizedFirst } ?? "Total", width: 7, alignRight: true,
                        drop: rows[i].channel == nil ? nil : rows.count - i)
        }
        let placed = fitted(columns, width: width) { i in
            i < 0 ? backlogStates.map { String($0.symbol) + " " + $0.label } : backlogStates.map { cell($0, rows[i]) }
        }
        var lines = [sectionTitle("Backlog by state at the end of the period", note: "count and change"), header(placed)]
        for state in backlogStates {
            lines.append(row(placed) { i in
                i < 0 ? (String(state.symbol) + " " + state.label, nil) : (cell(state, rows[i]), rows[i].channel == nil ? .accent : nil)
            })
        }
        return lines
    }

    enum PersonColumn: Hashable, Sendable { case name, role, orders, transitions, notes, escalations }

    static func productivityTable(_ report: SalesReport, width: Int) -> [Line] {
        var columns: [TableColumn<PersonColumn>] = [
            TableColumn(.name, "Person", width: 14, maxWidth: 28),
            TableColumn(.role, "Role", width: 10, drop: 1),
            TableColumn(.orders, "Orders worked", width: 6, alignRight: true),
            TableColumn(.transitions, "Transitions", width: 6, alignRight: true),
            TableColumn(.notes, "Notes", width: 5, alignRight: true),
        ]
        if report.hasEscalations { columns.append(TableColumn(.escalations, "Escalations resolved", width: 6, alignRight: true)) }
        func cell(_ id: PersonColumn, _ p: ProductivityRow) -> String {
            switch id {
            case .name: return p.name
            case .role: return p.role.rawValue.replacingOccurrences(of: "_", with: " ")
            case .orders: return Money.groupedInteger(p.ordersWorked)
            case .transitions: return Money.groupedInteger(p.transitions)
            case .notes: return Money.groupedInteger(p.notes)
            case .escalations: return Money.groupedInteger(p.escalationsResolved)
            }
        }
        let placed = fitted(columns, width: width) { id in report.productivity.map { cell(id, $0) } }
        var lines = [sectionTitle("Productivity", note: "from the audit log"), header(placed)]
        if report.productivity.isEmpty { lines.append(Line([TextRun("No one worked on orders in this period.", .muted)], x: 2)) }
        for p in report.productivity {
            lines.append(row(placed) { id in (cell(id, p), id == .role ? .muted : nil) })
        }
        return lines
    }

    enum CommissionColumn: Hashable, Sendable { case name, team, installed, target, attainment, commission }

    /// `125%`, `—` without a target; marked `▲` at or over the target so it reads without colour.
    static func attainment(_ row: CommissionRow) -> (String, ThemeSlot?) {
        guard let a = row.attainment else { return ("—", .muted) }
        return a.basisPoints >= 10_000 ? ("▲ " + a.display, .ok) : (a.display, nil)
    }

    static func commissionTable(_ report: SalesReport, width: Int) -> [Line] {
        let columns: [TableColumn<CommissionColumn>] = [
            TableColumn(.name, "Account executive", width: 14, maxWidth: 28),
            TableColumn(.team, "Team", width: 8, maxWidth: 16, drop: 1),
            TableColumn(.installed, "Installed MRR", width: 10, alignRight: true),
            TableColumn(.target, "Target", width: 10, alignRight: true),
            TableColumn(.attainment, "Attainment", width: 7, alignRight: true),
            TableColumn(.commission, "Est. commission", width: 10, alignRight: true),
        ]
        func cell(_ id: CommissionColumn, _ c: CommissionRow) -> (String, ThemeSlot?) {
            switch id {
            case .name: return (c.name, nil)
            case .team: return (c.team ?? "—", .muted)
            case .installed: return (c.installedMRR.grouped, c.installedMRR == .zero ? .muted : nil)
            case .target: return (c.target?.grouped ?? "—", c.target == nil ? .muted : nil)
            case .attainment: return attainment(c)
            case .commission: return (c.commission.grouped, c.commission == .zero ? .muted : nil)
            }
        }
        let all = report.executives + report.teams
        let placed = fitted(columns, width: width) { id in all.map { cell(id, $0).0 } }
        var lines = [sectionTitle("Commission", note: "installed MRR against the period's target"), header(placed)]
        if report.executives.isEmpty { lines.append(Line([TextRun("No account executive installed orders in this period.", .muted)], x: 2)) }
        for e in report.executives { lines.append(row(placed) { cell($0, e) }) }
        if !report.teams.isEmpty {
            lines.append(Line([TextRun("Teams", .muted, bold: true)]))
            for t in report.teams { lines.append(row(placed, bold: true) { $0 == .team ? ("", nil) : cell($0, t) }) }
        }
        return lines
    }

    // MARK: The chart

    /// Booked (`█`) and installed (`▒`) MRR a week for 12 weeks, for the channel shown or for all of them
    /// (then with one row a channel under it: both series as sparklines on one shared scale).
    static func chart(_ state: ReportsState, width: Int) -> [Line] {
        let weekStarts = Array(Set(state.weeks.map(\.weekStart))).sorted()
        var lines = [sectionTitle("Booked and installed MRR per week, " + channelName(state.channel),
                                  note: weekStarts.isEmpty ? "" : "last \(weekStarts.count) weeks")]
        guard !weekStarts.isEmpty else {
            lines.append(Line([TextRun("No weekly figures.", .muted)], x: 2))
            return lines
        }
        let index = Dictionary(uniqueKeysWithValues: weekStarts.enumerated().map { ($1, $0) })
        var booked = [Int64](repeating: 0, count: weekStarts.count), installed = booked
        var perChannel: [Channel: (booked: [Int64], installed: [Int64])] = [:]
        for w in state.weeks where state.channel == nil || w.channel == state.channel {
            let i = index[w.weekStart]!
            booked[i] += w.booked.cents
            installed[i] += w.installed.cents
            perChannel[w.channel, default: (booked.map { _ in 0 }, booked.map { _ in 0 })].booked[i] += w.booked.cents
            perChannel[w.channel, default: (booked.map { _ in 0 }, booked.map { _ in 0 })].installed[i] += w.installed.cents
        }
        let series = [BarSeries("booked", glyph: "█", slot: .accent, values: booked),
                      BarSeries("installed", glyph: "▒", slot: .ok, values: installed)]
        let days = weekStarts.map { $0.iso.suffix(2) }.map(String.init)
        var months: [String] = []
        for (i, d) in weekStarts.enumerated() {
            months.append(i == 0 || weekStarts[i - 1].components.month != d.components.month ? monthAbbreviation(d) : "")
        }
        let last = weekStarts.count - 1
        lines.append(Line(BarChart.legend(series) + [TextRun("   week of " + weekStarts[last].iso + ": ", .muted),
                                                      TextRun(Money(cents: booked[last]).grouped + " / " + Money(cents: installed[last]).grouped)]))
        let chartWidth = min(width, 4 + 7 * weekStarts.count + 8)
        let height = width >= 120 ? 8 : 6
        lines += BarChart.lines(series, labelRows: [days, months], height: height, width: chartWidth,
                                format: BarChart.compactMoney).map { Line($0) }
        if state.channel == nil, !perChannel.isEmpty {
            lines += channelSparklines(perChannel, width: width)
        }
        return lines
    }

    /// `direct    booked ▁▂▃▅▇█▅▃▂▁▂▃ 12,340.00   installed ▁▁▂▃▃▄▅▆▆▅▄▃ 8,200.00`: every channel on one scale.
    static func channelSparklines(_ perChannel: [Channel: (booked: [Int64], installed: [Int64])], width: Int) -> [Line] {
        let maximum = Int(perChannel.values.flatMap { $0.booked + $0.installed }.max() ?? 0)
        var lines = [Line([TextRun("By channel, one scale for all (this week's MRR at the right):", .muted)])]
        for channel in Channel.allCases {
            guard let figures = perChannel[channel] else { continue }
            func spark(_ values: [Int64]) -> String { String(values.map { Sparkline.block(Int($0), maximum: maximum) }) }
            let name = DisplayWidth.pad(channelName(channel), to: 9)
            var runs = [TextRun(name), TextRun("booked ", .muted), TextRun(spark(figures.booked), .accent),
                        TextRun(" " + Money(cents: figures.booked.last ?? 0).grouped)]
            let installed = [TextRun("   installed ", .muted), TextRun(spark(figures.installed), .ok),
                             TextRun(" " + Money(cents: figures.installed.last ?? 0).grouped)]
            let used = runs.map { DisplayWidth.of($0.text) }.reduce(0, +)
            if used + installed.map({ DisplayWidth.of($0.text) }).reduce(0, +) <= width {
                runs += installed
                lines.append(Line(runs))
            } else {
                lines.append(Line(runs))
                lines.append(Line([TextRun(DisplayWidth.pad("", to: 9)), TextRun("instd  ", .muted)] + installed.dropFirst()))
            }
        }
        return lines
    }

    /// `Nov`, from the month period's label.
    static func monthAbbreviation(_ day: Day) -> String { String(ReportPeriod.containing(day, kind: .monthly).label.prefix(3)) }

    // MARK: Drawing

    /// Draws the page's rows from `state.top` between `top` and `bottom`.
    public static func render(_ state: ReportsState, on canvas: Canvas, top: Int, bottom: Int) {
        let body = canvas.style(.body)
        for y in top..<max(top, bottom) { canvas.fill(row: y, style: body) }
        guard bottom > top, canvas.columns > 0 else { return }
        let lines = page(state, width: canvas.columns)
        for (i, line) in lines.dropFirst(state.top).prefix(bottom - top).enumerated() {
            let y = top + i
            let fill = canvas.style(line.fill)
            canvas.fill(row: y, style: fill)
            for piece in line.pieces where piece.x < canvas.columns {
                var style = piece.slot.map { canvas.style($0) } ?? fill
                if piece.bold { style = style.adding(bold: true) }
                canvas.cell(piece.text, row: y, column: piece.x, width: min(piece.width, canvas.columns - piece.x), style: style,
                            alignRight: piece.alignRight)
            }
        }
    }
}

extension String {
    /// `Direct`, `SMB`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
