import OrderDeskCore

/// Why a page of a counted keyset list was asked for, so the answer can be merged into the window.
public enum KeysetListPurpose<Row: Identifiable & Hashable & Sendable>: Hashable, Sendable where Row.ID: Sendable {
    /// A move, fill or reload of the window, merged by the window.
    case window(KeysetWindow<Row>.Purpose)
    /// The row just above the window, as the first step of reloading it in place (a keyset page starts
    /// after a row, never at it).
    case anchorForRefresh
}

/// What a counted keyset list asks the run loop to do: fetch a page (the screen maps the window's
/// request onto its client's), or count the rows matching its query.
public enum KeysetListEffect<Row: Identifiable & Hashable & Sendable>: Hashable, Sendable where Row.ID: Sendable {
    case fetch(KeysetWindow<Row>.Request, limit: Int, purpose: KeysetListPurpose<Row>)
    case count
}

/// A page as a client hands it back, whatever its own page type.
public struct KeysetListPage<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var hasMoreAfter: Bool
    public var hasMoreBefore: Bool

    public init(rows: [Row], hasMoreAfter: Bool, hasMoreBefore: Bool) {
        self.rows = rows; self.hasMoreAfter = hasMoreAfter; self.hasMoreBefore = hasMoreBefore
    }
}

extension CountedKeysetList {
    /// A cursor command: the fetch it needs, if any.
    public mutating func effects(moving motion: KeysetWindow<Row>.Motion) -> [KeysetListEffect<Row>] {
        window.move(motion).map { [Self.effect($0)] } ?? []
    }

    /// A new height for the window.
    public mutating func effects(resizingTo visibleRows: Int) -> [KeysetListEffect<Row>] {
        window.resize(visibleRows: visibleRows).map { [Self.effect($0)] } ?? []
    }

    /// Start over at the top under a new query, and count it.
    public mutating func effectsOfRestart() -> [KeysetListEffect<Row>] {
        [Self.effect(restart()), .count]
    }

    /// Reload the window where it stands (someone changed the data), and count again.
    public mutating func effectsOfReload() -> [KeysetListEffect<Row>] {
        switch reload {
        case .restart: return effectsOfRestart()
        case .fetch(let fetch): return [Self.effect(fetch), .count]
        case .anchorAbove(let top): return [.fetch(.before(top), limit: 1, purpose: .anchorForRefresh), .count]
        }
    }

    /// Merges a page fetched for `purpose`; returns what the window still needs.
    public mutating func effects(merging page: KeysetListPage<Row>, for purpose: KeysetListPurpose<Row>) -> [KeysetListEffect<Row>] {
        switch purpose {
        case .anchorForRefresh:
            return [Self.effect(reloadFetch(after: page.rows.first))]
        case .window(let purpose):
            let next = mergePage(page.rows, hasMoreAfter: page.hasMoreAfter, hasMoreBefore: page.hasMoreBefore, for: purpose)
            return next.map { [Self.effect($0)] } ?? []
        }
    }

    static func effect(_ fetch: KeysetWindow<Row>.Fetch) -> KeysetListEffect<Row> {
        .fetch(fetch.request, limit: fetch.limit, purpose: .window(fetch.purpose))
    }
}

/// Performs a counted list's effects through its client until none are left; the steps every counted
/// list's run loop shares.
public enum KeysetListRunner {
    /// What happened beyond the list's own state.
    public struct Outcome {
        /// A count was asked for while counts are deferred (see `DeskApp.handle`).
        public var countDeferred = false
        /// A count was taken (or tried): nothing is pending any more.
        public var counted = false
        /// What the client threw, to report once the list is no longer being changed.
        public var errors: [Error] = []
    }

    /// - Parameters:
    ///   - deferCount: true while a key is being handled: a count waits until that key's frame is drawn.
    ///   - page: one page from the client, for the window's request.
    ///   - count: the rows matching the list's query.
    ///   - merged: told of each page just before it is merged (for a screen that marks what changed).
    public static func perform<List: CountedKeysetList>(
        _ effects: [KeysetListEffect<List.Row>], on list: inout List, deferCount: Bool,
        page: (_ list: List, KeysetWindow<List.Row>.Request, _ limit: Int) throws -> KeysetListPage<List.Row>,
        count: (_ list: List) throws -> QueueTotal,
        merged: (inout List, KeysetListPage<List.Row>, KeysetListPurpose<List.Row>) -> Void = { _, _, _ in }
    ) -> Outcome {
        var outcome = Outcome()
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            do {
                switch effect {
                case let .fetch(request, limit, purpose):
                    let fetched = try page(list, request, limit)
                    merged(&list, fetched, purpose)
                    pending += list.effects(merging: fetched, for: purpose)
                case .count where deferCount:
                    outcome.countDeferred = true
                case .count:
                    outcome.counted = true
                    list.takeCount(try count(list))
                }
            } catch {
                list.loaded = true
                outcome.errors.append(error)
            }
        }
        return outcome
    }
}
