/// A colour as a theme file writes it.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 palette entries (0–15 are the classic 16 colours).
    case indexed(UInt8)
    /// A truecolour value.
    case rgb(UInt8, UInt8, UInt8)
}

/// How a run of text looks: colours plus attributes that survive without colour.
public struct Style: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.underline = underline; self.reverse = reverse; self.dim = dim
    }

    public static let plain = Style()

    /// This style with the attributes of another added (used to lay a cursor bar over a state colour).
    public func adding(bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) -> Style {
        var s = self
        s.bold = s.bold || bold; s.underline = s.underline || underline
        s.reverse = s.reverse || reverse; s.dim = s.dim || dim
        return s
    }
}
