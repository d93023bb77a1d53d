import Foundation
import GRDB

/// The OrderDesk database: one SQLite file shared by every terminal on the host.
/// Every method that writes runs one transaction that keeps the invariants.
public final class AppDatabase: Sendable {
    public let path: String
    /// The pool every query and change goes through (WAL: readers never block the writer).
    let writer: DatabasePool
    /// A connection kept only to read `PRAGMA data_version`, which reports commits by *other* connections.
    private let watcher: DatabaseQueue

    init(path: String, writer: DatabasePool, watcher: DatabaseQueue) {
        self.path = path; self.writer = writer; self.watcher = watcher
    }

    /// The connection settings every OrderDesk connection uses.
    static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        config.readonly = readonly
        config.label = readonly ? "OrderDesk.watcher" : "OrderDesk"
        return config
    }

    /// Opens (and migrates) a database file. When the file is absent and createIfMissing is false, throws StoreError.databaseMissing(path).
    public static func open(at path: String, createIfMissing: Bool = false) throws -> AppDatabase {
        if !createIfMissing && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.databaseMissing(path)
        }
        if createIfMissing {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let pool = try DatabasePool(path: path, configuration: configuration())
        try Migrations.migrator.migrate(pool)
        let watcher = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        return AppDatabase(path: path, writer: pool, watcher: watcher)
    }

    /// True on a database built by `buildDemo` (settings key `demo`).
    public func isDemo() throws -> Bool {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'demo'") == "1"
        }
    }

    /// PRAGMA data_version read on one dedicated connection kept for this purpose: it changes whenever another connection or process commits.
    public func dataVersion() throws -> Int64 {
        try watcher.inDatabase { db in
            try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        }
    }
}
