@testable import OrderDeskCore
import Testing

@Suite struct TextFoldingTests {
    /// The words as the Character-by-Character split finds them (the definition the fast path must keep).
    func reference(_ text: String) -> [String] {
        TextFolding.fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    @Test func asciiFastPathSplitsLikeCharacters() {
        let samples = [
            "", " ", "Café Roma LLC", "1200 Old Country Rd., Hicksville, NY 11801", "(516) 555-0142 5165550142 5550142",
            "07830012345 7830012345", "Zoë's Nail Spa", "L.L.C.", "a\r\nb\tc", "__x__", "AbC-dEf_09", "~!@#$%^&*()",
            "東京寿司 Sushi Bar", "Ñandú", "e\u{301}clair", "Gruyère & Co.", "½ price", "ＦＵＬＬ width",
        ]
        var random = SeededRandom(seed: 11)
        let alphabet = Array("aZ09 -_.,'()&/\\\"\t\r\nÀéß東")
        var generated: [String] = []
        for _ in 0..<2_000 {
            generated.append(String((0..<random.int(0...24)).map { _ in random.pick(alphabet) }))
        }
        for text in samples + generated {
            #expect(TextFolding.words(of: text) == reference(text), "\(text.debugDescription)")
        }
        #expect(TextFolding.words(of: "Café Roma L.L.C.") == ["cafe", "roma", "l", "l", "c"])
    }
}
