import Foundation
@testable import OrderDeskCore

/// Small exports built from records, for the rule tests.
enum Fixture {
    static let booked = Day(year: 2026, month: 3, day: 7)!

    /// A record whose IDA and SFDC rows agree; `n` makes it distinct.
    static func record(_ n: Int, account: String? = nil, mrr: Int64 = 12_950, state: OrderState = .scheduled) -> ExportRecord {
        let number = String(450_000 + n)
        return ExportRecord(
            idaOrder: "IDA-00" + number, account: account ?? FieldParsing.accountText(7_830_000_000 + UInt64(n)), customerName: "Café Roma LLC",
            address: "12 MAIN ST", city: "BETHPAGE", stateCode: "NY", zip: "11714", type: .new, state: state,
            mrr: Money(cents: mrr), nrc: Money(cents: 9_900), termMonths: 36, booked: booked.adding(days: n % 5),
            install: state == .scheduled ? booked.adding(days: 14) : nil, repID: "E10452", channel: .agent,
            ownerName: "Dana Ruiz", sfdcID: sfdcID(n), sfdcAccountID: "0015e00000XyZaBAAV")
    }

    /// A valid 18-character id, distinct for each `n`.
    static func sfdcID(_ n: Int) -> String {
        let digits = String(n)
        return SalesforceID.eighteen("8015e" + String(repeating: "0", count: 10 - digits.count) + digits.replacingOccurrences(of: "1", with: "Q"))!
    }

    static func run(
        ida: String, sfdc: String, options: ReconcileOptions = ReconcileOptions()
    ) throws -> ReconcileResult {
        try Reconciliation.run(
            ida: BytesExportSource(name: "ida.csv", text: ida), sfdc: BytesExportSource(name: "sfdc.csv", text: sfdc),
            options: options)
    }

    static func run(
        ida: [ExportRecord], sfdc: [ExportRecord], options: ReconcileOptions = ReconcileOptions()
    ) throws -> ReconcileResult {
        try run(ida: ExportWriter.idaFile(ida), sfdc: ExportWriter.sfdcFile(sfdc), options: options)
    }

    static func run(ida: [UInt8], sfdc: String) throws -> ReconcileResult {
        try Reconciliation.run(
            ida: BytesExportSource(name: "ida.csv", bytes: ida), sfdc: BytesExportSource(name: "sfdc.csv", text: sfdc))
    }

    static let records = (1...20).map { record($0) }
}
