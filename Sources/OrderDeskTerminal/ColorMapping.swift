import Foundation

/// Turns theme colours into what the terminal can show: truecolour → 256 → 16/8 → none.
///
/// For 256 colours, plain squared RGB distance to the cube and grey ramp (entries are close together).
/// For 8 and 16, the hue picks the family first: the basic palette is too coarse for distance alone.
public enum ColorMapping {
    /// The six channel levels of the xterm 6×6×6 colour cube (indexes 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The classic 16-colour palette as xterm draws it (0–7 normal, 8–15 bright).
    static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The nearest xterm 256-colour index: a cube entry (16–231) or a grey-ramp entry (232–255),
    /// whichever is closer; ties go to the cube, so black is 16 and white is 231.
    ///
    /// The 16 system colours are never chosen: terminals redefine them freely.
    public static func nearest256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        let (ri, gi, bi) = (cubeIndex(Int(r)), cubeIndex(Int(g)), cubeIndex(Int(b)))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let cubeDistance = distance(cube, (Int(r), Int(g), Int(b)))
        // Grey ramp: 232 + i is the level 8 + 10 i, i in 0...23.
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        let greyDistance = distance((grey, grey, grey), (Int(r), Int(g), Int(b)))
        if greyDistance < cubeDistance { return UInt8(232 + greyIndex) }
        return UInt8(16 + 36 * ri + 6 * gi + bi)
    }

    /// The nearest of the classic 16 ANSI colours (0–15): by hue for colours, by lightness for greys.
    public static func nearest16(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        nearest(in: 16, (Int(r), Int(g), Int(b)))
    }

    /// The nearest of the 8 basic ANSI colours (0–7): by hue for colours, black or white for greys.
    public static func nearest8(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        nearest(in: 8, (Int(r), Int(g), Int(b)))
    }

    /// The RGB value xterm shows for a palette index.
    public static func rgb(ofIndex index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        let i = Int(index)
        if i < 16 {
            let c = ansi16[i]
            return (UInt8(c.0), UInt8(c.1), UInt8(c.2))
        }
        if i >= 232 {
            let level = UInt8(8 + 10 * (i - 232))
            return (level, level, level)
        }
        let n = i - 16
        return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
    }

    /// The smallest number of colours a terminal reports for direct (24-bit) colour.
    public static let directColorThreshold = 1 << 24

    /// The colour number to hand ncurses for a terminal that reports `colors` colours; -1 is the terminal default.
    ///
    /// - `colors` < 8 (monochrome): always -1.
    /// - 8 or 16: indexes above the range and RGB go to the nearest basic colour.
    /// - 256 (up to 2^24): indexes pass through, RGB goes to the nearest cube or grey entry.
    /// - ≥ 2^24 (direct colour, e.g. `xterm-direct`): colours are packed 0xRRGGBB; indexes 0–7 stay
    ///   indexed (direct terminfo sends them as ANSI colours), so a packed value below 8 is raised to 8.
    public static func degrade(_ color: ThemeColor, colors: Int) -> Int32 {
        guard colors >= 8 else { return -1 }
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let n):
            if colors >= directColorThreshold {
                if n < 8 { return Int32(n) }
                let c = rgb(ofIndex: n)
                return packed(c.r, c.g, c.b)
            }
            if colors >= 256 || Int(n) < colors { return Int32(n) }
            let c = rgb(ofIndex: n)
            return degrade(.rgb(c.r, c.g, c.b), colors: colors)
        case .rgb(let r, let g, let b):
            if colors >= directColorThreshold { return packed(r, g, b) }
            if colors >= 256 { return Int32(nearest256(r: r, g: g, b: b)) }
            if colors >= 16 { return Int32(nearest16(r: r, g: g, b: b)) }
            return Int32(nearest8(r: r, g: g, b: b))
        }
    }

    /// True when `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public static func colorDisabledByEnvironment() -> Bool {
        colorDisabled(environment: ProcessInfo.processInfo.environment)
    }

    /// True when the given environment asks for no colour.
    public static func colorDisabled(environment: [String: String]) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return true }
        return false
    }

    private static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }

    private static func cubeIndex(_ v: Int) -> Int {
        // The cube's levels are 0, 95, then steps of 40; the midpoints between them decide.
        if v < 48 { return 0 }
        if v < 115 { return 1 }
        return min(5, (v - 35) / 40)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }

    private static func nearest(in count: Int, _ c: (Int, Int, Int)) -> UInt8 {
        // Plain RGB distance to xterm's palette sends pastels to white and mid grey to yellow,
        // so the hue picks the colour family and distance only chooses normal or bright (or black/grey/white).
        let high = max(c.0, c.1, c.2), low = min(c.0, c.1, c.2)
        let candidates: [Int]
        if high - low < 40 {
            candidates = [0, 7, 8, 15]
        } else {
            let family = hueFamily(c, high: high, low: low)
            candidates = [family, family + 8]
        }
        var best = 0
        var bestDistance = Int.max
        for i in candidates where i < count {
            let d = distance(ansi16[i], c)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return UInt8(best)
    }

    /// The ANSI colour (1–6) whose hue sector holds the colour: red, yellow, green, cyan, blue, magenta.
    private static func hueFamily(_ c: (Int, Int, Int), high: Int, low: Int) -> Int {
        let chroma = Double(high - low)
        let (r, g, b) = (Double(c.0), Double(c.1), Double(c.2))
        var hue: Double
        if high == c.0 {
            hue = 60 * ((g - b) / chroma)
        } else if high == c.1 {
            hue = 60 * ((b - r) / chroma + 2)
        } else {
            hue = 60 * ((r - g) / chroma + 4)
        }
        if hue < 0 { hue += 360 }
        // Sectors drawn by eye rather than 60° each: blue covers more of the circle than cyan
        // (0,95,175 is blue, not cyan), and lavender reads as magenta.
        switch hue {
        case 20..<75: return 3  // yellow, including orange
        case 75..<165: return 2  // green
        case 165..<205: return 6  // cyan
        case 205..<255: return 4  // blue
        case 255..<330: return 5  // magenta, purple
        default: return 1  // red
        }
    }
}
