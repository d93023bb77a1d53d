/// The values one record is compared on.
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
    static func read(
        _ row: inout ExportRow, _ c: Columns, states: [String: OrderState], statusHint: String
    ) -> ComparedValues? {
        let account = row.account(c.account)
        var state: OrderState?
        if row.isEmpty(c.status) {
            row.reject("\(row.columns[c.status]) is empty")
        } else {
            state = states[row.lowercasedASCII(c.status)]
            if state == nil { row.complain(c.status, "is not a known status (\(statusHint))") }
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

/// The compared values of every record of one export, one array per field (a million records stay compact).
struct ComparedFields {
    var accounts: [UInt64] = []
    var states: [OrderState] = []
    var mrr: [Int64] = []
    var nrc: [Int64] = []
    var terms: [Int32] = []
    var booked: [Int32] = []
    var installs: [Int32] = []

    mutating func reserve(_ n: Int) {
        accounts.reserveCapacity(n); states.reserveCapacity(n); mrr.reserveCapacity(n); nrc.reserveCapacity(n)
        terms.reserveCapacity(n); booked.reserveCapacity(n); installs.reserveCapacity(n)
    }

    mutating func append(_ v: ComparedValues) {
        accounts.append(v.account); states.append(v.state); mrr.append(v.mrr); nrc.append(v.nrc)
        terms.append(v.term); booked.append(v.booked); installs.append(v.install)
    }
}

/// The IDA export's records, indexed by their normalised order number.
struct IDATable {
    /// ORDER_NO as written (trimmed), for the report.
    var orders: [String] = []
    var fields = ComparedFields()
    var numberIndex: [UInt64: Int32] = [:]
    var textIndex: [String: Int32] = [:]
    /// ORDER_NO of each record whose key an earlier record already has.
    var duplicates: [String] = []
    var rows = 0
    var rejected: [RejectedRow] = []

    var count: Int { orders.count }

    func index(of key: OrderKeyValue) -> Int32? {
        switch key {
        case .none: return nil
        case .number(let n): return numberIndex[n]
        case .text(let t): return textIndex[t]
        }
    }

    static let columns = ["ORDER_NO", "ACCT_NO", "STATUS_CD", "MRC", "NRC", "TERM_MOS", "BOOK_DT", "INSTALL_DT"]
    private static let compared = ComparedValues.Columns(account: 1, status: 2, mrr: 3, nrc: 4, term: 5, booked: 6, install: 7)
    private static let states = Dictionary(uniqueKeysWithValues: OrderState.allCases.compactMap { state in
        ExportVocabulary.idaStatus(state).map { ($0.lowercased(), state) }
    })
    private static let statusHint = OrderState.allCases.compactMap(ExportVocabulary.idaStatus).joined(separator: ", ")

    static func load(_ source: any ExportSource, progress: ReconcileProgress?) throws -> IDATable {
        var table = IDATable()
        let expected = Int((source.size ?? 0) / 110)
        table.orders.reserveCapacity(expected); table.fields.reserve(expected); table.numberIndex.reserveCapacity(expected)
        (table.rows, table.rejected) = try ExportReader(side: .ida, columns: columns).read(source, progress: progress) { row in
            let key = row.orderKey(0)
            if case .none = key {
                row.reject(row.isEmpty(0) ? "ORDER_NO is empty" : "ORDER_NO '\(row.string(0))' has no order number")
            }
            guard let values = ComparedValues.read(&row, compared, states: states, statusHint: statusHint) else { return }
            let order = row.string(0)
            if table.index(of: key) != nil {
                table.duplicates.append(order)
                return
            }
            let index = Int32(table.orders.count)
            switch key {
            case .number(let n): table.numberIndex[n] = index
            case .text(let t): table.textIndex[t] = index
            case .none: return
            }
            table.orders.append(order)
            table.fields.append(values)
        }
        return table
    }
}

/// The SFDC export's records in file order, with their cross-references to IDA.
struct SFDCTable {
    /// 18-character ids, 18 bytes each.
    var ids: [UInt8] = []
    var crossReferences: [OrderKeyValue] = []
    var fields = ComparedFields()
    /// Ids of the records whose cross-reference an earlier record already has.
    var duplicates: [String] = []
    var rows = 0
    var rejected: [RejectedRow] = []

    var count: Int { crossReferences.count }

    func id(_ i: Int) -> String { String(decoding: ids[(i * 18)..<(i * 18 + 18)], as: UTF8.self) }

    static let columns = [
        "Id", "IDA_Order_Number__c", "IDA_Account_Number__c", "Status", "MRR__c", "NRC__c", "Term_Months__c",
        "EffectiveDate", "Install_Date__c",
    ]
    private static let compared = ComparedValues.Columns(account: 2, status: 3, mrr: 4, nrc: 5, term: 6, booked: 7, install: 8)
    private static let states = Dictionary(uniqueKeysWithValues: OrderState.allCases.map {
        (ExportVocabulary.sfdcStatus($0).lowercased(), $0)
    })
    private static let statusHint = OrderState.allCases.map(ExportVocabulary.sfdcStatus).joined(separator: ", ")

    static func load(_ source: any ExportSource, progress: ReconcileProgress?) throws -> SFDCTable {
        var table = SFDCTable()
        let expected = Int((source.size ?? 0) / 200)
        table.crossReferences.reserveCapacity(expected); table.fields.reserve(expected); table.ids.reserveCapacity(expected * 18)
        var seenNumbers = Set<UInt64>(minimumCapacity: expected)
        var seenTexts = Set<String>()
        (table.rows, table.rejected) = try ExportReader(side: .sfdc, columns: columns).read(source, progress: progress) { row in
            let rawID = row.string(0)
            let id = SalesforceID.eighteen(rawID)
            if id == nil {
                row.reject(rawID.isEmpty ? "Id is empty" : "Id '\(rawID)' is not a 15- or 18-character Salesforce id")
            }
            let crossReference = row.orderKey(1)
            guard let values = ComparedValues.read(&row, compared, states: states, statusHint: statusHint), let id else { return }
            let isRepeat: Bool
            switch crossReference {
            case .none: isRepeat = false
            case .number(let n): isRepeat = !seenNumbers.insert(n).inserted
            case .text(let t): isRepeat = !seenTexts.insert(t).inserted
            }
            if isRepeat {
                table.duplicates.append(id)
                return
            }
            table.ids.append(contentsOf: id.utf8)
            table.crossReferences.append(crossReference)
            table.fields.append(values)
        }
        return table
    }
}
