import OrderDeskCore
import OrderDeskTerminal

/// The order detail: everything about one order, scrollable.
public struct OrderDetailState: Hashable, Sendable {
    public var orderID: Int64
    public var detail: OrderDetail?
    /// The order's escalations, newest first: an account manager follows what the supervisors did here.
    public var escalations: [EscalationRecord] = []
    public var scroll = 0

    public init(orderID: Int64, detail: OrderDetail? = nil) { self.orderID = orderID; self.detail = detail }
}

public enum OrderDetailScreen {
    /// Scrolls; returns true when the command was the detail's own.
    public static func update(_ state: inout OrderDetailState, _ command: CommandID, visibleRows: Int, contentRows: Int) -> Bool {
        let maxScroll = max(0, contentRows - visibleRows)
        switch command {
        case .moveDown: state.scroll = min(maxScroll, state.scroll + 1)
        case .moveUp: state.scroll = max(0, state.scroll - 1)
        case .pageDown: state.scroll = min(maxScroll, state.scroll + max(1, visibleRows - 1))
        case .pageUp: state.scroll = max(0, state.scroll - max(1, visibleRows - 1))
        case .first: state.scroll = 0
        case .last: state.scroll = maxScroll
        default: return false
        }
        return true
    }

    /// One drawn line: segments of text with their styles.
    typealias Line = [(text: String, slot: ThemeSlot?, state: OrderState?)]

    /// The detail laid out as lines for a width.
    static func lines(_ detail: OrderDetail, escalations: [EscalationRecord] = [], width: Int, now: Int64) -> [Line] {
        let row = detail.row
        var out: [Line] = []
        func label(_ name: String) -> (String, ThemeSlot?, OrderState?) { (DisplayWidth.pad(name, to: 11), .muted, nil) }
        func plain(_ text: String) -> (String, ThemeSlot?, OrderState?) { (text, nil, nil) }

        var header: Line = [("Order " + row.orderNumber, .title, nil), plain("  " + row.type.rawValue + "  "),
                            (String(row.state.symbol) + " " + row.state.label, nil, row.state),
                            plain("  for \(row.daysInState(now: now)) days")]
        if row.escalated { header.append(("  ▲ escalated", .danger, nil)) }
        out.append(header)
        out.append([])
        out.append([label("Customer"), plain(row.customerName + "  ·  account " + row.accountNumber
            + (detail.segment.map { "  ·  " + $0 } ?? "") + (detail.customerPhone.map { "  ·  " + $0 } ?? ""))])
        out.append([label("Location"), plain(detail.location?.singleLine ?? "— none: needed before submitting")])
        if let destination = detail.newLocation { out.append([label("Moving to"), plain(destination.singleLine)]) }
        let owner = row.ownerLogin.map { login in login + (detail.ownerName.map { " (" + $0 + ")" } ?? "") } ?? "— unassigned"
        out.append([label("Owner"), plain(owner + "  ·  channel " + row.channel.rawValue + "  ·  term \(detail.termMonths) months")])
        out.append([label("Dates"), plain("booked " + row.bookedOn.iso
            + "  ·  submitted " + (detail.submittedOn?.iso ?? "—")
            + "  ·  install " + (row.installOn?.iso ?? "—")
            + "  ·  bill start " + (detail.billStartOn?.iso ?? "—"))])
        if let code = detail.reasonCode {
            let text = ReasonCode.codes(for: row.state).first { $0.code == code }?.description
                ?? OrderState.allCases.lazy.compactMap { s in ReasonCode.codes(for: s).first { $0.code == code } }.first?.description
            out.append([label("Reason"), (code, .warning, nil), plain(text.map { "  " + $0 } ?? "")])
        }
        out.append([label("Changed"), (
            "version \(row.version)" + (detail.updatedBy.map { " · last by " + $0 + " at " + Timestamp.display(detail.updatedAt) } ?? ""),
            .muted, nil)])
        out.append([])
        if !escalations.isEmpty {
            out += escalationLines(escalations, width: width, now: now)
            out.append([])
        }

        // Order lines as a small table.
        out.append([("Lines", .title, nil)])
        let qtyW = 4, moneyW = 11
        let productW = max(10, min(width, 90) - qtyW - 2 * moneyW - 5)
        out.append([(DisplayWidth.pad("  Product", to: productW + 2) + DisplayWidth.pad("Qty", to: qtyW, alignRight: true)
            + DisplayWidth.pad("MRR", to: moneyW + 1, alignRight: true) + DisplayWidth.pad("NRC", to: moneyW + 1, alignRight: true),
            .tableHeader, nil)])
        if detail.lines.isEmpty { out.append([("  no lines yet", .muted, nil)]) }
        for line in detail.lines {
            out.append([plain("  " + DisplayWidth.pad(line.productCode + " " + line.productName, to: productW)
                + DisplayWidth.pad(String(line.quantity), to: qtyW, alignRight: true)
                + DisplayWidth.pad(line.mrr.grouped, to: moneyW + 1, alignRight: true)
                + DisplayWidth.pad(line.nrc.grouped, to: moneyW + 1, alignRight: true))])
        }
        out.append([("  " + DisplayWidth.pad("Total", to: productW + qtyW)
            + DisplayWidth.pad(detail.totalMRR.grouped, to: moneyW + 1, alignRight: true)
            + DisplayWidth.pad(detail.totalNRC.grouped, to: moneyW + 1, alignRight: true), .accent, nil)])
        out.append([])

        out.append([("Notes (\(detail.notes.count))", .title, nil)])
        if detail.notes.isEmpty { out.append([("  none · n adds one", .muted, nil)]) }
        for note in detail.notes {
            out.append([("  " + Timestamp.display(note.at) + "  " + note.author, .muted, nil)])
            for wrapped in TextWrap.lines(note.text, width: max(10, width - 4)) { out.append([plain("    " + wrapped)]) }
        }
        out.append([])

        out.append([("History (\(detail.history.count))", .title, nil)])
        if detail.history.isEmpty { out.append([("  no changes recorded", .muted, nil)]) }
        for entry in detail.history {
            var change = entry.action
            if let field = entry.field {
                change += " " + field + ": " + (entry.oldValue ?? "—") + " → " + (entry.newValue ?? "—")
            }
            out.append([("  " + Timestamp.display(entry.at) + "  ", .muted, nil),
                        plain(DisplayWidth.pad(entry.actor, to: 16) + " " + change)])
        }
        return out
    }

