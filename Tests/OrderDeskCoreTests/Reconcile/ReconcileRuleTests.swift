import Foundation
import Testing
@testable import OrderDeskCore

/// One test per rule of FORMATS.md's reconciliation contract.
struct ReconcileRuleTests {
    let base = Fixture.records

    // MARK: Agreement and counts

    @Test func exportsWrittenFromTheSameRecordsAgree() throws {
        let result = try Fixture.run(ida: base, sfdc: base)
        #expect(result.differences.isEmpty)
        #expect(result.agrees)
        #expect(result.summary.matched == base.count)
        #expect(result.summary.idaRows == base.count && result.summary.sfdcRows == base.count)
        #expect(result.summary.byKind.count == DifferenceKind.allCases.count)
    }

    // MARK: Encodings and file shapes

    @Test func readsUTF8WithAndWithoutByteOrderMark() throws {
        let ida = ExportWriter.idaFile(base)
        #expect(try Fixture.run(ida: "\u{FEFF}" + ida, sfdc: ExportWriter.sfdcFile(base)).agrees)
        let sfdc = ExportWriter.sfdcFile(base)
        #expect(sfdc.hasPrefix("\u{FEFF}"))
        #expect(try Fixture.run(ida: ida, sfdc: String(sfdc.dropFirst())).agrees)
    }

    @Test func readsWindows1252() throws {
        var bytes = Array(ExportWriter.idaHeader.utf8) + [0x0D, 0x0A]
        for record in base {
            // CAFÉ in Windows-1252 is 43 41 46 C9; an em dash is 0x97.
            bytes += Array(ExportWriter.idaRow(record).replacingOccurrences(of: "CAFÉ ROMA LLC", with: "CAF#").utf8)
                .flatMap { $0 == UInt8(ascii: "#") ? [0xC9, 0x97] : [$0] } + [0x0D, 0x0A]
        }
        // A bad amount written with a euro sign (0x80) is quoted back in its own characters.
        bytes += Array("IDA-00459999,07830000099,X,,,,,NEW,SCH,12".utf8) + [0x80] + Array(",0,36,03/07/2026,,,E1,AGT\r\n".utf8)
        let result = try Fixture.run(ida: bytes, sfdc: ExportWriter.sfdcFile(base))
        #expect(result.summary.matched == base.count)
        #expect(result.differences.isEmpty)
        #expect(result.rejectedRows == [RejectedRow(file: .ida, line: 22, error: "MRC '12€' is not an amount")])
    }

    @Test func refusesUTF16WithAMessage() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("O\0R\0".utf8)
        #expect(throws: ReconcileError.self) { try Fixture.run(ida: bytes, sfdc: ExportWriter.sfdcFile(base)) }
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func readsEveryLineEnd(lineEnd: String) throws {
        let ida = ([ExportWriter.idaHeader] + base.map(ExportWriter.idaRow)).joined(separator: lineEnd)
        let sfdc = ([ExportWriter.sfdcHeader] + base.map(ExportWriter.sfdcRow)).joined(separator: lineEnd) + lineEnd
        #expect(try Fixture.run(ida: ida, sfdc: sfdc).agrees)
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        var records = base
        records[0].customerName = "Smith, Jones & \"Partners\""
        records[1].customerName = "Line one\nline two"
        records[2].mrr = Money(cents: 123_450)  // written "1,234.50" in quotes by IDA
        let ida = ExportWriter.idaFile(records)
        #expect(ida.contains("\"1,234.50\""))
        #expect(ida.contains("\"SMITH, JONES & \"\"PARTNERS\"\"\""))
        // A bad row after the two-line name is reported on its physical line.
        let bad = ida + "IDA-00459999,07830000099,X,,,,,NEW,SCH,abc,0,36,03/07/2026,,,E1,AGT\r\n"
        let result = try Fixture.run(ida: bad, sfdc: ExportWriter.sfdcFile(records))
        #expect(result.differences.isEmpty)
        #expect(result.rejectedRows.map(\.line) == [records.count + 3])
    }

