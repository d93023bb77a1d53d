import Testing

@testable import OrderDeskTerminal

@Suite("Display width")
struct DisplayWidthTests {
    @Test func asciiIsOneCellAByte() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("Order 12345 / ACME") == 18)
        #expect(DisplayWidth.of(Character("a")) == 1)
    }

    @Test func accentsCountOnceWhetherPrecomposedOrNot() {
        let precomposed = "Caf\u{E9}"
        let decomposed = "Cafe\u{301}"
        #expect(precomposed.unicodeScalars.count == 4)
        #expect(decomposed.unicodeScalars.count == 5)
        #expect(DisplayWidth.of(precomposed) == 4)
        #expect(DisplayWidth.of(decomposed) == 4)
        #expect(DisplayWidth.of("Ñandú") == 5)
    }

    @Test func cjkAndFullwidthAreTwoCells() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("ひらがな") == 8)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana stays narrow
        #expect(DisplayWidth.of("\u{20000}") == 2)  // CJK extension B
    }

    @Test func emojiAreTwoCells() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)  // with a skin tone modifier
        #expect(DisplayWidth.of("❤️") == 2)  // text-default heart made emoji by VS16
        #expect(DisplayWidth.of("❤") == 1)  // without VS16 it is text
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // ZWJ family is one cluster
        #expect(DisplayWidth.of("🇫🇷") == 2)  // flag
        #expect(DisplayWidth.of("1️⃣") == 2)  // keycap
    }

    @Test func controlsAndFormatCharactersTakeNoCell() {
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.of("a\tb") == 2)
        #expect(DisplayWidth.of("\r\n") == 0)
        #expect(DisplayWidth.of("\u{85}") == 0)  // C1 control
        #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero width space
        #expect(DisplayWidth.of("\u{200D}") == 0)  // a lone ZWJ
        #expect(DisplayWidth.of("\u{301}") == 0)  // a lone combining accent
    }

    @Test func truncateMarksTheCutWithAnEllipsis() {
        #expect(DisplayWidth.truncate("Broadband", to: 20) == "Broadband")
        #expect(DisplayWidth.truncate("Broadband", to: 9) == "Broadband")
        #expect(DisplayWidth.truncate("Broadband", to: 6) == "Broad…")
        #expect(DisplayWidth.truncate("Broadband", to: 1) == "…")
        #expect(DisplayWidth.truncate("Broadband", to: 0) == "")
        #expect(DisplayWidth.truncate("Broadband", to: -3) == "")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        // "東京都" is 6 cells; in 4 only "東" fits before the ellipsis, a space fills the gap.
        #expect(DisplayWidth.truncate("東京都", to: 4) == "東 …")
        #expect(DisplayWidth.truncate("東京都", to: 5) == "東京…")
        #expect(DisplayWidth.truncate("東京都", to: 2) == " …")
        #expect(DisplayWidth.truncate("Café crème", to: 5) == "Café…")
        #expect(DisplayWidth.truncate("Cafe\u{301} cre\u{300}me", to: 5) == "Cafe\u{301}…")
    }

    @Test func padFillsToExactlyTheWidth() {
        #expect(DisplayWidth.pad("ab", to: 5) == "ab   ")
        #expect(DisplayWidth.pad("ab", to: 5, alignRight: true) == "   ab")
        #expect(DisplayWidth.pad("東京", to: 5) == "東京 ")
        #expect(DisplayWidth.pad("東京", to: 5, alignRight: true) == " 東京")
        #expect(DisplayWidth.pad("Broadband", to: 4) == "Bro…")
        #expect(DisplayWidth.pad("x", to: 0) == "")
    }

    @Test func truncateAndPadHoldTheirPromisesForManyStringsAndWidths() {
        let pieces = ["a", "Z", " ", "é", "e\u{301}", "東", "京", "ｱ", "👍", "❤️", "👨‍👩‍👧", "\u{200B}", "Ñ", "한", "🇫🇷", "-"]
        // A deterministic pseudo-random generator, so a failure can be reproduced.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<next(12) { s += pieces[next(pieces.count)] }
            let full = DisplayWidth.of(s)
            for width in 0...14 {
                let cut = DisplayWidth.truncate(s, to: width)
                #expect(DisplayWidth.of(cut) <= width, "truncate(\(s.debugDescription), \(width)) = \(cut.debugDescription)")
                if width == 0 {
                    #expect(cut == "")
                } else if full <= width {
                    #expect(cut == s)
                } else {
                    #expect(cut.hasSuffix("…"))
                    #expect(DisplayWidth.of(cut) == width)
                    // Everything before the ellipsis is whole clusters of the original, then spaces.
                    let kept = String(cut.dropLast()).trimmingTrailingSpaces()
                    #expect(s.hasPrefix(kept) || kept.isEmpty)
                }
                let padded = DisplayWidth.pad(s, to: width)
                #expect(DisplayWidth.of(padded) == width)
                let right = DisplayWidth.pad(s, to: width, alignRight: true)
                #expect(DisplayWidth.of(right) == width)
            }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
