/// The kind of terminal background a theme is designed for, declared by a theme file's `background` key.
///
/// A theme that leaves a colour as "default" (the terminal's own) cannot know it; for the contrast check it is
/// taken to be xterm's: light grey #e5e5e5 on black for dark, black on white for light.
public enum ThemeBackground: String, Sendable, Equatable, CaseIterable {
    case dark, light

    /// The terminal's own foreground and background assumed for this kind of background.
    public var terminalColors: (foreground: (r: UInt8, g: UInt8, b: UInt8), background: (r: UInt8, g: UInt8, b: UInt8)) {
        switch self {
        case .dark: return ((0xe5, 0xe5, 0xe5), (0, 0, 0))
        case .light: return ((0, 0, 0), (0xff, 0xff, 0xff))
        }
    }
}

/// A named set of styles, one for each `ThemeSlot`.
public struct Theme: Sendable, Equatable {
    /// The theme's name, e.g. "default" (the file name without `.toml`).
    public var name: String
    /// A one-line description from the theme file.
    public var description: String
    /// The terminal background the theme is made for; it gives "default" colours a value in contrast checks.
    public var background: ThemeBackground
    /// True when the theme uses no colour at all (attributes only).
    public var isMonochrome: Bool {
        ThemeSlot.allCases.allSatisfy {
            let s = style($0)
            return s.foreground == .terminalDefault && s.background == .terminalDefault
        }
    }
    private var styles: [ThemeSlot: Style]

    /// A theme from explicit styles; slots not given use `fallback`'s (or `.plain` without one).
    public init(
        name: String, description: String = "", background: ThemeBackground = .dark, styles: [ThemeSlot: Style],
        fallback: Theme? = nil
    ) {
        self.name = name
        self.description = description
        self.background = background
        var all: [ThemeSlot: Style] = [:]
        for slot in ThemeSlot.allCases { all[slot] = styles[slot] ?? fallback?.style(slot) ?? .plain }
        self.styles = all
    }

    /// The style for a slot.
    public func style(_ slot: ThemeSlot) -> Style { styles[slot] ?? .plain }

    /// This theme with one slot's style replaced.
    public func with(_ slot: ThemeSlot, _ style: Style) -> Theme {
        var copy = self
        copy.styles[slot] = style
        return copy
    }
}

extension Theme {
    /// The dark default theme; the same values as `themes/default.toml`, used when no file is found.
    public static let builtInDefault: Theme = {
        func fg(_ n: UInt8, bold: Bool = false, underline: Bool = false, dim: Bool = false) -> Style {
            Style(foreground: .indexed(n), bold: bold, underline: underline, dim: dim)
        }
        func on(_ f: UInt8, _ b: UInt8, bold: Bool = false, underline: Bool = false) -> Style {
            Style(foreground: .indexed(f), background: .indexed(b), bold: bold, underline: underline)
        }
        let styles: [ThemeSlot: Style] = [
            .body: .plain,
            .title: fg(15, bold: true),
            .tab: fg(250),
            .tabActive: on(0, 75, bold: true),
            .tableHeader: fg(75, bold: true, underline: true),
            .tableCursor: on(231, 25, bold: true),
            .tableSelection: on(231, 238),
            .statusLine: on(252, 236),
            .statusLineKey: on(221, 236, bold: true),
            .dialog: on(252, 235),
            .dialogTitle: on(231, 235, bold: true),
            .dialogBorder: on(75, 235),
            .field: on(252, 237),
            .fieldFocus: on(231, 24, underline: true),
            .ok: fg(114),
            .warning: fg(221),
            .danger: fg(203, bold: true),
            .muted: fg(244),
            .accent: fg(81),
            .stateDraft: fg(250),
            .stateSubmitted: fg(117),
            .statePending: fg(221),
            .stateHeld: fg(214, bold: true),
            .stateInProgress: fg(75),
            .stateScheduled: fg(141),
            .stateNotDone: fg(203, bold: true),
            .stateInstalled: fg(114),
            .stateBilled: Style(foreground: .rgb(0x5f, 0xd7, 0xaf)),
            .stateCancelled: fg(244),
            .stateRejected: fg(196, bold: true, underline: true),
        ]
        return Theme(name: "default", description: "Dark, for terminals with a dark background", styles: styles)
    }()

    /// The monochrome theme: no colour at all, every slot told apart by bold, underline, reverse or dim.
    ///
    /// Used for `NO_COLOR`, terminals without colour, and `--theme mono`; the same values as `themes/mono.toml`.
    public static let builtInMono: Theme = {
        let bold = Style(bold: true), dim = Style(dim: true), underline = Style(underline: true)
        let reverse = Style(reverse: true)
        let danger = Style(bold: true, underline: true)
        let styles: [ThemeSlot: Style] = [
            .body: .plain,
            .title: bold,
            .tab: .plain,
            .tabActive: Style(bold: true, reverse: true),
            .tableHeader: danger,  // bold + underline
            .tableCursor: reverse,
            .tableSelection: bold,
            .statusLine: reverse,
            .statusLineKey: Style(bold: true, reverse: true),
            .dialog: .plain,
            .dialogTitle: bold,
            .dialogBorder: .plain,
            .field: underline,
            .fieldFocus: reverse,
            .ok: .plain,
            .warning: bold,
            .danger: danger,
            .muted: dim,
            .accent: underline,
            .stateDraft: dim,
            .stateSubmitted: .plain,
            .statePending: bold,
            .stateHeld: bold,
            .stateInProgress: .plain,
            .stateScheduled: underline,
            .stateNotDone: danger,
            .stateInstalled: .plain,
            .stateBilled: .plain,
            .stateCancelled: dim,
            .stateRejected: danger,
        ]
        return Theme(name: "mono", description: "No colour: bold, underline, reverse and dim only", styles: styles)
    }()
}
