import OrderDeskTerminal
import OrderDeskCore

/// One column of a table whose columns fit the width: fixed ones drop out by priority when there is
/// no room, flexible ones share what is left.
struct TableColumn<ID: Hashable>: Sendable where ID: Sendable {
    let id: ID
    let title: String
    /// The width, or the least width of a flexible column.
    let width: Int
    /// Flexible columns grow up to this width (nil: fixed).
    let maxWidth: Int?
    let alignRight: Bool
    /// Lower drops first; nil never drops.
    let dropPriority: Int?

    init(_ id: ID, _ title: String, width: Int, maxWidth: Int? = nil, alignRight: Bool = false, drop: Int? = nil) {
        self.id = id; self.title = title; self.width = width; self.maxWidth = maxWidth
        self.alignRight = alignRight; self.dropPriority = drop
    }
}

/// A placed column: where it starts and how wide it is.
struct PlacedColumn<ID: Hashable & Sendable>: Sendable {
    let column: TableColumn<ID>
    let x: Int
    let width: Int
    var id: ID { column.id }
}

enum TableLayout {
    /// The columns that fit `totalWidth`, one space apart, flexible ones widened evenly up to their maximum.
    static func layout<ID>(_ all: [TableColumn<ID>], totalWidth: Int) -> [PlacedColumn<ID>] {
        var columns = all
        func used(_ cs: [TableColumn<ID>]) -> Int { cs.reduce(0) { $0 + $1.width } + max(0, cs.count - 1) }
        while used(columns) > totalWidth,
              let drop = columns.filter({ $0.dropPriority != nil }).min(by: { $0.dropPriority! < $1.dropPriority! }) {
            columns.removeAll { $0.id == drop.id }
        }
        var widths = columns.map(\.width)
        var spare = max(0, totalWidth - used(columns))
        // Hand out the spare cells one round at a time, so flexible columns grow together.
        while spare > 0 {
            let growing = columns.indices.filter { i in columns[i].maxWidth.map { widths[i] < $0 } ?? false }
            guard !growing.isEmpty else { break }
            let share = max(1, spare / growing.count)
            for i in growing where spare > 0 {
                let add = min(share, spare, columns[i].maxWidth! - widths[i])
                widths[i] += add
                spare -= add
            }
        }
        var x = 0
        return columns.indices.map { i in
            defer { x += widths[i] + 1 }
            return PlacedColumn(column: columns[i], x: x, width: widths[i])
        }
    }

    /// The header row of a layout.
    static func drawHeader<ID>(_ layout: [PlacedColumn<ID>], on canvas: Canvas, row: Int) {
        let style = canvas.theme.style(.tableHeader)
        canvas.fill(row: row, style: style)
        for placed in layout {
            canvas.cell(placed.column.title, row: row, column: placed.x, width: placed.width, style: style,
                        alignRight: placed.column.alignRight)
        }
    }
}

extension DisplayWidth {
    /// Cuts text to at most `width` cells by dropping its middle, so both ends stay readable:
    /// `ida_orde…11-16.csv`. File names differ at the end (a date, a copy number) as often as at the start.
    static func truncateMiddle(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width >= 5 else { return truncate(s, to: width) }
        let tailBudget = (width - 1) / 2, headBudget = width - 1 - tailBudget
        var head = "", used = 0
        for c in s {
            let w = of(c)
            if used + w > headBudget { break }
            head.append(c); used += w
        }
        var tail: [Character] = [], tailUsed = 0
        for c in s.reversed() {
            let w = of(c)
            if tailUsed + w > tailBudget { break }
            tail.append(c); tailUsed += w
        }
        return head + "…" + String(tail.reversed())
    }
}
