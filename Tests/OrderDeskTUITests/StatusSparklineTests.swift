import Testing
@testable import OrderDeskTUI

struct StatusSparklineTests {
    @Test func valuesAreScaledToTheLargest() {
        #expect(Sparkline.line([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.line([5, 10]) == "▅█")
        #expect(Sparkline.line([100, 50, 0]) == "█▅▁")
    }

    @Test func anyValueAboveZeroIsAboveTheFloor() {
        #expect(Sparkline.line([1, 1_000]) == "▂█")
        #expect(Sparkline.line([0, 0, 0]) == "▁▁▁")
        #expect(Sparkline.line([]) == "")
    }

    @Test func aNarrowLineKeepsTheLatestValues() {
        #expect(Sparkline.line([9, 1, 2, 4], width: 3) == "▃▅█")
        #expect(Sparkline.line([9, 1], width: 0) == "")
    }

    @Test func theCaptionGivesTheScaleAndToday() {
        #expect(Sparkline.caption([3, 14, 12]) == "max 14 · today 12")
        #expect(Sparkline.caption([]) == "max 0 · today 0")
    }
}
