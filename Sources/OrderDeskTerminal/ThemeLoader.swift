import Foundation

/// Finds theme files on disk and loads one by name; a missing or broken theme never stops the program.
public enum ThemeLoader {
    /// Where themes are looked for, first match wins:
    /// `$XDG_CONFIG_HOME/orderdesk/themes` (default `~/.config`), each entry of `$ORDERDESK_THEMES`
    /// (colon-separated), the nearest `themes/` holding `default.toml` above the executable (so
    /// `swift run` and `.build/debug/orderdesk` find the repository's), then the system share folders.
    public static func searchDirectories(environment: [String: String], executablePath: String) -> [String] {
        var directories: [String] = []
        if let own = ConfigDirectory.themesDirectory(environment: environment) { directories.append(own) }
        if let extra = environment["ORDERDESK_THEMES"] {
            directories += extra.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        if let repository = themesAboveExecutable(executablePath) { directories.append(repository) }
        directories += ["/usr/local/share/orderdesk/themes", "/usr/share/orderdesk/themes"]
        var seen: Set<String> = []
        return directories.filter { seen.insert($0).inserted }
    }

    /// Loads the theme `name` (or a path to a `.toml` file) from the first directory that has it.
    ///
    /// Falls back to a built-in theme — `builtInMono` for "mono" or a file based on mono,
    /// `builtInDefault` otherwise — when the file is missing, unreadable, or of an unknown version.
    /// Other problems keep the rest of the file and are reported as `file:line: message` warnings.
    public static func load(name: String, directories: [String]) -> (theme: Theme, warnings: [String]) {
        let builtIn = name == "mono" ? Theme.builtInMono : Theme.builtInDefault
        let candidates: [String]
        if name.contains("/") || name.hasSuffix(".toml") {
            candidates = [name]
        } else {
            candidates = directories.map { $0 + "/" + name + ".toml" }
        }
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            // The built-in default and mono are the shipped files' values, so their absence is no news.
            if name == "default" || name == "mono" { return (builtIn, []) }
            let looked = candidates.isEmpty ? "no theme directories" : candidates.joined(separator: ", ")
            return (builtIn, ["theme '\(name)' not found (looked in \(looked)); using the built-in \(builtIn.name) theme"])
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (builtIn, ["\(path):1: cannot read the theme as UTF-8 text; using the built-in \(builtIn.name) theme"])
        }
        let parsed = ThemeFile.parseDetailed(text, file: path)
        var warnings = parsed.issues.map(\.description)
        if !parsed.versionUnderstood {
            let fallback = parsed.base == Theme.builtInMono || name == "mono" ? Theme.builtInMono : Theme.builtInDefault
            warnings.append("\(path): theme ignored; using the built-in \(fallback.name) theme")
            return (fallback, warnings)
        }
        return (parsed.theme, warnings)
    }

    /// The theme `name` with its warnings, or nil when it cannot be used (missing, unreadable, or of an
    /// unknown version): for switching themes at run time, where the current theme should then stay.
    public static func loadIfUsable(name: String, directories: [String]) -> (theme: Theme, warnings: [String])? {
        let (theme, warnings) = load(name: name, directories: directories)
        // load's fallbacks always end with the built-in theme it chose instead.
        if let last = warnings.last, last.hasSuffix("using the built-in \(theme.name) theme"), theme == .builtInDefault || theme == .builtInMono {
            return nil
        }
        return (theme, warnings)
    }

    /// The names of all themes found in the directories, plus the built-in ones, sorted.
    public static func availableThemes(directories: [String]) -> [String] {
        var names: Set<String> = ["default", "mono"]
        for directory in directories {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries where entry.hasSuffix(".toml") && !entry.hasPrefix(".") {
                names.insert(String(entry.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// Walks up from the executable's folder to the first `themes/` that holds `default.toml`.
    static func themesAboveExecutable(_ executablePath: String) -> String? {
        guard !executablePath.isEmpty else { return nil }
        var path = executablePath.hasPrefix("/")
            ? executablePath : FileManager.default.currentDirectoryPath + "/" + executablePath
        var components = path.split(separator: "/").map(String.init)
        guard !components.isEmpty else { return nil }
        components.removeLast()  // the executable itself
        while true {
            path = "/" + components.joined(separator: "/")
            let themes = (components.isEmpty ? "" : path) + "/themes"
            if FileManager.default.fileExists(atPath: themes + "/default.toml") { return themes }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }
}

extension ThemeLoader {
    /// Where a listed theme comes from.
    public enum Origin: String, Sendable {
        /// The user's own folder, `$XDG_CONFIG_HOME/orderdesk/themes`.
        case user = "your folder"
        /// A file shipped with OrderDesk (or found through `$ORDERDESK_THEMES`).
        case shipped
        /// Compiled in: no file of that name was found.
        case builtIn = "built-in"
    }

    /// One theme as `orderdesk theme list` shows it.
    public struct Listing: Sendable, Equatable {
        public var name: String
        public var description: String
        /// The file that wins; nil for a built-in theme.
        public var path: String?
        public var origin: Origin
        /// The files of the same name that this one hides (a user theme over a shipped one).
        public var overrides: [String]
    }

    /// Every theme the directories hold, plus the built-in ones no file replaces, sorted by name.
    /// The first directory that holds a name wins, as in `load`; `userDirectory` marks the user's own.
    public static func listing(directories: [String], userDirectory: String?) -> [Listing] {
        var found: [String: [String]] = [:]  // name → paths, in search order
        for directory in directories {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries.sorted() where entry.hasSuffix(".toml") && !entry.hasPrefix(".") {
                found[String(entry.dropLast(5)), default: []].append(directory + "/" + entry)
            }
        }
        var listings: [Listing] = []
        for name in availableThemes(directories: directories) {
            guard let paths = found[name], let path = paths.first else {
                let theme = name == "mono" ? Theme.builtInMono : Theme.builtInDefault
                listings.append(Listing(name: name, description: theme.description, path: nil, origin: .builtIn, overrides: []))
                continue
            }
            let (theme, _) = load(name: path, directories: [])
            let inUserFolder = userDirectory.map { path.hasPrefix($0 + "/") } ?? false
            listings.append(Listing(name: name, description: theme.description, path: path,
                                    origin: inUserFolder ? .user : .shipped, overrides: Array(paths.dropFirst())))
        }
        return listings
    }
}
