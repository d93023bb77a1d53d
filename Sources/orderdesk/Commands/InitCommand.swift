import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore

/// `orderdesk init`: an empty database whose first admin is the current login.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty database; you become its first admin.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Your full name (default: from the system).")
    var name: String?

    func run() throws {
        let path = database.resolvedPath()
        do {
            guard !FileManager.default.fileExists(atPath: path) else { throw CLIError.databaseExists(path) }
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let db = try AppDatabase.open(at: path, createIfMissing: true)
            let admin = try db.addUser(
                login: Identity.operatingSystemLogin(), name: name ?? Identity.operatingSystemName(), role: .admin,
                actor: nil, now: Int64(Date().timeIntervalSince1970))
            print("Created \(path) with \(admin.login) (\(admin.name)) as admin.")
            print("Add people with: orderdesk users add LOGIN --name \"Full Name\" --role account_manager --db \(path)")
        } catch {
            throw Failure.report(error)
        }
    }
}
