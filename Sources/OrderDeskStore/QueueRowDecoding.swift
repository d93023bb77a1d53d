import GRDB
import OrderDeskCore

extension QueueRow {
    /// Decodes the columns of `QueueSQL.select`, in that order.
    static func decode(_ row: Row) throws -> QueueRow {
        let typeRaw: String = row[4], stateRaw: String = row[5], channelRaw: String = row[6]
        let bookedRaw: String = row[9]
        guard let type = OrderType(rawValue: typeRaw) else {
            throw StoreError.corruptValue(column: "orders.type", value: typeRaw)
        }
        guard let state = OrderState(rawValue: stateRaw) else {
            throw StoreError.corruptValue(column: "orders.state", value: stateRaw)
        }
        guard let channel = Channel(rawValue: channelRaw) else {
            throw StoreError.corruptValue(column: "orders.channel", value: channelRaw)
        }
        guard let booked = Day(iso: bookedRaw) else {
            throw StoreError.corruptValue(column: "orders.booked_on", value: bookedRaw)
        }
        return QueueRow(
            id: row[0], orderNumber: row[1], customerName: row[2], accountNumber: row[3], type: type,
            state: state, channel: channel, ownerLogin: row[7], mrr: Money(cents: row[8]), bookedOn: booked,
            stateSince: row[10], installOn: try day(row[11], column: "orders.install_on"),
            escalated: row[12], version: row[13])
    }

    /// An optional `yyyy-MM-dd` column.
    static func day(_ raw: String?, column: String) throws -> Day? {
        guard let raw else { return nil }
        guard let day = Day(iso: raw) else { throw StoreError.corruptValue(column: column, value: raw) }
        return day
    }
}
