import Foundation

/// Why the terminal could not be started.
public enum TerminalError: Error, LocalizedError, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run from a script).
    case notATerminal
    /// ncurses does not know `$TERM` (or it is unset).
    case unusableTerminal(term: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .notATerminal:
            return "OrderDesk needs an interactive terminal: standard input and output must not be redirected."
        case .unusableTerminal(let term):
            let shown = term.isEmpty ? "(unset)" : "'\(term)'"
            return "The terminal type TERM=\(shown) is unknown to ncurses. Try again with TERM=xterm-256color."
        }
    }
}

extension TerminalError {
    /// The same message as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}
