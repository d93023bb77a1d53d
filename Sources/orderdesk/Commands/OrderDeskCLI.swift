import ArgumentParser
import Foundation
import OrderDeskTerminal

/// `orderdesk`: opens the desk; subcommands do the jobs that also run unattended.
@main
struct OrderDeskCLI: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "orderdesk",
        abstract: "A keyboard-first order desk for the business-services back office.",
        discussion: """
            With no subcommand, opens the desk on the database (--db, then $ORDERDESK_DB, then
            $XDG_DATA_HOME/orderdesk/orderdesk.sqlite). Create one with `orderdesk demo` or `orderdesk init`.
            """,
        version: version,
        subcommands: [OpenCommand.self, InitCommand.self, DemoCommand.self, UsersCommand.self,
                      ExportCommand.self, OrderCommand.self, ReconcileCommand.self, SettingsCommand.self, PlantCommand.self,
                      ContractCommand.self, EscalateCommand.self, ReportCommand.self, TargetsCommand.self, RatesCommand.self,
                      ThemeCommand.self, KeysCommand.self, BenchCommand.self, BenchFirstFrameCommand.self,
                      BenchReconcileFilesCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

/// Opens the desk (the default when no subcommand is given).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the desk on the order queue.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var desk: DeskOptions

    func run() throws {
        do {
            try DeskLauncher.run(databasePath: database.resolvedPath(), options: desk)
        } catch let error as TerminalError {
            throw Failure.report(error, status: 2)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw Failure.report(error, status: DeskLauncher.exitStatus(for: error))
        }
    }
}