    @Test func trimsPaddedFields() throws {
        let ida = ExportWriter.idaFile(base).split(separator: "\r\n", omittingEmptySubsequences: false).enumerated().map { n, line in
            n == 0 ? String(line) : line.split(separator: ",", omittingEmptySubsequences: false).map { "  \($0) " }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let sfdc = ExportWriter.sfdcFile(base).replacingOccurrences(of: "\",\"", with: "\" , \"")
        #expect(try Fixture.run(ida: ida, sfdc: sfdc).agrees)
        // Padding inside the quotes is trimmed too.
        let padded = ExportWriter.sfdcFile(base).replacingOccurrences(of: "\"Scheduled\"", with: "\"  Scheduled \"")
        #expect(try Fixture.run(ida: ExportWriter.idaFile(base), sfdc: padded).agrees)
    }

    @Test func matchesHeadersInAnyCaseAndOrderAndIgnoresExtraColumns() throws {
        // Rebuild the SFDC file with its columns reversed, lower-cased names and an extra column.
        let lines = ExportWriter.sfdcFile(base).dropFirst().split(separator: "\n")
        let reordered = lines.enumerated().map { n, line -> String in
            var fields = line.components(separatedBy: "\",\"")
            fields[0].removeFirst(); fields[fields.count - 1].removeLast()
            if n == 0 { fields = fields.map { $0.lowercased() } }
            let extra = n == 0 ? "Extra__c" : "whatever, really"
            return ([extra] + fields.reversed()).map { "\"\($0)\"" }.joined(separator: ",")
        }.joined(separator: "\n")
        let idaHeader = "order_no,Acct_No,cust_name,SVC_ADDR,SVC_CITY,SVC_STATE,SVC_ZIP,ORDER_TYPE,status_cd,mrc,nrc,TERM_MOS,book_dt,install_dt,BILL_START_DT,REP_ID,CHANNEL_CD"
        let ida = ExportWriter.idaFile(base).replacingOccurrences(of: ExportWriter.idaHeader, with: idaHeader)
        #expect(try Fixture.run(ida: ida, sfdc: reordered).agrees)
    }

    @Test func acceptsSpreadsheetMangledValues() throws {
        // Dates like 3/7/26, amounts with separators and a dollar sign, accounts without their leading zero.
        let ida = ExportWriter.idaFile(base)
            .replacingOccurrences(of: "03/07/2026", with: "3/7/26")
            .replacingOccurrences(of: ",129.50,", with: ",\"$129.50\",")
        var sfdcRecords = base
        for i in sfdcRecords.indices { sfdcRecords[i].sfdcAccount = String(Int(sfdcRecords[i].account)!) }
        let sfdc = ExportWriter.sfdcFile(sfdcRecords)
            .replacingOccurrences(of: "\"2026-03-21\"", with: "\"3/21/2026\"")
            .replacingOccurrences(of: "\"129.50\"", with: "\"129.5\"")
        #expect(ida.contains("3/7/26") && sfdc.contains("3/21/2026") && sfdc.contains("\"783"))
        #expect(try Fixture.run(ida: ida, sfdc: sfdc).agrees)
    }

    @Test func readsFifteenCharacterSalesforceIDs() throws {
        var records = base
        records[3].sfdcID = "8015eN4zXYWoWZ1AZN"
        let sfdc = ExportWriter.sfdcFile(records).replacingOccurrences(of: "\"8015eN4zXYWoWZ1AZN\"", with: "\"8015eN4zXYWoWZ1\"")
        var changed = records
        changed[3].state = .installed
        let result = try Fixture.run(ida: changed, sfdc: records)
        #expect(result.differences.first?.sfdcID == "8015eN4zXYWoWZ1AZN")
        let fromFifteen = try Fixture.run(ida: ExportWriter.idaFile(changed), sfdc: sfdc)
        #expect(fromFifteen.differences.first?.sfdcID == "8015eN4zXYWoWZ1AZN")
    }

    @Test(arguments: [
        // From the shared samples (real-form ids) and Salesforce's documentation.
        ("8015eN4zXYWoWZ1", "8015eN4zXYWoWZ1AZN"), ("8015e00Xqms8MIU", "8015e00Xqms8MIUAE2"),
        ("8015eWfVQhVQjrS", "8015eWfVQhVQjrSANT"), ("00570000001ZwTi", "00570000001ZwTiAAK"),
        ("001000000000000", "001000000000000AAA"), ("AAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAA555"),
    ])
    func convertsFifteenToEighteen(fifteen: String, eighteen: String) {
        #expect(SalesforceID.eighteen(fifteen) == eighteen)
        #expect(SalesforceID.eighteen(eighteen) == eighteen)
    }

    @Test func refusesIDsOfOtherLengths() {
        #expect(SalesforceID.eighteen("8015eN4zXYWoWZ") == nil)
        #expect(SalesforceID.eighteen("8015eN4zXYWoWZ1A") == nil)
        #expect(SalesforceID.eighteen("8015eN4z-YWoWZ1") == nil)
    }

    // MARK: Difference kinds

    @Test func reportsEachFieldMismatch() throws {
        var sfdc = base
        sfdc[0].state = .installed
        sfdc[1].mrr = Money(cents: 13_950)
        sfdc[2].nrc = Money(cents: 0)
        sfdc[3].termMonths = 24
        sfdc[4].install = Fixture.booked.adding(days: 30)
        sfdc[5].sfdcAccount = "07830099999"
        let result = try Fixture.run(ida: base, sfdc: sfdc)
        let found = result.differences.map { [$0.kind.rawValue, $0.idaOrder ?? "", $0.field?.rawValue ?? "", $0.idaValue ?? "-", $0.sfdcValue ?? "-"] }
        #expect(found == [
            ["status_mismatch", base[0].idaOrder, "status", "scheduled", "installed"],
            ["mrr_mismatch", base[1].idaOrder, "mrr", "129.50", "139.50"],
            ["nrc_mismatch", base[2].idaOrder, "nrc", "99.00", "0.00"],
            ["term_mismatch", base[3].idaOrder, "term", "36", "24"],
            ["install_date_mismatch", base[4].idaOrder, "install_date", "2026-03-21", "2026-04-06"],
            ["account_mismatch", base[5].idaOrder, "account", base[5].account, "07830099999"],
        ])
        #expect(result.differences.allSatisfy { $0.matchedBy == .crossReference && $0.sfdcID != nil })
        #expect(result.summary.matched == base.count)
    }

    @Test func reportsRecordsMissingOnEitherSide() throws {
        let result = try Fixture.run(ida: Array(base.dropFirst()), sfdc: Array(base.dropLast()))
        #expect(result.differences == [
            Difference(kind: .missingInSFDC, idaOrder: base.last!.idaOrder),
            Difference(kind: .missingInIDA, sfdcID: base.first!.sfdcID),
        ])
        #expect(result.summary.matched == base.count - 2)
    }

    @Test func anEmptyDateAndADateDiffer() throws {
        var sfdc = base
        sfdc[0].install = nil
        let result = try Fixture.run(ida: base, sfdc: sfdc)
        #expect(result.differences.map(\.idaValue) == ["2026-03-21"])
        #expect(result.differences.map(\.sfdcValue) == [nil])
    }

    // MARK: Pairing

    @Test func pairsAnUnreferencedRecordWithTheOneCandidate() throws {
        var sfdc = base
        sfdc[2].crossReference = nil
        sfdc[2].state = .held
        sfdc[5].crossReference = "IDA-0045000X"  // mistyped: unknown, so heuristic too
        let result = try Fixture.run(ida: base, sfdc: sfdc)
        #expect(result.differences.map(\.kind) == [.statusMismatch, .missingCrossReference, .missingCrossReference])
        #expect(result.differences[0].matchedBy == .heuristic)
        #expect(result.differences[1] == Difference(
            kind: .missingCrossReference, idaOrder: base[2].idaOrder, sfdcID: base[2].sfdcID, matchedBy: .heuristic))
        #expect(result.summary.matched == base.count)
    }

    @Test func leavesAnUnreferencedRecordWithNoCandidateUnpaired() throws {
        var sfdc = base
        sfdc[2].crossReference = nil
        sfdc[2].booked = base[2].booked.adding(days: 4)  // outside the 3-day window
        let result = try Fixture.run(ida: base, sfdc: sfdc)
        #expect(result.differences == [
            Difference(kind: .missingInSFDC, idaOrder: base[2].idaOrder),
            Difference(kind: .missingInIDA, sfdcID: base[2].sfdcID),
        ])
        // Three days away is still a candidate.
        sfdc[2].booked = base[2].booked.adding(days: -3)
        #expect(try Fixture.run(ida: base, sfdc: sfdc).differences.map(\.kind) == [.missingCrossReference])
    }

    @Test func leavesAnUnreferencedRecordWithTwoCandidatesUnpaired() throws {
        var ida = base
        ida[3].account = ida[2].account  // two unpaired IDA records now share the account, date and MRR
        ida[3].booked = ida[2].booked
        var sfdc = ida
        sfdc[2].crossReference = nil
        sfdc[3].crossReference = nil
        let result = try Fixture.run(ida: ida, sfdc: sfdc)
        #expect(result.differences.map(\.kind) == [.missingInSFDC, .missingInSFDC, .missingInIDA, .missingInIDA])
    }

    @Test func heuristicCandidatesNeedTheMRRWithinTolerance() throws {
        var sfdc = base
        sfdc[2].crossReference = nil
        sfdc[2].mrr = Money(cents: base[2].mrr.cents + 1)
        #expect(try Fixture.run(ida: base, sfdc: sfdc).differences.map(\.kind) == [.missingInSFDC, .missingInIDA])
        let tolerant = ReconcileOptions(moneyTolerance: Money(cents: 1))
        #expect(try Fixture.run(ida: base, sfdc: sfdc, options: tolerant).differences.map(\.kind) == [.missingCrossReference])
    }

    @Test func crossReferencesCompareWithoutPrefixSpacesAndZeros() throws {
        var sfdc = base
        sfdc[0].crossReference = "450001"
        sfdc[1].crossReference = " ida-0045 0002 "
        sfdc[2].crossReference = "IDA450003"
        #expect(try Fixture.run(ida: base, sfdc: sfdc).agrees)
    }

    @Test func reportsDuplicatesOnBothSidesAndPairsTheFirst() throws {
        var ida = base
        var second = base[4]
        second.state = .cancelled
        ida.append(second)
        var sfdc = base
        var repeated = base[6]
        repeated.sfdcID = Fixture.sfdcID(99)
        sfdc.append(repeated)
        let result = try Fixture.run(ida: ida, sfdc: sfdc)
        #expect(result.differences == [
            Difference(kind: .duplicateInIDA, idaOrder: base[4].idaOrder),
            Difference(kind: .duplicateInSFDC, sfdcID: Fixture.sfdcID(99)),
        ])
        #expect(result.summary.matched == base.count)
        #expect(result.summary.idaRows == base.count + 1)
    }

    // MARK: Tolerances

    @Test func moneyToleranceAtAndJustOverTheLimit() throws {
        var sfdc = base
        sfdc[0].mrr = Money(cents: base[0].mrr.cents + 5)
        sfdc[1].nrc = Money(cents: base[1].nrc.cents - 5)
        let atLimit = ReconcileOptions(moneyTolerance: Money(cents: 5))
        #expect(try Fixture.run(ida: base, sfdc: sfdc, options: atLimit).agrees)
        let under = ReconcileOptions(moneyTolerance: Money(cents: 4))
        #expect(try Fixture.run(ida: base, sfdc: sfdc, options: under).differences.map(\.kind) == [.mrrMismatch, .nrcMismatch])
        #expect(try Fixture.run(ida: base, sfdc: sfdc).differences.count == 2)
    }

    @Test func dateToleranceAtAndJustOverTheLimit() throws {
        var sfdc = base
        sfdc[0].install = base[0].install!.adding(days: 2)
        #expect(try Fixture.run(ida: base, sfdc: sfdc, options: ReconcileOptions(dateToleranceDays: 2)).agrees)
        #expect(try Fixture.run(ida: base, sfdc: sfdc, options: ReconcileOptions(dateToleranceDays: 1)).differences.map(\.kind) == [.installDateMismatch])
        sfdc[0].install = nil
        #expect(try Fixture.run(ida: base, sfdc: sfdc, options: ReconcileOptions(dateToleranceDays: 30)).differences.map(\.kind) == [.installDateMismatch])
    }

    // MARK: Order

    @Test func sortsByKindThenIDAOrderThenSFDCIDThenFieldWithNullFirst() {
        let list = [
            Difference(kind: .statusMismatch, idaOrder: "IDA-2", sfdcID: "b", field: .status),
            Difference(kind: .missingInIDA, sfdcID: "Z"),
            Difference(kind: .mrrMismatch, idaOrder: "IDA-1", sfdcID: "a", field: .mrr),
            Difference(kind: .statusMismatch, idaOrder: "IDA-1", sfdcID: "c", field: .status),
            Difference(kind: .missingInIDA, sfdcID: "a"),
            Difference(kind: .missingInSFDC, idaOrder: "IDA-9"),
            Difference(kind: .missingCrossReference, idaOrder: "IDA-1", sfdcID: "a"),
            Difference(kind: .statusMismatch, idaOrder: nil, sfdcID: "x", field: .status),
        ]
        let sorted = list.sorted(by: Difference.reportOrder)
        #expect(sorted.map { "\($0.kind.rawValue) \($0.idaOrder ?? "∅") \($0.sfdcID ?? "∅")" } == [
            "missing_in_sfdc IDA-9 ∅", "missing_in_ida ∅ Z", "missing_in_ida ∅ a",
            "status_mismatch ∅ x", "status_mismatch IDA-1 c", "status_mismatch IDA-2 b",
            "mrr_mismatch IDA-1 a", "missing_cross_reference IDA-1 a",
        ])
    }

    // MARK: Rows that cannot be read

    @Test func reportsUnreadableRowsWithTheirLinesAndReconcilesTheRest() throws {
        var lines = ExportWriter.idaFile(base).components(separatedBy: "\r\n")
        lines[2] = lines[2].replacingOccurrences(of: ",129.50,", with: ",abc,")                // line 3
        lines[4] = lines[4].replacingOccurrences(of: ",03/11/2026,", with: ",13/11/2026,")     // line 5
        lines[6] = lines[6].replacingOccurrences(of: ",SCH,", with: ",XYZ,")                   // line 7
        lines[8] = lines[8].replacingOccurrences(of: ",BETHPAGE,", with: ",BETH,PAGE,")        // line 9
        lines[10] = lines[10].replacingOccurrences(of: ",36,", with: ",3 years,")              // line 11
        lines[12] = lines[12].replacingOccurrences(of: "IDA-00450012", with: "")               // line 13
        lines.insert("", at: 14)                                                             // a blank line is not a row
        let result = try Fixture.run(ida: lines.joined(separator: "\r\n"), sfdc: ExportWriter.sfdcFile(base))
        #expect(result.rejectedRows == [
            RejectedRow(file: .ida, line: 3, error: "MRC 'abc' is not an amount"),
            RejectedRow(file: .ida, line: 5, error: "BOOK_DT '13/11/2026' is not a date (MM/DD/YYYY or yyyy-MM-dd)"),
            RejectedRow(file: .ida, line: 7, error: "STATUS_CD 'XYZ' is not a known status (ENT, PND, HLD, PRV, SCH, ND, CMP, BIL, CAN, REJ)"),
            RejectedRow(file: .ida, line: 9, error: "the row has 18 fields where the header has 17 (an unquoted comma?)"),
            RejectedRow(file: .ida, line: 11, error: "TERM_MOS '3 years' is not a whole number of months"),
            RejectedRow(file: .ida, line: 13, error: "ORDER_NO is empty"),
        ])
        #expect(result.summary.idaRows == base.count)
        // The rejected rows take no part: their SFDC partners are missing in IDA.
        #expect(result.differences.map(\.kind) == Array(repeating: .missingInIDA, count: 6))
    }

    @Test func reportsAnUnclosedQuoteAndSeveralReasonsInOneRow() throws {
        let sfdc = ExportWriter.sfdcFile(base)
            + "\"8015e0000000001\",\"1\",\"a\",\"b\",\"New\",\"Nope\",\"2026-02-30\",\"\",\"\",\"IDA-1\",\"1\",\"1\",\"0\",\"36\",\"Agent\",\"x\",\"y\"\n"
            + "\"8015e0000000002\",\"unclosed\n"
        let result = try Fixture.run(ida: ExportWriter.idaFile(base), sfdc: sfdc)
        #expect(result.rejectedRows == [
            RejectedRow(file: .sfdc, line: 22, error: "Status 'Nope' is not a known status (Draft, Submitted, Pending Customer, On Hold, In Provisioning, Scheduled, Not Done, Installed, Activated, Cancelled, Rejected); EffectiveDate '2026-02-30' is not a date (MM/DD/YYYY or yyyy-MM-dd)"),
            RejectedRow(file: .sfdc, line: 23, error: "a quoted field is not closed (a quote is missing)"),
        ])
        #expect(result.agrees)
    }

    // MARK: Runs that cannot be done

    @Test func aMissingRequiredColumnStopsTheRunNamingIt() throws {
        let ida = ExportWriter.idaFile(base).replacingOccurrences(of: "STATUS_CD", with: "STATUS").replacingOccurrences(of: ",MRC,", with: ",MRR,")
        #expect(throws: ReconcileError.missingColumns(side: .ida, name: "ida.csv", columns: ["STATUS_CD", "MRC"])) {
            try Fixture.run(ida: ida, sfdc: ExportWriter.sfdcFile(base))
        }
        let message = ReconcileError.missingColumns(side: .ida, name: "ida.csv", columns: ["STATUS_CD", "MRC"]).errorDescription!
        #expect(message.contains("STATUS_CD, MRC") && message.contains("ida.csv"))
    }

    @Test func anEmptyFileStopsTheRun() throws {
        #expect(throws: ReconcileError.emptyFile(side: .sfdc, name: "sfdc.csv")) {
            try Fixture.run(ida: ExportWriter.idaFile(base), sfdc: "\u{FEFF}\n\n")
        }
    }

    @Test func aCancelledRunThrows() throws {
        let progress = ReconcileProgress()
        progress.cancel()
        #expect(throws: ReconcileError.cancelled) {
            try Reconciliation.run(
                ida: BytesExportSource(name: "i", text: ExportWriter.idaFile(base)),
                sfdc: BytesExportSource(name: "s", text: ExportWriter.sfdcFile(base)), progress: progress)
        }
    }
}
