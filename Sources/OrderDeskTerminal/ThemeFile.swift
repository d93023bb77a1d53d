/// Reads theme files: a small TOML subset, parsed here so themes need no dependency.
///
/// ```toml
/// version = 1                 # required
/// name = "default"
/// description = "Dark"
/// base = "default"            # or "mono": the built-in theme that fills in what the file leaves out
///
/// [table.cursor]              # a ThemeSlot's raw value
/// fg = 231                    # "default", a name ("red", "bright-blue", "grey"), 0–255, or "#rrggbb"
/// bg = "#005faf"
/// bold = true                 # bold, underline, reverse, dim
/// ```
/// Slots and keys missing from the file come from the base theme, key by key.
public enum ThemeFile {
    /// Parses a theme; every problem becomes an issue with its line, and the rest of the file still counts.
    public static func parse(_ text: String, file: String) -> (theme: Theme, issues: [FileIssue]) {
        let result = parseDetailed(text, file: file)
        return (result.theme, result.issues)
    }

    /// The parse result with what the loader needs to decide on a fallback.
    struct Parsed {
        var theme: Theme
        var issues: [FileIssue]
        /// False when `version` is missing or not 1: the file may mean something else entirely.
        var versionUnderstood: Bool
        /// The built-in theme the file builds on.
        var base: Theme
    }

