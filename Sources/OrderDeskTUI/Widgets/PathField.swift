import OrderDeskTerminal

/// A text field for a file path with shell-like Tab completion: the first Tab completes what all the
/// candidates share, a Tab that cannot complete further lists them.
public struct PathField: Hashable, Sendable {
    public var field: TextField
    /// The candidates listed after a Tab that could not complete further; cleared by typing.
    public var candidates: [String] = []

    public init(_ text: String = "") { field = TextField(text) }

    public var text: String { field.text }

    /// Applies an editing key; returns false when it is not one.
    public mutating func handle(_ key: Key) -> Bool {
        guard field.handle(key) else { return false }
        candidates = []
        return true
    }

    /// Takes the candidates `DeskClient.completePath` gave for the text; returns a message when none matched.
    public mutating func complete(with options: [String]) -> String? {
        guard !options.isEmpty else {
            candidates = []
            return "Nothing here starts with '" + (text.split(separator: "/").last.map(String.init) ?? text) + "'."
        }
        if options.count == 1 {
            field = TextField(options[0])
            candidates = []
            return nil
        }
        let prefix = PathCompletion.commonPrefix(options)
        if prefix.count > text.count {
            field = TextField(prefix)
            candidates = []
        } else {
            candidates = options
        }
        return nil
    }

    /// Lists the candidates by their last path component, in columns, in at most `rows` rows.
    func drawCandidates(on canvas: Canvas, top: Int, left: Int, width: Int, rows: Int) {
        guard !candidates.isEmpty, rows > 0, width > 4 else { return }
        let names = candidates.map { candidate -> String in
            let trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            let last = trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
            return last + (candidate.hasSuffix("/") ? "/" : "")
        }
        let columnWidth = min(width, max(12, (names.map(DisplayWidth.of).max() ?? 0) + 2))
        let perRow = max(1, width / columnWidth)
        let capacity = perRow * rows
        let shown = names.count > capacity ? Array(names.prefix(capacity - 1)) + ["… \(names.count - capacity + 1) more"] : names
        for (i, name) in shown.enumerated() {
            let row = top + i / perRow, x = left + (i % perRow) * columnWidth
            canvas.cell(name, row: row, column: x, width: columnWidth - 1,
                        style: canvas.theme.style(name.hasSuffix("/") ? .accent : .dialog))
        }
    }
}
