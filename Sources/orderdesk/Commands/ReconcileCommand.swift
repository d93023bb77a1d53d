import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk reconcile --ida FILE --sfdc FILE`: the weekly reconciliation of the billing export
/// against the CRM's. Exit status 0 when they agree, 1 with differences, 2 when it could not be done.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Reconcile an IDA export against an SFDC export.",
        discussion: """
            Pairs the orders by SFDC's IDA_Order_Number__c (then by account, booked date and MRR when it is
            missing), and lists every difference. Exit status: 0 when the exports agree, 1 when differences
            were found, 2 when the run could not be done (a file missing or unreadable, a required column absent).
            Rows that cannot be read are reported with their file, line and reason, and the rest is reconciled.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Option(name: .long, help: "The IDA (billing) export, CSV.") var ida: String
    @Option(name: .long, help: "The SFDC (Salesforce Order) export, CSV.") var sfdc: String
    @Option(name: .long, help: "table (for people), json (FORMATS.md) or csv (for the teams who fix the data).")
    var format: Format = .table
    @Option(name: .long, help: "MRR and NRC differ only by more than this many dollars.")
    var moneyTolerance: String = "0.00"
    @Option(name: .long, help: "Dates differ only by more than this many days.")
    var dateToleranceDays: Int = 0
    @Flag(name: .long, help: "Store the run and its differences in the database (screen 4 of the desk).")
    var save = false
    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Act as this user (demo databases only).") var user: String?

    func run() throws {
        do {
            guard let tolerance = Money(parsing: moneyTolerance), tolerance.cents >= 0 else {
                throw CLIError.badValue(option: "--money-tolerance", value: moneyTolerance, expected: "an amount of 0 or more, like 0.01")
            }
            guard dateToleranceDays >= 0 else {
                throw CLIError.badValue(option: "--date-tolerance-days", value: String(dateToleranceDays), expected: "0 or more days")
            }
            let options = ReconcileOptions(moneyTolerance: tolerance, dateToleranceDays: dateToleranceDays)
            let idaFile = try ExportFile.open(path: ida, side: .ida)
            let sfdcFile = try ExportFile.open(path: sfdc, side: .sfdc)
            let progress = ReconcileProgress()
            let bar = isatty(2) == 1 ? ReconcileProgressDisplay(progress) : nil
            let result: ReconcileResult
            var saved: ReconcileRunSummary?
            if save {
                let db = try AppDatabase.open(at: database.resolvedPath())
                let actor = try Identity.resolve(in: db, override: user)
                let now = Int64(Date().timeIntervalSince1970)
                (result, saved) = try db.reconcileAndSave(
                    ida: idaFile, sfdc: sfdcFile, options: options, actor: actor, now: now, progress: progress)
            } else {
                result = try Reconciliation.run(ida: idaFile, sfdc: sfdcFile, options: options, progress: progress)
            }
            bar?.finish()
            let out = OutputBuffer()
            switch format {
            case .json:
                out.write(bytes: ReconcileReport.jsonBytes(result))
            case .csv:
                out.write(ReconcileReport.csv(result.differences))
                for row in result.rejectedRows { StandardError.print(ReconcileTable.rejectedLine(row, ida: idaFile.name, sfdc: sfdcFile.name)) }
            case .table:
                out.write(ReconcileTable(result: result, idaName: idaFile.name, sfdcName: sfdcFile.name,
                                         colour: ReconcileTable.wantsColour()).render())
            }
            out.flush()
            if let saved { StandardError.print("Saved as run #\(saved.id); open it on screen 4 of the desk.") }
            if !result.agrees { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw Failure.report(error, status: 2)
        }
    }
}
