/// A sales report as text: an aligned table for people, CSV and JSON for machines.
///
/// In CSV and JSON, numbers are plain (counts as integers, money as dollars with two decimals, attainment
/// as a percentage number like `87.5`), dates are ISO, and in CSV every text cell is guarded against
/// spreadsheet formulas (numbers are written as they are, so `-12.50` stays a number).
public enum SalesReportDocument {
    public enum Format: String, CaseIterable, Sendable { case table, csv, json }

    public static func render(_ report: SalesReport, _ format: Format, width: (String) -> Int = { $0.count }) -> String {
        switch format {
        case .table: return table(report, width: width)
        case .csv: return csv(report)
        case .json: return json(report)
        }
    }

    /// The open states, in workflow order: the backlog's columns.
    public static let backlogStates = OrderState.allCases.filter(\.isOpen)

    /// One figure of the per-channel table, by its machine name.
    public struct Metric: Sendable {
        public let name: String
        public let title: String
        public let isMoney: Bool
        public let value: @Sendable (ChannelFigures) -> Int64

        static func count(_ name: String, _ title: String, _ value: @escaping @Sendable (ChannelFigures) -> Int) -> Metric {
            Metric(name: name, title: title, isMoney: false) { Int64(value($0)) }
        }
        static func money(_ name: String, _ title: String, _ value: @escaping @Sendable (ChannelFigures) -> Money) -> Metric {
            Metric(name: name, title: title, isMoney: true) { value($0).cents }
        }

        /// `1,234` or `12,345.67` for people; `1234` or `12345.67` for machines.
        func text(_ figures: ChannelFigures, grouped: Bool) -> String {
            Self.text(value(figures), isMoney: isMoney, grouped: grouped)
        }

        static func text(_ n: Int64, isMoney: Bool, grouped: Bool) -> String {
            if isMoney { return grouped ? Money(cents: n).grouped : Money(cents: n).plain }
            return grouped ? Money.groupedInteger(Int(n)) : String(n)
        }
    }

    /// The per-channel figures, in the order the tables show them.
    public static let channelMetrics: [Metric] = [
        .count("booked_count", "Booked", \.bookedCount),
        .money("booked_mrr", "Booked MRR", \.bookedMRR),
        .money("booked_nrc", "Booked NRC", \.bookedNRC),
        .count("installs", "Installs", \.installCount),
        .money("installed_mrr", "Installed MRR", \.installMRR),
        .count("not_done", "Not done", \.notDone),
        .count("cancellations", "Cancelled", \.cancellations),
        .count("backlog", "Backlog", \.backlogTotal),
    ]

    /// The backlog's figures, one per open state.
    public static let backlogMetrics: [Metric] = backlogStates.map { state in
        .count("backlog_" + state.rawValue, state.label, { $0.backlog[state] ?? 0 })
    }

    /// `+12`, `-3`, `±0`, `+1,240.00`.
    public static func change(_ current: Int64, _ previous: Int64, isMoney: Bool) -> String {
        let delta = current - previous
        if delta == 0 { return "±0" }
        return (delta > 0 ? "+" : "-") + Metric.text(abs(delta), isMoney: isMoney, grouped: true)
    }

    static func channelName(_ row: ChannelReportRow) -> String { row.channel?.rawValue ?? "total" }

    // MARK: Table

