/// Reads theme files, written in the small TOML subset that `TOMLSubset` reads (no dependency needed).
///
/// ```toml
/// version = 1                 # required
/// name = "default"
/// description = "Dark"
/// base = "default"            # or "mono": the built-in theme that fills in what the file leaves out
/// background = "dark"         # or "light": the terminal background the theme is made for
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

    /// The parse result with what the loader and `theme check` need.
    struct Parsed {
        var theme: Theme
        var issues: [FileIssue]
        /// The issue that makes the file unusable: `version` missing, not an integer, or not 1 (the file may
        /// mean something else entirely); nil when the version is understood.
        var versionIssue: FileIssue?
        /// False when `version` is missing or not 1.
        var versionUnderstood: Bool { versionIssue == nil }
        /// The built-in theme the file builds on.
        var base: Theme
        /// Whether the file says `base = …`; without it a theme is meant to be complete (see `missingSlotIssues`).
        var declaresBase: Bool
        /// The slots that have a `[table]` in the file.
        var definedSlots: Set<ThemeSlot>
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

    /// The top-level keys a theme file may hold.
    static let topLevelKeys = ["version", "name", "description", "base", "background"]

    static func parseDetailed(_ text: String, file: String) -> Parsed {
        // The shared reader does the syntax (comments, strings, tables, repeated keys); this reads the meaning.
        let document = TOMLSubset.parse(text, file: file)
        var issues = document.issues
        func issue(_ line: Int, _ message: String) { issues.append(FileIssue(file: file, line: line, message: message)) }

        var version: (value: Int, line: Int)?
        // Kept apart from the other issues because it alone makes the file unusable (the loader says so).
        var versionIssue: FileIssue?
        var name: String?
        var description = ""
        var baseName: String?
        var background = ThemeBackground.dark
        var overrides: [ThemeSlot: SlotOverride] = [:]
        var definedSlots: Set<ThemeSlot> = []

        for table in document.tables {
            if let slot = ThemeSlot(rawValue: table.name) {
                definedSlots.insert(slot)
            } else {
                issue(table.line, "unknown table [\(table.name)]; known slots: \(ThemeSlot.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        for entry in document.entries {
            let (key, value, line) = (entry.key, entry.value, entry.line)
            guard let tableName = entry.table else {
                switch (key, value) {
                case ("version", .integer(let n)): version = (n, line)
                case ("version", _): versionIssue = FileIssue(file: file, line: line, message: "version must be the integer 1")
                case ("name", .string(let s)): name = s
                case ("description", .string(let s)): description = s
                case ("base", .string(let s)):
                    if s == "default" || s == "mono" { baseName = s } else {
                        issue(line, "unknown base \"\(s)\"; use \"default\" or \"mono\"")
                    }
                case ("background", .string(let s)):
                    if let b = ThemeBackground(rawValue: s) { background = b } else {
                        issue(line, "unknown background \"\(s)\"; use \"dark\" or \"light\" (the background the theme is made for)")
                    }
                case ("name", _), ("description", _), ("base", _), ("background", _):
                    issue(line, "\(key) must be a string in quotes")
                default: issue(line, "unknown key \(key); top-level keys are \(topLevelKeys.joined(separator: ", "))")
                }
                continue
            }
            guard let slot = ThemeSlot(rawValue: tableName) else { continue }  // unknown table, already reported

            var o = overrides[slot] ?? SlotOverride()
            switch key {
            case "fg", "bg":
                switch parseColor(value) {
                case .success(let color):
                    if key == "fg" { o.foreground = color } else { o.background = color }
                case .failure(let error): issue(line, error.message)
                }
            case "bold", "underline", "reverse", "dim":
                guard case .boolean(let b) = value else {
                    issue(line, "\(key) must be true or false")
                    continue
                }
                switch key {
                case "bold": o.bold = b
                case "underline": o.underline = b
                case "reverse": o.reverse = b
                default: o.dim = b
                }
            default:
                issue(line, "unknown key \(key) in [\(slot.rawValue)]; slot keys are fg, bg, bold, underline, reverse, dim")
            }
            overrides[slot] = o
        }

        if versionIssue == nil {
            if let version {
                if version.value != 1 {
                    versionIssue = FileIssue(file: file, line: version.line,
                                             message: "unsupported version \(version.value); this OrderDesk reads version 1")
                }
            } else {
                versionIssue = FileIssue(file: file, line: 1, message: "missing version = 1 at the top of the file")
            }
        }
        if let versionIssue { issues.append(versionIssue) }

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
        let theme = Theme(name: name ?? defaultName(file), description: description, background: background, styles: styles)
        return Parsed(theme: theme, issues: byLine(issues), versionIssue: versionIssue, base: base,
                      declaresBase: baseName != nil, definedSlots: definedSlots)
    }

    /// Issues in line order; on one line, in the order they were found (the reader's before the meaning's).
    static func byLine(_ issues: [FileIssue]) -> [FileIssue] {
        issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The slots a file must define, as issues: a theme without `base` is meant to be complete, so every slot
    /// it leaves out is reported (it would silently take the built-in dark default's colours, which may not
    /// suit its background). With `base = "default"` or `"mono"` the file only lists what it changes.
    ///
    /// Only `orderdesk theme check` asks this: at run time a missing slot just takes the base's style.
    static func missingSlotIssues(_ parsed: Parsed, file: String) -> [FileIssue] {
        guard !parsed.declaresBase else { return [] }
        // The advice once, on the first: repeated on thirty lines it would hide the other problems.
        return ThemeSlot.allCases.filter { !parsed.definedSlots.contains($0) }.enumerated().map { index, slot in
            FileIssue(file: file, line: 1, message: "missing slot [\(slot.rawValue)]" + (index > 0 ? "" : "; define every slot, or add "
                + "base = \"default\" (or \"mono\") to take the slots you leave out from that built-in theme"))
        }
    }

    /// Every problem `orderdesk theme check` reports, by line: what the loader warns about (unknown keys and
    /// tables, bad values, a missing or unknown version) plus the slots a theme without `base` leaves out.
    public static func check(_ text: String, file: String) -> [FileIssue] {
        let parsed = parseDetailed(text, file: file)
        return byLine(parsed.issues + missingSlotIssues(parsed, file: file))
    }

    /// The theme name a file gets when it declares none: its base name without `.toml`.
    static func defaultName(_ file: String) -> String {
        var base = file.split(separator: "/").last.map(String.init) ?? file
        if base.hasSuffix(".toml") { base.removeLast(5) }
        return base
    }

    /// Cuts a `#` comment, leaving `#` inside quoted strings alone ("#ff0000" is a colour).
    static func stripComment(_ line: String) -> String { TOMLSubset.stripComment(line) }

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
    static func parseColor(_ value: TOMLSubset.Value) -> Result<ThemeColor, TOMLSubset.ValueError> {
        let bad = TOMLSubset.ValueError("bad colour; use \"default\", a name like \"red\" or \"bright-blue\", 0–255, or \"#rrggbb\"")
        switch value {
        case .boolean, .array: return .failure(bad)
        case .integer(let n):
            guard (0...255).contains(n) else { return .failure(TOMLSubset.ValueError("colour index \(n) is outside 0–255")) }
            return .success(.indexed(UInt8(n)))
        case .string(let raw):
            let s = raw.lowercased()
            if s == "default" { return .success(.terminalDefault) }
            if let n = colorNames[s] { return .success(.indexed(n)) }
            if let n = Int(s), s.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard (0...255).contains(n) else { return .failure(TOMLSubset.ValueError("colour index \(n) is outside 0–255")) }
                return .success(.indexed(UInt8(n)))
            }
            if s.hasPrefix("#"), s.count == 7, s.dropFirst().allSatisfy(\.isHexDigit), let v = UInt32(s.dropFirst(), radix: 16) {
                return .success(.rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)))
            }
            return .failure(TOMLSubset.ValueError("unknown colour \"\(raw)\"; use \"default\", a name like \"red\" or \"bright-blue\", 0–255, or \"#rrggbb\""))
        }
    }
}
