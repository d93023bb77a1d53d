/// A problem found in a theme, config or key file, printed as `file:line: message` like a compiler diagnostic.
public struct FileIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file the issue is in, as given to the parser.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong and, where possible, what would be right.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
