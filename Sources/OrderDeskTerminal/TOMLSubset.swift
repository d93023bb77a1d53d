/// The small TOML subset that OrderDesk's own files use (themes, `config.toml`, `keys.toml`), read with line
/// numbers so every problem can be reported as `file:line: message`.
///
/// Supported: `# comments`, `[table]` headers (dotted names such as `[table.cursor]` are one name), keys that
/// are bare words or quoted (`"order.take" = "T"`), and values that are strings (basic or literal),
/// integers, booleans, or one-line arrays of those. Anything else is an issue, and the rest of the file
/// still counts. A key repeated in one table is reported and its first value kept.
public enum TOMLSubset {
    /// A value on the right of `=`.
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([Value])

        /// How the value reads in a message: the string itself, a number, true/false, or `[…]`.
        public var text: String {
            switch self {
            case .string(let s): return "\"\(s)\""
            case .integer(let n): return String(n)
            case .boolean(let b): return b ? "true" : "false"
            case .array(let values): return "[" + values.map(\.text).joined(separator: ", ") + "]"
            }
        }
    }

    /// One `key = value` line, with the table it sits in.
    public struct Entry: Equatable, Sendable {
        /// The table's name, nil for keys before the first header.
        public var table: String?
        public var key: String
        public var value: Value
        /// The 1-based line of the entry.
        public var line: Int
    }

    /// A table header and where it is.
    public struct Table: Equatable, Sendable {
        public var name: String
        public var line: Int
    }

    /// What a file holds: its tables and entries in file order, and the lines that could not be read.
    public struct Document: Sendable {
        public var tables: [Table] = []
        public var entries: [Entry] = []
        /// Syntax problems and repeated tables or keys, by line.
        public var issues: [FileIssue] = []

        /// The entries of one table (nil: the top level).
        public func entries(in table: String?) -> [Entry] { entries.filter { $0.table == table } }
    }

    /// Reads a file's text. `file` names it in the issues.
    public static func parse(_ text: String, file: String) -> Document {
        var document = Document()
        func issue(_ line: Int, _ message: String) { document.issues.append(FileIssue(file: file, line: line, message: message)) }
        var table: String?
        var seenTables: Set<String> = []
        var seenKeys: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = trimmingSpaces(stripComment(String(rawLine)))
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[["), line.count > 2 else {
                    issue(lineNumber, "bad table header \(line); write [name]")
                    // Keys under a broken header must not land at the top level: a table no one knows.
                    table = "\u{0}"
                    continue
                }
                var name = trimmingSpaces(String(line.dropFirst().dropLast()))
                if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
                if !seenTables.insert(name).inserted { issue(lineNumber, "table [\(name)] appears twice") }
                table = name
                document.tables.append(Table(name: name, line: lineNumber))
                continue
            }
            guard let (key, rest) = splitKey(line) else {
                issue(lineNumber, "expected key = value, found \(line)")
                continue
            }
            guard !key.isEmpty else {
                issue(lineNumber, "missing key before =")
                continue
            }
            switch parseValue(rest) {
            case .success(let value):
                if table == "\u{0}" { continue }  // under a broken header, already reported
                if let first = seenKeys[(table ?? "") + "\u{0}" + key] {
                    issue(lineNumber, "key \(key) appears twice (first on line \(first)); the first one counts")
                    continue
                }
                seenKeys[(table ?? "") + "\u{0}" + key] = lineNumber
                document.entries.append(Entry(table: table, key: key, value: value, line: lineNumber))
            case .failure(let error):
                issue(lineNumber, error.message)
            }
        }
        return document
    }

    /// The key (bare or quoted) and the text after `=`; nil when the line has no `=` after a key.
    static func splitKey(_ line: String) -> (key: String, rest: String)? {
        if let quote = line.first, quote == "\"" || quote == "'" {
            var key = ""
            var index = line.index(after: line.startIndex)
            while index < line.endIndex, line[index] != quote {
                key.append(line[index])
                index = line.index(after: index)
            }
            guard index < line.endIndex else { return nil }
            let after = trimmingSpaces(String(line[line.index(after: index)...]))
            guard after.hasPrefix("=") else { return nil }
            return (key, trimmingSpaces(String(after.dropFirst())))
        }
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let key = trimmingSpaces(String(line[..<equals]))
        guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }) else {
            return nil
        }
        return (key, trimmingSpaces(String(line[line.index(after: equals)...])))
    }

    /// Cuts a `#` comment, leaving `#` inside quoted strings alone ("#ff0000" is a colour).
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var escaped = false
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return String(line[..<i])
            }
        }
        return line
    }

    /// A message for a value that could not be read.
    public struct ValueError: Error, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// A whole value, with nothing after it.
    public static func parseValue(_ text: String) -> Result<Value, ValueError> {
        var index = text.startIndex
        switch parseValue(text, at: &index) {
        case .failure(let error): return .failure(error)
        case .success(let value):
            let rest = text[index...]
            guard rest.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                return .failure(ValueError("unexpected text after the value: \(rest)"))
            }
            return .success(value)
        }
    }

    /// One value starting at `index` (leading spaces skipped); `index` ends just after it.
    private static func parseValue(_ text: String, at index: inout String.Index) -> Result<Value, ValueError> {
        while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
        guard index < text.endIndex else { return .failure(ValueError("missing value after =")) }
        let first = text[index]
        if first == "\"" || first == "'" { return parseString(text, at: &index) }
        if first == "[" { return parseArray(text, at: &index) }
        let start = index
        while index < text.endIndex, !",] \t".contains(text[index]) { index = text.index(after: index) }
        let word = String(text[start..<index])
        if word == "true" { return .success(.boolean(true)) }
        if word == "false" { return .success(.boolean(false)) }
        var digits = word.filter { $0 != "_" }
        var sign = 1
        if digits.hasPrefix("+") { digits.removeFirst() } else if digits.hasPrefix("-") { digits.removeFirst(); sign = -1 }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) {
            return .success(.integer(sign * n))
        }
        return .failure(ValueError("bad value \(text[start...]); use \"text\", a number, true or false"))
    }

    private static func parseString(_ text: String, at index: inout String.Index) -> Result<Value, ValueError> {
        let quote = text[index]
        var out = ""
        var escaped = false
        index = text.index(after: index)
        while index < text.endIndex {
            let c = text[index]
            index = text.index(after: index)
            if escaped {
                switch c {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: return .failure(ValueError("unsupported escape \\\(c) in a string"))
                }
                escaped = false
            } else if c == "\\" && quote == "\"" {
                escaped = true
            } else if c == quote {
                return .success(.string(out))
            } else {
                out.append(c)
            }
        }
        return .failure(ValueError("unterminated string \(text)"))
    }

    private static func parseArray(_ text: String, at index: inout String.Index) -> Result<Value, ValueError> {
        index = text.index(after: index)  // [
        var values: [Value] = []
        while true {
            while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
            guard index < text.endIndex else {
                return .failure(ValueError("unterminated array; write the whole array on one line, ending with ]"))
            }
            if text[index] == "]" { index = text.index(after: index); return .success(.array(values)) }
            switch parseValue(text, at: &index) {
            case .failure(let error): return .failure(error)
            case .success(let value): values.append(value)
            }
            while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
            if index < text.endIndex, text[index] == "," { index = text.index(after: index) }
        }
    }

    static func trimmingSpaces(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
