import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk export orders --format csv|json [--state S ...]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data for other tools.", subcommands: [Orders.self])

    struct Orders: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every column of the queue plus ids, as CSV (formula-safe) or JSON.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "csv or json.") var format: Format = .csv
        @Option(name: .long, help: "Only orders in this state (repeatable), e.g. --state not_done --state held.")
        var state: [String] = []

        func validate() throws {
            for name in state where OrderState(name: name) == nil {
                throw ValidationError("--state '\(name)' is not a state; use one of: "
                    + OrderState.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                let states = Set(state.compactMap { OrderState(name: $0) })
                let now = Int64(Date().timeIntervalSince1970)
                let out = OutputBuffer()
                switch format {
                case .csv:
                    out.write(OrderExportFormat.columns.joined(separator: ",") + "\n")
                    try db.forEachOrderForExport(states: states) { row in
                        out.write(OrderExportFormat.csvLine(OrderExportFormat.values(row, now: now)) + "\n")
                    }
                case .json:
                    out.write("[")
                    var first = true
                    try db.forEachOrderForExport(states: states) { row in
                        out.write((first ? "\n" : ",\n") + OrderExportFormat.jsonObject(OrderExportFormat.values(row, now: now)))
                        first = false
                    }
                    out.write(first ? "]\n" : "\n]\n")
                }
                out.flush()
            }
        }
    }
}
