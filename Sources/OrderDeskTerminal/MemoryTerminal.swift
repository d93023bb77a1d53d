/// A terminal that is a grid of cells in memory: tests and benchmarks draw into it and read it back.
///
/// It follows the same clipping rules as `NcursesTerminal`, so a screen that looks right here
/// lines up on a real terminal too.
public final class MemoryTerminal: Terminal {
    /// What one cell holds. A wide character owns its cell and a continuation cell to its right.
    struct Cell: Equatable {
        enum Kind: Equatable { case narrow, wideHead, continuation }
        var character: Character
        var kind: Kind
        var style: Style

        static func blank(_ style: Style) -> Cell { Cell(character: " ", kind: .narrow, style: style) }
    }

    public private(set) var size: TerminalSize
    /// How many frames have been shown with `present()`.
    public private(set) var frameCount = 0
    /// The visible cursor, or nil when hidden.
    public private(set) var cursor: (row: Int, column: Int)?
    private var cells: [Cell]
    private var keys: [Key] = []
    private var nextKey = 0

    /// A blank grid of `rows` × `columns` cells.
    public init(rows: Int, columns: Int) {
        let rows = max(0, rows), columns = max(0, columns)
        size = TerminalSize(rows: rows, columns: columns)
        cells = Array(repeating: .blank(.plain), count: rows * columns)
    }

    // MARK: Input

    /// Queues keys for `readKey` to return in order.
    public func enqueue(_ keys: Key...) { enqueue(keys) }

    /// Queues keys for `readKey` to return in order.
    public func enqueue(_ keys: [Key]) { self.keys.append(contentsOf: keys) }

    /// Queues each character of `text` as a `.character` key.
    public func type(_ text: String) { enqueue(text.map { Key.character($0) }) }

    /// Changes the size, keeping what fits, and queues a `.resize` key as a real terminal would.
    public func resize(rows: Int, columns: Int) {
        let oldColumns = size.columns, oldRows = size.rows
        let oldCells = cells
        let rows = max(0, rows), columns = max(0, columns)
        size = TerminalSize(rows: rows, columns: columns)
        cells = Array(repeating: .blank(.plain), count: rows * columns)
        for r in 0..<min(rows, oldRows) {
            for c in 0..<min(columns, oldColumns) {
                var cell = oldCells[r * oldColumns + c]
                // A wide character cut in half by the new right edge cannot stay.
                if cell.kind == .wideHead && c == columns - 1 { cell = .blank(cell.style) }
                cells[r * columns + c] = cell
            }
        }
        if let cursor, cursor.row >= rows || cursor.column >= columns { self.cursor = nil }
        enqueue(.resize)
    }

    /// Returns the next queued key at once, or nil when the queue is empty; it never waits.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard nextKey < keys.count else { return nil }
        let key = keys[nextKey]
        nextKey += 1
        if nextKey == keys.count { keys.removeAll(keepingCapacity: true); nextKey = 0 }
        return key
    }

    // MARK: Output

    public func clear(style: Style) {
        for i in cells.indices { cells[i] = .blank(style) }
    }

    public func draw(_ text: String, row: Int, column: Int, style: Style) {
        guard row >= 0, row < size.rows else { return }
        var col = column
        for ch in text {
            if col >= size.columns { break }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }  // controls and stray marks have no cell to go in
            if col + w <= 0 { col += w; continue }
            if col < 0 {
                // A wide character straddling the left edge: its visible half becomes a space.
                put(" ", width: 1, row: row, column: 0, style: style)
            } else if col + w > size.columns {
                // A wide character straddling the right edge becomes a space.
                put(" ", width: 1, row: row, column: col, style: style)
            } else {
                put(ch, width: w, row: row, column: col, style: style)
            }
            col += w
        }
    }

    public func fill(row: Int, column: Int, width: Int, style: Style) {
        guard row >= 0, row < size.rows else { return }
        let start = max(0, column), end = min(size.columns, column + max(0, width))
        guard start < end else { return }
        for c in start..<end { put(" ", width: 1, row: row, column: c, style: style) }
    }

    public func present() { frameCount += 1 }

    public func setCursor(row: Int, column: Int) { cursor = (row, column) }

    public func hideCursor() { cursor = nil }

    // MARK: Reading back

    /// The frame as text: one line a row, trailing spaces trimmed, each wide character once.
    public func text() -> String {
        var lines: [String] = []
        lines.reserveCapacity(size.rows)
        for r in 0..<size.rows { lines.append(line(r)) }
        return lines.joined(separator: "\n")
    }

    /// One row as text, trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < size.rows else { return "" }
        var s = ""
        let base = row * size.columns
        for c in 0..<size.columns where cells[base + c].kind != .continuation {
            s.append(cells[base + c].character)
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The style of one cell; `.plain` outside the grid.
    public func style(row: Int, column: Int) -> Style {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return .plain }
        return cells[row * size.columns + column].style
    }

    // MARK: Cells

    /// Writes one character into cells `column ..< column + width`, which must be inside the row.
    private func put(_ ch: Character, width: Int, row: Int, column: Int, style: Style) {
        let base = row * size.columns
        for c in column..<(column + width) { breakWide(base: base, column: c) }
        if width == 2 {
            cells[base + column] = Cell(character: ch, kind: .wideHead, style: style)
            cells[base + column + 1] = Cell(character: " ", kind: .continuation, style: style)
        } else {
            cells[base + column] = Cell(character: ch, kind: .narrow, style: style)
        }
    }

    /// Before a cell is overwritten: a wide character that it is half of loses its other half too.
    private func breakWide(base: Int, column: Int) {
        switch cells[base + column].kind {
        case .narrow:
            break
        case .wideHead:
            if column + 1 < size.columns { cells[base + column + 1] = .blank(cells[base + column + 1].style) }
        case .continuation:
            if column > 0 { cells[base + column - 1] = .blank(cells[base + column - 1].style) }
        }
    }
}
