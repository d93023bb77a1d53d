import OrderDeskCore
import OrderDeskTerminal

/// Picking products from the price book: a search typed over code, name and family (the desk runs it as
/// each key is typed and hands the products back), ↑↓ over the results, Enter adds the product.
public struct PriceBookPickerState: Hashable, Sendable {
    public var search = TextField()
    public var results: [PriceBookProduct] = []
    public var cursor = 0
    /// The search `results` are for (nil until the first answer).
    public var searched: String?
    /// A refusal from the store.
    public var error: String?
    /// The last product added, for the confirmation line.
    public var added: PriceBookProduct?

    public init() {}

    public var selected: PriceBookProduct? { results.indices.contains(cursor) ? results[cursor] : nil }
}

/// What a key did in the picker.
public enum PriceBookPickerEvent: Hashable, Sendable {
    case stay
    /// The search text changed: look it up.
    case search(String)
    /// Add this product as a line at list price.
    case pick(PriceBookProduct)
    case close
}

public enum PriceBookPicker {
    public static func update(_ state: inout PriceBookPickerState, _ key: Key) -> PriceBookPickerEvent {
        switch key {
        case .escape: return .close
        case .down: state.cursor = min(state.cursor + 1, max(0, state.results.count - 1))
        case .up: state.cursor = max(0, state.cursor - 1)
        case .pageDown: state.cursor = min(state.cursor + 8, max(0, state.results.count - 1))
        case .pageUp: state.cursor = max(0, state.cursor - 8)
        case .enter:
            guard let product = state.selected else { return .stay }
            state.added = product
            return .pick(product)
        default:
            let before = state.search.text
            guard state.search.handle(key), state.search.text != before else { return .stay }
            state.added = nil
            return .search(state.search.text)
        }
        return .stay
    }

    /// Takes the store's answer for `search`; an answer for an older search is ignored.
    public static func loaded(_ state: inout PriceBookPickerState, _ products: [PriceBookProduct], for search: String) {
        guard search == state.search.text else { return }
        state.cursor = search == state.searched ? min(state.cursor, max(0, products.count - 1)) : 0
        state.results = products
        state.searched = search
        state.error = nil
    }

    /// Draws the picker in its own box.
    public static func render(_ state: PriceBookPickerState, on canvas: Canvas, top: Int, left: Int, height: Int, width: Int) {
        let theme = canvas.theme
        let inner = canvas.box(top: top, left: left, height: height, width: width, title: "Price book")
        guard inner.height >= 5, inner.width > 30 else { return }
        var y = inner.top
        canvas.cell("Search", row: y, column: inner.left, width: 7, style: theme.style(.accent))
        let x = state.search.draw(on: canvas, row: y, column: inner.left + 7, width: inner.width - 7, style: theme.style(.fieldFocus))
        canvas.terminal.setCursor(row: y, column: x)
        if state.search.text.isEmpty {
            canvas.cell("code, name or family", row: y, column: inner.left + 7, width: inner.width - 7, style: theme.style(.muted))
        }
        y += 1
        // code, name, family, list MRR, NRC; the name takes what is left.
        let code = 10, family = 10, money = 10
        let name = max(8, inner.width - 2 - code - family - money * 2 - 4)
        func row(_ cells: [String], _ style: Style, at row: Int) {
            var cx = inner.left
            for (i, (text, w)) in zip(cells, [2, code, name, family, money, money]).enumerated() {
                canvas.cell(text, row: row, column: cx, width: w, style: style, alignRight: i >= 4)
                cx += w + (i == 0 ? 0 : 1)
            }
        }
        row(["", "code", "product", "family", "list MRR", "NRC"], theme.style(.tableHeader), at: y)
        y += 1
        let listRows = inner.top + inner.height - 2 - y
        if state.results.isEmpty, state.searched != nil {
            canvas.cell("Nothing in the price book matches '" + state.search.text + "'.", row: y, column: inner.left,
                        width: inner.width, style: theme.style(.muted))
        }
        let first = max(0, min(state.cursor - listRows + 1, state.results.count - listRows))
        for (i, product) in state.results.enumerated().dropFirst(first).prefix(max(0, listRows)) {
            let selected = i == state.cursor
            row([selected ? "▸" : "", product.code, product.name, product.family, product.listMRR.grouped, product.nrc.grouped],
                theme.style(selected ? .tableCursor : .dialog), at: y + i - first)
        }
        let message = state.error ?? state.added.map { "✓ Added " + $0.name + " at list price. Enter adds another." }
        canvas.dialogFooter(inner, hint: "type to search · ↑↓ choose · Enter add at list price · Esc close", message: message,
                            messageSlot: state.error == nil ? .ok : .danger)
    }
}
