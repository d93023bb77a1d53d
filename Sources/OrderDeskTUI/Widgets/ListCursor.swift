/// A cursor and a scroll position over a list held whole in memory (the runs list, a customer's panes).
enum ListCursor {
    /// Applies a cursor command; false when the command is not one.
    static func move(_ command: CommandID, cursor: inout Int, count: Int, visibleRows: Int) -> Bool {
        let last = max(0, count - 1), page = max(1, visibleRows - 1)
        switch command {
        case .moveDown: cursor = min(last, cursor + 1)
        case .moveUp: cursor = max(0, cursor - 1)
        case .pageDown: cursor = min(last, cursor + page)
        case .pageUp: cursor = max(0, cursor - page)
        case .first: cursor = 0
        case .last: cursor = last
        default: return false
        }
        return true
    }

    /// Keeps the cursor within the list and on screen, scrolling as little as needed.
    static func scroll(cursor: inout Int, top: inout Int, count: Int, visibleRows: Int) {
        cursor = max(0, min(cursor, count - 1))
        if cursor < top { top = cursor }
        if cursor >= top + visibleRows { top = cursor - visibleRows + 1 }
        top = max(0, min(top, max(0, count - visibleRows)))
    }
}
