import OrderDeskCore
import OrderDeskTerminal

/// The parts of the contract screen as lines of text: the header, the lines table, the figures, the route
/// and the history. Every state reads without colour: status words, `✗` on what breaks a rule, `⟳` on a
/// renewal, quotes around comments.
enum ContractPanes {
    typealias Segments = [(String, ThemeSlot)]

    /// One line of the scrolling part: segments of text, or one row of the figures (drawn by the panel).
    struct DocLine {
        var segments: Segments = []
        /// Paints the whole row (a table header).
        var fill: ThemeSlot?
        var figure: ContractFiguresPanel.Row?
        /// In the wide layout, what stands in the figures' column beside this line.
        var side: Side?

        enum Side {
            case heading(Segments)
            case figure(ContractFiguresPanel.Row)
            case blank
        }

        static func text(_ segments: Segments, fill: ThemeSlot? = nil) -> DocLine { DocLine(segments: segments, fill: fill) }
        static let blank = DocLine()
    }

    /// The figures' column of the wide layout: its width, and the gap with its rule to the left of it.
    static let sideWidth = 56
    static let sideGap = 3

    // MARK: Header

    /// The contract's header, fixed above the panes: who, what, when, where it stands, the last decision.
    static func header(_ d: ContractDetail, width: Int, today: Day) -> [Segments] {
        let sep: (String, ThemeSlot) = (" · ", .muted)
        var kind = d.terms.kind.label
        if let parent = d.parentNumber { kind += (d.terms.kind == .renewal ? " of " : " to ") + parent }
        let figures = d.assessment.figures
        var lines: [Segments] = [[
            (d.number, .title), sep, (kind, .body), sep, (d.status.label, CustomerPanes.slot(d.status) ?? .accent),
            (" · MRR ", .muted), (figures.netMRR.grouped, .body),
        ]]
        let owner = d.ownerName.map { name in name + (d.ownerLogin.map { " (" + $0 + ")" } ?? "") } ?? d.ownerLogin ?? "— none"
        lines.append([("customer ", .muted), (d.customerName, .body), (" · account ", .muted), (d.accountNumber, .body),
                      (" · owner ", .muted), (owner, .body)])
        var term: Segments = [("term ", .muted), ("\(d.terms.termMonths) months", .body)]
        if let start = d.terms.startOn, let end = d.terms.endOn {
            term += [(" · ", .muted), (start.iso + " → " + end.iso, .body)]
        } else {
            term += [(" · no start date yet", .muted)]
        }
        term += d.locationAddress.map { [(" · at ", .muted), ($0, .body)] } ?? [(" · location not chosen", .muted)]
        lines.append(term)

        // Where it stands: who must act now.
        switch d.status {
        case .pendingApproval:
            var line: Segments = [("submitted", .warning)]
            if let by = d.submittedByLogin { line += [(" by ", .muted), (by, .body)] }
            if let at = d.submittedAt { line += [(" at ", .muted), (Timestamp.display(at), .body)] }
            line += [(" · awaiting ", .muted), (d.requiredLevel.phrase + "'s approval", .warning)]
            lines.append(line)
            if d.needsComment { lines.append([("The NPV is negative: a director approves it only with a comment.", .warning)]) }
        case .sent:
            lines.append([("sent to the customer", .body), (d.sentOn.map { " on " + $0.iso } ?? "", .body),
                          (" · v activates it once countersigned", .muted)])
        case .terminated:
            lines.append([("terminated", .danger), (d.terminatedOn.map { " on " + $0.iso } ?? "", .body)])
        case .active:
            if let end = d.terms.endOn, ContractSummary(
                id: d.id, number: d.number, kind: d.terms.kind, status: d.status, termMonths: d.terms.termMonths,
                startOn: d.terms.startOn, endOn: end, mrr: figures.netMRR).isDueForRenewal(today: today) {
                let days = end - today
                let when = days < 0 ? "ended \(-days) days ago" : days == 0 ? "ends today" : "ends in \(days) days"
                lines.append([("⟳ " + when + ": due for renewal · R renews it", .warning)])
            }
        case .draft, .approved, .expired:
            break
        }

        // The last decision, with its comment: a rejection stands out for the person who must act on it.
        if let decision = d.lastDecision {
            let verb = decision.approved ? "✓ Approved" : "✗ Rejected"
            var text = verb + " by " + decision.byLogin + " at " + Timestamp.display(decision.at)
            if let comment = decision.comment, !comment.isEmpty { text += ": “" + comment + "”" }
            if !decision.approved && d.status == .draft { text += " · e edits it, s submits it again" }
            let slot: ThemeSlot = decision.approved ? .ok : .danger
            var wrapped = TextWrap.lines(text, width: max(10, width))
            if wrapped.count > 3 {
                wrapped = Array(wrapped.prefix(3))
                wrapped[2] = DisplayWidth.truncate(wrapped[2] + " …", to: width)
            }
            lines += wrapped.map { [($0, slot)] }
        }
        return lines
    }

