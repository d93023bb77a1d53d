import GRDB
// GRDB's own SQLite module, for binding through the raw statement handle (about twice as fast as
// building StatementArguments per row, per FACTS.md). Used where one statement runs for many rows: the
// demo builder's inserts, and saving a reconciliation run's differences with a lookup for each.
import GRDBSQLite

/// A prepared statement reused for many rows: values are bound in parameter order, then `insert()` runs
/// an INSERT, or `firstRow(_:)` runs a query and reads its first row.
struct RawStatement {
    private let db: Database
    /// Kept so GRDB does not finalize the handle while we use it.
    private let statement: Statement
    private let handle: OpaquePointer
    private var next: Int32 = 1

    /// SQLite copies the text during the bind call, so Swift's buffer may go away right after.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    mutating func add(_ value: Int64) { sqlite3_bind_int64(handle, next, value); next += 1 }
    mutating func add(_ value: Int) { add(Int64(value)) }
    mutating func add(_ value: Int64?) { if let value { add(value) } else { addNull() } }
    mutating func add(_ value: String) {
        var text = value
        text.withUTF8 { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, next, $0.baseAddress, Int32($0.count), Self.transient)
            }
        }
        next += 1
    }
    mutating func add(_ value: String?) { if let value { add(value) } else { addNull() } }
    mutating func addNull() { sqlite3_bind_null(handle, next); next += 1 }

    /// Runs the statement with the values bound since the last call.
    mutating func insert() throws {
        let code = sqlite3_step(handle)
        next = 1
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
    }

    /// Runs a query with the values bound since the last call; `read` gets its first row, nil when it has none.
    mutating func firstRow<T>(_ read: (Columns) -> T) throws -> T? {
        defer { sqlite3_reset(handle); next = 1 }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return read(Columns(handle: handle))
        case SQLITE_DONE: return nil
        case let code:
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Runs a query with the values bound since the last call; `read` gets each of its rows in turn.
    mutating func forEachRow(_ read: (Columns) throws -> Void) throws {
        defer { sqlite3_reset(handle); next = 1 }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try read(Columns(handle: handle))
            case SQLITE_DONE: return
            case let code:
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
    }

    /// The current row of a query, by 0-based column.
    struct Columns {
        fileprivate let handle: OpaquePointer

        func int64(_ column: Int32) -> Int64? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
        }

        /// The column as an integer, for a column that is never NULL (0 if it is).
        func int64(notNull column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    }
}
