import OrderDeskCore

/// A window of rows onto a long list that is fetched a page at a time relative to rows already held:
/// the rows on screen, the cursor among them, where they stand in the whole list, and the cursor
/// commands, filling and reloading that move it.
///
/// The window never fetches: it asks for a ``Fetch`` (which rows, how many, and why) and its screen
/// maps that onto its own client call, then hands the answer back to ``merge(_:more:moreBefore:for:exactTotal:)``.
public struct KeysetWindow<Row: Identifiable & Hashable & Sendable>: Hashable, Sendable where Row.ID: Sendable {
    /// Which rows to fetch, relative to rows in the window.
    public enum Request: Hashable, Sendable {
        case first, last
        /// The rows that come after this one.
        case after(Row)
        /// The rows just before this one, in display order.
        case before(Row)
    }

    /// Why rows were fetched, so the answer can be merged into the window.
    public enum Purpose: Hashable, Sendable {
        /// A new filter, sort or query: start at the top.
        case reset
        case first, last
        case lineDown, lineUp, pageDown, pageUp
        /// More rows below to fill a taller window.
        case grow
        /// More rows above to fill a taller window at the end of the list.
        case growBefore
        /// Reloading the window in place, the cursor kept on this row when it is still there.
        case refresh(keepCursorOn: Row.ID?)

        /// Whether the rows were fetched upwards, so that the answer's "more" is about rows before them.
        public var isBackward: Bool {
            switch self {
            case .last, .lineUp, .pageUp, .growBefore: return true
            default: return false
            }
        }
    }

    /// A fetch the window asks for: up to `limit` rows, for `purpose`.
    public struct Fetch: Hashable, Sendable {
        public var request: Request
        public var limit: Int
        public var purpose: Purpose

        public init(_ request: Request, limit: Int, purpose: Purpose) {
            self.request = request; self.limit = limit; self.purpose = purpose
        }
    }

    /// What the window still needs after merging a page.
    public enum FollowUp: Hashable, Sendable {
        case fetch(Fetch)
        /// Where `rows[0]` stands in the list is not known: find out and set `topIndex`.
        case locateTop
    }

    /// The cursor commands.
    public enum Motion: Hashable, Sendable {
        case down, up, pageDown, pageUp, first, last

        /// The motion of a cursor command; nil for any other command.
        public init?(_ command: CommandID) {
            switch command {
            case .moveDown: self = .down
            case .moveUp: self = .up
            case .pageDown: self = .pageDown
            case .pageUp: self = .pageUp
            case .first: self = .first
            case .last: self = .last
            default: return nil
            }
        }
    }

    /// The rows on screen, in display order.
    public var rows: [Row] = []
    public var hasMoreBefore = false
    public var hasMoreAfter = false
    /// Index of the cursor within `rows`.
    public var cursor = 0
    /// How many rows of the list come before `rows[0]`.
    public var topIndex = 0
    /// Rows the screen can show; set from the terminal size.
    public var visibleRows: Int

    /// An empty window `visibleRows` tall.
    public init(visibleRows: Int) { self.visibleRows = visibleRows }

    /// The row under the cursor.
    public var selected: Row? { rows.indices.contains(cursor) ? rows[cursor] : nil }
    /// 1-based number of the cursor's row in the whole list.
    public var cursorPosition: Int { topIndex + cursor + 1 }
    /// How many rows a page is.
    public var pageSize: Int { max(1, visibleRows) }

    /// The fetch that starts the window over at the top of the list.
    public var restart: Fetch { Fetch(.first, limit: pageSize, purpose: .reset) }
    /// The purpose of a fetch that reloads the window in place, keeping the cursor on its row.
    public var refreshPurpose: Purpose { .refresh(keepCursorOn: selected?.id) }

    /// Moves the cursor; returns the fetch that is needed when it leaves the rows held.
    public mutating func move(_ motion: Motion) -> Fetch? {
        switch motion {
        case .down:
            if cursor + 1 < rows.count { cursor += 1; return nil }
            guard hasMoreAfter, let last = rows.last else { return nil }
            return Fetch(.after(last), limit: 1, purpose: .lineDown)
        case .up:
            if cursor > 0 { cursor -= 1; return nil }
            guard hasMoreBefore, let first = rows.first else { return nil }
            return Fetch(.before(first), limit: 1, purpose: .lineUp)
        case .pageDown:
            guard hasMoreAfter, let last = rows.last else { cursor = max(0, rows.count - 1); return nil }
            return Fetch(.after(last), limit: pageSize, purpose: .pageDown)
        case .pageUp:
            guard hasMoreBefore, let first = rows.first else { cursor = 0; return nil }
            return Fetch(.before(first), limit: pageSize, purpose: .pageUp)
        case .first:
            guard hasMoreBefore else { cursor = 0; return nil }
            return Fetch(.first, limit: pageSize, purpose: .first)
        case .last:
            guard hasMoreAfter else { cursor = max(0, rows.count - 1); return nil }
            return Fetch(.last, limit: pageSize, purpose: .last)
        }
    }