    // MARK: The document

    /// The scrolling part for a width, with where each section starts. In the `wide` layout the lines take
    /// the whole width and the figures stand beside the route and the history; otherwise each section
    /// follows the one before.
    static func document(_ d: ContractDetail, width: Int, wide: Bool) -> (lines: [DocLine], anchors: [ContractSection: Int]) {
        let (figures, route) = d.assessment
        let figureRows = ContractFiguresPanel.rows(figures, route: route, policy: d.policy)
        var out: [DocLine] = []
        var anchors: [ContractSection: Int] = [:]
        func heading(_ section: ContractSection, _ extra: String = "", into lines: inout [DocLine], offset: Int = 0) {
            if !lines.isEmpty { lines.append(.blank) }
            anchors[section] = offset + lines.count
            lines.append(.text(headingSegments(section, extra)))
        }
        let figuresNote = "  ROI at the policy in force"

        heading(.lines, "  \(d.terms.lines.count) · prices per unit a month, NRC per unit once", into: &out)
        out += lineTable(d, width: width)
        guard wide else {
            heading(.figures, figuresNote, into: &out)
            out += figureRows.map { DocLine(figure: $0) }
            heading(.route, into: &out)
            out += routeLines(d, route: route, width: width)
            heading(.history, "  \(d.history.count) · newest first", into: &out)
            out += historyLines(d.history, width: width)
            return (out, anchors)
        }

        // The route and the history on the left, the figures on the right.
        out.append(.blank)
        let start = out.count
        let leftWidth = width - sideWidth - sideGap
        var left: [DocLine] = []
        heading(.route, into: &left, offset: start)
        left += routeLines(d, route: route, width: leftWidth)
        heading(.history, "  \(d.history.count) · newest first", into: &left, offset: start)
        left += historyLines(d.history, width: leftWidth)
        let right: [DocLine.Side] = [.heading(headingSegments(.figures, figuresNote))] + figureRows.map { .figure($0) }
        for i in 0..<max(left.count, right.count) {
            var line = i < left.count ? left[i] : .blank
            line.side = i < right.count ? right[i] : .blank
            out.append(line)
        }
        return (out, anchors)
    }

    static func headingSegments(_ section: ContractSection, _ extra: String) -> Segments {
        [(section.title, .title), (extra, .muted)]
    }

    // MARK: Lines

    enum LineColumn: Hashable, Sendable { case product, quantity, list, net, discount, nrc, waived }

    static let lineColumns: [TableColumn<LineColumn>] = [
        TableColumn(.product, "Product", width: 14, maxWidth: 50),
        TableColumn(.quantity, "Qty", width: 4, alignRight: true),
        TableColumn(.list, "List", width: 9, alignRight: true, drop: 2),
        TableColumn(.net, "Net", width: 10, alignRight: true),
        TableColumn(.discount, "Disc", width: 6, alignRight: true),
        TableColumn(.nrc, "NRC", width: 9, alignRight: true),
        TableColumn(.waived, "Waived", width: 6, drop: 1),
    ]

    static func lineTable(_ d: ContractDetail, width: Int) -> [DocLine] {
        let layout = TableLayout.layout(lineColumns, totalWidth: width)
        let allowance = d.policy.allowance(termMonths: d.terms.termMonths)
        func row(_ cells: (LineColumn) -> (String, ThemeSlot)) -> Segments {
            var segments: Segments = []
            for placed in layout {
                let (text, slot) = cells(placed.id)
                segments.append((DisplayWidth.pad(text, to: placed.width, alignRight: placed.column.alignRight), slot))
                segments.append((" ", .body))
            }
            return segments
        }
        var out: [DocLine] = [.text(row { column in (lineColumns.first { $0.id == column }!.title, .tableHeader) }, fill: .tableHeader)]
        if d.terms.lines.isEmpty {
            out.append(.text([("  no lines yet", .muted)]))
            return out
        }
        for line in d.terms.lines {
            out.append(.text(row { column in
                switch column {
                case .product: return (line.product.code + " " + line.product.name, .body)
                case .quantity: return (String(line.quantity), .body)
                case .list: return (line.product.listMRR.grouped, .muted)
                case .net: return line.isBelowFloor ? ("✗" + line.unitMRR.grouped, .danger) : (line.unitMRR.grouped, .body)
                case .discount:
                    guard line.discount > .zero else { return ("—", .muted) }
                    return (line.discount.display, line.discount > allowance ? .danger : .warning)
                case .nrc: return (line.unitNRC.grouped, line.nrcWaived ? .muted : .body)
                case .waived: return (line.nrcWaived ? "waived" : "", .warning)
                }
            }))
        }
        if d.terms.lines.contains(where: \.isBelowFloor) {
            out.append(.text([("  ✗ net under the product's floor", .danger)]))
        }
        return out
    }

