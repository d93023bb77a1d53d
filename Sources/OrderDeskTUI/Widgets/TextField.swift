import OrderDeskTerminal

/// A single- or multi-line text being edited, with a cursor. Editing is pure: tests drive it with keys.
public struct TextField: Hashable, Sendable {
    public var text: String
    /// Cursor position as a character offset.
    public var cursor: Int
    public var multiline: Bool

    public init(_ text: String = "", multiline: Bool = false) {
        self.text = text; self.cursor = text.count; self.multiline = multiline
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            if c == "\n" && !multiline { return false }
            insert(c)
        case .enter where multiline:
            insert("\n")
        case .backspace:
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i); cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = multiline ? lineStart : 0
        case .end, .control("e"): cursor = multiline ? lineEnd : text.count
        case .control("u"): text = ""; cursor = 0
        case .control("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    private mutating func insert(_ c: Character) {
        text.insert(c, at: text.index(text.startIndex, offsetBy: cursor)); cursor += 1
    }

    private var lineStart: Int {
        let before = text.prefix(cursor)
        guard let nl = before.lastIndex(of: "\n") else { return 0 }
        return text.distance(from: text.startIndex, to: nl) + 1
    }

    private var lineEnd: Int {
        let after = text.dropFirst(cursor)
        guard let nl = after.firstIndex(of: "\n") else { return text.count }
        return text.distance(from: text.startIndex, to: nl)
    }

    private mutating func deleteWordBackward() {
        var chars = Array(text)
        var i = cursor
        while i > 0, chars[i - 1] == " " { i -= 1 }
        while i > 0, chars[i - 1] != " " { i -= 1 }
        chars.removeSubrange(i..<cursor)
        text = String(chars); cursor = i
    }

    /// Draws a single-line field in `width` cells, scrolled so the cursor stays visible; returns the cursor column.
    @discardableResult
    public func draw(on canvas: Canvas, row: Int, column: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return column }
        let before = String(text.prefix(cursor))
        var visibleStart = before.startIndex
        while DisplayWidth.of(String(before[visibleStart...])) > width - 1 { visibleStart = before.index(after: visibleStart) }
        let shown = String(text[visibleStart...])
        canvas.cell(shown, row: row, column: column, width: width, style: style)
        return column + DisplayWidth.of(String(before[visibleStart...]))
    }

    /// The text wrapped into lines of at most `width` cells (hard line breaks kept).
    public func wrapped(width: Int) -> [String] { TextWrap.lines(text, width: width) }
}

/// Word wrapping by display width.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    out.append(line); line = ""; lineWidth = 0
                }
                if w > width {
                    // A word longer than the line is cut character by character.
                    for ch in word {
                        let cw = DisplayWidth.of(ch)
                        if lineWidth + cw > width { out.append(line); line = ""; lineWidth = 0 }
                        line.append(ch); lineWidth += cw
                    }
                    continue
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word; lineWidth += w
            }
            out.append(line)
        }
        return out
    }
}
