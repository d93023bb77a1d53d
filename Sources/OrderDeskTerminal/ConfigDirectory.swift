/// Where a user's own OrderDesk files live: `$XDG_CONFIG_HOME/orderdesk`, or `~/.config/orderdesk`.
public enum ConfigDirectory {
    /// The folder, or nil when neither `XDG_CONFIG_HOME` (absolute) nor `HOME` is set.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/orderdesk" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/orderdesk" }
        return nil
    }

    /// `config.toml`: the theme and whether the mouse is on.
    public static func configFile(environment: [String: String]) -> String? {
        path(environment: environment).map { $0 + "/config.toml" }
    }

    /// `keys.toml`: key bindings by command name and context.
    public static func keysFile(environment: [String: String]) -> String? {
        path(environment: environment).map { $0 + "/keys.toml" }
    }

    /// `themes/`: the user's own themes, which override shipped ones of the same name.
    public static func themesDirectory(environment: [String: String]) -> String? {
        path(environment: environment).map { $0 + "/themes" }
    }
}