    /// A new height: a shorter window drops rows (keeping the cursor's on screen), a taller one asks for more.
    public mutating func resize(visibleRows visible: Int) -> Fetch? {
        let old = visibleRows
        visibleRows = max(1, visible)
        if rows.count > visibleRows {
            // Keep the cursor's row on screen: drop rows above it first, then below.
            let overflow = rows.count - visibleRows
            let dropTop = min(overflow, max(0, cursor - (visibleRows - 1)))
            rows.removeFirst(dropTop)
            topIndex += dropTop
            cursor -= dropTop
            rows.removeLast(overflow - dropTop)
            hasMoreBefore = hasMoreBefore || dropTop > 0
            hasMoreAfter = hasMoreAfter || overflow - dropTop > 0
            return nil
        }
        return visibleRows > old ? fill() : nil
    }

    /// Asks for the rows a window taller than its content still needs: below first, then above.
    func fill() -> Fetch? {
        let needed = visibleRows - rows.count
        guard needed > 0 else { return nil }
        if hasMoreAfter, let last = rows.last { return Fetch(.after(last), limit: needed, purpose: .grow) }
        if hasMoreBefore, let first = rows.first { return Fetch(.before(first), limit: needed, purpose: .growBefore) }
        return nil
    }

    /// Merges fetched rows into the window according to why they were fetched.
    /// - Parameters:
    ///   - page: the rows, in display order.
    ///   - more: whether the list has more rows beyond `page` in the direction fetched (``Purpose/isBackward``).
    ///   - moreBefore: whether the list has rows before `page`, where the source tells for every page; a
    ///     refresh then sets `hasMoreBefore` and `topIndex` from it. Nil: the refresh started at `rows[0]`,
    ///     so what lies above stays as it was, and the window is filled again.
    ///   - exactTotal: the list's length when known exactly, to place the window fetched at the end.
    public mutating func merge(
        _ page: [Row], more: Bool, moreBefore: Bool? = nil, for purpose: Purpose, exactTotal: Int?
    ) -> FollowUp? {
        switch purpose {
        case .reset, .first:
            rows = page
            topIndex = 0
            cursor = 0
            hasMoreBefore = false
            hasMoreAfter = more
        case .last:
            rows = page
            hasMoreAfter = false
            hasMoreBefore = more
            cursor = max(0, page.count - 1)
            guard let exactTotal else { return .locateTop }
            topIndex = max(0, exactTotal - page.count)
        case .lineDown, .pageDown:
            guard !page.isEmpty else { hasMoreAfter = false; return nil }
            let combined = rows + page
            let keep = min(pageSize, combined.count)
            let dropped = combined.count - keep
            let cursorRow = purpose == .lineDown ? combined.count - 1 : min(cursor + page.count, combined.count - 1)
            rows = Array(combined.suffix(keep))
            topIndex += dropped
            cursor = max(0, cursorRow - dropped)
            hasMoreBefore = hasMoreBefore || dropped > 0
            hasMoreAfter = more
        case .lineUp, .pageUp:
            guard !page.isEmpty else { hasMoreBefore = false; return nil }
            let combined = page + rows
            let keep = min(pageSize, combined.count)
            rows = Array(combined.prefix(keep))
            topIndex = max(0, topIndex - page.count)
            cursor = purpose == .lineUp ? 0 : min(cursor, keep - 1)
            hasMoreAfter = hasMoreAfter || combined.count > keep
            hasMoreBefore = more
        case .grow:
            rows += page
            hasMoreAfter = more
            return fill().map(FollowUp.fetch)
        case .growBefore:
            rows = page + rows
            topIndex = max(0, topIndex - page.count)
            cursor += page.count
            hasMoreBefore = more
        case .refresh(let keepID):
            let oldCursor = cursor
            rows = page
            hasMoreAfter = more
            if let keepID, let index = page.firstIndex(where: { $0.id == keepID }) {
                cursor = index
            } else {
                cursor = min(oldCursor, max(0, page.count - 1))
            }
            if let moreBefore {
                hasMoreBefore = moreBefore
                if moreBefore && !page.isEmpty { return .locateTop }
                topIndex = 0
                return nil
            }
            if page.isEmpty && hasMoreBefore { return .fetch(Fetch(.last, limit: pageSize, purpose: .last)) }
            return fill().map(FollowUp.fetch)
        }
        return nil
    }
}

