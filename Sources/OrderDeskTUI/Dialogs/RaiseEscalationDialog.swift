import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Raising an escalation on an order: the reason, the severity and a note for the supervisor. What was
/// typed survives a refused save.
public struct RaiseEscalationState: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable { case reason, severity, note }

    public var orderID: Int64
    public var orderNumber: String
    public var reason: EscalationReason
    public var severity: EscalationSeverity = .p2
    public var note = TextField()
    public var focus = Field.reason
    /// The order's escalations still open or acknowledged, shown so nobody raises the same thing twice.
    public var active: [EscalationRecord]
    public var error: String?

    /// `row`'s state suggests the reason: a not-done order is "not done too long", and so on.
    public init(row: QueueRow, active: [EscalationRecord] = [], today: Day? = nil) {
        orderID = row.id; orderNumber = row.orderNumber; self.active = active
        switch row.state {
        case .notDone: reason = .notDoneTooLong
        case .held: reason = .heldTooLong
        case .pending: reason = .waitingOnCustomerTooLong
        case .scheduled where today.map { day in row.installOn.map { $0 < day } ?? false } ?? false: reason = .installDateMissed
        default: reason = .customerComplaint
        }
    }
}

public enum RaiseEscalationDialog {
    public static func update(_ state: inout RaiseEscalationState, _ key: Key) -> DialogOutcome {
        let fields = RaiseEscalationState.Field.allCases
        switch key {
        case .escape:
            return .close
        case .tab, .down:
            state.focus = fields[(state.focus.rawValue + 1) % fields.count]
        case .backTab, .up:
            state.focus = fields[(state.focus.rawValue + fields.count - 1) % fields.count]
        case .enter, .control("s"):
            let note = state.note.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else {
                state.error = "Say what is wrong and what you need: the supervisor reads it first."
                state.focus = .note
                return .stay
            }
            state.error = nil
            return .raiseEscalation(orderID: state.orderID, state.reason, state.severity, note: note)
        default:
            switch state.focus {
            case .reason:
                state.reason = cycle(EscalationReason.allCases, from: state.reason, key) ?? state.reason
            case .severity:
                if case .character(let c) = key, let n = c.wholeNumberValue, (1...3).contains(n) {
                    state.severity = EscalationSeverity.allCases[n - 1]
                } else {
                    state.severity = cycle(EscalationSeverity.allCases, from: state.severity, key) ?? state.severity
                }
            case .note:
                _ = state.note.handle(key)
            }
        }
        return .stay
    }

    /// → or space picks the next choice, ← the previous one; nil for any other key.
    private static func cycle<T: Equatable>(_ all: [T], from current: T, _ key: Key) -> T? {
        guard let i = all.firstIndex(of: current) else { return nil }
        switch key {
        case .right, .character(" "), .character("l"): return all[(i + 1) % all.count]
        case .left, .character("h"): return all[(i + all.count - 1) % all.count]
        default: return nil
        }
    }

    /// The warnings about escalations already open, at most two.
    static func warnings(_ state: RaiseEscalationState) -> [String] {
        state.active.prefix(2).map {
            "Already escalated: \($0.severity.label) \($0.reason.label), \($0.status.label)"
                + ($0.ownerLogin.map { ", owner " + $0 } ?? "")
        }
    }

    /// The box and the fields' rows, under the warnings: one computation for drawing and clicks.
    static func layout(_ state: RaiseEscalationState, rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), fields: [HitZone<RaiseEscalationState.Field>]) {
        let count = warnings(state).count
        let frame = Canvas.centredFrame(height: 12 + count, width: 76, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 0, inner.height > 4 else { return (frame, []) }
        return (frame, HitZone.stacked(RaiseEscalationState.Field.allCases, top: inner.top + count + 1, step: 2,
                                       end: inner.top + inner.height - 2, inner: inner))
    }

    /// A click on a field focuses it, as Tab would. Nil when the click is on no field.
    static func mouse(_ state: inout RaiseEscalationState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        DialogMouse.focus(&state, event, \.focus, in: layout(state, rows: size.rows, columns: size.columns).fields)
    }

    public static func render(_ state: RaiseEscalationState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = layout(state, rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Escalate order \(state.orderNumber)")
        guard inner.width > 0, inner.height > 4 else { return }
        for (i, warning) in warnings(state).enumerated() {
            canvas.cell("▲ " + warning, row: inner.top + i, column: inner.left, width: inner.width, style: theme.style(.warning))
        }
        let labelWidth = 12
        let fieldWidth = max(1, inner.width - labelWidth)
        for zone in l.fields {
            let (field, y) = (zone.target, zone.row)
            let focused = field == state.focus
            let label: String
            switch field {
            case .reason: label = "Reason"
            case .severity: label = "Severity"
            case .note: label = "Note"
            }
            canvas.cell((focused ? "▸ " : "  ") + label, row: y, column: inner.left, width: labelWidth,
                        style: focused ? theme.style(.accent) : theme.style(.dialog))
            let style = focused ? theme.style(.fieldFocus) : theme.style(.field)
            switch field {
            case .reason:
                canvas.cell("◂ " + state.reason.label + " ▸", row: y, column: inner.left + labelWidth, width: fieldWidth, style: style)
            case .severity:
                let choices = EscalationSeverity.allCases.map { $0 == state.severity ? "[" + $0.label + "]" : " " + $0.label + " " }
                canvas.cell(choices.joined(separator: " ") + "   P1 most urgent", row: y, column: inner.left + labelWidth,
                            width: fieldWidth, style: style)
            case .note:
                let x = state.note.draw(on: canvas, row: y, column: inner.left + labelWidth, width: fieldWidth, style: style)
                if focused { canvas.terminal.setCursor(row: y, column: x) }
                if state.note.text.isEmpty && !focused {
                    canvas.cell("what is wrong, what you need", row: y, column: inner.left + labelWidth, width: fieldWidth,
                                style: theme.style(.muted))
                }
            }
        }
        canvas.dialogFooter(inner, hint: "Tab next field · ←→ change · 1-3 severity · Enter raise · Esc cancel",
                            message: state.error, messageLines: 2)
    }
}
