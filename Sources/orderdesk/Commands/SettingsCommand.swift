import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk settings list|set`.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the desk's settings (serviceability, contract ROI, approval routing, escalation SLAs and rules).",
        subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one setting a line: key, value, what it decides.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                for (setting, value, isDefault) in try db.settings() {
                    print(setting.rawValue + "\t" + setting.display(value) + (isDefault ? " (default)" : "") + "\t" + setting.summary)
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting (admins only; audited).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The key, as `settings list` prints it.") var key: String
        @Argument(help: "The new value as `settings list` shows it: feet (200), dollars (2500.00), a percentage (12.5%), months (24), an SLA (4h, 4 hours, 1bd, 1 business day), days (3) or a severity (P2).") var value: String
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func validate() throws {
            guard Setting(rawValue: key) != nil else {
                throw ValidationError("'\(key)' is not a setting; use one of: "
                    + Setting.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                let actor = try Identity.resolve(in: db, override: user)
                let setting = Setting(rawValue: key)!
                try db.setSetting(setting, typed: value, actor: actor, now: Int64(Date().timeIntervalSince1970))
                let now = try db.settings().first { $0.setting == setting }!
                print("\(setting.rawValue) is now \(setting.display(now.value)).")
            }
        }
    }
}
