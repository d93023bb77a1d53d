import Testing
@testable import OrderDeskTerminal

struct MouseDecoderTests {
    typealias Bits = MouseDecoder.Bits

    @Test func buttonOnePressOrClickSelectsAndTheDoubleClickOpens() {
        #expect(MouseDecoder.event(bstate: Bits.button1Pressed, row: 4, column: 9) == MouseEvent(.click, row: 4, column: 9))
        #expect(MouseDecoder.event(bstate: Bits.button1Clicked, row: 0, column: 0) == MouseEvent(.click, row: 0, column: 0))
        #expect(MouseDecoder.event(bstate: Bits.button1DoubleClicked, row: 2, column: 3) == MouseEvent(.doubleClick, row: 2, column: 3))
        #expect(MouseDecoder.event(bstate: Bits.button1TripleClicked, row: 2, column: 3)?.kind == .doubleClick)
    }

    @Test func theRightButtonAndTheWheel() {
        #expect(MouseDecoder.event(bstate: Bits.button3Pressed, row: 1, column: 1)?.kind == .rightClick)
        #expect(MouseDecoder.event(bstate: Bits.button3Clicked, row: 1, column: 1)?.kind == .rightClick)
        #expect(MouseDecoder.event(bstate: Bits.button4Pressed, row: 7, column: 30) == MouseEvent(.wheelUp, row: 7, column: 30))
        #expect(MouseDecoder.event(bstate: Bits.button5Pressed, row: 7, column: 30) == MouseEvent(.wheelDown, row: 7, column: 30))
    }

    @Test func releasesOtherButtonsAndBadCoordinatesAreIgnored() {
        #expect(MouseDecoder.event(bstate: Bits.button1Released, row: 1, column: 1) == nil)
        #expect(MouseDecoder.event(bstate: 0, row: 1, column: 1) == nil)
        #expect(MouseDecoder.event(bstate: Bits.button1Pressed, row: -1, column: 1) == nil)
        #expect(MouseDecoder.event(bstate: Bits.button1Pressed, row: 1, column: -1) == nil)
    }

    @Test func theMaskAsksForPressesAndTheWheelButNotReleases() {
        for bit in [Bits.button1Pressed, Bits.button3Pressed, Bits.button4Pressed, Bits.button5Pressed] {
            #expect(Bits.wanted & bit != 0)
        }
        #expect(Bits.wanted & Bits.button1Released == 0)
        #expect(Set([Bits.button1Pressed, Bits.button3Pressed, Bits.button4Pressed, Bits.button5Pressed]).count == 4)
    }

    @Test func sgrReportsAreOneBasedAndHaveNoColumnLimit() {
        #expect(MouseDecoder.sgrEvent("0;10;5M") == MouseEvent(.click, row: 4, column: 9))
        #expect(MouseDecoder.sgrEvent("2;1;1M") == MouseEvent(.rightClick, row: 0, column: 0))
        #expect(MouseDecoder.sgrEvent("64;3;4M") == MouseEvent(.wheelUp, row: 3, column: 2))
        #expect(MouseDecoder.sgrEvent("65;300;2M") == MouseEvent(.wheelDown, row: 1, column: 299), "past X10's 223 columns")
        #expect(MouseDecoder.sgrEvent("16;5;5M")?.kind == .click, "a control-click is a click")
    }

    @Test func sgrReleasesMotionAndGarbageAreIgnored() {
        #expect(MouseDecoder.sgrEvent("0;10;5m") == nil)
        #expect(MouseDecoder.sgrEvent("32;10;5M") == nil)
        #expect(MouseDecoder.sgrEvent("1;10;5M") == nil, "the middle button")
        #expect(MouseDecoder.sgrEvent("0;10M") == nil)
        #expect(MouseDecoder.sgrEvent("0;0;5M") == nil)
        #expect(MouseDecoder.sgrEvent("a;b;cM") == nil)
        #expect(MouseDecoder.sgrEvent("") == nil)
    }

    @Test func twoQuickPressesOnOneCellAreADoubleClickAndAThirdIsAClickAgain() {
        var tracker = ClickTracker(interval: 0.4)
        let press = MouseEvent(.click, row: 5, column: 10)
        #expect(tracker.track(press, at: 10.0).kind == .click)
        #expect(tracker.track(press, at: 10.3).kind == .doubleClick)
        #expect(tracker.track(press, at: 10.5).kind == .click)
        #expect(tracker.track(press, at: 11.0).kind == .click, "too slow")
        #expect(tracker.track(MouseEvent(.click, row: 6, column: 10), at: 11.1).kind == .click, "another cell")
        #expect(tracker.track(MouseEvent(.wheelDown, row: 6, column: 10), at: 11.2).kind == .wheelDown)
    }
}
