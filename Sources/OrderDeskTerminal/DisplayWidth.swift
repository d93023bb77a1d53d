/// How many terminal cells text takes, from our own tables, so layout never depends on the locale.
///
/// Rules per grapheme cluster: 0 for controls and clusters made only of marks and format
/// characters (Mn, Me, Cf: combining accents, ZWJ, U+200B); 2 for East Asian Wide/Fullwidth
/// scripts and for emoji presentation (or any cluster with VS16, U+FE0F); 1 otherwise.
public enum DisplayWidth {
    /// The display width of a string in cells.
    public static func of(_ s: String) -> Int {
        // Fast path: printable ASCII is one cell a byte, and most of a screen is ASCII.
        var printableASCII = true
        for byte in s.utf8 where byte < 0x20 || byte >= 0x7F {
            printableASCII = false
            break
        }
        if printableASCII { return s.utf8.count }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// The display width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        if c.isASCII {
            // An ASCII cluster is one scalar, or "\r\n".
            guard let v = c.asciiValue else { return 0 }
            return v >= 0x20 && v < 0x7F ? 1 : 0
        }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isControl(first.value) { return 0 }
        var allZeroWidth = true
        for scalar in scalars {
            if scalar.value == 0xFE0F { return 2 }
            if allZeroWidth && !isZeroWidth(scalar) { allZeroWidth = false }
        }
        if allZeroWidth { return 0 }
        if first.properties.isEmojiPresentation { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// Cuts text to at most `width` cells, ending with "…" when something was cut.
    ///
    /// Never splits a wide character: when one does not fit before the ellipsis, a space takes its place,
    /// so a cut result is exactly `width` cells.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let budget = width - 1  // one cell for the ellipsis
        var result = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            result.append(c)
            used += w
        }
        if used < budget { result += String(repeating: " ", count: budget - used) }
        result.append("…")
        return result
    }

    /// Truncates, then pads with spaces to exactly `width` cells (on the left when `alignRight`).
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let missing = width - of(cut)
        guard missing > 0 else { return cut }
        let spaces = String(repeating: " ", count: missing)
        return alignRight ? spaces + cut : cut + spaces
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    /// Marks and format characters that take no cell of their own.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth ranges (from Unicode's EastAsianWidth.txt, coarsened to blocks).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2E80...0x303E,  // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,  // CJK unified ideographs extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi syllables and radicals
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G and later
    ]
}
