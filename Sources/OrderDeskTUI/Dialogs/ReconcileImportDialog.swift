import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Starting a reconciliation from the desk: the two exports, the tolerances, then the run's progress.
public struct ReconcileImportState: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable { case ida, sfdc, moneyTolerance, dateTolerance }

    /// How far a running job has got, copied from its `ReconcileProgress` by the run loop.
    public struct Running: Hashable, Sendable {
        public var snapshot: ReconcileProgress.Snapshot
        /// Seconds since the job started.
        public var elapsed: Double
        /// Esc was pressed; the job stops at its next chunk.
        public var cancelling = false

        public init(snapshot: ReconcileProgress.Snapshot, elapsed: Double, cancelling: Bool = false) {
            self.snapshot = snapshot; self.elapsed = elapsed; self.cancelling = cancelling
        }

        public var rowsPerSecond: Int { elapsed > 0.05 ? Int(Double(snapshot.rowsRead) / elapsed) : 0 }
    }

    public var ida = PathField()
    public var sfdc = PathField()
    public var moneyTolerance = TextField("0.00")
    public var dateTolerance = TextField("0")
    public var focus = Field.ida
    /// A refusal (bad input, the job's error), shown in the danger style.
    public var error: String?
    /// News that is not an error ("Cancelled; nothing was saved.").
    public var notice: String?
    /// Set while the job runs.
    public var running: Running?

    public init() {}

    var focusedPath: PathField? {
        switch focus {
        case .ida: return ida
        case .sfdc: return sfdc
        default: return nil
        }
    }
}

public enum ReconcileImportDialog {
    public static func update(_ state: inout ReconcileImportState, _ key: Key) -> DialogOutcome {
        if state.running != nil {
            // While the job runs only Esc does anything: it asks the job to stop.
            guard key == .escape, state.running?.cancelling == false else { return .stay }
            state.running?.cancelling = true
            return .cancelReconcile
        }
        let fields = ReconcileImportState.Field.allCases
        switch key {
        case .escape: return .close
        case .down: state.focus = fields[(state.focus.rawValue + 1) % fields.count]
        case .up, .backTab: state.focus = fields[(state.focus.rawValue + fields.count - 1) % fields.count]
        case .tab:
            if let path = state.focusedPath { return .completePath(path.text) }
            state.focus = fields[(state.focus.rawValue + 1) % fields.count]
        case .enter:
            return submit(&state)
        default:
            if case .character(let c) = key, state.focus == .dateTolerance, !c.isNumber { return .stay }
            let edited: Bool
            switch state.focus {
            case .ida: edited = state.ida.handle(key)
            case .sfdc: edited = state.sfdc.handle(key)
            case .moneyTolerance: edited = state.moneyTolerance.handle(key)
            case .dateTolerance: edited = state.dateTolerance.handle(key)
            }
            if edited { state.error = nil; state.notice = nil }
        }
        return .stay
    }

    /// Takes the completion candidates for the focused path field.
    public static func completed(_ state: inout ReconcileImportState, _ candidates: [String]) {
        var message: String?
        switch state.focus {
        case .ida: message = state.ida.complete(with: candidates)
        case .sfdc: message = state.sfdc.complete(with: candidates)
        default: return
        }
        state.error = message
    }

    private static func submit(_ state: inout ReconcileImportState) -> DialogOutcome {
        func refuse(_ message: String, _ field: ReconcileImportState.Field) -> DialogOutcome {
            state.error = message
            state.focus = field
            return .stay
        }
        let ida = state.ida.text.trimmingCharacters(in: .whitespaces)
        let sfdc = state.sfdc.text.trimmingCharacters(in: .whitespaces)
        if ida.isEmpty { return refuse("Give the IDA export's path (Tab completes).", .ida) }
        if sfdc.isEmpty { return refuse("Give the SFDC export's path (Tab completes).", .sfdc) }
        let moneyText = state.moneyTolerance.text.trimmingCharacters(in: .whitespaces)
        let money = moneyText.isEmpty ? Money.zero : Money(parsing: moneyText)
        guard let money, money >= .zero else {
            return refuse("Money tolerance: '\(moneyText)' is not an amount; type dollars such as 0.01.", .moneyTolerance)
        }
        let daysText = state.dateTolerance.text.trimmingCharacters(in: .whitespaces)
        let days = daysText.isEmpty ? 0 : Int(daysText)
        guard let days, (0...365).contains(days) else {
            return refuse("Date tolerance: '\(daysText)' is not a number of days from 0 to 365.", .dateTolerance)
        }
        state.error = nil
        state.notice = nil
        return .startReconcile(ida: ida, sfdc: sfdc, ReconcileOptions(moneyTolerance: money, dateToleranceDays: days))
    }

