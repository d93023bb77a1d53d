/// Whose orders the queue shows.
public enum OwnerFilter: Hashable, Sendable {
    case anyone
    /// Orders owned by this user id (the desk's user: "mine").
    case user(Int64)
    /// Orders owned by someone else, named (a supervisor looking at an account manager's orders).
    case person(Int64, login: String)

    /// The owner's user id; nil for anyone.
    public var userID: Int64? {
        switch self {
        case .anyone: return nil
        case .user(let id), .person(let id, _): return id
        }
    }
}

/// What narrows the order queue. Every part is optional; an empty filter shows every order.
public struct QueueFilter: Hashable, Sendable {
    /// Empty means every state.
    public var states: Set<OrderState>
    public var channel: Channel?
    public var owner: OwnerFilter
    /// Only orders that have been in their current state for more than this many days.
    public var minDaysInState: Int?
    /// Free text: customer name (accents folded, prefix), account number or order number.
    public var search: String

    public init(
        states: Set<OrderState> = [], channel: Channel? = nil, owner: OwnerFilter = .anyone,
        minDaysInState: Int? = nil, search: String = ""
    ) {
        self.states = states; self.channel = channel; self.owner = owner
        self.minDaysInState = minDaysInState; self.search = search
    }

    public var isEmpty: Bool { self == QueueFilter() }
}

/// The columns the queue can be sorted by.
public enum QueueSortColumn: String, CaseIterable, Sendable, Hashable {
    case booked, orderNumber = "order", customer, state, owner, mrr, daysInState = "days", install

    /// The column heading it sorts.
    public var title: String {
        switch self {
        case .booked: return "booked"
        case .orderNumber: return "order"
        case .customer: return "customer"
        case .state: return "state"
        case .owner: return "owner"
        case .mrr: return "MRR"
        case .daysInState: return "days in state"
        case .install: return "install"
        }
    }
}

/// A sort column and direction. Ties are always broken by the order id, in the same direction.
public struct QueueSort: Hashable, Sendable {
    public var column: QueueSortColumn
    public var descending: Bool
    public init(column: QueueSortColumn = .booked, descending: Bool = true) {
        self.column = column; self.descending = descending
    }
}

/// One line of the order queue.
public struct QueueRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var orderNumber: String
    public var customerName: String
    public var accountNumber: String
    public var type: OrderType
    public var state: OrderState
    public var channel: Channel
    public var ownerLogin: String?
    public var mrr: Money
    public var bookedOn: Day
    /// When the order entered its current state (Unix seconds).
    public var stateSince: Int64
    public var installOn: Day?
    public var escalated: Bool
    public var version: Int64

    public init(
        id: Int64, orderNumber: String, customerName: String, accountNumber: String, type: OrderType,
        state: OrderState, channel: Channel, ownerLogin: String?, mrr: Money, bookedOn: Day,
        stateSince: Int64, installOn: Day?, escalated: Bool, version: Int64
    ) {
        self.id = id; self.orderNumber = orderNumber; self.customerName = customerName
        self.accountNumber = accountNumber; self.type = type; self.state = state; self.channel = channel
        self.ownerLogin = ownerLogin; self.mrr = mrr; self.bookedOn = bookedOn; self.stateSince = stateSince
        self.installOn = installOn; self.escalated = escalated; self.version = version
    }

    /// Whole days spent in the current state as of `now` (Unix seconds).
    public func daysInState(now: Int64) -> Int { max(0, Int((now - stateSince) / 86_400)) }

    /// Escalated and not-done orders carry a flag in the queue.
    public var needsAttention: Bool { escalated || state == .notDone }
}

/// Which page of the queue to fetch, relative to rows already on screen.
public enum PageRequest: Hashable, Sendable {
    case first
    case last
    /// Rows that sort after this one.
    case after(QueueRow)
    /// Rows that sort before this one (returned in display order).
    case before(QueueRow)
}

/// A page of queue rows in display order.
public struct QueuePage: Hashable, Sendable {
    public var rows: [QueueRow]
    /// More rows exist beyond the last one returned.
    public var hasMoreAfter: Bool
    /// More rows exist before the first one returned.
    public var hasMoreBefore: Bool

    public init(rows: [QueueRow], hasMoreAfter: Bool, hasMoreBefore: Bool) {
        self.rows = rows; self.hasMoreAfter = hasMoreAfter; self.hasMoreBefore = hasMoreBefore
    }
}

/// How many orders match a filter: exact, or "at least" when counting further was not worth the wait.
public struct QueueTotal: Hashable, Sendable {
    public var count: Int
    /// False when `count` is a lower bound (a broad search: "10,000+").
    public var isExact: Bool

    public init(count: Int, isExact: Bool = true) { self.count = count; self.isExact = isExact }
}
