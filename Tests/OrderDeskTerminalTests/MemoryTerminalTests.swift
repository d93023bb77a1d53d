import Testing

@testable import OrderDeskTerminal

@Suite("Memory terminal")
struct MemoryTerminalTests {
    let red = Style(foreground: .indexed(1))
    let blue = Style(foreground: .indexed(4))

    @Test func drawsTextAndReadsItBack() {
        let t = MemoryTerminal(rows: 3, columns: 10)
        t.draw("Orders", row: 0, column: 0, style: .plain)
        t.draw("東京", row: 1, column: 2, style: red)
        #expect(t.text() == "Orders\n  東京\n")
        #expect(t.style(row: 1, column: 2) == red)
        #expect(t.style(row: 1, column: 3) == red)  // the continuation cell has the same style
        #expect(t.style(row: 1, column: 6) == .plain)
        #expect(t.style(row: 9, column: 9) == .plain)  // outside: plain, no crash
    }

    @Test func clipsAtEveryEdge() {
        let t = MemoryTerminal(rows: 2, columns: 5)
        t.draw("abcdefgh", row: 0, column: 2, style: .plain)
        t.draw("xyz", row: 1, column: -2, style: .plain)
        t.draw("nope", row: 2, column: 0, style: .plain)
        t.draw("nope", row: -1, column: 0, style: .plain)
        t.draw("far", row: 0, column: 99, style: .plain)
        #expect(t.text() == "  abc\nz")
    }

    @Test func wideCharacterStraddlingAnEdgeBecomesASpace() {
        let t = MemoryTerminal(rows: 2, columns: 5)
        t.draw("ab東京", row: 0, column: 0, style: red)  // 京 would need columns 4 and 5
        #expect(t.line(0) == "ab東")
        #expect(t.style(row: 0, column: 4) == red)  // the space still shows the style
        t.draw("京x", row: 1, column: -1, style: blue)  // half of 京 is off the left edge
        #expect(t.line(1) == " x")
        #expect(t.style(row: 1, column: 0) == blue)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let t = MemoryTerminal(rows: 2, columns: 6)
        t.draw("東京", row: 0, column: 0, style: .plain)
        t.draw("x", row: 0, column: 1, style: .plain)  // the right half of 東
        #expect(t.line(0) == " x京")
        t.draw("y", row: 0, column: 2, style: .plain)  // the left half of 京
        #expect(t.line(0) == " xy")
        t.draw("日本", row: 1, column: 0, style: .plain)
        t.draw("本", row: 1, column: 1, style: .plain)  // straddles both
        #expect(t.line(1) == " 本")
        #expect(t.text().split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 6 })
    }

    @Test func zeroWidthClustersAndAccentsKeepColumns() {
        let t = MemoryTerminal(rows: 1, columns: 12)
        t.draw("Cafe\u{301}|\u{7}x|👍|", row: 0, column: 0, style: .plain)
        #expect(t.text() == "Cafe\u{301}|x|👍|")
        #expect(DisplayWidth.of(t.text()) == 10)
    }

    @Test func fillAndClearPaintStyles() {
        let t = MemoryTerminal(rows: 2, columns: 4)
        t.clear(style: blue)
        #expect(t.style(row: 1, column: 3) == blue)
        t.draw("東", row: 0, column: 0, style: .plain)
        t.fill(row: 0, column: 1, width: 10, style: red)
        #expect(t.line(0) == "")
        #expect(t.style(row: 0, column: 0) == .plain)  // the broken wide char's left half keeps its style
        #expect(t.style(row: 0, column: 3) == red)
        t.fill(row: 1, column: -2, width: 3, style: red)
        #expect(t.style(row: 1, column: 0) == red)
        #expect(t.style(row: 1, column: 1) == blue)
    }

    @Test func keysComeOutInOrderAndNeverWait() {
        let t = MemoryTerminal(rows: 2, columns: 2)
        #expect(t.readKey(timeoutMilliseconds: 10_000) == nil)
        t.enqueue(.down, .enter)
        t.type("é東")
        t.enqueue([.escape])
        let keys = (0..<5).map { _ in t.readKey(timeoutMilliseconds: 100) }
        #expect(keys == [.down, .enter, .character("é"), .character("東"), .escape])
        #expect(t.readKey(timeoutMilliseconds: 100) == nil)
    }

    @Test func resizeKeepsWhatFitsAndQueuesAResizeKey() {
        let t = MemoryTerminal(rows: 3, columns: 6)
        t.draw("abcd東", row: 0, column: 0, style: .plain)
        t.draw("row 2", row: 2, column: 0, style: .plain)
        t.setCursor(row: 2, column: 5)
        t.resize(rows: 2, columns: 5)
        #expect(t.size == TerminalSize(rows: 2, columns: 5))
        #expect(t.readKey(timeoutMilliseconds: 0) == .resize)
        #expect(t.text() == "abcd\n")
        #expect(t.cursor == nil)
        t.resize(rows: 0, columns: 0)
        #expect(t.text() == "")
    }

    @Test func countsFramesAndTracksTheCursor() {
        let t = MemoryTerminal(rows: 2, columns: 2)
        #expect(t.frameCount == 0)
        t.present()
        t.present()
        #expect(t.frameCount == 2)
        #expect(t.cursor == nil)
        t.setCursor(row: 1, column: 0)
        #expect(t.cursor?.row == 1 && t.cursor?.column == 0)
        t.hideCursor()
        #expect(t.cursor == nil)
    }
}