    /// The box and the fields' rows, under a line of explanation and a blank row: one computation for drawing
    /// and clicks.
    static func layout(rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), fields: [HitZone<ReconcileImportState.Field>]) {
        let frame = Canvas.centredFrame(height: 17, width: 76, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 20, inner.height > 10 else { return (frame, []) }
        return (frame, HitZone.stacked(ReconcileImportState.Field.allCases, top: inner.top + 2, end: inner.top + inner.height,
                                       inner: inner))
    }

    /// A click on a field focuses it, as ↑↓ would; while the run goes, clicks do nothing. Nil when nothing changed.
    static func mouse(_ state: inout ReconcileImportState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        guard state.running == nil else { return nil }
        return DialogMouse.focus(&state, event, \.focus, in: layout(rows: size.rows, columns: size.columns).fields)
    }

    public static func render(_ state: ReconcileImportState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = layout(rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Reconcile IDA against SFDC")
        guard inner.width > 20, inner.height > 10 else { return }
        let labelWidth = 18
        let fieldWidth = max(1, inner.width - labelWidth)
        canvas.cell("The run is saved with its differences, ready to resolve.", row: inner.top, column: inner.left,
                    width: inner.width, style: theme.style(.muted))
        let editing = state.running == nil
        for zone in l.fields {
            let (field, y) = (zone.target, zone.row)
            let focused = editing && state.focus == field
            let label: String, text: TextField, unit: String
            switch field {
            case .ida: (label, text, unit) = ("IDA export", state.ida.field, "")
            case .sfdc: (label, text, unit) = ("SFDC export", state.sfdc.field, "")
            case .moneyTolerance: (label, text, unit) = ("Money tolerance", state.moneyTolerance, "dollars: MRR and NRC closer than this agree")
            case .dateTolerance: (label, text, unit) = ("Date tolerance", state.dateTolerance, "days: install dates closer than this agree")
            }
            canvas.cell((focused ? "▸ " : "  ") + label, row: y, column: inner.left, width: labelWidth,
                        style: focused ? theme.style(.accent) : theme.style(.dialog))
            let width = unit.isEmpty ? fieldWidth : 8
            let x = text.draw(on: canvas, row: y, column: inner.left + labelWidth, width: width,
                              style: focused ? theme.style(.fieldFocus) : theme.style(.field))
            if focused { canvas.terminal.setCursor(row: y, column: x) }
            if !unit.isEmpty {
                canvas.cell(unit, row: y, column: inner.left + labelWidth + width + 1,
                            width: max(0, fieldWidth - width - 1), style: theme.style(.muted))
            }
        }
        // A blank row under the fields.
        let y = (l.fields.last?.row ?? inner.top) + 2
        let spare = inner.top + inner.height - 2 - y
        if let running = state.running {
            renderProgress(running, ida: state.ida.text, sfdc: state.sfdc.text, on: canvas, top: y, left: inner.left,
                           width: inner.width)
            canvas.dialogFooter(inner, hint: running.cancelling ? "Stopping…" : "Esc cancel the run")
            return
        }
        // Candidates above, a message (which may take three rows) below.
        state.focusedPath?.drawCandidates(on: canvas, top: y, left: inner.left, width: inner.width, rows: spare - 3)
        let hint = state.focusedPath != nil ? "Tab complete · ↑↓ field · Enter run · Esc cancel" : "↑↓ field · Enter run · Esc cancel"
        if let error = state.error {
            canvas.dialogFooter(inner, hint: hint, message: error, messageLines: 3)
        } else {
            canvas.dialogFooter(inner, hint: hint, message: state.notice, messageSlot: .warning)
        }
    }

    /// The bar, the percentage, rows read and their rate, and the phase.
    static func renderProgress(_ running: ReconcileImportState.Running, ida: String, sfdc: String, on canvas: Canvas,
                               top: Int, left: Int, width: Int) {
        let theme = canvas.theme
        let s = running.snapshot
        func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        canvas.cell("Reconciling " + name(ida) + " against " + name(sfdc), row: top, column: left, width: width,
                    style: theme.style(.dialogTitle))
        let percent = s.totalBytes > 0 ? String(Int(s.fraction * 100)) + "%" : "…"
        let phase = DisplayWidth.pad(s.phase, to: 9)
        let barWidth = max(4, width - 9 - 1 - 5)
        let filled = Int(s.fraction * Double(barWidth))
        canvas.cell(phase, row: top + 2, column: left, width: 9, style: theme.style(.dialog))
        canvas.cell(String(repeating: "█", count: filled), row: top + 2, column: left + 10, width: filled,
                    style: theme.style(.accent))
        canvas.cell(String(repeating: "░", count: barWidth - filled), row: top + 2, column: left + 10 + filled,
                    width: barWidth - filled, style: theme.style(.muted))
        canvas.cell(percent, row: top + 2, column: left + 10 + barWidth, width: 5, style: theme.style(.dialogTitle), alignRight: true)
        let seconds = Int(running.elapsed)
        canvas.cell(Money.groupedInteger(s.rowsRead) + " rows read · " + Money.groupedInteger(running.rowsPerSecond)
                        + " rows/s · " + (seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min \(seconds % 60) s"),
                    row: top + 3, column: left + 10, width: width - 10, style: theme.style(.dialog))
        canvas.cell(running.cancelling ? "Cancelling: nothing will be saved." : "Esc cancels; nothing is saved until the run has finished.",
                    row: top + 5, column: left, width: width, style: theme.style(running.cancelling ? .warning : .muted))
    }
}