    // MARK: Route

    static func routeLines(_ d: ContractDetail, route: ApprovalRoute, width: Int) -> [DocLine] {
        var out: [DocLine] = []
        let slot: ThemeSlot = route.level == .director ? .danger : route.level == .supervisor ? .warning : .ok
        for line in TextWrap.lines(route.summary, width: max(10, width)) { out.append(.text([(line, slot)])) }
        for reason in route.reasons {
            let level = DisplayWidth.pad(reason.level.rawValue, to: 11)
            let wrapped = TextWrap.lines(reason.text, width: max(10, width - 15))
            for (i, line) in wrapped.enumerated() {
                out.append(.text(i == 0
                    ? [("  • ", .muted), (level, reason.level == .director ? .danger : .warning), (line, .body)]
                    : [(String(repeating: " ", count: 15), .body), (line, .body)]))
            }
        }
        if d.status == .pendingApproval && d.requiredLevel != route.level {
            out.append(.text([("  When submitted it needed " + d.requiredLevel.phrase
                + "; the policy has changed since. The approver is held to the level asked at submission.", .muted)]))
        }
        return out
    }

    // MARK: History

    static func historyLines(_ history: [ContractHistoryEntry], width: Int) -> [DocLine] {
        guard !history.isEmpty else { return [.text([("  no steps recorded yet", .muted)])] }
        var out: [DocLine] = []
        let whoWidth = 12, actionWidth = 10
        let lead = 2 + 16 + 2 + whoWidth + 1 + actionWidth + 1
        for entry in history {
            let who = DisplayWidth.pad(entry.actorLogin ?? "system", to: whoWidth)
            let action = DisplayWidth.pad(entry.action, to: actionWidth)
            let slot: ThemeSlot = entry.action == "rejected" ? .danger : entry.action == "approved" ? .ok : .body
            let detailSlot: ThemeSlot = slot == .danger ? .danger : .body
            var first: Segments = [("  " + Timestamp.display(entry.at) + "  ", .muted), (who + " ", .body), (action + " ", slot)]
            // The detail beside the step when it fits there, else on its own lines below it.
            if DisplayWidth.of(entry.detail) <= width - lead {
                first.append((entry.detail, detailSlot))
                out.append(.text(first))
                continue
            }
            out.append(.text(first))
            let indent = 6
            for line in TextWrap.lines(entry.detail, width: max(10, width - indent)) {
                out.append(.text([(String(repeating: " ", count: indent), .body), (line, detailSlot)]))
            }
        }
        return out
    }

    // MARK: Drawing

    /// Draws one document line at a row, cut to `width` (with the figures' column at its right, if any).
    static func draw(_ line: DocLine, on canvas: Canvas, row: Int, left: Int, width: Int) {
        guard width > 0 else { return }
        if let side = line.side {
            let x = left + width - sideWidth
            canvas.cell("│", row: row, column: x - 2, width: 1, style: canvas.style(.muted))
            switch side {
            case .heading(let segments): draw(.text(segments), on: canvas, row: row, left: x, width: sideWidth)
            case .figure(let figure): ContractFiguresPanel.draw([figure], on: canvas, top: row, left: x, width: sideWidth, height: 1)
            case .blank: break
            }
            var main = line
            main.side = nil
            draw(main, on: canvas, row: row, left: left, width: width - sideWidth - sideGap)
            return
        }
        if let figure = line.figure {
            ContractFiguresPanel.draw([figure], on: canvas, top: row, left: left, width: width, height: 1)
            return
        }
        if let fill = line.fill { canvas.cell("", row: row, column: left, width: width, style: canvas.style(fill)) }
        var x = left
        for (text, slot) in line.segments {
            let room = left + width - x
            guard room > 0 else { return }
            let w = DisplayWidth.of(text)
            canvas.cell(w > room ? DisplayWidth.truncate(text, to: room) : text, row: row, column: x, width: min(w, room),
                        style: canvas.style(slot))
            x += min(w, room)
        }
    }
}
