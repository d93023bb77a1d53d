import OrderDeskCore
import OrderDeskTerminal

/// The totals and the ROI assessment of a contract, as the editor and the contract screen show them: one
/// figure a row, and each figure that breaks a rule of the approval routing in the danger style with a
/// `✗` and the rule's name (so it reads without colour too), then the early-termination schedule.
public enum ContractFiguresPanel {
    /// One row: a label, a value and, when a rule applies, its name.
    public struct Row: Hashable, Sendable {
        public var label: String
        public var value: String
        /// `✗ discount > 10%`; nil when the figure breaks no rule.
        public var flag: String?
        public var slot: ThemeSlot

        public init(label: String, value: String, flag: String? = nil, slot: ThemeSlot = .body) {
            self.label = label; self.value = value; self.flag = flag; self.slot = slot
        }
    }

    /// The rows of the figures, then (with `schedule`) the early-termination schedule.
    public static func rows(_ figures: ContractFigures, route: ApprovalRoute, policy: ContractPolicy, schedule: Bool = true) -> [Row] {
        func flagged(_ label: String, _ value: String, _ rules: [ApprovalRule]) -> Row {
            let broken = rules.filter { !route.rules($0).isEmpty }
            guard !broken.isEmpty else { return Row(label: label, value: value) }
            return Row(label: label, value: value, flag: "✗ " + broken.map(\.title).joined(separator: ", "), slot: .danger)
        }
        var rows: [Row] = [
            Row(label: "Contract value", value: "$" + figures.totalContractValue.grouped),
            Row(label: "MRR list / net", value: "$\(figures.listMRR.grouped) / $\(figures.netMRR.grouped)"),
            flagged("Discount", figures.discount.display + (figures.largestLineDiscount > figures.discount
                ? " (deepest line \(figures.largestLineDiscount.display))" : ""), [.discount]),
        ]
        if !figures.linesBelowFloor.isEmpty {
            rows.append(flagged("Below floor", "line " + figures.linesBelowFloor.map { String($0 + 1) }.joined(separator: ", "), [.belowFloor]))
        }
        rows += [
            flagged("NRC charged", "$" + figures.nrcCharged.grouped
                + (figures.nrcWaived.cents > 0 ? " (waived $\(figures.nrcWaived.grouped))" : ""), [.nrcWaiver]),
            Row(label: "Monthly margin", value: "$" + figures.monthlyMargin.grouped, slot: figures.monthlyMargin.cents < 0 ? .danger : .body),
            flagged("Payback", figures.paybackMonths.map { $0 == 1 ? "1 month" : "\($0) months" } ?? "never", [.payback]),
            flagged("NPV at \(policy.annualDiscountRate.display)", "$" + figures.npv.grouped, [.negativeNPV]),
            flagged("IRR", figures.irr.display, [.irr]),
            flagged("Term", "\(figures.termMonths) months", [.term]),
        ]
        guard schedule, !figures.earlyTermination.isEmpty else { return rows }
        rows.append(Row(label: "Early termination", value: "", slot: .muted))
        for row in figures.earlyTermination {
            rows.append(Row(label: "  months \(row.fromMonth)–\(row.toMonth)",
                            value: "$\(row.feeAtStart.grouped) → $\(row.feeAtEnd.grouped)"))
        }
        return rows
    }

    /// Draws `rows` from `top`, at most `height` of them: the label, the value, then the flag.
    public static func draw(_ rows: [Row], on canvas: Canvas, top: Int, left: Int, width: Int, height: Int, background: ThemeSlot = .body) {
        guard width > 0, height > 0 else { return }
        let labelWidth = min(max(18, rows.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1, width / 2)
        for (i, row) in rows.prefix(height).enumerated() {
            let y = top + i
            let slot = row.slot == .body ? background : row.slot
            canvas.cell(row.label, row: y, column: left, width: labelWidth, style: canvas.style(row.slot == .muted ? .muted : background))
            let rest = width - labelWidth
            let value = row.flag.map { row.value + "  " + $0 } ?? row.value
            canvas.cell(value, row: y, column: left + labelWidth, width: max(0, rest), style: canvas.style(slot))
        }
    }
}

// MARK: Wrapped rows and the compact strip (the editor)

extension ContractFiguresPanel {
    /// A run of text in one style.
    public struct Span: Hashable, Sendable {
        public var text: String
        public var slot: ThemeSlot
        public init(_ text: String, _ slot: ThemeSlot) { self.text = text; self.slot = slot }
    }

