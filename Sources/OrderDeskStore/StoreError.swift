import Foundation

/// Everything the store refuses that is not an order-desk rule, each with a message a person can act on.
public enum StoreError: Error, LocalizedError, Equatable, Sendable {
    /// No database file at this path.
    case databaseMissing(String)
    /// A user with this login already exists.
    case duplicateLogin(String)
    /// The login is not 1–32 lowercase letters, digits, `.`, `_` or `-`.
    case invalidLogin(String)
    /// A user needs a name.
    case invalidName(String)
    /// Only the very first user may be added without an acting admin.
    case actorRequired
    /// The demo builder will not replace a database that is not a demo database.
    case notADemoDatabase(String)
    /// Demo options out of range.
    case invalidDemoOptions(String)
    /// No saved reconciliation run with this id.
    case reconcileRunNotFound(Int64)
    /// No difference of a saved reconciliation run with this id.
    case differenceNotFound(Int64)
    /// A difference is resolved only with a note saying what was decided or done.
    case resolutionNoteRequired
    /// A value in the file that the schema's CHECKs should have made impossible (e.g. the file was edited by hand).
    case corruptValue(column: String, value: String)
    /// A value in the settings table that its rule cannot use (`expected` says what it takes).
    case invalidSetting(key: String, value: String, expected: String)

    public var errorDescription: String? {
        switch self {
        case let .databaseMissing(path):
            return "No OrderDesk database at \(path). Run `orderdesk demo` to create one with sample data, "
                + "or `orderdesk init` to create an empty one (or pass --db with the right path)."
        case let .duplicateLogin(login):
            return "A user with the login '\(login)' already exists. Pick another login, or leave the existing user as is."
        case let .invalidLogin(login):
            return "'\(login)' is not a valid login: use 1 to 32 lowercase letters, digits, '.', '_' or '-' "
                + "(the operating-system login, e.g. dana.ruiz)."
        case let .invalidName(name):
            return "'\(name)' is not a valid name: give the person's full name."
        case .actorRequired:
            return "Users already exist, so a new user must be added by an admin: run the command as an admin."
        case let .notADemoDatabase(path):
            return "\(path) holds real data (it is not a demo database), so the demo will not replace it. "
                + "Choose another path with --db."
        case let .invalidDemoOptions(why):
            return "Cannot build the demo: \(why)."
        case let .reconcileRunNotFound(id):
            return "There is no saved reconciliation run #\(id). Pick one from the list of saved runs, "
                + "or run the reconciliation again to save a new one."
        case let .differenceNotFound(id):
            return "There is no reconciliation difference #\(id). Reload the run's differences and pick it again."
        case .resolutionNoteRequired:
            return "A resolution needs a note: write what was decided or done (for example "
                + "'fix in SFDC, ticket SF-1234'), then save again."
        case let .corruptValue(column, value):
            return "The database holds an unreadable value in \(column): '\(value)'. Restore it from a backup "
                + "or correct the value with the sqlite3 tool."
        case let .invalidSetting(key, value, expected):
            return "The setting \(key) is '\(value)', which is not \(expected). An admin can correct it with "
                + "`orderdesk settings set \(key) VALUE`, then try again."
        }
    }
}
