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
    /// `builtInDefault` otherwise — when the file is missing, unreadable, or of an unknown version, with the
    /// reason as the one warning. Other problems keep the rest of the file and are reported as
    /// `file:line: message` warnings. For start-up, where some theme must always be drawn.
    public static func load(name: String, directories: [String]) -> (theme: Theme, warnings: [String]) {
        let (result, fallback) = resolve(name: name, directories: directories)
        switch result {
        case .success(let loaded):
            return (loaded.theme, loaded.warnings)
        case .failure(let reason):
            let why = if case .notFound = reason { "theme '\(name)' \(reason.sentence)" } else { reason.sentence }
            return (fallback, ["\(why); using the built-in \(fallback.name) theme"])
        }
    }

    /// The theme `name` with its warnings, or why it cannot be used at all: for switching themes at run time,
    /// where the current theme then stays and the reason is shown.
    public static func loadIfUsable(name: String, directories: [String]) -> Result<LoadedTheme, ThemeUnusable> {
        resolve(name: name, directories: directories).result
    }

    /// Finds and parses `name`; `fallback` is the built-in theme to draw when the result is a failure.
    private static func resolve(name: String, directories: [String])
        -> (result: Result<LoadedTheme, ThemeUnusable>, fallback: Theme) {
        var fallback = name == "mono" ? Theme.builtInMono : Theme.builtInDefault
        let candidates: [String]
        if name.contains("/") || name.hasSuffix(".toml") {
            candidates = [name]
        } else {
            candidates = directories.map { $0 + "/" + name + ".toml" }
        }
        // The first file that exists wins, readable or not: skipping an unreadable file of the user's for a
        // shipped one of the same name would hide why their theme is not the one drawn.
        var isFolder: ObjCBool = false
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) }) else {
            // The built-in default and mono are the shipped files' values, so their absence is no news.
            if name == "default" || name == "mono" { return (.success(LoadedTheme(theme: fallback, warnings: [])), fallback) }
            return (.failure(.notFound(name: name, looked: candidates)), fallback)
        }
        if isFolder.boolValue { return (.failure(.unreadable(path: path, why: "it is a folder")), fallback) }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            return (.failure(.unreadable(path: path, why: "permission denied")), fallback)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (.failure(.unreadable(path: path, why: "it is not UTF-8 text")), fallback)
        }
        let parsed = ThemeFile.parseDetailed(text, file: path)
        if let versionIssue = parsed.versionIssue {
            if parsed.base == Theme.builtInMono { fallback = .builtInMono }
            return (.failure(.unsupportedVersion(versionIssue)), fallback)
        }
        return (.success(LoadedTheme(theme: parsed.theme, warnings: parsed.issues.map(\.description))), fallback)
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

/// A theme file that was found and read, with the problems that did not stop it (`file:line: message`).
public struct LoadedTheme: Sendable, Equatable {
    /// The theme as read, with the base theme's styles where the file says nothing.
    public var theme: Theme
    /// Each problem that was skipped, as `file:line: message`.
    public var warnings: [String]

    /// A theme and the problems met while reading it.
    public init(theme: Theme, warnings: [String]) {
        self.theme = theme; self.warnings = warnings
    }
}

/// Why a theme cannot be used at all, so the one drawn now stays (at run time) or a built-in one is drawn.
public enum ThemeUnusable: Error, Sendable, Equatable {
    /// No file of that name: `looked` holds every path tried, in search order (empty: no folders to look in).
    case notFound(name: String, looked: [String])
    /// The file is there but cannot be read; `why` says what is wrong with it.
    case unreadable(path: String, why: String)
    /// The file's `version` is missing, not an integer, or not one this OrderDesk reads; the issue has its line.
    case unsupportedVersion(FileIssue)

    /// The reason with the file and, where there is one, its line; a missing theme's starts "not found" (the
    /// caller names the theme).
    public var sentence: String {
        switch self {
        case let .notFound(name, looked):
            if looked.isEmpty { return "not found: there are no theme folders to look in" }
            if looked.count == 1 { return "not found: no file \(looked[0])" }
            let folders = looked.map { ($0 as NSString).deletingLastPathComponent }
            return "not found: no \(name).toml in \(folders.joined(separator: ", "))"
        case let .unreadable(path, why):
            return "\(path): cannot read the theme: \(why)"
        case let .unsupportedVersion(issue):
            return issue.description
        }
    }
}