    /// The rows laid out in `width` cells, one line a row unless the flag does not fit beside the value:
    /// then it goes on the next line under the value, so the rule's name is never cut.
    public static func lines(_ rows: [Row], width: Int, background: ThemeSlot = .body) -> [[Span]] {
        guard width > 0 else { return [] }
        let labelWidth = min(max(18, rows.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1, width / 2)
        let rest = width - labelWidth
        var out: [[Span]] = []
        for row in rows {
            let slot = row.slot == .body ? background : row.slot
            let label = Span(DisplayWidth.pad(row.label, to: labelWidth), row.slot == .muted ? .muted : background)
            guard let flag = row.flag else {
                out.append([label, Span(DisplayWidth.pad(row.value, to: rest), slot)])
                continue
            }
            let together = row.value + "  " + flag
            if DisplayWidth.of(together) <= rest {
                out.append([label, Span(DisplayWidth.pad(together, to: rest), slot)])
            } else {
                out.append([label, Span(DisplayWidth.pad(row.value, to: rest), slot)])
                out.append([Span(DisplayWidth.pad("", to: labelWidth), background), Span(DisplayWidth.pad(flag, to: rest), slot)])
            }
        }
        return out
    }

    /// Draws lines of spans from `top`, skipping the first `offset`, at most `height` of them.
    public static func draw(lines: [[Span]], on canvas: Canvas, top: Int, left: Int, width: Int, height: Int, offset: Int = 0) {
        guard width > 0, height > 0 else { return }
        for (i, spans) in lines.dropFirst(max(0, offset)).prefix(height).enumerated() {
            var x = left
            for span in spans {
                let w = min(DisplayWidth.of(span.text), left + width - x)
                guard w > 0 else { break }
                canvas.cell(span.text, row: top + i, column: x, width: w, style: canvas.style(span.slot))
                x += w
            }
        }
    }

    /// One figure of the compact strip: `Payback 7 mo`, and the rules it breaks (`✗ payback`).
    public struct Chunk: Hashable, Sendable {
        public var text: String
        public var flag: String?
        public var slot: ThemeSlot
        public var shown: String { flag.map { text + " " + $0 } ?? text }
    }

    /// The figures in a few words each, in a fixed order, for a strip of two or three rows when the full
    /// panel does not fit.
    public static func chunks(_ figures: ContractFigures, route: ApprovalRoute, policy: ContractPolicy) -> [Chunk] {
        func chunk(_ text: String, _ rules: [ApprovalRule], danger: Bool = false) -> Chunk {
            let broken = rules.filter { !route.rules($0).isEmpty }
            if broken.isEmpty { return Chunk(text: text, flag: nil, slot: danger ? .danger : .dialog) }
            return Chunk(text: text, flag: "✗ " + broken.map(\.title).joined(separator: ", "), slot: .danger)
        }
        var out = [
            chunk("Value $" + figures.totalContractValue.grouped, []),
            chunk("MRR $" + figures.netMRR.grouped, []),
            chunk("Discount " + figures.largestLineDiscount.display, [.discount]),
        ]
        if !figures.linesBelowFloor.isEmpty {
            out.append(chunk("Floor line " + figures.linesBelowFloor.map { String($0 + 1) }.joined(separator: ","), [.belowFloor]))
        }
        out += [
            chunk("Margin $" + figures.monthlyMargin.grouped, [], danger: figures.monthlyMargin.cents < 0),
            chunk("Payback " + (figures.paybackMonths.map { "\($0) mo" } ?? "never"), [.payback]),
            chunk("NPV $" + figures.npv.grouped, [.negativeNPV]),
            chunk("IRR " + figures.irr.display, [.irr]),
            chunk("NRC $" + figures.nrcCharged.grouped, [.nrcWaiver]),
            chunk("Term \(figures.termMonths) mo", [.term]),
        ]
        return out
    }

    /// The chunks that fit in `rows` rows of `width` cells, laid out in their order: the flagged ones are
    /// chosen first, so a broken rule always shows; the others fill what room is left.
    public static func strip(_ chunks: [Chunk], width: Int, rows: Int) -> [[Chunk]] {
        guard width > 0, rows > 0 else { return [] }
        func pack(_ chosen: [Chunk]) -> [[Chunk]]? {
            var out: [[Chunk]] = [[]]
            var used = 0
            for chunk in chosen {
                let w = DisplayWidth.of(chunk.shown)
                let needed = out[out.count - 1].isEmpty ? w : used + 3 + w
                if needed <= width {
                    out[out.count - 1].append(chunk); used = needed
                } else {
                    guard out.count < rows, w <= width else { return nil }
                    out.append([chunk]); used = w
                }
            }
            return out
        }
        var chosen = Set<Int>()
        let order = chunks.indices.filter { chunks[$0].flag != nil } + chunks.indices.filter { chunks[$0].flag == nil }
        for i in order {
            let trial = chosen.union([i])
            if pack(chunks.indices.filter(trial.contains).map { chunks[$0] }) != nil { chosen = trial }
        }
        return pack(chunks.indices.filter(chosen.contains).map { chunks[$0] }) ?? []
    }
}
