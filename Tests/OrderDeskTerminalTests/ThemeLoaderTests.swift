import Foundation
import Testing

@testable import OrderDeskTerminal

@Suite("Theme loader")
struct ThemeLoaderTests {
    /// A fresh temporary folder, removed by the caller.
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("orderdesk-themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func searchOrder() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("version = 1\n", to: root + "/repo/themes/default.toml")
        let executable = root + "/repo/.build/debug/orderdesk"
        let dirs = ThemeLoader.searchDirectories(
            environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u", "ORDERDESK_THEMES": "/a:/b"],
            executablePath: executable)
        #expect(dirs == [
            "/xdg/orderdesk/themes", "/a", "/b", root + "/repo/themes",
            "/usr/local/share/orderdesk/themes", "/usr/share/orderdesk/themes",
        ])
        let noXDG = ThemeLoader.searchDirectories(environment: ["HOME": "/home/u"], executablePath: "/nowhere/bin/x")
        #expect(noXDG.first == "/home/u/.config/orderdesk/themes")
        #expect(!noXDG.contains { $0.hasSuffix("/nowhere/themes") })
    }

    @Test func theRepositoryThemesAreFoundFromTheBuildFolder() {
        let fakeExecutable = (repositoryThemes as NSString).deletingLastPathComponent + "/.build/debug/orderdesk"
        let dirs = ThemeLoader.searchDirectories(environment: [:], executablePath: fakeExecutable)
        #expect(dirs.contains(repositoryThemes))
        let names = ThemeLoader.availableThemes(directories: [repositoryThemes])
        #expect(names == ["colorblind", "default", "high-contrast", "light", "mono"])
    }

    @Test func firstDirectoryWins() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("version = 1\nname = \"mine\"\n[title]\nfg = 1\n", to: root + "/user/ocean.toml")
        try write("version = 1\nname = \"theirs\"\n", to: root + "/system/ocean.toml")
        let (theme, warnings) = ThemeLoader.load(name: "ocean", directories: [root + "/user", root + "/system"])
        #expect(warnings.isEmpty)
        #expect(theme.name == "mine")
        #expect(theme.style(.title).foreground == .indexed(1))
        #expect(ThemeLoader.availableThemes(directories: [root + "/user", root + "/system", root + "/none"])
            == ["default", "mono", "ocean"])
    }

    @Test func missingThemeFallsBackWithAWarning() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (theme, warnings) = ThemeLoader.load(name: "ocean", directories: [root])
        #expect(theme == Theme.builtInDefault)
        #expect(warnings.count == 1 && warnings[0].contains("ocean"))
        let (mono, monoWarnings) = ThemeLoader.load(name: "mono", directories: [root])
        #expect(mono == Theme.builtInMono && monoWarnings.isEmpty)
        let (fallback, none) = ThemeLoader.load(name: "default", directories: [])
        #expect(fallback == Theme.builtInDefault && none.isEmpty)
    }

    @Test func brokenThemeFallsBackNamingFileAndLine() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("name = \"x\"\n[title]\nfg = 1\n", to: root + "/noversion.toml")
        try write("version = 1\n[title]\nfg = \"mauve\"\n", to: root + "/badvalue.toml")
        try write("version = 7\nbase = \"mono\"\n", to: root + "/future.toml")

        let (a, aw) = ThemeLoader.load(name: "noversion", directories: [root])
        #expect(a == Theme.builtInDefault)
        #expect(aw == [root + "/noversion.toml:1: missing version = 1 at the top of the file; using the built-in default theme"])

        let (b, bw) = ThemeLoader.load(name: "badvalue", directories: [root])
        #expect(b.style(.title) == Theme.builtInDefault.style(.title))
        #expect(bw.count == 1 && bw[0].hasPrefix(root + "/badvalue.toml:3: "))

        let (c, cw) = ThemeLoader.load(name: root + "/future.toml", directories: [])
        #expect(c == Theme.builtInMono)  // a mono-based theme stays mono
        #expect(cw.first?.hasPrefix(root + "/future.toml:1: unsupported version 7") == true)
    }

    /// A theme in `$XDG_CONFIG_HOME/orderdesk/themes` beats the shipped one of the same name, and is listed so.
    @Test func theUsersFolderOverridesShippedThemes() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("version = 1\nbase = \"default\"\nbackground = \"light\"\ndescription = \"My light\"\n[title]\nfg = 52\n",
                  to: root + "/orderdesk/themes/light.toml")
        try write("version = 1\nbase = \"mono\"\ndescription = \"Mine only\"\n", to: root + "/orderdesk/themes/mine.toml")
        let fakeExecutable = (repositoryThemes as NSString).deletingLastPathComponent + "/.build/debug/orderdesk"
        let environment = ["XDG_CONFIG_HOME": root, "HOME": "/nonexistent"]
        let directories = ThemeLoader.searchDirectories(environment: environment, executablePath: fakeExecutable)
        #expect(directories.first == root + "/orderdesk/themes")

        let (light, warnings) = ThemeLoader.load(name: "light", directories: directories)
        #expect(warnings.isEmpty)
        #expect(light.description == "My light" && light.style(.title).foreground == .indexed(52))
        // Other shipped themes are still found.
        let (colorblind, _) = ThemeLoader.load(name: "colorblind", directories: directories)
        #expect(colorblind.name == "colorblind")

        let listing = ThemeLoader.listing(directories: directories, userDirectory: ConfigDirectory.themesDirectory(environment: environment))
        #expect(listing.map(\.name) == ["colorblind", "default", "high-contrast", "light", "mine", "mono"])
        let mine = try #require(listing.first { $0.name == "light" })
        #expect(mine.origin == .user && mine.path == root + "/orderdesk/themes/light.toml")
        #expect(mine.overrides == [repositoryThemes + "/light.toml"])
        let shipped = try #require(listing.first { $0.name == "high-contrast" })
        #expect(shipped.origin == .shipped && shipped.overrides.isEmpty && shipped.description.hasPrefix("Bright colours"))
        #expect(listing.first { $0.name == "mine" }?.origin == .user)
    }

    @Test func builtInsAreListedWhenNoFileHasThem() {
        let listing = ThemeLoader.listing(directories: [], userDirectory: nil)
        #expect(listing.map(\.name) == ["default", "mono"])
        #expect(listing.allSatisfy { $0.origin == .builtIn && $0.path == nil })
    }

    /// `:theme NAME` keeps the current theme when the new one cannot be used, but applies one with warnings.
    @Test func loadIfUsable() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("version = 1\n[title]\nfg = \"mauve\"\n", to: root + "/partial.toml")
        let partial = try ThemeLoader.loadIfUsable(name: "partial", directories: [root]).get()
        #expect(partial.theme.name == "partial" && partial.warnings.count == 1)
        #expect(try ThemeLoader.loadIfUsable(name: "default", directories: []).get() == LoadedTheme(theme: .builtInDefault, warnings: []))
        #expect(try ThemeLoader.loadIfUsable(name: "mono", directories: []).get().theme == .builtInMono)
    }

    /// A missing theme says every place it looked, in search order.
    @Test func notFoundSaysWhereItLooked() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reason = ThemeLoader.loadIfUsable(name: "nowhere", directories: [root + "/a", root + "/b"])
        #expect(reason == .failure(.notFound(name: "nowhere", looked: [root + "/a/nowhere.toml", root + "/b/nowhere.toml"])))
        #expect(failure(reason)?.sentence == "not found: no nowhere.toml in \(root)/a, \(root)/b")
        let path = ThemeLoader.loadIfUsable(name: root + "/x.toml", directories: [root])
        #expect(failure(path)?.sentence == "not found: no file \(root)/x.toml")
        #expect(failure(ThemeLoader.loadIfUsable(name: "x", directories: []))?.sentence
                == "not found: there are no theme folders to look in")
        // At start-up the same reason comes with the theme drawn instead.
        #expect(ThemeLoader.load(name: "nowhere", directories: [root]).warnings
                == ["theme 'nowhere' not found: no file \(root)/nowhere.toml; using the built-in default theme"])
    }

    /// A file that is there but cannot be read is named with what is wrong, not reported as missing, and a
    /// later folder's file of the same name does not silently replace it.
    @Test func unreadableSaysWhy() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("version = 1\n", to: root + "/later/locked.toml")
        try write("version = 1\n", to: root + "/first/locked.toml")
        chmod(root + "/first/locked.toml", 0)
        let locked = ThemeLoader.loadIfUsable(name: "locked", directories: [root + "/first", root + "/later"])
        if getuid() != 0 {  // root reads any file
            #expect(locked == .failure(.unreadable(path: root + "/first/locked.toml", why: "permission denied")))
        }
        try FileManager.default.createDirectory(atPath: root + "/first/folder.toml", withIntermediateDirectories: true)
        #expect(ThemeLoader.loadIfUsable(name: "folder", directories: [root + "/first"])
                == .failure(.unreadable(path: root + "/first/folder.toml", why: "it is a folder")))
        try Data([0x76, 0xff, 0xfe, 0x0a]).write(to: URL(fileURLWithPath: root + "/first/latin.toml"))
        let latin = ThemeLoader.loadIfUsable(name: "latin", directories: [root + "/first"])
        #expect(failure(latin)?.sentence == "\(root)/first/latin.toml: cannot read the theme: it is not UTF-8 text")
    }

    /// An unknown, missing or non-integer version names the file and the line of the version.
    @Test func unsupportedVersionNamesFileAndLine() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("# a theme from the future\nversion = 9\n[title]\nfg = 1\n", to: root + "/future.toml")
        try write("name = \"x\"\n", to: root + "/none.toml")
        try write("\nversion = \"one\"\n", to: root + "/text.toml")
        try write("version = -2\n", to: root + "/negative.toml")
        func sentence(_ name: String) -> String? { failure(ThemeLoader.loadIfUsable(name: name, directories: [root]))?.sentence }
        #expect(sentence("future") == "\(root)/future.toml:2: unsupported version 9; this OrderDesk reads version 1")
        #expect(sentence("none") == "\(root)/none.toml:1: missing version = 1 at the top of the file")
        #expect(sentence("text") == "\(root)/text.toml:2: version must be the integer 1")
        #expect(sentence("negative") == "\(root)/negative.toml:1: unsupported version -2; this OrderDesk reads version 1")
    }

    func failure(_ result: Result<LoadedTheme, ThemeUnusable>) -> ThemeUnusable? {
        if case .failure(let reason) = result { return reason }
        return nil
    }
}
