import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTerminal

/// `orderdesk contract export|expire`: the agreement as a document, and closing contracts whose term ended.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract", abstract: "Export a contract as a document, or expire contracts whose term has ended.",
        subcommands: [Export.self, Expire.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a contract as the agreement the customer signs (Markdown or plain text).",
            discussion: """
                The document has the parties, the service location, the lines, the totals, the term with its start \
                and end dates, and the early-termination schedule. ID is the contract number (CSA-000123) or its id.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The contract: CSA-000123, or 123.") var id: String
        @Option(name: .long, help: "md or txt.") var format: String = "md"
        @Option(name: .long, help: "Write to this file instead of standard output (replaced whole, never half-written).")
        var output: String?
        @Option(name: .long, help: "The provider's name on the agreement.") var provider = "OrderDesk Business Services"

        func run() throws {
            guard let format = ContractDocument.Format(rawValue: format.lowercased()) else {
                throw Failure.message("--format '\(format)' is not known: use md or txt.", status: 1)
            }
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                let detail = try db.contractDetail(number: id)
                let text = ContractDocument(detail, provider: provider, width: { DisplayWidth.of($0) }).render(format)
                guard let output else { print(text, terminator: ""); return }
                try TextFileOutput.write(text, to: (output as NSString).expandingTildeInPath)
                StandardError.print("Wrote \(detail.number) to \(output).")
            }
        }
    }

    struct Expire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close every active contract whose term ended before today (for cron; audited).")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?
        @Option(name: .long, help: "Take this day as today (YYYY-MM-DD).") var today: String?

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                let actor = try Identity.resolve(in: db, override: user)
                let now = Int64(Date().timeIntervalSince1970)
                var day = Day(unixSeconds: now)
                if let today {
                    guard let parsed = Day(iso: today) else {
                        throw Failure.message("--today '\(today)' is not a date: type it as YYYY-MM-DD.", status: 1)
                    }
                    day = parsed
                }
                let count = try db.expireContracts(today: day, actor: actor, now: now)
                print(count == 1 ? "1 contract expired." : "\(count) contracts expired.")
            }
        }
    }
}
