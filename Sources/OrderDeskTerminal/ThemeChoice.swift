/// Which theme the desk opens with: `--theme`, then `config.toml`'s `theme`, then "default";
/// a non-empty `NO_COLOR` forces "mono" whatever was chosen (https://no-color.org).
public enum ThemeChoice {
    /// The theme name to load. `flag` is `--theme`, `config` the config file's `theme`.
    public static func name(flag: String?, config: String?, environment: [String: String]) -> String {
        if ColorMapping.colorDisabled(environment: environment) { return "mono" }
        if let flag, !flag.isEmpty { return flag }
        if let config, !config.isEmpty { return config }
        return "default"
    }
}
