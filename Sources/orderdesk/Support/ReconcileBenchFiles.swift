import Foundation
import OrderDeskCore

/// Writes a pair of large exports with known differences for the reconciliation benchmark, and the
/// counts by kind a correct run must report for them (with a money tolerance of 0.01).
///
/// Each record gets at most one change, chosen by its number, so the expected counts are exact.
/// Besides real differences the files carry what must *not* be reported: one-cent MRR changes inside
/// the tolerance, 15-character ids, account numbers without their leading zero, spreadsheet dates.
struct ReconcileBenchFiles {
    let rows: Int
    let directory: String

    static let tolerance = Money(cents: 1)

    /// What record `n` becomes on each side; nil where that side leaves it out.
    enum Change: Int, CaseIterable {
        case none, missingInSFDC, missingInIDA, status, mrr, installDate, oneCentInsideTolerance, blankCrossReference,
             fifteenCharacterID, accountWithoutLeadingZero, spreadsheetDate, nrc, term, account
    }

    /// Buckets out of 100: 2% missing each side, 3% status, 2% MRR, 1% date, as FACTS.md's peers measured.
    static func change(for n: Int) -> Change {
        switch n % 100 {
        case 0, 1: return .missingInSFDC
        case 2, 3: return .missingInIDA
        case 4, 5, 6: return .status
        case 7, 8: return .mrr
        case 9: return .installDate
        case 10: return .oneCentInsideTolerance
        case 11: return .blankCrossReference
        case 12: return .fifteenCharacterID
        case 13: return .accountWithoutLeadingZero
        case 14: return .spreadsheetDate
        case 15: return .nrc
        case 16: return .term
        case 17: return .account
        default: return .none
        }
    }

    static let names = ["Café Roma LLC", "Ñandú Realty PC", "Empire Pharmacy & Sons", "Granite Deli, Inc.", "Metro Fitness Corp",
                        "Harbor Realty Co", "Summit Tutoring Inc", "Beacon Dental Co"]

    static func record(_ n: Int) -> ExportRecord {
        let number = String(n + 1)
        let booked = Day(year: 2026, month: 1, day: 1)!.adding(days: n % 300)
        let state = [OrderState.submitted, .pending, .held, .inProgress, .scheduled, .notDone, .installed, .billed,
                     .cancelled, .rejected][n % 10]
        let install: Day? = [.scheduled, .notDone, .installed, .billed].contains(state) || n % 100 == 9
            ? booked.adding(days: 14 + n % 20) : nil
        return ExportRecord(
            idaOrder: "IDA-" + String(repeating: "0", count: max(0, 8 - number.count)) + number,
            account: "0" + String(1_000_000_000 + n * 7), customerName: names[n % names.count],
            address: String(100 + n % 9000) + " MAIN ST", city: "BETHPAGE", stateCode: "NY", zip: "11714",
            type: OrderType.allCases[n % 6], state: state, mrr: Money(cents: Int64(2_995 + (n * 37) % 500_000)),
            nrc: Money(cents: Int64([0, 9_900, 49_900][n % 3])), termMonths: [12, 24, 36, 60][n % 4], booked: booked,
            install: install, billStart: state == .billed ? install?.adding(days: 5) : nil, repID: "E" + String(10_000 + n % 90_000),
            channel: Channel.allCases[n % 5], ownerName: "Dana Ruiz", sfdcID: sfdcID(n), sfdcAccountID: "0015e00000XyZaBAAV")
    }

    /// An 18-character id whose 15-character form is `8015e` and ten characters from `n`.
    static func sfdcID(_ n: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var value = n * 2_654_435_761 % 839_299_365_868_340_224  // spread over 62^10
        var body = [UInt8]()
        for _ in 0..<10 { body.append(alphabet[value % 62]); value /= 62 }
        return SalesforceID.eighteen("8015e" + String(decoding: body, as: UTF8.self))!
    }

