/// The values one record is compared on, together in one struct: the join reads them at random
/// positions, and one cache line per record is what keeps a million pairs fast.
struct ComparedValues {
    var account: UInt64
    var state: OrderState
    var mrr: Int64
    var nrc: Int64
    var term: Int32
    var booked: Int32
    var install: Int32

    /// Where each compared value sits among an `ExportReader`'s columns.
    struct Columns {
        var account, status, mrr, nrc, term, booked, install: Int
    }

    /// Reads the values; nil when one cannot be read (the reasons are in `row.errors`).
    static func read(_ row: inout ExportRow, _ c: Columns, states: StatusNames) -> ComparedValues? {
        let account = row.account(c.account)
        var state: OrderState?
        if row.isEmpty(c.status) {
            row.reject("\(row.columns[c.status]) is empty")
        } else {
            state = row.state(c.status, in: states)
            if state == nil { row.complain(c.status, "is not a known status (\(states.hint))") }
        }
        let mrr = row.cents(c.mrr)
        let nrc = row.cents(c.nrc)
        let term = row.term(c.term)
        let booked = row.day(c.booked)
        let install = row.day(c.install)
        guard row.errors.isEmpty, let state else { return nil }
        return ComparedValues(account: account, state: state, mrr: mrr, nrc: nrc, term: term, booked: booked, install: install)
    }
}

/// The IDA export's records, indexed by their normalised order number.
struct IDATable: ExportTable {
    /// ORDER_NO as written (trimmed), for the report.
    var orders: [String] = []
    var values: [ComparedValues] = []
    var numberIndex = KeyIndex(capacity: 0)
    var textIndex: [String: Int32] = [:]
    /// ORDER_NO of each record whose key an earlier record already has.
    var duplicates: [String] = []
    var rows = 0
    var rejected: [RejectedRow] = []

    var count: Int { orders.count }

    func index(of key: OrderKeyValue) -> Int32? {
        switch key {
        case .none: return nil
        case .number(let n): return numberIndex.value(for: n)
        case .text(let t): return textIndex[t]
        }
    }

    static let columns = ["ORDER_NO", "ACCT_NO", "STATUS_CD", "MRC", "NRC", "TERM_MOS", "BOOK_DT", "INSTALL_DT"]
    private static let compared = ComparedValues.Columns(account: 1, status: 2, mrr: 3, nrc: 4, term: 5, booked: 6, install: 7)
    private static let states = StatusNames(OrderState.allCases.compactMap { state in
        ExportVocabulary.idaStatus(state).map { ($0, state) }
    })

    static func load(_ source: any ExportSource, progress: ReconcileProgress?) throws -> IDATable {
        var table = IDATable()
        let expected = Int((source.size ?? 0) / 110)
        table.orders.reserveCapacity(expected); table.values.reserveCapacity(expected); table.numberIndex = KeyIndex(capacity: expected)
        let (rows, rejected) = try ExportReader(side: .ida, columns: columns).read(source, progress: progress, into: &table)
        (table.rows, table.rejected) = (rows, rejected)
        return table
    }

    mutating func add(_ row: inout ExportRow) {
        let key = row.orderKey(0)
        if case .none = key {
            row.reject(row.isEmpty(0) ? "ORDER_NO is empty" : "ORDER_NO '\(row.string(0))' has no order number")
        }
        guard let values = ComparedValues.read(&row, Self.compared, states: Self.states) else { return }
        let order = row.string(0)
        let index = Int32(orders.count)
        let isFirst: Bool
        switch key {
        case .number(let n): isFirst = numberIndex.insertIfAbsent(n, index)
        case .text(let t): isFirst = textIndex[t] == nil; if isFirst { textIndex[t] = index }
        case .none: return
        }
        guard isFirst else {
            duplicates.append(order)
            return
        }
        orders.append(order)
        self.values.append(values)
    }
}

/// The SFDC export's records in file order, with their cross-references to IDA (repeated
/// cross-references are told apart while matching, in file order).
struct SFDCTable: ExportTable {
    /// 18-character ids, 18 bytes each.
    var ids: [UInt8] = []
    var crossReferences: [OrderKeyValue] = []
    var values: [ComparedValues] = []
    var rows = 0
    var rejected: [RejectedRow] = []

    var count: Int { crossReferences.count }

    func id(_ i: Int) -> String { String(decoding: ids[(i * 18)..<(i * 18 + 18)], as: UTF8.self) }

    static let columns = [
        "Id", "IDA_Order_Number__c", "IDA_Account_Number__c", "Status", "MRR__c", "NRC__c", "Term_Months__c",
        "EffectiveDate", "Install_Date__c",
    ]
    private static let compared = ComparedValues.Columns(account: 2, status: 3, mrr: 4, nrc: 5, term: 6, booked: 7, install: 8)
    private static let states = StatusNames(OrderState.allCases.map { (ExportVocabulary.sfdcStatus($0), $0) })

    static func load(_ source: any ExportSource, progress: ReconcileProgress?) throws -> SFDCTable {
        var table = SFDCTable()
        let expected = Int((source.size ?? 0) / 200)
        table.crossReferences.reserveCapacity(expected); table.values.reserveCapacity(expected); table.ids.reserveCapacity(expected * 18)
        let (rows, rejected) = try ExportReader(side: .sfdc, columns: columns).read(source, progress: progress, into: &table)
        (table.rows, table.rejected) = (rows, rejected)
        return table
    }

    mutating func add(_ row: inout ExportRow) {
        let idStart = ids.count
        let validID = row.appendSalesforceID(0, to: &ids)
        if !validID {
            row.reject(row.isEmpty(0) ? "Id is empty" : "Id '\(row.string(0))' is not a 15- or 18-character Salesforce id")
        }
        let crossReference = row.orderKey(1)
        guard let values = ComparedValues.read(&row, Self.compared, states: Self.states), validID else {
            ids.removeSubrange(idStart...)
            return
        }
        crossReferences.append(crossReference)
        self.values.append(values)
    }
}
