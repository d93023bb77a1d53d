import OrderDeskCore
import OrderDeskTerminal
import Testing
@testable import OrderDeskTUI

struct ReportBarChartTests {
    func text(_ lines: [[TextRun]]) -> [String] { lines.map { $0.map(\.text).joined() } }

    let booked = BarSeries("booked", glyph: "█", values: [0, 25, 50, 100])
    let installed = BarSeries("installed", glyph: "▒", values: [10, 0, 50, 75])

    @Test func barsScaleToANiceTopWithEighthsAndWholeCells() {
        let lines = text(BarChart.lines([booked, installed], labelRows: [["a", "b", "c", "d"]], height: 4, width: 40,
                                        format: { String($0) }))
        // Checked piece by piece: the scale, the glyphs and the heights.
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("100┤"))
        #expect(lines[2].hasPrefix(" 50┤"))
        #expect(lines[4].hasPrefix("  0└"))
        #expect(lines[5].trimmingTrailingSpaces == "    a      b      c      d")
        // 100 of 100 fills all four rows of its bar; 75 fills three whole ▒ cells.
        let columns = lines.prefix(4).map { Array($0) }
        let lastBooked = columns.map { $0[4 + 3 * 7] }
        #expect(lastBooked == ["█", "█", "█", "█"])
        let lastInstalled = columns.map { $0[4 + 3 * 7 + 3] }
        #expect(lastInstalled == [" ", "▒", "▒", "▒"])
        // 25 of 100 on four rows is one whole cell; 10 installed is at least one ▒ cell.
        #expect(columns.map { $0[4 + 7] } == [" ", " ", " ", "█"])
        #expect(columns.map { $0[4 + 3] } == [" ", " ", " ", "▒"])
        // Zero is no bar at all.
        #expect(columns.map { $0[4] } == [" ", " ", " ", " "])
    }

    @Test func aPartialTopUsesAnEighthBlock() {
        let s = BarSeries("b", glyph: "█", values: [100, 30])
        let lines = text(BarChart.lines([s], labelRows: [], height: 2, width: 20, format: { String($0) }))
        // 30 of 100 on two rows is 4.8 eighths: rounded to 5, `▅` on the bottom row.
        #expect(lines[1].contains("▅"))
        #expect(!lines[0].dropFirst(4).contains("▅"))
    }

    @Test func narrowWidthsDropTheOldestGroups() {
        let s = BarSeries("b", glyph: "█", values: Array(1...12).map(Int64.init))
        let lines = text(BarChart.lines([s], labelRows: [(1...12).map { String($0 % 10) }], height: 3, width: 14,
                                        format: { String($0) }))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 14 })
        #expect(lines.last?.hasSuffix("2") == true)
        #expect(BarChart.lines([s], labelRows: [], height: 3, width: 2, format: { String($0) }).isEmpty)
        #expect(BarChart.lines([s], labelRows: [], height: 0, width: 80, format: { String($0) }).isEmpty)
        #expect(BarChart.lines([], labelRows: [], height: 4, width: 80, format: { String($0) }).isEmpty)
    }

    @Test func allZeroValuesDrawAnEmptyChart() {
        let s = BarSeries("b", glyph: "█", values: [0, 0, 0])
        let lines = text(BarChart.lines([s], labelRows: [], height: 3, width: 30, format: { String($0) }))
        #expect(lines.count == 4)
        #expect(lines.prefix(3).allSatisfy { !$0.contains("█") })
    }

    @Test func niceCeilings() {
        #expect(BarChart.niceCeiling(0) == 0)
        #expect(BarChart.niceCeiling(7) == 10)
        #expect(BarChart.niceCeiling(10) == 10)
        #expect(BarChart.niceCeiling(11) == 20)
        #expect(BarChart.niceCeiling(21) == 25)
        #expect(BarChart.niceCeiling(26) == 50)
        #expect(BarChart.niceCeiling(4_820_000) == 5_000_000)
        #expect(BarChart.niceCeiling(1_999_999) == 2_000_000)
    }

    @Test func compactMoney() {
        #expect(BarChart.compactMoney(0) == "0")
        #expect(BarChart.compactMoney(95_000) == "950")
        #expect(BarChart.compactMoney(250_000) == "2.5k")
        #expect(BarChart.compactMoney(5_000_000) == "50k")
        #expect(BarChart.compactMoney(120_000_000) == "1.2M")
        // From 100k up, no decimals.
        #expect(BarChart.compactMoney(99_990_000) == "999k")
        #expect(BarChart.compactMoney(9_990_000) == "99.9k")
    }

    @Test func theLegendNamesEachGlyph() {
        let legend = BarChart.legend([booked, installed]).map(\.text).joined()
        #expect(legend == "██ booked   ▒▒ installed")
    }
}
