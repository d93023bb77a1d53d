import Testing

@testable import OrderDeskTerminal

@Suite("Colour mapping")
struct ColorMappingTests {
    @Test func nearest256() {
        #expect(ColorMapping.nearest256(r: 255, g: 0, b: 0) == 196)
        #expect(ColorMapping.nearest256(r: 0, g: 0, b: 0) == 16)  // ties go to the cube
        #expect(ColorMapping.nearest256(r: 255, g: 255, b: 255) == 231)
        #expect(ColorMapping.nearest256(r: 0x80, g: 0x80, b: 0x80) == 244)  // grey ramp: 8 + 10 × 12 = 128
        #expect(ColorMapping.nearest256(r: 0x5f, g: 0xd7, b: 0xaf) == 79)  // exactly a cube entry
        #expect(ColorMapping.nearest256(r: 0x12, g: 0x12, b: 0x12) == 233)  // dark grey prefers the ramp
        #expect(ColorMapping.nearest256(r: 0x00, g: 0x5f, b: 0xaf) == 25)
    }

    @Test func nearest16And8() {
        #expect(ColorMapping.nearest8(r: 255, g: 0, b: 0) == 1)
        #expect(ColorMapping.nearest16(r: 255, g: 0, b: 0) == 9)
        #expect(ColorMapping.nearest8(r: 0, g: 0, b: 0) == 0)
        #expect(ColorMapping.nearest16(r: 0x80, g: 0x80, b: 0x80) == 8)
        #expect(ColorMapping.nearest8(r: 0x80, g: 0x80, b: 0x80) == 7)  // closer to xterm's 229 grey than to black
        #expect(ColorMapping.nearest8(r: 250, g: 250, b: 240) == 7)
    }

    @Test func paletteRoundTrips() {
        for index in 16...255 {
            let c = ColorMapping.rgb(ofIndex: UInt8(index))
            #expect(ColorMapping.nearest256(r: c.r, g: c.g, b: c.b) == UInt8(index), "index \(index)")
        }
    }

    @Test func degradeFollowsWhatTheTerminalReports() {
        let red = ThemeColor.rgb(255, 0, 0)
        #expect(ColorMapping.degrade(red, colors: 256) == 196)
        #expect(ColorMapping.degrade(red, colors: 16) == 9)
        #expect(ColorMapping.degrade(red, colors: 8) == 1)
        #expect(ColorMapping.degrade(red, colors: 2) == -1)
        #expect(ColorMapping.degrade(red, colors: 0) == -1)
        #expect(ColorMapping.degrade(.terminalDefault, colors: 256) == -1)
        #expect(ColorMapping.degrade(.indexed(203), colors: 256) == 203)
        #expect(ColorMapping.degrade(.indexed(12), colors: 16) == 12)
        #expect(ColorMapping.degrade(.indexed(12), colors: 8) == 4)  // bright blue → blue
        #expect(ColorMapping.degrade(.indexed(196), colors: 8) == 1)
        #expect(ColorMapping.degrade(.indexed(196), colors: 0) == -1)
    }

    @Test func directColourPacksRGB() {
        let direct = ColorMapping.directColorThreshold
        #expect(ColorMapping.degrade(.rgb(0x12, 0x34, 0x56), colors: direct) == 0x123456)
        #expect(ColorMapping.degrade(.indexed(1), colors: direct) == 1)  // 0–7 stay ANSI
        #expect(ColorMapping.degrade(.indexed(196), colors: direct) == 0xFF0000)
        #expect(ColorMapping.degrade(.rgb(0, 0, 0), colors: direct) == 8)  // below 8 would read as ANSI
    }

    @Test func noColorEnvironment() {
        #expect(ColorMapping.colorDisabled(environment: ["NO_COLOR": "1"]))
        #expect(!ColorMapping.colorDisabled(environment: ["NO_COLOR": ""]))
        #expect(!ColorMapping.colorDisabled(environment: [:]))
    }
}

@Suite("Colour mapping of greys")
struct GreyMappingTests {
    @Test(arguments: Array(stride(from: 0, through: 255, by: 15)))
    func greysStayAchromatic(level: Int) {
        let v = UInt8(level)
        #expect([0, 7].contains(ColorMapping.nearest8(r: v, g: v, b: v)))
        #expect([0, 7, 8, 15].contains(ColorMapping.nearest16(r: v, g: v, b: v)))
        let i = ColorMapping.nearest256(r: v, g: v, b: v)
        let c = ColorMapping.rgb(ofIndex: i)
        #expect(c.r == c.g && c.g == c.b)
    }
}

@Suite("Colour mapping to 8 and 16 colours")
struct BasicPaletteTests {
    @Test(arguments: [
        // (256-colour index used in the themes, expected 8-colour family)
        (114, 2), (78, 2), (203, 1), (196, 1), (221, 3), (214, 3), (117, 6), (81, 6), (141, 5), (25, 4), (75, 4),
        (201, 5), (208, 3), (46, 2), (51, 6),
    ] as [(Int, Int)])
    func themeColoursKeepTheirFamily(index: Int, expected: Int) {
        let c = ColorMapping.rgb(ofIndex: UInt8(index))
        #expect(ColorMapping.nearest8(r: c.r, g: c.g, b: c.b) == UInt8(expected), "index \(index)")
        #expect(ColorMapping.nearest16(r: c.r, g: c.g, b: c.b) % 8 == UInt8(expected), "index \(index)")
    }

    @Test func brightnessPicksNormalOrBright() {
        #expect(ColorMapping.nearest16(r: 200, g: 0, b: 0) == 1)
        #expect(ColorMapping.nearest16(r: 255, g: 80, b: 80) == 9)
        #expect(ColorMapping.nearest16(r: 40, g: 40, b: 40) == 0)
        #expect(ColorMapping.nearest16(r: 250, g: 250, b: 250) == 15)
        #expect(ColorMapping.nearest16(r: 128, g: 128, b: 128) == 8)
    }
}
