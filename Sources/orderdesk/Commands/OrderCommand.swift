import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk order show NUMBER`: one order with its lines, notes and full history, for scripts and people.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Look at one order.", subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an order, its notes and its history.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The order number (00451234, 451234 or IDA-00451234).") var number: String

        func run() throws {
            do {
                let db = try AppDatabase.open(at: database.resolvedPath())
                guard let id = try db.orderID(number: number) else { throw OrderDeskError.orderNotFound(number) }
                let detail = try db.orderDetail(id: id)
                let row = detail.row
                print("Order \(row.orderNumber)  \(row.type.rawValue)  \(row.state.rawValue)  version \(row.version)")
                print("Customer \(row.customerName)  account \(row.accountNumber)")
                if let location = detail.location { print("Location \(location.singleLine)") }
                print("Owner \(row.ownerLogin ?? "-")  channel \(row.channel.rawValue)  MRR \(row.mrr.plain)")
                print("Booked \(row.bookedOn.iso)  install \(row.installOn?.iso ?? "-")  bill start \(detail.billStartOn?.iso ?? "-")"
                    + (detail.reasonCode.map { "  reason \($0)" } ?? ""))
                print("Lines:")
                for line in detail.lines {
                    print("  \(line.productCode)  \(line.productName)  x\(line.quantity)  MRR \(line.mrr.plain)  NRC \(line.nrc.plain)")
                }
                print("Notes:")
                for note in detail.notes { print("  \(Timestamp.iso(note.at))  \(note.author): \(note.text)") }
                print("History:")
                for entry in detail.history {
                    var text = "  \(Timestamp.iso(entry.at))  \(entry.actor)  \(entry.action)"
                    if let field = entry.field { text += "  \(field): \(entry.oldValue ?? "-") -> \(entry.newValue ?? "-")" }
                    print(text)
                }
            } catch {
                throw Failure.report(error, status: DeskLauncher.exitStatus(for: error))
            }
        }
    }
}
