import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk plant import|list`: the table the serviceability check reads.
struct PlantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plant", abstract: "Load or show the plant table (served streets and distances) that serviceability checks use.",
        subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a CSV file with the columns zip,street,distance_feet (admins only).",
            discussion: """
                distance_feet is 0 for a served street. A street of * covers the rest of the ZIP code. \
                Nothing is written when any line is bad: every bad line is reported with its number.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(name: .long, help: "Remove the rows the file does not list (the file is the whole table).") var replace = false
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func run() throws {
            try Failure.reporting {
                let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
                let bytes: [UInt8]
                do { bytes = Array(try Data(contentsOf: url)) } catch {
                    throw CLIError.badValue(option: "FILE", value: file, expected: "a readable CSV file")
                }
                let name = url.lastPathComponent
                let records: [CSVRecord]
                do throws(CSVDocumentError) { records = try CSVDocument.records(bytes, name: name) } catch { throw Failure.message(error.message, status: 1) }
                switch PlantFile.parse(records) {
                case .failure(let problems):
                    for issue in problems.issues.prefix(50) { StandardError.print("\(name): \(issue)") }
                    let more = problems.issues.count > 50 ? " (the first 50 are shown)" : ""
                    let lines = Set(problems.issues.map(\.line)).count
                    throw Failure.message("\(name): \(lines) bad line\(lines == 1 ? "" : "s")\(more); "
                        + "nothing was imported. Correct them and run the import again.", status: 1)
                case .success(let entries):
                    let db = try AppDatabase.open(at: database.resolvedPath())
                    let actor = try Identity.resolve(in: db, override: user)
                    let summary = try db.importPlant(entries, replace: replace, source: name, actor: actor,
                                                     now: Int64(Date().timeIntervalSince1970))
                    print("\(name): \(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged"
                        + (replace ? ", \(summary.removed) removed" : "") + ". Run the serviceability check (v) again on locations to use it.")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the plant table as CSV (zip,street,distance_feet).")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "Only this ZIP code.") var zip: String?

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                print(PlantFile.columns.joined(separator: ","))
                for entry in try db.plantEntries(zip: zip) {
                    print(entry.zip + "," + (entry.street.isEmpty ? "*" : entry.street) + "," + String(entry.distanceFeet))
                }
            }
        }
    }
}
