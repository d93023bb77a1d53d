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

    public static func render(_ state: FilterDialogState, on canvas: Canvas) {
        let theme = canvas.theme
        let inner = canvas.centredBox(height: 20, width: 64, title: "Filter the queue")
        guard inner.width > 10, inner.height > 8 else { return }
        func heading(_ text: String, _ section: FilterDialogState.Section, row: Int) {
            let focused = state.section == section
            canvas.cell((focused ? "▸ " : "  ") + text, row: row, column: inner.left, width: inner.width,
                        style: focused ? theme.style(.accent) : theme.style(.dialogTitle))
        }
        var y = inner.top
        heading("States (Space toggles · o open ones · a all)", .states, row: y)
        y += 1
        let all = OrderState.allCases
        let columnWidth = (inner.width - 2) / 2
        for (i, s) in all.enumerated() {
            let row = y + i % 6, x = inner.left + 2 + (i / 6) * columnWidth
            let checked = state.draft.states.contains(s)
            let text = (checked ? "[x] " : "[ ] ") + String(s.symbol) + " " + s.label
            let focused = state.section == .states && i == state.stateIndex
            canvas.cell(text, row: row, column: x, width: columnWidth - 1,
                        style: focused ? theme.style(.tableCursor) : theme.style(for: s))
        }
        y += 7
        heading("Channel  ◂ " + (state.draft.channel?.rawValue ?? "any") + " ▸", .channel, row: y)
        y += 2
        let owner: String
        switch state.draft.owner {
        case .anyone: owner = "anyone"
        case .user: owner = "mine"
        case .person(_, let login): owner = login
        }
        heading("Owner    ◂ " + owner + " ▸", .owner, row: y)
        y += 2
        heading("In current state for more than          days", .days, row: y)
        let x = state.days.draw(on: canvas, row: y, column: inner.left + 34, width: 6,
                                style: state.section == .days ? theme.style(.fieldFocus) : theme.style(.field))
        if state.section == .days { canvas.terminal.setCursor(row: y, column: x) }
        canvas.dialogFooter(inner, hint: "Tab section · Enter apply · Ctrl-U clear · Esc cancel", message: state.error)
    }
}
