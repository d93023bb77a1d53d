import OrderDeskCore
import OrderDeskTerminal

// Drawing the contract editor, full screen.
//
// Wide (100 columns inside the frame and more): the fields and the lines on the left, the totals, the ROI,
// the early-termination schedule and who must approve on the right. Narrower (80×24): the fields packed
// three to a row, the lines, a strip of two or three rows with the figures (every figure that breaks a rule
// always among them) and the route; the full figures replace the lines while the focus is on them (Tab
// past the add row). Every state reads without colour: ▸ focus, ✗ errors and broken rules, ▼ floor.
extension ContractEditor {
    /// Inside the frame, below this the editor only asks for a larger window.
    static let smallest = (width: 56, height: 14)

    /// The width of the figures column in the wide layout.
    static func figuresWidth(inner width: Int) -> Int { min(50, max(40, width * 2 / 5)) }

    public static func render(_ state: ContractEditorState, on canvas: Canvas) {
        guard canvas.rows >= 3, canvas.columns >= 8 else { return }
        let theme = canvas.theme
        canvas.terminal.hideCursor()
        let title = state.title + (state.isDirty ? " ● modified" : "")
        let inner = canvas.box(top: 0, left: 0, height: canvas.rows, width: canvas.columns, title: title)
        guard inner.height > 0, inner.width > 0 else { return }
        guard inner.width >= smallest.width, inner.height >= smallest.height else {
            let text = "The contract editor needs a larger window (80×24 shows all of it). Nothing typed is lost."
            for (i, line) in TextWrap.lines(text, width: inner.width).prefix(inner.height).enumerated() {
                canvas.cell(line, row: inner.top + i, column: inner.left, width: inner.width, style: theme.style(.warning))
            }
            return
        }
        let assessment = state.assessment
        let wide = inner.width >= 100
        let bodyBottom = inner.top + inner.height - 2 // exclusive: the message and key rows are below
        var y = inner.top
        if let message = state.message {
            for line in TextWrap.lines(message.text, width: inner.width).prefix(3) {
                canvas.cell(line, row: y, column: inner.left, width: inner.width, style: theme.style(message.tone.slot))
                y += 1
            }
        }
        let rightWidth = wide ? figuresWidth(inner: inner.width) : 0
        let leftWidth = wide ? inner.width - rightWidth - 3 : inner.width
        let tall = wide && bodyBottom - y >= 30
        var cursor: (row: Int, column: Int)?
        let headerBottom = drawHeader(state, on: canvas, top: y, bottom: bodyBottom, left: inner.left, width: leftWidth, tall: tall,
                                      cursor: &cursor)
        if wide {
            let separator = inner.left + leftWidth + 1
            for row in y..<bodyBottom { canvas.cell("│", row: row, column: separator, width: 1, style: theme.style(.dialogBorder)) }
            drawFigures(state, assessment, on: canvas, top: y, bottom: bodyBottom, left: separator + 2, width: rightWidth,
                        routeInside: true)
            drawLines(state, on: canvas, top: headerBottom + 1, bottom: bodyBottom, left: inner.left, width: leftWidth, cursor: &cursor)
        } else {
            let route = routeLines(assessment.route, width: inner.width, limit: 2)
            let routeTop = bodyBottom - route.count
            for (i, line) in route.enumerated() {
                canvas.cell(line, row: routeTop + i, column: inner.left, width: inner.width, style: theme.style(routeSlot(assessment.route)))
            }
            if state.focus == .figures {
                drawFigures(state, assessment, on: canvas, top: headerBottom + 1, bottom: routeTop, left: inner.left,
                            width: inner.width, routeInside: true)
            } else {
                let stripRows = routeTop - headerBottom >= 14 ? 3 : 2
                let stripTop = routeTop - stripRows
                drawStrip(assessment, policy: state.context.policy, on: canvas, ruleRow: stripTop - 1, top: stripTop,
                          rows: stripRows, left: inner.left, width: inner.width)
                drawLines(state, on: canvas, top: headerBottom + 1, bottom: stripTop - 1, left: inner.left, width: inner.width,
                          cursor: &cursor)
            }
        }
        drawFooter(state, on: canvas, inner: inner, notesInFooter: !tall)
        if let picker = state.picker {
            let height = min(inner.height, max(10, inner.height * 3 / 5))
            PriceBookPicker.render(picker, on: canvas, top: inner.top + inner.height - height, left: inner.left - 1,
                                   height: height, width: inner.width + 2)
        } else if let cursor, !state.confirmingDiscard {
            canvas.terminal.setCursor(row: cursor.row, column: cursor.column)
        }
    }

