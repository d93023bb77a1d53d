/// One order as both exports describe it; the writers turn it into IDA and SFDC rows.
///
/// Used to make demo exports, benchmark files and test fixtures: the two files written from the same
/// records reconcile with no differences.
public struct ExportRecord: Hashable, Sendable {
    /// As IDA writes it: `IDA-00451234`.
    public var idaOrder: String
    /// 11 digits.
    public var account: String
    public var customerName: String
    public var address: String
    public var city: String
    public var stateCode: String
    public var zip: String
    public var type: OrderType
    public var state: OrderState
    public var mrr: Money
    public var nrc: Money
    public var termMonths: Int
    public var booked: Day
    public var install: Day?
    public var billStart: Day?
    public var repID: String
    public var channel: Channel
    public var ownerName: String
    /// The 18-character Salesforce id.
    public var sfdcID: String
    public var sfdcAccountID: String
    /// SFDC's `IDA_Order_Number__c`; nil writes it empty.
    public var crossReference: String?
    /// SFDC's `IDA_Account_Number__c`; SFDC often drops its leading zeros.
    public var sfdcAccount: String

    public init(
        idaOrder: String, account: String, customerName: String, address: String = "", city: String = "",
        stateCode: String = "", zip: String = "", type: OrderType = .new, state: OrderState, mrr: Money,
        nrc: Money = .zero, termMonths: Int = 36, booked: Day, install: Day? = nil, billStart: Day? = nil,
        repID: String = "", channel: Channel = .direct, ownerName: String = "", sfdcID: String,
        sfdcAccountID: String = "", crossReference: String? = nil, sfdcAccount: String? = nil
    ) {
        self.idaOrder = idaOrder; self.account = account; self.customerName = customerName
        self.address = address; self.city = city; self.stateCode = stateCode; self.zip = zip
        self.type = type; self.state = state; self.mrr = mrr; self.nrc = nrc; self.termMonths = termMonths
        self.booked = booked; self.install = install; self.billStart = billStart; self.repID = repID
        self.channel = channel; self.ownerName = ownerName; self.sfdcID = sfdcID
        self.sfdcAccountID = sfdcAccountID; self.crossReference = crossReference ?? idaOrder
        self.sfdcAccount = sfdcAccount ?? account
    }
}

/// Writes IDA and SFDC exports in the shapes FORMATS.md describes.
public enum ExportWriter {
    public static let idaHeader =
        "ORDER_NO,ACCT_NO,CUST_NAME,SVC_ADDR,SVC_CITY,SVC_STATE,SVC_ZIP,ORDER_TYPE,STATUS_CD,MRC,NRC,TERM_MOS,BOOK_DT,INSTALL_DT,BILL_START_DT,REP_ID,CHANNEL_CD"
    public static let sfdcHeader =
        #""Id","OrderNumber","AccountId","Account.Name","Type","Status","EffectiveDate","Install_Date__c","Bill_Start_Date__c","IDA_Order_Number__c","IDA_Account_Number__c","MRR__c","NRC__c","Term_Months__c","Channel__c","Owner.Name","LastModifiedDate""#

    /// One IDA data row (no line end): upper-case names, US dates, amounts quoted when they have a comma.
    public static func idaRow(_ r: ExportRecord) -> String {
        let fields: [String] = [
            r.idaOrder, r.account, r.customerName.uppercased(), r.address, r.city, r.stateCode, r.zip,
            ExportVocabulary.idaType(r.type), ExportVocabulary.idaStatus(r.state) ?? "ENT",
            r.mrr.grouped, r.nrc.plain, String(r.termMonths), usDate(r.booked), r.install.map(usDate) ?? "",
            r.billStart.map(usDate) ?? "", r.repID, ExportVocabulary.idaChannel(r.channel),
        ]
        return fields.map(quoteIfNeeded).joined(separator: ",")
    }

    /// One SFDC data row (no line end): every field quoted, ISO dates, plain amounts.
    public static func sfdcRow(_ r: ExportRecord) -> String {
        let number = OrderKey.storeOrderNumber(r.idaOrder) ?? ""
        let fields: [String] = [
            r.sfdcID, number, r.sfdcAccountID, r.customerName, ExportVocabulary.sfdcType(r.type),
            ExportVocabulary.sfdcStatus(r.state), r.booked.iso, r.install?.iso ?? "", r.billStart?.iso ?? "",
            r.crossReference ?? "", r.sfdcAccount, r.mrr.plain, r.nrc.plain, String(r.termMonths),
            ExportVocabulary.sfdcChannel(r.channel), r.ownerName, r.booked.adding(days: 2).iso + "T14:02:11.000Z",
        ]
        return fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    /// A whole IDA file: header and rows with CRLF line ends, as the billing system writes them.
    public static func idaFile(_ records: [ExportRecord]) -> String {
        ([idaHeader] + records.map(idaRow)).joined(separator: "\r\n") + "\r\n"
    }

    /// A whole SFDC file: byte-order mark, header and rows with LF line ends.
    public static func sfdcFile(_ records: [ExportRecord]) -> String {
        "\u{FEFF}" + ([sfdcHeader] + records.map(sfdcRow)).joined(separator: "\n") + "\n"
    }

    /// `MM/DD/YYYY`.
    public static func usDate(_ day: Day) -> String {
        let c = day.components
        return zeroPadded(c.month, width: 2) + "/" + zeroPadded(c.day, width: 2) + "/" + zeroPadded(c.year, width: 4)
    }

    private static func quoteIfNeeded(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
