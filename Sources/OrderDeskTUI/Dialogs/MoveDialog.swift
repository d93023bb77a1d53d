import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Moving an order: pick one of the allowed next states, then give what that state needs.
public struct MoveDialogState: Hashable, Sendable {
    public enum Field: Hashable, Sendable { case reason, installDate, billStartDate, note }

    public var orderID: Int64
    public var orderNumber: String
    /// The version the person is working from; refreshed after a conflict.
    public var version: Int64
    public var from: OrderState
    public var targets: [OrderState]
    public var targetIndex = 0
    /// nil while choosing the target; the form's fields once chosen.
    public var fields: [Field]?
    public var focus = 0
    public var reasonIndex = 0
    public var installDate = TextField()
    public var billStartDate = TextField()
    public var note = TextField()
    public var error: String?

    public init(row: QueueRow) {
        orderID = row.id; orderNumber = row.orderNumber; version = row.version; from = row.state
        targets = Workflow.allowedTargets(from: row.state)
    }

    public var target: OrderState { targets[targetIndex] }
    var reasons: [ReasonCode] { ReasonCode.codes(for: target) }
    var focusedField: Field? { fields.flatMap { $0.indices.contains(focus) ? $0[focus] : nil } }
}

public enum MoveDialog {
    public static func update(_ state: inout MoveDialogState, _ key: Key) -> DialogOutcome {
        guard let fields = state.fields else { return chooseTarget(&state, key) }
        switch key {
        case .escape:
            state.fields = nil; state.error = nil
            return .stay
        case .tab, .down:
            state.focus = (state.focus + 1) % fields.count
        case .backTab, .up:
            state.focus = (state.focus + fields.count - 1) % fields.count
        case .enter, .control("s"):
            return submit(&state)
        default:
            switch state.focusedField {
            case .reason:
                let n = state.reasons.count
                if key == .right || key == .character(" ") || key == .character("l") { state.reasonIndex = (state.reasonIndex + 1) % n }
                if key == .left || key == .character("h") { state.reasonIndex = (state.reasonIndex + n - 1) % n }
            case .installDate: _ = state.installDate.handle(key)
            case .billStartDate: _ = state.billStartDate.handle(key)
            case .note: _ = state.note.handle(key)
            case nil: break
            }
        }
        return .stay
    }

    private static func chooseTarget(_ state: inout MoveDialogState, _ key: Key) -> DialogOutcome {
        guard !state.targets.isEmpty else { return key == .escape || key == .enter ? .close : .stay }
        switch key {
        case .escape: return .close
        case .down, .character("j"), .tab: state.targetIndex = (state.targetIndex + 1) % state.targets.count
        case .up, .character("k"), .backTab: state.targetIndex = (state.targetIndex + state.targets.count - 1) % state.targets.count
        case .enter:
            var fields: [MoveDialogState.Field] = []
            for requirement in Workflow.requirements(for: state.target) {
                switch requirement {
                case .reasonCode: fields.append(.reason)
                case .installDate: fields.append(.installDate)
                case .billStartDate: fields.append(.billStartDate)
                case .locationAndPricedLines: break // checked by the store when saving
                }
            }
            fields.append(.note)
            state.fields = fields; state.focus = 0; state.reasonIndex = 0; state.error = nil
        case .character(let c):
            // A digit picks the n-th target directly.
            if let n = c.wholeNumberValue, n >= 1, n <= state.targets.count {
                state.targetIndex = n - 1
                return chooseTarget(&state, .enter)
            }
        default: break
        }
        return .stay
    }

    private static func submit(_ state: inout MoveDialogState) -> DialogOutcome {
        var input = TransitionInput()
        for field in state.fields ?? [] {
            switch field {
            case .reason: input.reasonCode = state.reasons[state.reasonIndex].code
            case .installDate:
                guard let day = Day(iso: state.installDate.text.trimmingCharacters(in: .whitespaces)) else {
                    state.error = "Install date: '\(state.installDate.text)' is not a date; type it as yyyy-MM-dd."
                    state.focus = state.fields!.firstIndex(of: .installDate)!
                    return .stay
                }
                input.installDate = day
            case .billStartDate:
                guard let day = Day(iso: state.billStartDate.text.trimmingCharacters(in: .whitespaces)) else {
                    state.error = "Bill start date: '\(state.billStartDate.text)' is not a date; type it as yyyy-MM-dd."
                    state.focus = state.fields!.firstIndex(of: .billStartDate)!
                    return .stay
                }
                input.billStartDate = day
            case .note:
                let text = state.note.text.trimmingCharacters(in: .whitespacesAndNewlines)
                input.note = text.isEmpty ? nil : text
            }
        }
        state.error = nil
        return .submit(.move(to: state.target, input: input), orderID: state.orderID, expectedVersion: state.version)
    }

