import ArgumentParser
import Foundation
import OrderDeskCore
import OrderDeskStore
import OrderDeskTerminal

/// `orderdesk demo`: builds a deterministic demo database and opens the desk on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo database (deterministic for a seed) and open the desk on it.",
        discussion: "The demo database lives at $XDG_DATA_HOME/orderdesk/demo.sqlite unless --db says otherwise; "
            + "a database with real data is never overwritten.")

    @Option(name: .long, help: "The demo database file.")
    var db: String?

    @Option(name: .long, help: "How many orders to generate.")
    var orders: Int = 50_000

    @Option(name: .long, help: "Random seed; the same seed gives the same database.")
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Build the database but do not open the desk.")
    var noOpen = false

    @Flag(name: .long, help: "Open an existing demo database at the path instead of rebuilding it.")
    var reuse = false

    @OptionGroup var desk: DeskOptions

    func validate() throws {
        guard orders >= 1, orders <= 20_000_000 else {
            throw ValidationError("--orders must be between 1 and 20000000.")
        }
    }

    var path: String { db ?? DatabaseOptions.dataDirectory() + "/demo.sqlite" }

    func run() throws {
        do {
            let exists = FileManager.default.fileExists(atPath: path)
            if exists {
                let existing = try AppDatabase.open(at: path)
                guard try existing.isDemo() else { throw CLIError.notADemoDatabase(path) }
            }
            if !(exists && reuse) {
                try DemoCommand.build(at: path, orders: orders, seed: seed)
            }
            if noOpen {
                print(path)
                return
            }
            try DeskLauncher.run(databasePath: path, options: desk)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw Failure.report(error, status: error is TerminalError ? 2 : DeskLauncher.exitStatus(for: error))
        }
    }

    /// Builds (or rebuilds) a demo database with a progress bar on standard error.
    static func build(at path: String, orders: Int, seed: UInt64) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Build beside the target and move into place, so an interrupted build never leaves half a database.
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let bar = ProgressBar()
        let options = DemoOptions(
            orders: orders, seed: seed, currentLogin: Identity.operatingSystemLogin(),
            currentName: Identity.operatingSystemName())
        _ = try AppDatabase.buildDemo(at: building, options: options, now: Int64(Date().timeIntervalSince1970)) { p in
            bar.update(phase: p.phase, done: p.done, total: p.total)
        }
        // The builder's connections are closed by now, so SQLite has folded the WAL into the file.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: building + suffix) {
            try FileManager.default.moveItem(atPath: building + suffix, toPath: path + suffix)
        }
        try? FileManager.default.removeItem(atPath: building + "-shm")
        bar.finish("Built \(path) with \(orders) orders")
    }
}
