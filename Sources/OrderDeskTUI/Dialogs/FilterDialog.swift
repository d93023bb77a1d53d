import Foundation
import OrderDeskCore
import OrderDeskTerminal

/// Narrowing the queue: a set of states, a channel, whose orders, and a minimum age in the current state.
public struct FilterDialogState: Hashable, Sendable {
    public enum Section: Int, CaseIterable, Sendable { case states, channel, owner, days }

    public var draft: QueueFilter
    public var userID: Int64
    public var section = Section.states
    /// Which state the cursor is on in the states section.
    public var stateIndex = 0
    public var days: TextField
    public var error: String?

    public init(filter: QueueFilter, userID: Int64) {
        draft = filter; self.userID = userID
        days = TextField(filter.minDaysInState.map(String.init) ?? "")
    }
}

public enum FilterDialog {
    static let channels: [Channel?] = [nil] + Channel.allCases

    public static func update(_ state: inout FilterDialogState, _ key: Key) -> DialogOutcome {
        let sections = FilterDialogState.Section.allCases
        switch key {
        case .escape: return .close
        case .tab:
            state.section = sections[(state.section.rawValue + 1) % sections.count]
            return .stay
        case .backTab:
            state.section = sections[(state.section.rawValue + sections.count - 1) % sections.count]
            return .stay
        case .enter:
            let text = state.days.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                state.draft.minDaysInState = nil
            } else if let n = Int(text), n >= 0 {
                state.draft.minDaysInState = n
            } else {
                state.error = "Days in state: '\(text)' is not a whole number of days."
                state.section = .days
                return .stay
            }
            return .applyFilter(state.draft)
        case .control("u"):
            state.draft = QueueFilter(search: state.draft.search)
            state.days = TextField()
            return .stay
        default: break
        }
        switch state.section {
        case .states:
            let all = OrderState.allCases
            switch key {
            case .down, .character("j"): state.stateIndex = min(all.count - 1, state.stateIndex + 1)
            case .up, .character("k"): state.stateIndex = max(0, state.stateIndex - 1)
            case .right, .character("l"): state.stateIndex = min(all.count - 1, state.stateIndex + 6)
            case .left, .character("h"): state.stateIndex = max(0, state.stateIndex - 6)
            case .character(" "), .character("x"):
                let s = all[state.stateIndex]
                if state.draft.states.contains(s) { state.draft.states.remove(s) } else { state.draft.states.insert(s) }
            case .character("o"):
                state.draft.states = Set(all.filter(\.isOpen))
            case .character("a"):
                state.draft.states = []
            default: break
            }
        case .channel:
            let i = channels.firstIndex(of: state.draft.channel) ?? 0
            if key == .right || key == .character(" ") || key == .character("l") || key == .down {
                state.draft.channel = channels[(i + 1) % channels.count]
            }
            if key == .left || key == .character("h") || key == .up {
                state.draft.channel = channels[(i + channels.count - 1) % channels.count]
            }
        case .owner:
            if [.left, .right, .up, .down, .character(" "), .character("h"), .character("l")].contains(key) {
                // Mine ⇄ anyone; someone else's (from the status view's team board) goes to anyone.
                state.draft.owner = state.draft.owner == .anyone ? .user(state.userID) : .anyone
            }
        case .days:
            if case .character(let c) = key, !c.isNumber { return .stay }
            _ = state.days.handle(key)
        }
        return .stay
    }

    /// The box and where its headings and check boxes go: one computation for drawing and clicks.
    static func layout(rows: Int, columns: Int)
        -> (frame: (top: Int, left: Int, height: Int, width: Int), headings: [HitZone<FilterDialogState.Section>],
            states: [HitZone<Int>]) {
        let frame = Canvas.centredFrame(height: 20, width: 64, rows: rows, columns: columns)
        let inner = Canvas.inner(of: frame)
        guard inner.width > 10, inner.height > 8 else { return (frame, [], []) }
        let columnWidth = (inner.width - 2) / 2
        let states = OrderState.allCases.indices.map { i in
            HitZone(row: inner.top + 1 + i % 6, left: inner.left + 2 + (i / 6) * columnWidth, width: columnWidth - 1, target: i)
        }
        let headings = zip(FilterDialogState.Section.allCases, [0, 8, 10, 12]).map { section, offset in
            HitZone(row: inner.top + offset, left: inner.left, width: inner.width, target: section)
        }
        return (frame, headings, states)
    }

    /// A click on a heading (or the days field on its line) moves there, as Tab would; a click on a state puts
    /// the cursor on it and a double click ticks or unticks it (as Space); the wheel moves through the states.
    /// Nil when nothing changed.
    static func mouse(_ state: inout FilterDialogState, _ event: MouseEvent, size: TerminalSize) -> Bool? {
        if let key = DialogMouse.wheelKey(event) {
            guard state.section == .states else { return nil }
            _ = update(&state, key)
            return false
        }
        let l = layout(rows: size.rows, columns: size.columns)
        if case let (i, double)? = DialogMouse.click(event, in: l.states) {
            state.section = .states
            state.stateIndex = i
            if double { _ = update(&state, .character(" ")) }
            return false
        }
        return DialogMouse.focus(&state, event, \.section, in: l.headings)
    }

    public static func render(_ state: FilterDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let l = layout(rows: canvas.rows, columns: canvas.columns)
        let inner = canvas.centredBox(height: l.frame.height, width: l.frame.width, title: "Filter the queue")
        guard inner.width > 10, inner.height > 8 else { return }
        let rows = Dictionary(uniqueKeysWithValues: l.headings.map { ($0.target, $0.row) })
        func heading(_ text: String, _ section: FilterDialogState.Section) {
            let focused = state.section == section
            canvas.cell((focused ? "▸ " : "  ") + text, row: rows[section]!, column: inner.left, width: inner.width,
                        style: focused ? theme.style(.accent) : theme.style(.dialogTitle))
        }
        heading("States (Space toggles · o open ones · a all)", .states)
        let all = OrderState.allCases
        for zone in l.states {
            let s = all[zone.target]
            let checked = state.draft.states.contains(s)
            let text = (checked ? "[x] " : "[ ] ") + String(s.symbol) + " " + s.label
            let focused = state.section == .states && zone.target == state.stateIndex
            canvas.cell(text, row: zone.row, column: zone.left, width: zone.width,
                        style: focused ? theme.style(.tableCursor) : theme.style(for: s))
        }
        heading("Channel  ◂ " + (state.draft.channel?.rawValue ?? "any") + " ▸", .channel)
        let owner: String
        switch state.draft.owner {
        case .anyone: owner = "anyone"
        case .user: owner = "mine"
        case .person(_, let login): owner = login
        }
        heading("Owner    ◂ " + owner + " ▸", .owner)
        heading("In current state for more than          days", .days)
        let y = rows[.days]!
        let x = state.days.draw(on: canvas, row: y, column: inner.left + 34, width: 6,
                                style: state.section == .days ? theme.style(.fieldFocus) : theme.style(.field))
        if state.section == .days { canvas.terminal.setCursor(row: y, column: x) }
        canvas.dialogFooter(inner, hint: "Tab section · Enter apply · Ctrl-U clear · Esc cancel", message: state.error)
    }
}
