import Testing

@testable import OrderDeskTerminal

/// How many colours to use, from what terminfo reports — never from the TERM name.
@Suite("Colour depth")
struct ColorDepthTests {
    /// (NO_COLOR, has_colors, COLORS, RGB flag) → depth.
    @Test(arguments: [
        (false, true, 8, false, ColorDepth.basic8),  // xterm, screen
        (false, true, 16, false, .basic16),  // xterm-16color
        (false, true, 88, false, .basic16),  // rxvt-88color: not the 256 palette
        (false, true, 256, false, .palette256),  // xterm-256color, tmux-256color
        (false, true, 256, true, .palette256),  // an RGB flag without 2^24 colours: ncurses would not pack
        (false, true, 1 << 24, true, .direct),  // xterm-direct
        (false, true, 1 << 24, false, .palette256),  // 2^24 without RGB: ncurses cannot pack, stay indexed
        (false, false, 0, false, .monochrome),  // vt100
        (false, true, 2, false, .monochrome),  // fewer than 8 is not worth a pair
        (true, true, 256, false, .monochrome),  // NO_COLOR wins
        (true, true, 1 << 24, true, .monochrome),
    ] as [(Bool, Bool, Int, Bool, ColorDepth)])
    func decision(noColor: Bool, hasColors: Bool, colors: Int, rgb: Bool, expected: ColorDepth) {
        #expect(ColorDepth.decide(noColor: noColor, hasColors: hasColors, colors: colors, rgbFlag: rgb) == expected)
    }

    @Test func colourCountsFeedTheMapping() {
        #expect(ColorDepth.allCases.map(\.colorCount) == [0, 8, 16, 256, 1 << 24])
        #expect(ColorMapping.degrade(.rgb(255, 0, 0), colors: ColorDepth.monochrome.colorCount) == -1)
        #expect(ColorMapping.degrade(.rgb(255, 0, 0), colors: ColorDepth.direct.colorCount) == 0xFF0000)
    }

    /// COLORTERM asks for a direct-colour terminfo entry; TERM alone never does.
    @Test(arguments: [
        ("xterm-256color", "truecolor", false, ["xterm-direct"]),
        ("xterm-256color", "24bit", false, ["xterm-direct"]),
        ("tmux-256color", "TrueColor", false, ["tmux-direct"]),
        ("xterm", "truecolor", false, ["xterm-direct"]),
        ("xterm-direct", "truecolor", false, []),  // already direct
        ("xterm-256color", nil, false, []),  // no announcement: keep TERM
        ("xterm-256color", "yes", false, []),
        ("xterm-256color", "truecolor", true, []),  // NO_COLOR
        ("", "truecolor", false, []),
    ] as [(String, String?, Bool, [String])])
    func directTerminal(term: String, colorTerm: String?, noColor: Bool, expected: [String]) {
        #expect(ColorDepth.directTerminalNames(term: term, colorTerm: colorTerm, noColor: noColor) == expected)
    }
}

/// Known truecolour values and the palette entries they must degrade to (xterm's palette: the 6×6×6 cube at
/// 16–231 with levels 0, 95, 135, 175, 215, 255; greys 232–255 at 8 + 10 n; the basic 16 as xterm draws them).
@Suite("Colour degradation table")
struct DegradationTableTests {
    /// (#rrggbb, 256-colour index, 16-colour index, 8-colour index)
    @Test(arguments: [
        (0xff0000, 196, 9, 1),
        (0x00ff00, 46, 10, 2),
        (0x0000ff, 21, 4, 4),  // xterm's blue 4 (0,0,238) is nearer than bright blue (92,92,255)
        (0xffff00, 226, 11, 3),
        (0xffffff, 231, 15, 7),
        (0x000000, 16, 0, 0),
        (0x808080, 244, 8, 7),  // grey 244 is 128; xterm's 7 (229) is nearer than black
        (0x005faf, 25, 4, 4),  // exactly cube (0, 95, 175)
        (0x5fd7af, 79, 2, 2),  // hue 160°: still the green family
        (0x121212, 233, 0, 0),  // dark grey prefers the ramp
        (0xe69f00, 178, 3, 3),  // Okabe–Ito orange: yellow family in 8/16
        (0x56b4e9, 74, 6, 6),  // sky blue: cyan in 8/16
        (0xd55e00, 166, 3, 3),  // vermillion reads as orange, so yellow in 8/16
        (0x0072b2, 25, 6, 6),  // hue 202°: cyan, where #005faf (207°) is blue
    ] as [(Int, Int, Int, Int)])
    func knownValues(hex: Int, in256: Int, in16: Int, in8: Int) {
        let color = ThemeColor.rgb(UInt8(hex >> 16 & 0xff), UInt8(hex >> 8 & 0xff), UInt8(hex & 0xff))
        let name = "#" + String(hex, radix: 16)
        #expect(ColorMapping.degrade(color, colors: 256) == Int32(in256), "\(name) in 256")
        #expect(ColorMapping.degrade(color, colors: 16) == Int32(in16), "\(name) in 16")
        #expect(ColorMapping.degrade(color, colors: 8) == Int32(in8), "\(name) in 8")
        #expect(ColorMapping.degrade(color, colors: 0) == -1, "\(name) in mono")
        #expect(ColorMapping.degrade(color, colors: ColorDepth.direct.colorCount) == Int32(max(8, hex)), "\(name) direct")
    }
}

/// `--theme` over `config.toml` over "default"; a non-empty `NO_COLOR` forces mono.
@Suite("Theme choice")
struct ThemeChoiceTests {
    @Test(arguments: [
        ("light", "colorblind", [:], "light"),
        (nil, "colorblind", [:], "colorblind"),
        (nil, nil, [:], "default"),
        ("", "", [:], "default"),
        ("light", "colorblind", ["NO_COLOR": "1"], "mono"),
        (nil, nil, ["NO_COLOR": "yes"], "mono"),
        ("light", nil, ["NO_COLOR": ""], "light"),  // empty NO_COLOR does not count
    ] as [(String?, String?, [String: String], String)])
    func precedence(flag: String?, config: String?, environment: [String: String], expected: String) {
        #expect(ThemeChoice.name(flag: flag, config: config, environment: environment) == expected)
    }
}
