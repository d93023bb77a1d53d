/// How many colours the desk may use, decided from what the terminal reports rather than from its name.
///
/// The decision is a pure function so it can be tested without a terminal: `NcursesTerminal.start` feeds it
/// ncurses' `has_colors()`, `COLORS`, the terminfo `RGB` flag and `NO_COLOR`.
public enum ColorDepth: Equatable, Sendable, CaseIterable {
    /// No colour: attributes only (bold, underline, reverse, dim).
    case monochrome
    /// The 8 ANSI colours.
    case basic8
    /// The 8 ANSI colours and their bright variants.
    case basic16
    /// The xterm 256-colour palette.
    case palette256
    /// 24-bit colour, sent as packed 0xRRGGBB values through a direct-colour terminfo entry.
    case direct

    /// The colour count `ColorMapping.degrade` expects for this depth; 0 for monochrome.
    public var colorCount: Int {
        switch self {
        case .monochrome: return 0
        case .basic8: return 8
        case .basic16: return 16
        case .palette256: return 256
        case .direct: return ColorMapping.directColorThreshold
        }
    }

    /// The depth for a terminal.
    ///
    /// - `noColor` (a non-empty `NO_COLOR`) or a terminal without colours (`has_colors()` false, or fewer
    ///   than 8): monochrome.
    /// - Direct colour only when terminfo both reports 2^24 colours and sets the `RGB` flag: only then does
    ///   ncurses pack colour numbers as RGB. `COLORTERM` alone never turns it on (see `directTerminalNames`).
    /// - Otherwise the largest of 256, 16 and 8 that `COLORS` reaches (88-colour terminals use 16).
    public static func decide(noColor: Bool, hasColors: Bool, colors: Int, rgbFlag: Bool) -> ColorDepth {
        if noColor || !hasColors || colors < 8 { return .monochrome }
        if colors >= ColorMapping.directColorThreshold && rgbFlag { return .direct }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .basic16 }
        return .basic8
    }

    /// The terminfo entries to try before `$TERM` itself, so a terminal that says it does truecolour gets it.
    ///
    /// `COLORTERM=truecolor` or `24bit` is the de facto way terminals announce 24-bit colour, but ncurses only
    /// sends it through a direct-colour entry (`xterm-direct`, `tmux-direct`…). For `xterm-256color` the
    /// candidate is `xterm-direct`; a `TERM` that is already direct, `NO_COLOR`, or no `COLORTERM` gives none.
    /// The caller tries each with `newterm` and keeps `$TERM` when none exists on the machine.
    public static func directTerminalNames(term: String, colorTerm: String?, noColor: Bool) -> [String] {
        guard !noColor, !term.isEmpty, !term.contains("-direct") else { return [] }
        let announced = (colorTerm ?? "").lowercased()
        guard announced == "truecolor" || announced == "24bit" else { return [] }
        var base = term
        for suffix in ["-256color", "-88color", "-16color", "-color"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        return [base + "-direct"]
    }
}