    // MARK: Header fields

    /// The header's rows: tall, one field a row with its note beside it (the customer first); packed, three
    /// to a row.
    static func headerRows(_ state: ContractEditorState, tall: Bool, width: Int) -> [[ContractEditorField?]] {
        let parent: [[ContractEditorField?]] = state.draft.needsParent ? [[.parent]] : []
        if tall {
            return [[nil], [.kind]] + parent + [[.term], [.start], [.location], [.constructionCost], [.monthlyCost], [.commission]]
        }
        if width >= 75 {
            return [[.kind, .term, .start]] + parent + [[.location], [.constructionCost, .monthlyCost, .commission]]
        }
        // Too narrow for three amounts side by side (the fields beside the figures in a short window).
        return [[.kind, .term]] + parent + [[.start], [.location], [.constructionCost, .monthlyCost], [.commission]]
    }

    /// Draws the header fields and their messages; returns the first row below them.
    private static func drawHeader(_ state: ContractEditorState, on canvas: Canvas, top: Int, bottom: Int, left: Int, width: Int,
                                   tall: Bool, cursor: inout (row: Int, column: Int)?) -> Int {
        let theme = canvas.theme
        var y = top
        let tallLabel = 2 + (ContractEditorField.allCases.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
        for row in headerRows(state, tall: tall, width: width) {
            guard y < bottom else { break }
            let n = row.count
            var x = left
            for (i, field) in row.enumerated() {
                let columnWidth = i == n - 1 ? left + width - x : width / n
                guard let field else {
                    canvas.cell("  Customer", row: y, column: x, width: tallLabel, style: theme.style(.muted))
                    canvas.cell(state.context.customerName, row: y, column: x + tallLabel, width: columnWidth - tallLabel,
                                style: theme.style(.dialog))
                    x += columnWidth
                    continue
                }
                let labelWidth = tall ? tallLabel : 2 + DisplayWidth.of(field.label) + 1
                if let at = drawField(field, state, on: canvas, row: y, left: x, width: columnWidth - (i == n - 1 ? 0 : 1),
                                      labelWidth: labelWidth, withNote: tall) {
                    cursor = at
                }
                x += columnWidth
            }
            y += 1
            // Each field's message under its row: beside the labels in the tall layout, the full width packed.
            for case let field? in row {
                guard let error = state.errors[field.rawValue] else { continue }
                let indent = tall ? tallLabel : 2
                let text = "✗ " + (tall ? error : field.label + ": " + error)
                for line in Form.hanging(text, width: width - indent).prefix(3) where y < bottom {
                    canvas.cell(line, row: y, column: left + indent, width: width - indent, style: theme.style(.danger))
                    y += 1
                }
            }
        }
        return y
    }

    /// One field: the label (▸ when focused), the value, and in the tall layout its note. Returns where the
    /// cursor goes when the field is typed in and focused.
    private static func drawField(_ field: ContractEditorField, _ state: ContractEditorState, on canvas: Canvas, row y: Int,
                                  left: Int, width: Int, labelWidth: Int, withNote: Bool) -> (row: Int, column: Int)? {
        let theme = canvas.theme
        let focused = state.focus == .field(field) && state.picker == nil && !state.confirmingDiscard
        let hasError = state.errors[field.rawValue] != nil
        let labelSlot: ThemeSlot = hasError ? .danger : focused ? .accent : .dialog
        let labelWidth = min(labelWidth, width)
        canvas.cell((focused ? "▸ " : "  ") + field.label, row: y, column: left, width: labelWidth - 1, style: theme.style(labelSlot))
        let valueLeft = left + labelWidth
        let valueWidth = width - labelWidth
        guard valueWidth > 0 else { return nil }
        var used = 0
        var cursor: (row: Int, column: Int)?
        if field.isChoice {
            let options = options(field, state)
            let index = selectedIndex(field, state)
            guard options.indices.contains(index) else { return nil }
            let label = options[index].label
            let shown = options.count > 1 ? "◂ " + label + " ▸" : label
            used = min(DisplayWidth.of(shown), valueWidth)
            canvas.cell(shown, row: y, column: valueLeft, width: used, style: theme.style(focused ? .fieldFocus : .field))
            if withNote {
                var after: [String] = []
                if let hint = options[index].hint { after.append(hint) }
                if focused && options.count > 1 { after.append("\(index + 1) of \(options.count)") }
                if !after.isEmpty, used + 2 < valueWidth {
                    canvas.cell(after.joined(separator: " · "), row: y, column: valueLeft + used + 2, width: valueWidth - used - 2,
                                style: theme.style(.muted))
                }
            }
            return nil
        }
        let text = state.texts[field] ?? TextField()
        let textWidth = withNote ? min(valueWidth, 12) : valueWidth
        var style = theme.style(focused ? .fieldFocus : hasError ? .danger : .field)
        if focused && state.replacing { style = style.adding(reverse: true) }
        let x = text.draw(on: canvas, row: y, column: valueLeft, width: textWidth, style: style)
        if focused { cursor = (y, x) }
        if text.text.isEmpty, !focused, field == .start {
            canvas.cell("YYYY-MM-DD", row: y, column: valueLeft, width: textWidth, style: theme.style(.muted))
        }
        used = textWidth
        if withNote, let note = note(field, state), used + 2 < valueWidth {
            canvas.cell(note, row: y, column: valueLeft + used + 2, width: valueWidth - used - 2, style: theme.style(.muted))
        }
        return cursor
    }

    /// What a field says beside its value (in the footer when the fields are packed).
    static func note(_ field: ContractEditorField, _ state: ContractEditorState) -> String? {
        let draft = state.draft
        let policy = state.context.policy
        switch field {
        case .commission:
            let netMRR = draft.lines.reduce(Money.zero) { $0 + $1.netMRR }
            let proposal = policy.proposedCommission(kind: draft.kind, netMRR: netMRR)
            let rate = draft.kind == .new || draft.kind == .reclamation ? policy.commissionRateNew : policy.commissionRateRenewal
            guard state.commissionIsOwn else { return "proposed: \(rate.display) of the net MRR" }
            return draft.commission == proposal ? "typed" : "typed · proposed $" + proposal.grouped
        case .constructionCost:
            let estimate = state.estimate(of: draft.locationID)
            guard state.constructionIsOwn else {
                return estimate == nil ? "no estimate at the location" : "the location's estimate"
            }
            return estimate.map { "typed · estimate $" + $0.grouped } ?? "typed"
        case .start:
            return draft.endOn.map { "ends " + $0.iso } ?? "may stay blank until it is known"
        case .monthlyCost:
            return "delivering the service"
        case .kind, .parent, .term, .location:
            let options = options(field, state)
            let index = selectedIndex(field, state)
            return options.indices.contains(index) ? options[index].hint : nil
        }
    }

    // MARK: Lines

    /// Widths of the line columns: product, quantity, list MRR, net MRR, discount, NRC, waived.
    static func lineColumns(_ state: ContractEditorState, width: Int) -> [Int] {
        func widest(_ texts: [String], atLeast: Int, atMost: Int) -> Int {
            min(atMost, max(atLeast, texts.map { DisplayWidth.of($0) }.max() ?? 0))
        }
        let lines = state.draft.lines, texts = state.lineTexts
        let quantity = widest(texts.map(\.quantity.text), atLeast: 4, atMost: 6)
        let list = widest(lines.map(\.product.listMRR.grouped), atLeast: 8, atMost: 13)
        let net = widest(texts.map(\.netMRR.text), atLeast: 8, atMost: 13)
        let discount = widest(texts.map(\.discount.text), atLeast: 6, atMost: 7)
        let nrc = widest(texts.map(\.nrc.text), atLeast: 8, atMost: 13)
        let waived = 5
        let fixed = quantity + list + net + discount + nrc + waived + 6
        return [max(10, width - fixed), quantity, list, net, discount, nrc, waived]
    }

    private enum LineRow {
        case line(Int)
        case error(line: Int?, String)
        case add
    }

    /// Draws the lines' table between `top` and `bottom` (exclusive), scrolled to the focus.
    private static func drawLines(_ state: ContractEditorState, on canvas: Canvas, top: Int, bottom: Int, left: Int, width: Int,
                                  cursor: inout (row: Int, column: Int)?) {
        let theme = canvas.theme
        guard bottom - top >= 2 else { return }
        let widths = lineColumns(state, width: width)
        let headers = ["  product", "qty", "list MRR", "net MRR", "disc", "NRC", "waive"]
        var x = left
        for (i, (header, w)) in zip(headers, widths).enumerated() {
            let w = min(w, left + width - x)
            guard w > 0 else { break }
            canvas.cell(header, row: top, column: x, width: w, style: theme.style(.tableHeader), alignRight: i >= 1 && i <= 5)
            x += w + 1
        }
        var rows: [LineRow] = []
        for i in state.draft.lines.indices {
            rows.append(.line(i))
            for column in ContractLineColumn.allCases {
                guard let error = state.errors[column.key(line: i)] else { continue }
                for text in Form.hanging("✗ " + error, width: width - 4).prefix(2) { rows.append(.error(line: i, text)) }
            }
        }
        rows.append(.add)
        if let error = state.errors["lines"] {
            for text in Form.hanging("✗ " + error, width: width - 4).prefix(2) { rows.append(.error(line: nil, text)) }
        }
        let height = bottom - top - 1
        let owned = rows.indices.filter { i in
            switch (rows[i], state.focus) {
            case (.line(let l), .cell(let f, _)), (.error(let l?, _), .cell(let f, _)): return l == f
            case (.add, .addLine), (.error(nil, _), .addLine): return true
            default: return false
            }
        }
        var offset = 0
        if let last = owned.last, last >= height { offset = last - height + 1 }
        if let first = owned.first, first < offset { offset = first }
        offset = max(0, min(offset, rows.count - height))
        for (r, row) in rows.dropFirst(offset).prefix(height).enumerated() {
            let y = top + 1 + r
            switch row {
            case .line(let i):
                if let at = drawLine(i, state, on: canvas, row: y, left: left, width: width, widths: widths) { cursor = at }
            case .error(_, let text):
                canvas.cell(text, row: y, column: left + 4, width: width - 4, style: theme.style(.danger))
            case .add:
                let focused = state.focus == .addLine && state.picker == nil
                let lead = state.draft.lines.isEmpty ? "No lines yet. " : ""
                let text = (focused ? "▸ " : "  ") + lead + "+ add a line from the price book (" + (focused ? "Enter, " : "") + "a or Ins)"
                canvas.cell(text, row: y, column: left, width: width, style: theme.style(focused ? .accent : .muted))
            }
        }
        if offset > 0 { canvas.cell("▲ more", row: top + 1, column: left + width - 6, width: 6, style: theme.style(.muted)) }
        if offset + height < rows.count {
            canvas.cell("▼ more", row: top + height, column: left + width - 6, width: 6, style: theme.style(.muted))
        }
    }

    /// One line's row; returns the cursor when one of its cells is being typed in.
    private static func drawLine(_ i: Int, _ state: ContractEditorState, on canvas: Canvas, row y: Int, left: Int, width: Int,
                                 widths: [Int]) -> (row: Int, column: Int)? {
        let theme = canvas.theme
        let line = state.draft.lines[i]
        let texts = state.lineTexts[i]
        let active = state.picker == nil && !state.confirmingDiscard
        var focusedColumn: ContractLineColumn?
        if case .cell(let l, let column) = state.focus, l == i, active { focusedColumn = column }
        let below = line.isBelowFloor
        var cursor: (row: Int, column: Int)?
        var x = left
        func room(_ w: Int) -> Int { max(0, min(w, left + width - x)) }
        // Product: the marker, code and name, and ▼ floor at its end when priced under the floor.
        let productWidth = room(widths[0])
        let floorMark = below ? " ▼ floor" : ""
        let markWidth = DisplayWidth.of(floorMark)
        let product = (focusedColumn != nil ? "▸ " : "  ") + line.product.code + " " + line.product.name
        canvas.cell(product, row: y, column: x, width: max(0, productWidth - markWidth),
                    style: theme.style(focusedColumn != nil ? .accent : .dialog))
        if below, productWidth > markWidth {
            canvas.cell(floorMark, row: y, column: x + productWidth - markWidth, width: markWidth,
                        style: theme.style(.danger).adding(bold: true))
        }
        x += widths[0] + 1
        let cells: [(ContractLineColumn?, String)] = [
            (.quantity, texts.quantity.text), (nil, line.product.listMRR.grouped), (.netMRR, texts.netMRR.text),
            (.discount, texts.discount.text), (.nrc, texts.nrc.text), (.waived, line.nrcWaived ? "[x]" : "[ ]"),
        ]
        for (c, (column, text)) in cells.enumerated() {
            let w = room(widths[c + 1])
            guard w > 0 else { break }
            let key = column?.key(line: i)
            let focused = column != nil && column == focusedColumn
            if focused, let column, let field = texts[column] {
                var style = theme.style(.fieldFocus)
                if state.replacing { style = style.adding(reverse: true) }
                let textWidth = DisplayWidth.of(field.text)
                if textWidth < w {
                    // Right-aligned like the other numbers, with a cell after it for the cursor.
                    let start = x + w - 1 - textWidth
                    canvas.cell(field.text + " ", row: y, column: x, width: w, style: style, alignRight: true)
                    cursor = (y, start + DisplayWidth.of(String(field.text.prefix(field.cursor))))
                } else {
                    cursor = (y, field.draw(on: canvas, row: y, column: x, width: w, style: style))
                }
            } else {
                var slot: ThemeSlot = column == nil ? .muted : .dialog
                if key.map({ state.errors[$0] != nil }) == true { slot = .danger }
                var style = theme.style(focused ? .fieldFocus : slot)
                if column == .netMRR && below { style = theme.style(.danger).adding(bold: true) }
                canvas.cell(text, row: y, column: x, width: w, style: style, alignRight: column != .waived)
            }
            x += widths[c + 1] + 1
        }
        return cursor
    }

    // MARK: Figures

    static func routeSlot(_ route: ApprovalRoute) -> ThemeSlot {
        switch route.level {
        case .none: return .ok
        case .supervisor: return .warning
        case .director: return .danger
        }
    }

    /// `Approval: A director must approve: …`, wrapped to at most `limit` rows (the last cut with "…").
    static func routeLines(_ route: ApprovalRoute, width: Int, limit: Int) -> [String] {
        let lines = TextWrap.lines("Approval: " + route.summary, width: width)
        guard lines.count > limit, limit > 0 else { return lines }
        var kept = Array(lines.prefix(limit))
        kept[limit - 1] = DisplayWidth.truncate(lines[(limit - 1)...].joined(separator: " "), to: width)
        return kept
    }

    /// The full figures: the panel (with the early-termination schedule), then who must approve and why,
    /// and the rules that ask for less.
    static func figuresLines(_ state: ContractEditorState, _ assessment: (figures: ContractFigures, route: ApprovalRoute),
                             width: Int) -> [[ContractFiguresPanel.Span]] {
        typealias Span = ContractFiguresPanel.Span
        let rows = ContractFiguresPanel.rows(assessment.figures, route: assessment.route, policy: state.context.policy)
        var lines = ContractFiguresPanel.lines(rows, width: width, background: .dialog)
        lines.append([])
        lines.append([Span("Approval", .dialogTitle)])
        let route = assessment.route
        for line in TextWrap.lines(route.summary, width: width) { lines.append([Span(line, routeSlot(route))]) }
        let lesser = route.reasons.filter { $0.level < route.level }
        if !lesser.isEmpty {
            lines.append([Span("Also, asking for less:", .muted)])
            for reason in lesser {
                for line in Form.hanging("· " + reason.text + " (" + reason.level.phrase + ")", width: width) {
                    lines.append([Span(line, .muted)])
                }
            }
        }
        return lines
    }

    /// The figures section between `top` and `bottom` (exclusive): a title, then the lines scrolled by
    /// `figuresScroll` while the focus is on them.
    private static func drawFigures(_ state: ContractEditorState, _ assessment: (figures: ContractFigures, route: ApprovalRoute),
                                    on canvas: Canvas, top: Int, bottom: Int, left: Int, width: Int, routeInside: Bool) {
        let theme = canvas.theme
        guard bottom - top >= 2, width > 10 else { return }
        let focused = state.focus == .figures && state.picker == nil
        let title = (focused ? "▸ " : "") + "Totals and ROI" + (focused ? " · ↑↓ scroll" : "")
        canvas.cell(title, row: top, column: left, width: width, style: theme.style(focused ? .accent : .dialogTitle))
        let lines = figuresLines(state, assessment, width: width)
        let height = bottom - top - 1
        let offset = focused ? max(0, min(state.figuresScroll, lines.count - height)) : 0
        ContractFiguresPanel.draw(lines: lines, on: canvas, top: top + 1, left: left, width: width, height: height, offset: offset)
        if offset > 0 { canvas.cell("▲ more", row: top + 1, column: left + width - 6, width: 6, style: theme.style(.muted)) }
        if offset + height < lines.count {
            let more = focused ? "▼ more" : "▼ more: Tab to the figures"
            let w = DisplayWidth.of(more)
            canvas.cell(more, row: top + height, column: left + width - w, width: w, style: theme.style(.muted))
        }
    }

    /// The compact strip: a rule, then the figures that fit (every flagged one first).
    private static func drawStrip(_ assessment: (figures: ContractFigures, route: ApprovalRoute), policy: ContractPolicy,
                                  on canvas: Canvas, ruleRow: Int, top: Int, rows: Int, left: Int, width: Int) {
        let theme = canvas.theme
        let rule = "─ Totals and ROI (all figures and the schedule: Tab past the lines) "
        let ruleText = DisplayWidth.truncate(rule, to: width)
        canvas.cell(ruleText + String(repeating: "─", count: max(0, width - DisplayWidth.of(ruleText))), row: ruleRow,
                    column: left, width: width, style: theme.style(.muted))
        let chunks = ContractFiguresPanel.chunks(assessment.figures, route: assessment.route, policy: policy)
        for (r, row) in ContractFiguresPanel.strip(chunks, width: width, rows: rows).enumerated() {
            var x = left
            for (i, chunk) in row.enumerated() {
                if i > 0 {
                    canvas.cell(" · ", row: top + r, column: x, width: 3, style: theme.style(.muted))
                    x += 3
                }
                let w = DisplayWidth.of(chunk.shown)
                canvas.cell(chunk.shown, row: top + r, column: x, width: w, style: theme.style(chunk.slot))
                x += w
            }
        }
    }

    // MARK: Footer

    /// The message row (the discard question, how many fields to fix, or the focused field's note) and the keys.
    private static func drawFooter(_ state: ContractEditorState, on canvas: Canvas, inner: (top: Int, left: Int, height: Int, width: Int),
                                   notesInFooter: Bool) {
        if state.confirmingDiscard {
            canvas.dialogFooter(inner, hint: "y discard · n keep editing", message: discardQuestion, messageSlot: .warning)
            return
        }
        var keys: [String]
        switch state.focus {
        case .field(let field) where field.isChoice: keys = ["←→ change"]
        case .field: keys = ["type to replace"]
        case .cell(_, .waived): keys = ["Space waive", "a/Ins add", "d/Del remove"]
        case .cell: keys = ["a/Ins add", "d/Del remove"]
        case .addLine: keys = ["Enter/a add from the price book"]
        case .figures: keys = ["↑↓ PgUp PgDn scroll"]
        }
        keys += ["Tab next", "Ctrl-S save", "Esc close"]
        if state.canUndo { keys.append("Ctrl-Z undo") }
        keys.append("S-Tab back")
        let hint = Form.fitting(keys, width: inner.width)
        let bad = state.errors.count
        if bad > 0 {
            let text = bad == 1 ? "✗ 1 field to fix before saving." : "✗ \(bad) fields to fix before saving."
            canvas.dialogFooter(inner, hint: hint, message: text, messageSlot: .danger)
        } else if notesInFooter, case .field(let field) = state.focus, let note = note(field, state) {
            canvas.dialogFooter(inner, hint: hint, message: field.label + ": " + note, messageSlot: .muted)
        } else {
            canvas.dialogFooter(inner, hint: hint)
        }
    }
}
