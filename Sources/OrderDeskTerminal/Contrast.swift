import Foundation

/// WCAG 2 contrast of the colour pairs a theme draws, so themes can be held to a readable minimum.
///
/// What is measured: for each slot, its foreground over its own background. A "default" background is the
/// body's background (the screen is cleared with it), and where that is "default" too, the terminal's own
/// as `Theme.background` assumes it; a "default" foreground is the terminal's own foreground. Reverse swaps
/// the two. Palette indexes count as the colour xterm shows for them (`ColorMapping.rgb(ofIndex:)`).
public enum Contrast {
    /// An sRGB colour, 0–255 a channel.
    public typealias RGB = (r: UInt8, g: UInt8, b: UInt8)

    /// One slot's measured pair.
    public struct Pair: Sendable {
        public var slot: ThemeSlot
        public var foreground: RGB
        public var background: RGB
        /// The WCAG 2 contrast ratio, 1–21.
        public var ratio: Double
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    public static func luminance(_ c: RGB) -> Double {
        func channel(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }

    /// The WCAG 2 contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter.
    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// The colour a theme colour stands for; nil for "default".
    public static func rgb(_ color: ThemeColor) -> RGB? {
        switch color {
        case .terminalDefault: return nil
        case .indexed(let i): return ColorMapping.rgb(ofIndex: i)
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }

    /// Every slot's pair as the desk draws it, in `ThemeSlot` order.
    public static func pairs(of theme: Theme) -> [Pair] {
        let terminal = theme.background.terminalColors
        let screen = rgb(theme.style(.body).background) ?? terminal.background
        return ThemeSlot.allCases.map { slot in
            let style = theme.style(slot)
            var fg = rgb(style.foreground) ?? terminal.foreground
            var bg = rgb(style.background) ?? screen
            if style.reverse { swap(&fg, &bg) }
            return Pair(slot: slot, foreground: fg, background: bg, ratio: ratio(fg, bg))
        }
    }
}
