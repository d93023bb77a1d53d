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
