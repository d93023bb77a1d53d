import GRDB
import OrderDeskCore

/// One order as `orderdesk export` writes it: the queue row plus the rest of the order.
/// The queue's fields read straight through (`row.orderNumber`), so they are declared once, in `QueueRow`.
@dynamicMemberLookup
public struct OrderExportRow: Sendable, Hashable {
    /// The queue fields of this row.
    public var queueRow: QueueRow
    public var customerID: Int64
    public var locationID: Int64?
    /// A move's destination.
    public var newLocationID: Int64?
    public var ownerID: Int64?
    public var ownerName: String?
    public var nrc: Money
    public var termMonths: Int
    public var submittedOn: Day?
    public var billStartOn: Day?
    public var reasonCode: String?

    /// Builds an export row from a queue row and the remaining fields.
    public init(
        row: QueueRow, customerID: Int64, locationID: Int64?, ownerID: Int64?, ownerName: String?, nrc: Money,
        termMonths: Int, submittedOn: Day?, billStartOn: Day?, reasonCode: String?, newLocationID: Int64? = nil
    ) {
        queueRow = row
        self.customerID = customerID; self.locationID = locationID; self.ownerID = ownerID
        self.ownerName = ownerName; self.nrc = nrc; self.termMonths = termMonths
        self.submittedOn = submittedOn; self.billStartOn = billStartOn; self.reasonCode = reasonCode
        self.newLocationID = newLocationID
    }

    public subscript<Value>(dynamicMember field: KeyPath<QueueRow, Value>) -> Value { queueRow[keyPath: field] }
}

extension AppDatabase {
    /// Calls `body` for every order in the given states (empty = all), by id, from one consistent snapshot.
    /// Rows are streamed through a cursor, so memory stays flat on a million orders.
    public func forEachOrderForExport(states: Set<OrderState>, _ body: (OrderExportRow) throws -> Void) throws {
        try writer.read { db in
            let condition = try QueueSQL.condition(QueueFilter(states: states), now: 0, db: db, sparseLimit: 0)
            let sql = """
                SELECT o.id, o.order_number, o.customer_name, c.account_number, o.type, o.state, o.channel,
                       o.owner_login, o.mrr_cents, o.booked_on, o.state_since, o.install_on, o.escalated, o.version,
                       o.customer_id, o.location_id, o.owner_id, u.name, o.nrc_cents, o.term_months,
                       o.submitted_on, o.bill_start_on, o.reason_code, o.new_location_id
                FROM orders o CROSS JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = o.owner_id
                """ + condition.sql + " ORDER BY o.id"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: condition.arguments)
            while let row = try cursor.next() {
                let queueRow = try QueueRow.decode(row)
                try body(OrderExportRow(
                    row: queueRow, customerID: row[14], locationID: row[15], ownerID: row[16], ownerName: row[17],
                    nrc: Money(cents: row[18]), termMonths: row[19],
                    submittedOn: try QueueRow.day(row[20], column: "orders.submitted_on"),
                    billStartOn: try QueueRow.day(row[21], column: "orders.bill_start_on"),
                    reasonCode: row[22], newLocationID: row[23]))
            }
        }
    }
}