    static func table(_ report: SalesReport, width: (String) -> Int) -> String {
        let period = report.period
        var out: [String] = [
            period.kind.rawValue.capitalized + " sales report · " + period.label,
            (report.query.channel.map { "channel " + $0.rawValue } ?? "all channels") + " · "
                + (report.query.ownerLogin.map { "orders of " + $0 } ?? "every owner's orders") + " · produced "
                + Timestamp.display(report.generatedAt) + " UTC, days in " + report.timeZone,
            "Each figure's change, in brackets, is against the " + period.previous.label + ".",
            "",
            "ORDERS BY CHANNEL",
        ]
        func cells(_ row: ChannelReportRow, _ metrics: [Metric]) -> [String] {
            [channelName(row)] + metrics.map { m in
                m.text(row.current, grouped: true) + " (" + change(m.value(row.current), m.value(row.previous), isMoney: m.isMoney) + ")"
            }
        }
        let figures = Set(1...channelMetrics.count)
        out += TextTable(header: ["Channel"] + channelMetrics.map(\.title), rows: report.channels.map { cells($0, channelMetrics) },
                         rightAligned: figures).lines(width: width)
        out += ["", "BACKLOG AT THE END OF THE PERIOD, BY STATE"]
        out += TextTable(header: ["Channel"] + backlogMetrics.map(\.title), rows: report.channels.map { cells($0, backlogMetrics) },
                         rightAligned: Set(1...backlogMetrics.count)).lines(width: width)

        out += ["", "PRODUCTIVITY (FROM THE AUDIT LOG)"]
        if report.productivity.isEmpty {
            out.append("  Nobody changed an order in this period.")
        } else {
            var header = ["Person", "Role", "Orders worked", "Transitions", "Notes"]
            if report.hasEscalations { header.append("Escalations resolved") }
            let rows = report.productivity.map { p -> [String] in
                var row = [p.name + " (" + p.login + ")", p.role.rawValue.replacingOccurrences(of: "_", with: " "),
                           Money.groupedInteger(p.ordersWorked), Money.groupedInteger(p.transitions), Money.groupedInteger(p.notes)]
                if report.hasEscalations { row.append(Money.groupedInteger(p.escalationsResolved)) }
                return row
            }
            out += TextTable(header: header, rows: rows, rightAligned: Set(2..<header.count)).lines(width: width)
        }

        func commissionCells(_ row: CommissionRow, team: Bool) -> [String] {
            (team ? [row.name] : [row.name + (row.login.map { " (" + $0 + ")" } ?? ""), row.team ?? "—"])
                + [row.installedMRR.grouped, row.target?.grouped ?? "—", row.attainment?.display ?? "—", row.commission.grouped]
        }
        let money = ["Installed MRR", "Target", "Attainment", "Commission"]
        out += ["", "COMMISSION BY ACCOUNT EXECUTIVE (ESTIMATED)"]
        if report.executives.isEmpty {
            out.append("  No account executive installed anything or has a target in this period.")
        } else {
            out += TextTable(header: ["Account executive", "Team"] + money, rows: report.executives.map { commissionCells($0, team: false) },
                             rightAligned: Set(2...5)).lines(width: width)
        }
        out += ["", "COMMISSION BY TEAM (ESTIMATED)"]
        if report.teams.isEmpty {
            out.append("  No teams are set up.")
        } else {
            out += TextTable(header: ["Team"] + money, rows: report.teams.map { commissionCells($0, team: true) },
                             rightAligned: Set(1...4)).lines(width: width)
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// The CSV's columns: one figure a row.
    public static let csvHeader = ["section", "period_kind", "period_start", "period_end", "channel", "person", "team",
                                   "metric", "value", "previous_value", "change"]

    /// Every figure of the report, one a row, in the order of the table.
    public static func csv(_ report: SalesReport) -> String {
        let p = report.period
        var lines = [csvHeader.joined(separator: ",")]
        func add(_ section: String, channel: String = "", person: String = "", team: String = "", metric: String,
                 value: String, previous: String = "", change: String = "") {
            let text = [section, p.kind.rawValue, p.start.iso, p.end.iso, channel, person, team, metric]
                .map(SpreadsheetSafety.csvField)
            lines.append((text + [value, previous, change]).joined(separator: ","))
        }
        for row in report.channels {
            for (section, metrics) in [("channels", channelMetrics), ("backlog", backlogMetrics)] {
                for m in metrics {
                    let now = m.value(row.current), before = m.value(row.previous)
                    add(section, channel: channelName(row), metric: m.name,
                        value: Metric.text(now, isMoney: m.isMoney, grouped: false),
                        previous: Metric.text(before, isMoney: m.isMoney, grouped: false),
                        change: Metric.text(now - before, isMoney: m.isMoney, grouped: false))
                }
            }
        }
        for person in report.productivity {
            var figures = [("orders_worked", person.ordersWorked), ("transitions", person.transitions), ("notes", person.notes)]
            if report.hasEscalations { figures.append(("escalations_resolved", person.escalationsResolved)) }
            for (metric, n) in figures { add("productivity", person: person.login, metric: metric, value: String(n)) }
        }
        for (section, rows) in [("commission_executive", report.executives), ("commission_team", report.teams)] {
            for row in rows {
                let person = row.login ?? "", team = row.login == nil ? row.name : (row.team ?? "")
                add(section, person: person, team: team, metric: "installed_mrr", value: row.installedMRR.plain)
                add(section, person: person, team: team, metric: "target", value: row.target?.plain ?? "")
                add(section, person: person, team: team, metric: "attainment_pct", value: row.attainment.map(percentNumber) ?? "")
                add(section, person: person, team: team, metric: "commission", value: row.commission.plain)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `87.5` for 87.5%: a plain number.
    static func percentNumber(_ p: Percentage) -> String {
        String(p.display.dropLast())
    }

    // MARK: JSON

    public static func json(_ report: SalesReport) -> String {
        var out = JSONBuffer(capacity: 4_096)
        func period(_ p: ReportPeriod) {
            out.raw("{\"kind\": "); out.string(p.kind.rawValue)
            out.raw(", \"start\": "); out.string(p.start.iso)
            out.raw(", \"end\": "); out.string(p.end.iso); out.raw("}")
        }
        func figures(_ f: ChannelFigures) {
            out.raw("{")
            for (i, m) in channelMetrics.enumerated() {
                out.raw((i == 0 ? "" : ", ") + "\"" + m.name + "\": " + m.text(f, grouped: false))
            }
            out.raw(", \"backlog_by_state\": {")
            for (i, state) in backlogStates.enumerated() {
                out.raw((i == 0 ? "" : ", ") + "\"" + state.rawValue + "\": " + String(f.backlog[state] ?? 0))
            }
            out.raw("}}")
        }
        func commission(_ rows: [CommissionRow]) {
            out.raw("[")
            for (i, row) in rows.enumerated() {
                out.raw(i == 0 ? "\n    {" : ",\n    {")
                if let login = row.login {
                    out.raw("\"login\": "); out.string(login); out.raw(", \"name\": "); out.string(row.name)
                    out.raw(", \"team\": "); out.string(row.team)
                } else {
                    out.raw("\"team\": "); out.string(row.name)
                }
                out.raw(", \"installed_mrr\": " + row.installedMRR.plain + ", \"target\": " + (row.target?.plain ?? "null")
                    + ", \"attainment_pct\": " + (row.attainment.map(percentNumber) ?? "null")
                    + ", \"commission\": " + row.commission.plain + "}")
            }
            out.raw(rows.isEmpty ? "]" : "\n  ]")
        }
        out.raw("{\n  \"period\": "); period(report.period)
        out.raw(",\n  \"previous_period\": "); period(report.period.previous)
        out.raw(",\n  \"channel\": "); out.string(report.query.channel?.rawValue)
        out.raw(",\n  \"owner\": "); out.string(report.query.ownerLogin)
        out.raw(",\n  \"generated_at\": "); out.string(Timestamp.iso(report.generatedAt))
        out.raw(",\n  \"time_zone\": "); out.string(report.timeZone)
        out.raw(",\n  \"channels\": [")
        for (i, row) in report.channels.enumerated() {
            out.raw(i == 0 ? "\n    {\"channel\": " : ",\n    {\"channel\": "); out.string(channelName(row))
            out.raw(", \"current\": "); figures(row.current)
            out.raw(", \"previous\": "); figures(row.previous); out.raw("}")
        }
        out.raw(report.channels.isEmpty ? "]" : "\n  ]")
        out.raw(",\n  \"productivity\": [")
        for (i, p) in report.productivity.enumerated() {
            out.raw(i == 0 ? "\n    {\"login\": " : ",\n    {\"login\": "); out.string(p.login)
            out.raw(", \"name\": "); out.string(p.name)
            out.raw(", \"role\": "); out.string(p.role.rawValue)
            out.raw(", \"orders_worked\": \(p.ordersWorked), \"transitions\": \(p.transitions), \"notes\": \(p.notes)")
            out.raw(", \"escalations_resolved\": " + (report.hasEscalations ? String(p.escalationsResolved) : "null") + "}")
        }
        out.raw(report.productivity.isEmpty ? "]" : "\n  ]")
        out.raw(",\n  \"commission\": {\n  \"executives\": "); commission(report.executives)
        out.raw(",\n  \"teams\": "); commission(report.teams)
        out.raw("}\n}\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
