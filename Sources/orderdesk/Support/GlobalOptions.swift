import ArgumentParser
import Foundation

/// Options every subcommand that opens a database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file. Default: $ORDERDESK_DB, then $XDG_DATA_HOME/orderdesk/orderdesk.sqlite.")
    var db: String?

    /// The path to use: --db, then ORDERDESK_DB, then the XDG data directory.
    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db, !db.isEmpty { return db }
        if let fromEnvironment = environment["ORDERDESK_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return DatabaseOptions.dataDirectory(environment: environment) + "/orderdesk.sqlite"
    }

    /// `$XDG_DATA_HOME/orderdesk`, or `~/.local/share/orderdesk`.
    static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return base + "/orderdesk"
    }
}

/// Writes to standard error.
enum StandardError {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Turns any error into a message on standard error and an exit status.
enum Failure {
    /// Prints `orderdesk: <message>` and returns the exit code to use.
    static func report(_ error: Error, status: Int32 = 1) -> ExitCode {
        let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        StandardError.print("orderdesk: " + message)
        return ExitCode(status)
    }

    /// Prints `orderdesk: <text>` and returns the exit code to use.
    static func message(_ text: String, status: Int32 = 1) -> ExitCode {
        StandardError.print("orderdesk: " + text)
        return ExitCode(status)
    }
}

extension Failure {
    /// Runs a subcommand's work: an exit code passes through, any other error is printed as
    /// `orderdesk: <message>` and exits 2 when there is no database, 1 otherwise.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw report(error, status: DeskLauncher.exitStatus(for: error))
        }
    }
}