/// A screen state built around a ``KeysetWindow``, which gives it the window's fields by name.
public protocol KeysetWindowed {
    associatedtype Row: Identifiable & Hashable & Sendable where Row.ID: Sendable
    var window: KeysetWindow<Row> { get set }
}

extension KeysetWindowed {
    /// The rows on screen, in display order.
    public var rows: [Row] { get { window.rows } set { window.rows = newValue } }
    /// Whether the list has rows above the window.
    public var hasMoreBefore: Bool { get { window.hasMoreBefore } set { window.hasMoreBefore = newValue } }
    /// Whether the list has rows below the window.
    public var hasMoreAfter: Bool { get { window.hasMoreAfter } set { window.hasMoreAfter = newValue } }
    /// Index of the cursor within `rows`.
    public var cursor: Int { get { window.cursor } set { window.cursor = newValue } }
    /// How many rows of the list come before `rows[0]`.
    public var topIndex: Int { get { window.topIndex } set { window.topIndex = newValue } }
    /// Rows the screen can show; set from the terminal size.
    public var visibleRows: Int { get { window.visibleRows } set { window.visibleRows = newValue } }
    /// The row under the cursor.
    public var selected: Row? { window.selected }
    /// 1-based number of the cursor's row in the whole list.
    public var cursorPosition: Int { window.cursorPosition }
}

/// A keyset-paged list that also holds its total and whether the window's place in the whole list is
/// known: the customers and the contracts lists share these steps, each mapping the fetches onto its own
/// client call.
public protocol CountedKeysetList: KeysetWindowed {
    /// Rows matching the list's query, when counted (a lower bound past the store's cap).
    var total: QueueTotal? { get set }
    /// Whether the cursor's place in the whole list is known.
    var positionKnown: Bool { get set }
    /// False until the first page came.
    var loaded: Bool { get set }
}

/// How a counted list reloads in place.
public enum KeysetReload<Row: Identifiable & Hashable & Sendable>: Hashable, Sendable where Row.ID: Sendable {
    /// Nothing loaded yet: start over.
    case restart
    /// The window is at the top: fetch it again.
    case fetch(KeysetWindow<Row>.Fetch)
    /// Fetch the one row just above the window first (a keyset page starts after a row, never at it),
    /// then hand it to `reloadFetch(after:)`.
    case anchorAbove(Row)
}

extension CountedKeysetList {
    /// Starts over at the top under a new query: the total is unknown again.
    public mutating func restart() -> KeysetWindow<Row>.Fetch {
        total = nil
        positionKnown = true
        return window.restart
    }

    /// Merges a page fetched for `purpose`; returns the fetch the window still needs, if any.
    public mutating func mergePage(_ rows: [Row], hasMoreAfter: Bool, hasMoreBefore: Bool,
                                   for purpose: KeysetWindow<Row>.Purpose) -> KeysetWindow<Row>.Fetch? {
        loaded = true
        let more = purpose.isBackward ? hasMoreBefore : hasMoreAfter
        let exactTotal = total.flatMap { $0.isExact ? $0.count : nil }
        let followUp = window.merge(rows, more: more, moreBefore: hasMoreBefore, for: purpose, exactTotal: exactTotal)
        if !self.hasMoreBefore { positionKnown = true; topIndex = 0 }
        switch followUp {
        case nil: return nil
        case .fetch(let fetch): return fetch
        case .locateTop:
            // The client cannot say how many rows come before a row. After a reload in place the window
            // keeps the place it had; at the end of a list counted only to a lower bound, the place is
            // unknown until the window goes back to the top.
            if case .last = purpose { positionKnown = false }
            return nil
        }
    }

    /// Takes a new total; at the end of the list the window's place follows from an exact one.
    public mutating func takeCount(_ total: QueueTotal) {
        self.total = total
        if total.isExact && !hasMoreAfter {
            topIndex = max(0, total.count - rows.count)
            positionKnown = true
        }
    }

    /// How to reload the window where it stands (someone changed the data).
    public var reload: KeysetReload<Row> {
        guard loaded else { return .restart }
        guard hasMoreBefore, let top = rows.first else {
            return .fetch(KeysetWindow<Row>.Fetch(.first, limit: window.pageSize, purpose: window.refreshPurpose))
        }
        return .anchorAbove(top)
    }

    /// The second step of a reload in place: the window's rows after the anchor (from the top without one).
    public func reloadFetch(after anchor: Row?) -> KeysetWindow<Row>.Fetch {
        KeysetWindow<Row>.Fetch(anchor.map { .after($0) } ?? .first, limit: window.pageSize, purpose: window.refreshPurpose)
    }
}
