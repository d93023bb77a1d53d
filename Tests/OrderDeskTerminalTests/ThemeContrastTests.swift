import Foundation
import Testing

@testable import OrderDeskTerminal

/// Every shipped colour theme is readable: WCAG 2 contrast ≥ 7:1 in high-contrast, ≥ 4.5:1 elsewhere,
/// computed from the files themselves (see `Contrast` for which pairs and what "default" means).
@Suite("Theme contrast")
struct ThemeContrastTests {
    static let colourThemes: [(name: String, minimum: Double)] = [
        ("default", 4.5), ("light", 4.5), ("colorblind", 4.5), ("high-contrast", 7),
    ]

    func load(_ name: String) throws -> Theme {
        let text = try String(contentsOfFile: repositoryThemes + "/\(name).toml", encoding: .utf8)
        let (theme, issues) = ThemeFile.parse(text, file: name)
        #expect(issues.isEmpty)
        return theme
    }

    @Test func luminanceAndRatioMatchWCAG() {
        #expect(Contrast.ratio((0, 0, 0), (255, 255, 255)) == 21)
        #expect(Contrast.ratio((255, 255, 255), (255, 255, 255)) == 1)
        // Known pairs: #777777 on white is 4.48 (just fails AA), #767676 is 4.54 (just passes).
        #expect(abs(Contrast.ratio((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48) < 0.01)
        #expect(abs(Contrast.ratio((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54) < 0.01)
        #expect(abs(Contrast.luminance((255, 0, 0)) - 0.2126) < 1e-9)
    }

    @Test(arguments: colourThemes.map(\.name))
    func everyPairReachesTheMinimum(name: String) throws {
        let minimum = Self.colourThemes.first { $0.name == name }!.minimum
        let theme = try load(name)
        for pair in Contrast.pairs(of: theme) {
            #expect(pair.ratio >= minimum,
                    "\(name) [\(pair.slot.rawValue)]: \(pair.foreground) on \(pair.background) is \(String(format: "%.2f", pair.ratio)):1, below \(minimum):1")
        }
    }

    /// Dim is rendered differently by every terminal (often at half intensity, far below 4.5:1), so its
    /// contrast cannot be promised: colour themes mark states with colour, bold, underline and reverse only.
    @Test(arguments: colourThemes.map(\.name))
    func colourThemesDoNotUseDim(name: String) throws {
        let theme = try load(name)
        for slot in ThemeSlot.allCases { #expect(!theme.style(slot).dim, "\(name) [\(slot.rawValue)] is dim") }
    }

    @Test func defaultMeansTheTerminalsOwnColoursForTheDeclaredBackground() {
        let dark = Theme(name: "d", styles: [:])
        #expect(Contrast.pairs(of: dark).allSatisfy { abs($0.ratio - Contrast.ratio((0xe5, 0xe5, 0xe5), (0, 0, 0))) < 1e-9 })
        let light = Theme(name: "l", background: .light, styles: [.body: Style(background: .indexed(255)), .title: Style(reverse: true)])
        let pairs = Contrast.pairs(of: light)
        let body = pairs.first { $0.slot == .body }!
        #expect(body.foreground == (0, 0, 0) && body.background == (238, 238, 238))
        let title = pairs.first { $0.slot == .title }!
        #expect(title.foreground == (238, 238, 238) && title.background == (0, 0, 0), "reverse swaps")
    }

    /// Mono has no colour at all: its contrast is the terminal's own, and its slots differ by attributes.
    @Test func monoIsAttributesOnly() throws {
        let mono = try load("mono")
        #expect(mono.isMonochrome)
    }

    /// In the colour-blind theme no pair that matters is told apart by hue alone: each also differs in
    /// lightness (ratio ≥ 1.5 between the two foregrounds) or by bold, underline or reverse.
    @Test func colorblindPairsDifferBeyondHue() throws {
        let theme = try load("colorblind")
        let pairs: [(ThemeSlot, ThemeSlot)] = [
            (.ok, .danger), (.ok, .warning), (.warning, .danger),
            (.stateInstalled, .stateNotDone), (.stateBilled, .stateNotDone), (.stateInstalled, .stateRejected),
            (.stateBilled, .stateRejected), (.statePending, .stateNotDone), (.stateHeld, .stateNotDone),
            (.stateInProgress, .stateNotDone), (.stateNotDone, .stateRejected), (.statePending, .stateHeld),
        ]
        for (a, b) in pairs {
            let (sa, sb) = (theme.style(a), theme.style(b))
            let attributes = sa.bold != sb.bold || sa.underline != sb.underline || sa.reverse != sb.reverse
            let fa = Contrast.rgb(sa.foreground)!, fb = Contrast.rgb(sb.foreground)!
            #expect(attributes || Contrast.ratio(fa, fb) >= 1.5, "\(a.rawValue) and \(b.rawValue) differ by hue only")
        }
        // And no red or green is used for a state at all.
        for slot in ThemeSlot.allCases {
            guard let c = Contrast.rgb(theme.style(slot).foreground) else { continue }
            let redDominant = Int(c.r) > Int(c.g) + 100 && Int(c.r) > Int(c.b) + 100 && c.g < 60
            let greenDominant = Int(c.g) > Int(c.r) + 100 && Int(c.g) > Int(c.b) + 100
            #expect(!redDominant && !greenDominant, "[\(slot.rawValue)] is pure red or green")
        }
    }
}
