import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk order show NUMBER`: one order with its lines, notes and full history, for scripts and people.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Look at or change one order from scripts.",
        subcommands: [Show.self, Move.self, Note.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an order, its notes and its history.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The order number (00451234, 451234 or IDA-00451234).") var number: String

        func run() throws {
            try Failure.reporting {
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
                let escalations = try db.escalations(orderID: id)
                if !escalations.isEmpty {
                    let now = Int64(Date().timeIntervalSince1970)
                    print("Escalations:")
                    for e in escalations {
                        print("  \(e.severity.label)  \(e.status.rawValue)  \(e.reason.rawValue)  owner \(e.ownerLogin ?? "-")  "
                            + "raised \(Timestamp.iso(e.raisedAt)) by \(e.raisedByLogin ?? "the rules")  \(e.timing(at: now))")
                        if let resolution = e.resolution { print("    resolution: \(resolution)") }
                        for note in e.notes { print("    \(Timestamp.iso(note.at))  \(note.authorLogin ?? "the rules"): \(note.text)") }
                    }
                }
                print("History:")
                for entry in detail.history {
                    var text = "  \(Timestamp.iso(entry.at))  \(entry.actor)  \(entry.action)"
                    if let field = entry.field { text += "  \(field): \(entry.oldValue ?? "-") -> \(entry.newValue ?? "-")" }
                    print(text)
                }
            }
        }
    }
}

extension OrderCommand {
    /// `orderdesk order move NUMBER --to STATE [--reason CODE] [--install-date D] [--bill-start-date D] [--note TEXT]`.
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move an order to another state, with what that state needs.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The order number.") var number: String
        @Option(name: .long, help: "The new state.") var to: String
        @Option(name: .long, help: "Reason code (cancelled, held, not_done, rejected).") var reason: String?
        @Option(name: .customLong("install-date"), help: "yyyy-MM-dd (scheduled).") var installDate: String?
        @Option(name: .customLong("bill-start-date"), help: "yyyy-MM-dd (billed).") var billStartDate: String?
        @Option(name: .long, help: "A note to add with the move.") var note: String?
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func run() throws {
            try Failure.reporting {
                guard let target = OrderState(name: to) else {
                    throw OrderDeskError.invalidInput(field: "--to", value: to,
                        expected: OrderState.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let input = TransitionInput(
                    reasonCode: reason, installDate: try installDate.map { try day($0, "--install-date") },
                    billStartDate: try billStartDate.map { try day($0, "--bill-start-date") }, note: note)
                try OrderCommand.change(.move(to: target, input: input), number: number, database: database, user: user)
            }
        }

        private func day(_ text: String, _ option: String) throws -> Day {
            guard let day = Day(iso: text) else {
                throw OrderDeskError.invalidInput(field: option, value: text, expected: "a date as yyyy-MM-dd")
            }
            return day
        }
    }

    /// `orderdesk order note NUMBER TEXT`.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to an order.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The order number.") var number: String
        @Argument(help: "The note.") var text: String
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func run() throws {
            try Failure.reporting {
                try OrderCommand.change(.addNote(text), number: number, database: database, user: user)
            }
        }
    }

    /// Applies a change to the order's current version as the resolved user, and says what happened.
    static func change(_ change: OrderChange, number: String, database: DatabaseOptions, user: String?) throws {
        let db = try AppDatabase.open(at: database.resolvedPath())
        let actor = try Identity.resolve(in: db, override: user)
        guard let id = try db.orderID(number: number) else { throw OrderDeskError.orderNotFound(number) }
        let current = try db.orderDetail(id: id).row
        let row = try db.apply(change, toOrder: id, expectedVersion: current.version, actor: actor,
                               now: Int64(Date().timeIntervalSince1970))
        print("Order \(row.orderNumber) is \(row.state.rawValue), version \(row.version).")
    }
}