    /// Writes `ida.csv`, `sfdc.csv` and `expected.json`; returns the expected counts by kind.
    func write(progress: (Int) -> Void) throws -> [DifferenceKind: Int] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var expected = Dictionary(uniqueKeysWithValues: DifferenceKind.allCases.map { ($0, 0) })
        let ida = try OutputBuffer.creating(path: directory + "/ida.csv")
        let sfdc = try OutputBuffer.creating(path: directory + "/sfdc.csv")
        ida.write(ExportWriter.idaHeader + "\r\n")
        sfdc.write("\u{FEFF}" + ExportWriter.sfdcHeader + "\n")
        // SFDC lists the records in another order than IDA (a stride coprime with the count).
        let stride = [7_919, 104_729, 1].first { gcd($0, rows) == 1 }!
        for i in 0..<rows {
            let n = i
            var record = Self.record(n)
            let change = Self.change(for: n)
            var idaRow: String? = ExportWriter.idaRow(record)
            switch change {
            case .missingInIDA: idaRow = nil
            case .spreadsheetDate:
                let c = record.booked.components
                idaRow = idaRow!.replacingOccurrences(
                    of: ExportWriter.usDate(record.booked), with: "\(c.month)/\(c.day)/\(c.year % 100)")
            default: break
            }
            if let idaRow { ida.write(idaRow + "\r\n") }
            if n % 50_000 == 49_999 {  // a few duplicate keys on each side
                var duplicate = record
                duplicate.state = .cancelled
                ida.write(ExportWriter.idaRow(duplicate) + "\r\n")
                expected[.duplicateInIDA]! += 1
            }

            let s = (i * stride) % rows
            record = Self.record(s)
            var sfdcRow: String?
            switch Self.change(for: s) {
            case .missingInSFDC: sfdcRow = nil
            case .status: record.state = record.state == .billed ? .installed : .billed
            case .mrr: record.mrr = record.mrr + Money(cents: 1_000)
            case .installDate: record.install = record.install!.adding(days: 3)
            case .oneCentInsideTolerance: record.mrr = record.mrr + Money(cents: 1)
            case .blankCrossReference: record.crossReference = nil
            case .accountWithoutLeadingZero: record.sfdcAccount = String(record.account.dropFirst())
            case .nrc: record.nrc = record.nrc + Money(cents: 5_000)
            case .term: record.termMonths = record.termMonths == 36 ? 24 : 36
            case .account: record.sfdcAccount = "09" + record.account.dropFirst(2)
            default: break
            }
            if Self.change(for: s) != .missingInSFDC {
                var row = ExportWriter.sfdcRow(record)
                if Self.change(for: s) == .fifteenCharacterID {
                    row = row.replacingOccurrences(of: "\"" + record.sfdcID + "\"", with: "\"" + record.sfdcID.prefix(15) + "\"")
                }
                sfdcRow = row
            }
            if let sfdcRow { sfdc.write(sfdcRow + "\n") }
            if s % 50_000 == 25_020 && Self.change(for: s) != .missingInSFDC {
                var duplicate = record
                duplicate.sfdcID = Self.sfdcID(rows + s)
                sfdc.write(ExportWriter.sfdcRow(duplicate) + "\n")
                expected[.duplicateInSFDC]! += 1
            }
            switch change {
            case .missingInSFDC: expected[.missingInSFDC]! += 1
            case .missingInIDA: expected[.missingInIDA]! += 1
            case .status: expected[.statusMismatch]! += 1
            case .mrr: expected[.mrrMismatch]! += 1
            case .installDate: expected[.installDateMismatch]! += 1
            case .blankCrossReference: expected[.missingCrossReference]! += 1
            case .nrc: expected[.nrcMismatch]! += 1
            case .term: expected[.termMismatch]! += 1
            case .account: expected[.accountMismatch]! += 1
            default: break
            }
            if i % 10_000 == 0 { progress(i) }
        }
        try ida.close()
        try sfdc.close()
        let json = "{\n" + DifferenceKind.allCases.map { "  \"\($0.rawValue)\": \(expected[$0]!)" }.joined(separator: ",\n") + "\n}\n"
        try json.write(toFile: directory + "/expected.json", atomically: true, encoding: .utf8)
        return expected
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}

