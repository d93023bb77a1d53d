// TEMPORARY: stand-ins until the terminal branch lands. Deleted at merge.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        guard let s = c.unicodeScalars.first else { return 0 }
        if s.properties.generalCategory == .nonspacingMark { return 0 }
        if (0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value) || (0xAC00...0xD7A3).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value) || (0xFF00...0xFF60).contains(s.value) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }
    public static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var out = ""; var w = 0
        for c in s { let cw = of(c); if w + cw > width - 1 { break }; out.append(c); w += cw }
        return out + "…"
    }
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: width); let gap = String(repeating: " ", count: max(0, width - of(t)))
        return alignRight ? gap + t : t + gap
    }
}
public struct Theme: Sendable {
    public var name: String
    public init(name: String) { self.name = name }
    public func style(_ slot: ThemeSlot) -> Style {
        switch slot {
        case .tableCursor: return Style(reverse: true)
        case .tableHeader, .title, .dialogTitle: return Style(bold: true)
        case .statusLineKey: return Style(bold: true)
        case .danger, .stateNotDone, .stateRejected: return Style(bold: true)
        case .muted, .stateCancelled: return Style(dim: true)
        default: return Style()
        }
    }
    public static let builtInDefault = Theme(name: "default")
    public static let builtInMono = Theme(name: "mono")
}
public final class MemoryTerminal: Terminal {
    public private(set) var size: TerminalSize
    var cells: [[Character]]
    var keys: [Key] = []
    public private(set) var frameCount = 0
    public init(rows: Int, columns: Int) {
        size = TerminalSize(rows: rows, columns: columns)
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }
    public func enqueue(_ k: Key...) { keys += k }
    public func enqueue(_ k: [Key]) { keys += k }
    public func type(_ text: String) { keys += text.map { .character($0) } }
    public func resize(rows: Int, columns: Int) {
        size = TerminalSize(rows: rows, columns: columns)
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows); keys.append(.resize)
    }
    public func clear(style: Style) { cells = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows) }
    public func draw(_ text: String, row: Int, column: Int, style: Style) {
        guard row >= 0, row < size.rows else { return }
        var c = column
        for ch in text {
            let w = DisplayWidth.of(ch)
            if c + w > size.columns { break }
            if c >= 0 { cells[row][c] = ch; if w == 2 { cells[row][c + 1] = "\u{0}" } }
            c += w
        }
    }
    public func fill(row: Int, column: Int, width: Int, style: Style) { draw(String(repeating: " ", count: max(0, width)), row: row, column: column, style: style) }
    public func present() { frameCount += 1 }
    public func setCursor(row: Int, column: Int) {}
    public func hideCursor() {}
    public func readKey(timeoutMilliseconds: Int) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    public func text() -> String {
        cells.map { line in
            var s = String(line.filter { $0 != "\u{0}" })
            while s.last == " " { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }
}
