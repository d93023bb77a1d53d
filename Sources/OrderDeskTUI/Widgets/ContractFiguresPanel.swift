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
