import OrderDeskCore
import OrderDeskTerminal

/// Whose contract: a search over the customers as you type (name, account number, phone, address), then
/// Enter starts a new contract for the one under the cursor.
public struct ContractCustomerPickerState: Hashable, Sendable {
    public var search = TextField()
    /// The search the rows answer (the field may be ahead of it until the answer comes).
    public var answered: String?
    public var rows: [CustomerSummary] = []
    /// More customers match than the rows hold.
    public var more = false
    public var cursor = 0
    public var error: String?

    public init() {}

    public var selected: CustomerSummary? { rows.indices.contains(cursor) ? rows[cursor] : nil }
}

public enum ContractCustomerPicker {
    /// How many matches one search shows.
    public static let limit = 50

    public static func update(_ state: inout ContractCustomerPickerState, _ key: Key) -> DialogOutcome {
        switch key {
        case .escape: return .close
        case .enter:
            guard let customer = state.selected else {
                state.error = state.rows.isEmpty && state.answered != nil
                    ? "No customer matches: type fewer letters, an account number or a phone number."
                    : "Pick a customer first."
                return .stay
            }
            return .contractDialog(.pickCustomer(customer.id))
        case .down: state.cursor = min(max(0, state.rows.count - 1), state.cursor + 1)
        case .up: state.cursor = max(0, state.cursor - 1)
        case .pageDown: state.cursor = min(max(0, state.rows.count - 1), state.cursor + 10)
        case .pageUp: state.cursor = max(0, state.cursor - 10)
        default:
            let before = state.search.text
            guard state.search.handle(key), state.search.text != before else { return .stay }
            state.error = nil
            return .contractDialog(.searchCustomers(state.search.text))
        }
        return .stay
    }

    /// The answer to a search; ignored when the field has moved on since it was asked.
    public static func loaded(_ state: inout ContractCustomerPickerState, search: String, rows: [CustomerSummary], more: Bool) {
        guard search == state.search.text else { return }
        state.answered = search
        state.rows = rows
        state.more = more
        state.cursor = 0
    }

    /// The box, the rows the list shows (each customer's index) and the first row of the list: one computation
    /// for drawing and clicks.
    static func layout(_ state: ContractCustomerPickerState, rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), customers: [HitZone<Int>], listTop: Int) {
        let frame = Canvas.centredFrame(height: 20, width: 72, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        // The search field and a blank above the list; the message and the hint below it.
        let listTop = inner.top + 2
        guard inner.width > 10, inner.height > 5 else { return (frame, [], listTop) }
        let room = max(1, inner.height - 4)
        var cursor = state.cursor, top = 0
        ListCursor.scroll(cursor: &cursor, top: &top, count: state.rows.count, visibleRows: room)
        let shown = Array(state.rows.indices.dropFirst(top).prefix(room))
        return (frame, HitZone.stacked(shown, top: listTop, end: Int.max, inner: inner), listTop)
    }

    /// A click on a customer puts the cursor on it, a double click writes the contract (true: as Enter); the
    /// wheel moves the cursor. Nil when nothing changed.
    static func mouse(_ state: inout ContractCustomerPickerState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        DialogMouse.list(&state, event, cursor: \.cursor, rows: { layout($0, rows: size.rows, columns: size.columns).customers }) {
            _ = update(&$0, $1)
        }
    }

    public static func render(_ state: ContractCustomerPickerState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = layout(state, rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "New contract: whose?")
        guard inner.width > 10, inner.height > 5 else { return }
        ContractDialogs.field("Customer ", state.search, focused: true, on: canvas, row: inner.top, left: inner.left,
                              labelWidth: 11, width: inner.width)
        let listTop = l.listTop
        if state.rows.isEmpty {
            let text = state.answered == nil ? "Searching…" : "No customer matches \"" + state.search.text + "\"."
            canvas.cell(text, row: listTop, column: inner.left, width: inner.width, style: theme.style(.muted))
        }
        for zone in l.customers {
            let (i, customer, y) = (zone.target, state.rows[zone.target], zone.row)
            let selected = i == state.cursor
            let style = selected ? theme.style(.tableCursor) : theme.style(.dialog)
            let account = " " + customer.accountNumber
            let place = customer.place.map { "  " + $0 } ?? ""
            let right = DisplayWidth.pad(place, to: 20) + account
            let rightWidth = DisplayWidth.of(right)
            canvas.cell((selected ? "▸ " : "  ") + customer.name, row: y, column: inner.left,
                        width: max(1, inner.width - rightWidth), style: style)
            canvas.cell(right, row: y, column: inner.left + max(1, inner.width - rightWidth), width: rightWidth,
                        style: selected ? style : theme.style(.muted))
        }
        let more = state.more ? " · more match: type more to narrow" : ""
        canvas.dialogFooter(inner, hint: "type to search · ↑↓ choose · Enter write the contract · Esc cancel" + more,
                            message: state.error)
    }
}