    /// The box and the rows a click picks (a target while choosing, else a field): one computation for
    /// drawing and clicks.
    static func layout(_ state: MoveDialogState, rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), zones: [HitZone<Int>]) {
        guard let fields = state.fields else {
            let frame = Canvas.centredFrame(height: max(state.targets.count, 1) + 5, width: 62, rows: rows, columns: columns)
            let inner = Canvas.inner(of: frame)
            // A target's row is inside the box (`i + 1 < height`), the footer may cover the last ones.
            return (frame, HitZone.stacked(Array(state.targets.indices), top: inner.top + 1, end: inner.top + inner.height,
                                           inner: inner))
        }
        let frame = Canvas.centredFrame(height: fields.count * 2 + 6, width: 66, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        return (frame, HitZone.stacked(Array(fields.indices), top: inner.top + 1, step: 2, end: inner.top + inner.height - 2,
                                       inner: inner))
    }

    /// A click on a target selects it and a double click goes on with it (true: as Enter); a click on a field
    /// focuses it; the wheel moves through the targets. Nil when nothing changed.
    static func mouse(_ state: inout MoveDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        let zones = layout(state, rows: size.rows, columns: size.columns).zones
        guard state.fields == nil else { return DialogMouse.focus(&state, event, \.focus, in: zones) }
        guard !state.targets.isEmpty else { return nil }
        return DialogMouse.list(&state, event, cursor: \.targetIndex, rows: { _ in zones }) { _ = update(&$0, $1) }
    }

    public static func render(_ state: MoveDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let title = "Move order \(state.orderNumber) from \(state.from.label)"
        let l = layout(state, rows: canvas.rows, columns: canvas.columns)
        guard let fields = state.fields else {
            let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: title)
            guard inner.width > 0 else { return }
            if state.targets.isEmpty {
                canvas.cell("\(state.from.label) is final: no move is allowed.", row: inner.top + 1, column: inner.left,
                            width: inner.width, style: theme.style(.warning))
            }
            for zone in l.zones {
                let target = state.targets[zone.target]
                let needs = Workflow.requirements(for: target).map(\.rawValue).joined(separator: ", ")
                let text = "\(zone.target + 1) " + String(target.symbol) + " " + DisplayWidth.pad(target.label, to: 12)
                    + (needs.isEmpty ? "" : "needs " + needs)
                let selected = zone.target == state.targetIndex
                canvas.cell(text, row: zone.row, column: zone.left, width: zone.width,
                            style: selected ? theme.style(.tableCursor) : theme.style(for: target))
            }
            canvas.dialogFooter(inner, hint: "↑↓ choose · Enter next · Esc cancel")
            return
        }
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: title + " to " + state.target.label)
        guard inner.width > 0 else { return }
        let labelWidth = 17
        let fieldWidth = max(1, inner.width - labelWidth)
        for zone in l.zones {
            let (i, field, y) = (zone.target, fields[zone.target], zone.row)
            let focused = i == state.focus
            let fieldStyle = focused ? theme.style(.fieldFocus) : theme.style(.field)
            let label: String
            switch field {
            case .reason: label = "Reason code"
            case .installDate: label = "Install date"
            case .billStartDate: label = "Bill start date"
            case .note: label = "Note (optional)"
            }
            canvas.cell((focused ? "▸ " : "  ") + label, row: y, column: inner.left, width: labelWidth,
                        style: focused ? theme.style(.accent) : theme.style(.dialog))
            switch field {
            case .reason:
                let reason = state.reasons[state.reasonIndex]
                canvas.cell("◂ " + reason.code + " " + reason.description + " ▸", row: y, column: inner.left + labelWidth,
                            width: fieldWidth, style: fieldStyle)
            case .installDate, .billStartDate, .note:
                let text = field == .installDate ? state.installDate : field == .billStartDate ? state.billStartDate : state.note
                let x = text.draw(on: canvas, row: y, column: inner.left + labelWidth, width: fieldWidth, style: fieldStyle)
                if focused { canvas.terminal.setCursor(row: y, column: x) }
                if text.text.isEmpty && field != .note && !focused {
                    canvas.cell("yyyy-MM-dd", row: y, column: inner.left + labelWidth, width: fieldWidth, style: theme.style(.muted))
                }
            }
        }
        let hint = (fields.contains(.reason) ? "Tab next field · ←→ change reason · " : fields.count > 1 ? "Tab next field · " : "")
            + "Enter save · Esc back"
        canvas.dialogFooter(inner, hint: hint, message: state.error)
    }
}