    /// The order's escalations: each with where it stands, who owns it, and its thread.
    static func escalationLines(_ escalations: [EscalationRecord], width: Int, now: Int64) -> [Line] {
        let active = escalations.filter { $0.status.isActive }.count
        var out: [Line] = [[("Escalations (\(escalations.count)" + (active > 0 ? ", \(active) active" : "") + ")", .title, nil)]]
        for e in escalations {
            let sla = e.slaState(at: now)
            let slot: ThemeSlot = sla == .breached ? .danger : sla == .dueSoon ? .warning : e.status.isActive ? .accent : .muted
            let marker = sla.map { String($0.symbol) } ?? "·"
            out.append([("  " + marker + " " + e.severity.label + " " + e.status.label, slot, nil),
                        ("  " + e.reason.label + (e.status.isActive ? "  ·  " + e.timing(at: now) : "")
                            + "  ·  owner " + (e.ownerLogin ?? "—"), nil, nil)])
            var steps = ["raised " + Timestamp.display(e.raisedAt) + " by " + (e.raisedByLogin ?? "the rules")]
            if let at = e.acknowledgedAt { steps.append("acknowledged " + Timestamp.display(at)) }
            if let at = e.resolvedAt { steps.append("resolved " + Timestamp.display(at)) }
            // One line when it fits, else a line a step.
            let joined = steps.joined(separator: "  ·  ")
            for line in DisplayWidth.of(joined) <= width - 6 ? [joined] : steps { out.append([("      " + line, .muted, nil)]) }
            if let resolution = e.resolution {
                for (i, wrapped) in TextWrap.lines("Resolution: " + resolution, width: max(10, width - 8)).enumerated() {
                    out.append([((i == 0 ? "      " : "        ") + wrapped, .ok, nil)])
                }
            }
            for note in e.notes {
                out.append([("      " + Timestamp.display(note.at) + "  " + (note.authorLogin ?? "the rules"), .muted, nil)])
                for wrapped in TextWrap.lines(note.text, width: max(10, width - 8)) { out.append([(("        " + wrapped), nil, nil)]) }
            }
        }
        return out
    }

    public static func render(_ state: OrderDetailState, on canvas: Canvas, now: Int64, top: Int, bottom: Int) {
        let theme = canvas.theme
        for y in top..<bottom { canvas.fill(row: y, style: theme.style(.body)) }
        guard let detail = state.detail else {
            canvas.text("Loading order…", row: top + 1, column: 2, style: theme.style(.muted))
            return
        }
        let all = lines(detail, escalations: state.escalations, width: canvas.columns - 2, now: now)
        for (i, line) in all.dropFirst(state.scroll).enumerated() where top + i < bottom {
            var x = 1
            for segment in line {
                let style = segment.state.map { theme.style(for: $0) } ?? segment.slot.map { theme.style($0) } ?? theme.style(.body)
                let w = DisplayWidth.of(segment.text)
                guard x < canvas.columns else { break }
                canvas.cell(segment.text, row: top + i, column: x, width: min(w, canvas.columns - x), style: style)
                x += w
            }
        }
    }

    /// How many lines the detail takes at a width (for scrolling limits).
    static func contentRows(_ state: OrderDetailState, width: Int, now: Int64) -> Int {
        state.detail.map { lines($0, escalations: state.escalations, width: width - 2, now: now).count } ?? 0
    }
}
