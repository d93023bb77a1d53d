import Foundation
import OrderDeskCore
import OrderDeskStore

/// Who is using the desk: the operating-system login, looked up in the users table.
enum Identity {
    /// The login of the process's effective user.
    static func operatingSystemLogin() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// The person's full name from the password database, or the login.
    static func operatingSystemName() -> String {
        if let entry = getpwuid(geteuid()), let gecos = entry.pointee.pw_gecos {
            let name = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
            if !name.isEmpty { return name }
        }
        return operatingSystemLogin()
    }

    /// The user to act as. `--user` is honoured only on a demo database, so nobody can act as someone else on real data.
    static func resolve(in database: AppDatabase, override: String?) throws -> UserAccount {
        if let override {
            guard try database.isDemo() else { throw CLIError.userOverrideRefused }
            return try database.resolveUser(login: override)
        }
        return try database.resolveUser(login: operatingSystemLogin())
    }
}

/// Errors of the command line itself, with what to do about them.
enum CLIError: Error, LocalizedError {
    case userOverrideRefused
    case notADemoDatabase(String)
    case databaseExists(String)
    case badValue(option: String, value: String, expected: String)

    var errorDescription: String? {
        switch self {
        case .userOverrideRefused:
            return "--user is accepted only on a demo database; on real data you are your operating-system login."
        case .notADemoDatabase(let path):
            return "\(path) holds real data, not a demo database; choose another path with --db."
        case .databaseExists(let path):
            return "\(path) already exists; open it with `orderdesk --db \(path)` or choose another path with --db."
        case let .badValue(option, value, expected):
            return "\(option): '\(value)' is not valid; expected \(expected)."
        }
    }
}
