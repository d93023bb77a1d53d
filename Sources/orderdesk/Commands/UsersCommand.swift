import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk users list|add`.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "List or add the people who use the desk.",
        subcommands: [List.self, Add.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one user a line: login, name, role.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                for user in try db.users() {
                    print(user.login + "\t" + user.name + "\t" + user.role.rawValue)
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (admins only).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Their operating-system login.") var login: String
        @Option(name: .long, help: "Their full name.") var name: String
        @Option(name: .long, help: "account_manager, supervisor, director, admin or viewer.") var role: String
        @Option(name: .long, help: "Act as this login (demo databases only).") var user: String?

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role '\(role)' is not a role; use one of: "
                    + Role.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }

        func run() throws {
            try Failure.reporting {
                let db = try AppDatabase.open(at: database.resolvedPath())
                let actor = try Identity.resolve(in: db, override: user)
                let added = try db.addUser(login: login, name: name, role: Role(rawValue: role)!, actor: actor,
                                           now: Int64(Date().timeIntervalSince1970))
                print("Added \(added.login) (\(added.name)) as \(added.role.rawValue).")
            }
        }
    }
}
