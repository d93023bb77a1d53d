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

    @Option(name: .long, help: "Theme name from themes/ or your own folder (default, light, high-contrast, colorblind, mono), or a .toml path; overrides config.toml. NO_COLOR forces mono.")
    var theme: String?
}

/// Opens the desk on a database in the real terminal and runs it until the person quits.
enum DeskLauncher {
    static func run(databasePath: String, options: DeskOptions) throws {
        let database = try AppDatabase.open(at: databasePath)
        let user = try Identity.resolve(in: database, override: options.user)
        let expired = expireEndedContracts(database, as: user)
        let environment = ProcessInfo.processInfo.environment
        // A broken config.toml must not keep the desk from opening: what was understood counts, the rest is shown.
        let (config, configIssues) = DeskConfig.load(environment: environment)
        let monochrome = ColorMapping.colorDisabled(environment: environment)
        let themeName = ThemeChoice.name(flag: options.theme, config: config.theme, environment: environment)
        let directories = ThemeLoader.searchDirectories(
            environment: environment, executablePath: executablePath())
        var (theme, warnings) = ThemeLoader.load(name: themeName, directories: directories)

        let terminal = try NcursesTerminal.start(monochrome: monochrome)
        TerminalRestore.install(terminal)
        terminal.setMouseReporting(config.mouse)  // config.toml `mouse = false` leaves the mouse to the terminal
        defer { terminal.stop() }
        // A colour theme on a terminal without colour would lose its cursor bar and state colours and keep only
        // some attributes; the mono theme is made to say everything with attributes.
        let colourless = terminal.colorCount == 0 && !monochrome
        let term = environment["TERM"] ?? ""
        if colourless && !theme.isMonochrome {
            theme = ThemeLoader.load(name: "mono", directories: directories).theme
        }
        let app = DeskApp(client: ClientFactory.client(database: database, user: user), terminal: terminal, theme: theme)
        app.themeLoader = { name in
            guard colourless, case .success(var mono) = ThemeLoader.loadIfUsable(name: "mono", directories: directories) else {
                return ThemeLoader.loadIfUsable(name: name, directories: directories)
            }
            mono.warnings = ["this terminal (TERM=\(term)) has no colours, so \(name) is shown as mono"]
            return .success(mono)
        }
        app.themeNames = { ThemeLoader.availableThemes(directories: directories) }
        let problems = configIssues.map(\.description) + warnings.map { "Theme: " + $0 }
        if let first = problems.first {
            let more = problems.count == 1 ? "" : problems.count == 2 ? " (and 1 more problem)" : " (and \(problems.count - 1) more problems)"
            app.show(StatusMessage(first + more, isError: true))
        } else if expired > 0 {
            app.show(StatusMessage(expired == 1 ? "1 contract whose term ended is now expired."
                : "\(expired) contracts whose term ended are now expired."))
        }
        applyKeys(to: app, environment: environment)
        let loadedHistory = loadHistory(into: app, environment: environment)
        app.run()
        saveHistory(of: app, loaded: loadedHistory, environment: environment)
    }
}

extension DeskLauncher {
    /// Closes the active contracts whose term has ended (as `orderdesk contract expire` does from cron), so
    /// nobody works from a contract that ran out. A viewer changes nothing; a failure leaves them as they are
    /// and must not keep the desk from opening.
    static func expireEndedContracts(_ database: AppDatabase, as user: UserAccount) -> Int {
        guard user.role.canChangeOrders else { return 0 }
        let now = Int64(Date().timeIntervalSince1970)
        return (try? database.expireContracts(today: Day(unixSeconds: now), actor: user, now: now)) ?? 0
    }

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
