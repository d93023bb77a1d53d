import Foundation
import OrderDeskCore
import Testing

/// `orderdesk reconcile` as a person or a script runs it: the samples' exact JSON, exit codes 0/1/2,
/// the table for people and the formula-guarded CSV.
struct ReconcileCommandTests {
    /// `Tests/Samples`, copied from the shared samples.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path
    let ida = samples + "/ida_orders.csv"
    let sfdc = samples + "/sfdc_orders.csv"

    @Test func jsonForTheSamplesIsTheExpectedDocumentAndExitsOne() throws {
        let result = try Binary.run(["reconcile", "--ida", ida, "--sfdc", sfdc, "--format", "json"])
        #expect(result.status == 1)
        let expected = try String(contentsOfFile: Self.samples + "/expected_reconcile.json", encoding: .utf8)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary
        #expect(parsed == (try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary))
        #expect(result.stdout == expected)
        #expect(result.stderr.isEmpty)
    }

    @Test func agreeingExportsExitZero() throws {
        let directory = try TemporaryDirectory()
        let records = (1...5).map { n in
            ExportRecord(idaOrder: "IDA-0045000\(n)", account: "0783001234\(n)", customerName: "Café Roma LLC",
                         state: .scheduled, mrr: Money(cents: 12_950), booked: Day(year: 2026, month: 3, day: n)!,
                         sfdcID: SalesforceID.eighteen("8015e00000AbCd\(n)")!)
        }
        try ExportWriter.idaFile(records).write(toFile: directory.path + "/ida.csv", atomically: true, encoding: .utf8)
        try ExportWriter.sfdcFile(records).write(toFile: directory.path + "/sfdc.csv", atomically: true, encoding: .utf8)
        let result = try Binary.run(["reconcile", "--ida", directory.path + "/ida.csv", "--sfdc", directory.path + "/sfdc.csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("5 matched · 0 differences"))
    }

    @Test func aMissingFileOrColumnExitsTwoNamingIt() throws {
        let missing = try Binary.run(["reconcile", "--ida", "/nonexistent/ida.csv", "--sfdc", sfdc, "--format", "json"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("'/nonexistent/ida.csv' does not exist"))

        let wrongFile = try Binary.run(["reconcile", "--ida", ida, "--sfdc", ida])
        #expect(wrongFile.status == 2)
        #expect(wrongFile.stderr.contains("has no columns Id, IDA_Order_Number__c"))

        let badTolerance = try Binary.run(["reconcile", "--ida", ida, "--sfdc", sfdc, "--money-tolerance", "1,5"])
        #expect(badTolerance.status == 2)
        #expect(badTolerance.stderr.contains("--money-tolerance"))
    }

    @Test func tableIsAlignedAndPlainWhenPiped() throws {
        let result = try Binary.run(["reconcile", "--ida", ida, "--sfdc", sfdc])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}["))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("198 matched · 20 differences"))
        #expect(lines.contains { $0.hasPrefix("missing in SFDC") && $0.hasSuffix(" 2") })
        let status = try #require(lines.first { $0.contains("IDA-00451305") })
        let header = try #require(lines.first { $0.hasPrefix("Kind ") && $0.contains("IDA value") })
        // Both sides' values start under their headings.
        let idaColumn = header.range(of: "IDA value")!.lowerBound.utf16Offset(in: header)
        let sfdcColumn = header.range(of: "SFDC value")!.lowerBound.utf16Offset(in: header)
        #expect(status.range(of: "not_done")!.lowerBound.utf16Offset(in: status) == idaColumn)
        #expect(status.range(of: "in_progress")!.lowerBound.utf16Offset(in: status) == sfdcColumn)
    }

    @Test func csvGuardsEveryCellAndReportsRejectedRowsOnStandardError() throws {
        let directory = try TemporaryDirectory()
        var text = try String(contentsOfFile: ida, encoding: .utf8)
        text = text.replacingOccurrences(of: "IDA-00451071,", with: "=HYPERLINK(1),")  // a formula as an order number
        text += "IDA-00459999,07830000099,X,,,,,NEW,SCH,abc,0,36,03/07/2026,,,E1,AGT\r\n"
        try text.write(toFile: directory.path + "/ida.csv", atomically: true, encoding: .utf8)
        let result = try Binary.run(["reconcile", "--ida", directory.path + "/ida.csv", "--sfdc", sfdc, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("kind,ida_order,sfdc_id,field,ida_value,sfdc_value,matched_by\n"))
        #expect(result.stdout.contains("missing_in_sfdc,'=HYPERLINK(1),,,,,"))
        #expect(result.stderr.contains("ida.csv line 204: MRC 'abc' is not an amount"))
    }
}
