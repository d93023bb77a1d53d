import OrderDeskCore
import OrderDeskTerminal

/// The queue's columns and how they fit a width: low-priority columns drop out before the customer
/// name gets narrower than it can be read.
struct QueueColumn: Sendable {
    enum ID: Sendable { case flag, order, customer, type, state, channel, owner, mrr, booked, days, install }
    let id: ID
    let title: String
    let width: Int
    let alignRight: Bool
    /// Lower drops first; nil never drops.
    let dropPriority: Int?
    let sortColumn: QueueSortColumn?

    static let all: [QueueColumn] = [
        QueueColumn(id: .flag, title: "", width: 1, alignRight: false, dropPriority: nil, sortColumn: nil),
        QueueColumn(id: .order, title: "Order", width: 8, alignRight: false, dropPriority: nil, sortColumn: .orderNumber),
        QueueColumn(id: .customer, title: "Customer", width: 0, alignRight: false, dropPriority: nil, sortColumn: .customer),
        QueueColumn(id: .type, title: "Typ", width: 3, alignRight: false, dropPriority: 4, sortColumn: nil),
        QueueColumn(id: .state, title: "State", width: 13, alignRight: false, dropPriority: nil, sortColumn: .state),
        QueueColumn(id: .channel, title: "Chn", width: 3, alignRight: false, dropPriority: 2, sortColumn: nil),
        QueueColumn(id: .owner, title: "Owner", width: 9, alignRight: false, dropPriority: 5, sortColumn: .owner),
        QueueColumn(id: .mrr, title: "MRR", width: 10, alignRight: true, dropPriority: nil, sortColumn: .mrr),
        QueueColumn(id: .booked, title: "Booked", width: 10, alignRight: false, dropPriority: 3, sortColumn: .booked),
        QueueColumn(id: .days, title: "Days", width: 4, alignRight: true, dropPriority: nil, sortColumn: .daysInState),
        QueueColumn(id: .install, title: "Install", width: 10, alignRight: false, dropPriority: 1, sortColumn: .install),
    ]

    static let minimumCustomerWidth = 14
    /// How much wider than its minimum the owner column gets when there is room.
    static let ownerGrowth = 7

    /// The columns that fit `totalWidth`, with the customer column taking what is left.
    static func layout(totalWidth: Int) -> [(column: QueueColumn, x: Int, width: Int)] {
        var columns = all
        func fixedWidth(_ cs: [QueueColumn]) -> Int { cs.reduce(0) { $0 + $1.width } + cs.count - 1 }
        while totalWidth - fixedWidth(columns) < minimumCustomerWidth,
              let drop = columns.filter({ $0.dropPriority != nil }).min(by: { $0.dropPriority! < $1.dropPriority! }) {
            columns.removeAll { $0.id == drop.id }
        }
        var customerWidth = max(1, totalWidth - fixedWidth(columns))
        // On a wide screen the owner's login stops being cut before the customer name grows further.
        let ownerExtra = columns.contains { $0.id == .owner } ? min(ownerGrowth, max(0, customerWidth - 36)) : 0
        customerWidth -= ownerExtra
        var x = 0
        return columns.map { column in
            let width = column.id == .customer ? customerWidth : column.width + (column.id == .owner ? ownerExtra : 0)
            defer { x += width + 1 }
            return (column, x, width)
        }
    }

    /// The text of this column for a row.
    func value(of row: QueueRow, now: Int64) -> String {
        switch id {
        case .flag: return row.escalated ? "▲" : (row.state == .notDone ? "!" : "")
        case .order: return row.orderNumber
        case .customer: return row.customerName
        case .type: return row.type.short
        case .state: return String(row.state.symbol) + " " + row.state.label
        case .channel: return row.channel.short
        case .owner: return row.ownerLogin ?? "—"
        case .mrr: return row.mrr.grouped
        case .booked: return row.bookedOn.iso
        case .days: return String(row.daysInState(now: now))
        case .install: return row.installOn?.iso ?? ""
        }
    }
}