    /// A value on the right of `=`.
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
    }

    /// What a file says about one slot; nil fields come from the base theme.
    struct SlotOverride {
        var foreground: ThemeColor?
        var background: ThemeColor?
        var bold: Bool?
        var underline: Bool?
        var reverse: Bool?
        var dim: Bool?
    }

    static func parseDetailed(_ text: String, file: String) -> Parsed {
        var issues: [FileIssue] = []
        func issue(_ line: Int, _ message: String) { issues.append(FileIssue(file: file, line: line, message: message)) }

        var version: (value: Int, line: Int)?
        var name: String?
        var description = ""
        var baseName = "default"
        var overrides: [ThemeSlot: SlotOverride] = [:]

        // The current table: nil before the first header, .some(nil) inside an unknown table (its keys are skipped).
        var table: ThemeSlot?? = nil
        var seenTables: Set<String> = []
        var seenKeys: Set<String> = []

        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = stripComment(String(rawLine)).trimmingSpaces()
            if line.isEmpty { continue }

            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    issue(lineNumber, "bad table header \(line); write [slot.name]")
                    table = .some(nil)
                    continue
                }
                let tableName = String(line.dropFirst().dropLast()).trimmingSpaces()
                if !seenTables.insert(tableName).inserted { issue(lineNumber, "table [\(tableName)] appears twice") }
                if let slot = ThemeSlot(rawValue: tableName) {
                    table = .some(slot)
                } else {
                    issue(lineNumber, "unknown table [\(tableName)]; known slots: \(ThemeSlot.allCases.map(\.rawValue).joined(separator: ", "))")
                    table = .some(nil)
                }
                continue
            }

            guard let equals = line.firstIndex(of: "=") else {
                issue(lineNumber, "expected key = value, found \(line)")
                continue
            }
            let key = String(line[..<equals]).trimmingSpaces()
            let valueText = String(line[line.index(after: equals)...]).trimmingSpaces()
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                issue(lineNumber, "bad key '\(key)'; keys are bare words like fg or bold")
                continue
            }
            let value: Value
            switch parseValue(valueText) {
            case .success(let v): value = v
            case .failure(let error):
                issue(lineNumber, error.message)
                continue
            }
            let scope: String
            switch table {
            case .none: scope = ""
            case .some(.none): continue  // inside an unknown table, already reported
            case .some(.some(let slot)): scope = slot.rawValue
            }
            if !seenKeys.insert(scope + "\u{0}" + key).inserted { issue(lineNumber, "key \(key) appears twice") }

            guard case .some(.some(let slot)) = table else {
                // Top-level keys.
                switch (key, value) {
                case ("version", .integer(let n)): version = (n, lineNumber)
                case ("version", _): issue(lineNumber, "version must be the integer 1"); version = (-1, lineNumber)
                case ("name", .string(let s)): name = s
                case ("description", .string(let s)): description = s
                case ("base", .string(let s)):
                    if s == "default" || s == "mono" { baseName = s } else {
                        issue(lineNumber, "unknown base \"\(s)\"; use \"default\" or \"mono\"")
                    }
                case ("name", _), ("description", _), ("base", _): issue(lineNumber, "\(key) must be a string in quotes")
                default: issue(lineNumber, "unknown key \(key); top-level keys are version, name, description, base")
                }
                continue
            }

            var o = overrides[slot] ?? SlotOverride()
            switch key {
            case "fg", "bg":
                switch parseColor(value) {
                case .success(let color):
                    if key == "fg" { o.foreground = color } else { o.background = color }
                case .failure(let error): issue(lineNumber, error.message)
                }
            case "bold", "underline", "reverse", "dim":
                guard case .boolean(let b) = value else {
                    issue(lineNumber, "\(key) must be true or false")
                    continue
                }
                switch key {
                case "bold": o.bold = b
                case "underline": o.underline = b
                case "reverse": o.reverse = b
                default: o.dim = b
                }
            default:
                issue(lineNumber, "unknown key \(key) in [\(slot.rawValue)]; slot keys are fg, bg, bold, underline, reverse, dim")
            }
            overrides[slot] = o
        }

        var versionUnderstood = true
        if let version {
            if version.value != 1 {
                versionUnderstood = false
                if version.value >= 0 { issue(version.line, "unsupported version \(version.value); this OrderDesk reads version 1") }
            }
        } else {
            versionUnderstood = false
            issue(1, "missing version = 1 at the top of the file")
        }

        let base = baseName == "mono" ? Theme.builtInMono : Theme.builtInDefault
        var styles: [ThemeSlot: Style] = [:]
        for slot in ThemeSlot.allCases {
            var s = base.style(slot)
            if let o = overrides[slot] {
                if let v = o.foreground { s.foreground = v }
                if let v = o.background { s.background = v }
                if let v = o.bold { s.bold = v }
                if let v = o.underline { s.underline = v }
                if let v = o.reverse { s.reverse = v }
                if let v = o.dim { s.dim = v }
            }
            styles[slot] = s
        }
        let theme = Theme(name: name ?? defaultName(file), description: description, styles: styles)
        issues.sort { $0.line < $1.line }
        return Parsed(theme: theme, issues: issues, versionUnderstood: versionUnderstood, base: base)
    }

    /// The theme name a file gets when it declares none: its base name without `.toml`.
    static func defaultName(_ file: String) -> String {
        var base = file.split(separator: "/").last.map(String.init) ?? file
        if base.hasSuffix(".toml") { base.removeLast(5) }
        return base
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

    /// A string, integer or boolean, with nothing after it.
    static func parseValue(_ text: String) -> Result<Value, ValueError> {
        if text.isEmpty { return .failure(ValueError("missing value after =")) }
        if text == "true" { return .success(.boolean(true)) }
        if text == "false" { return .success(.boolean(false)) }
        if let first = text.first, first == "\"" || first == "'" {
            var out = ""
            var escaped = false
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let c = text[index]
                if escaped {
                    switch c {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    default: return .failure(ValueError("unsupported escape \\\(c) in a string"))
                    }
                    escaped = false
                } else if c == "\\" && first == "\"" {
                    escaped = true
                } else if c == first {
                    let rest = text[text.index(after: index)...]
                    if !rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                        return .failure(ValueError("unexpected text after the string: \(rest)"))
                    }
                    return .success(.string(out))
                } else {
                    out.append(c)
                }
                index = text.index(after: index)
            }
            return .failure(ValueError("unterminated string \(text)"))
        }
        var digits = text.replacingUnderscores()
        var sign = 1
        if digits.hasPrefix("+") { digits.removeFirst() } else if digits.hasPrefix("-") { digits.removeFirst(); sign = -1 }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) {
            return .success(.integer(sign * n))
        }
        return .failure(ValueError("bad value \(text); use \"text\", a number, true or false"))
    }

    /// The colour names a theme may use, with their palette indexes.
    static let colorNames: [String: UInt8] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var names: [String: UInt8] = [:]
        for (i, n) in base.enumerated() {
            names[n] = UInt8(i)
            names["bright-" + n] = UInt8(i + 8)
        }
        names["grey"] = 8
        names["gray"] = 8
        return names
    }()

    /// A colour: "default", a name, 0–255 (number or string), or "#rrggbb".
    static func parseColor(_ value: Value) -> Result<ThemeColor, ValueError> {
        let bad = ValueError("bad colour; use \"default\", a name like \"red\" or \"bright-blue\", 0–255, or \"#rrggbb\"")
        switch value {
        case .boolean: return .failure(bad)
        case .integer(let n):
            guard (0...255).contains(n) else { return .failure(ValueError("colour index \(n) is outside 0–255")) }
            return .success(.indexed(UInt8(n)))
        case .string(let raw):
            let s = raw.lowercased()
            if s == "default" { return .success(.terminalDefault) }
            if let n = colorNames[s] { return .success(.indexed(n)) }
            if let n = Int(s), s.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard (0...255).contains(n) else { return .failure(ValueError("colour index \(n) is outside 0–255")) }
                return .success(.indexed(UInt8(n)))
            }
            if s.hasPrefix("#"), s.count == 7, s.dropFirst().allSatisfy(\.isHexDigit), let v = UInt32(s.dropFirst(), radix: 16) {
                return .success(.rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)))
            }
            return .failure(ValueError("unknown colour \"\(raw)\"; use \"default\", a name like \"red\" or \"bright-blue\", 0–255, or \"#rrggbb\""))
        }
    }

    /// A message for a value that could not be read.
    struct ValueError: Error, Equatable {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }

    fileprivate func replacingUnderscores() -> String { filter { $0 != "_" } }
}
