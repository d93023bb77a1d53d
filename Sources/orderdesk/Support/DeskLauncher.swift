import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTerminal
import OrderDeskTUI

/// Options for opening the desk.
struct DeskOptions: ParsableArguments {
    @Option(name: .long, help: "Act as this login (demo databases only).")
    var user: String?

    @Option(name: .long, help: "Theme name from themes/ (default, mono, …). NO_COLOR forces mono.")
    var theme: String?
}

/// Opens the desk on a database in the real terminal and runs it until the person quits.
enum DeskLauncher {
    static func run(databasePath: String, options: DeskOptions) throws {
        let database = try AppDatabase.open(at: databasePath)
        let user = try Identity.resolve(in: database, override: options.user)
        let environment = ProcessInfo.processInfo.environment
        let monochrome = ColorMapping.colorDisabledByEnvironment()
        let themeName = monochrome ? "mono" : (options.theme ?? "default")
        let directories = ThemeLoader.searchDirectories(
            environment: environment, executablePath: executablePath())
        let (theme, warnings) = ThemeLoader.load(name: themeName, directories: directories)

        let terminal = try NcursesTerminal.start(monochrome: monochrome)
        TerminalRestore.install(terminal)
        defer { terminal.stop() }
        let app = DeskApp(client: ClientFactory.client(database: database, user: user), terminal: terminal, theme: theme)
        if let warning = warnings.first {
            app.show(StatusMessage("Theme: " + warning + " (using the built-in theme)", isError: true))
        }
        app.run()
    }
}

extension DeskLauncher {
    /// This program's own file (also when started through PATH), so the `themes/` beside the build is found.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
    }

    /// 2 when the desk could not start at all (no database), 1 for other refusals.
    static func exitStatus(for error: Error) -> Int32 {
        if case StoreError.databaseMissing = error { return 2 }
        return 1
    }
}
