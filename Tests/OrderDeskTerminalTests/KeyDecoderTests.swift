import CNcurses
import Testing

@testable import OrderDeskTerminal

@Suite("Key decoder")
struct KeyDecoderTests {
    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
        (KEY_HOME, .home), (KEY_A1, .home), (KEY_FIND, .home), (KEY_BEG, .home),
        (KEY_END, .end), (KEY_C1, .end), (KEY_SELECT, .end),
        (KEY_BTAB, .backTab), (KEY_DC, .delete), (KEY_IC, .insert),
        (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter), (KEY_RESIZE, .resize),
        (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
    ] as [(Int32, Key)])
    func keyCodes(code: Int32, key: Key) {
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(code)) == key)
    }

    @Test(arguments: [
        (9, Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .control("a")), (19, .control("s")), (26, .control("z")),
        (32, .character(" ")), (65, .character("A")), (0xE9, .character("é")),
        (0x6771, .character("東")), (0x1F44D, .character("👍")),
    ] as [(UInt32, Key)])
    func characters(value: UInt32, key: Key) {
        #expect(KeyDecoder.decode(status: OK, value: value) == key)
    }

    @Test func timeoutsAndUnknownCodesAreNil() {
        #expect(KeyDecoder.decode(status: ERR, value: 0) == nil)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(KEY_MOUSE)) == nil)
        #expect(KeyDecoder.decode(status: OK, value: 0) == nil)
        #expect(KeyDecoder.decode(status: OK, value: 0xD800) == nil)  // a lone surrogate is no scalar
    }
}
