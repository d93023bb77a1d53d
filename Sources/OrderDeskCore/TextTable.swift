/// Plain-text columns for documents and command output: a header, a rule, and rows, each column as wide
/// as its widest cell (measured by `width`, so wide characters align on a terminal).
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned to the right (figures).
    public var rightAligned: Set<Int>
    /// What goes before every line.
    public var indent: String

    public init(header: [String], rows: [[String]], rightAligned: Set<Int> = [], indent: String = "  ") {
        self.header = header; self.rows = rows; self.rightAligned = rightAligned; self.indent = indent
    }

    /// The table's lines, trailing spaces trimmed.
    public func lines(width: (String) -> Int = { $0.count }) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? width($0[c]) : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() where c < widths.count {
                let fill = String(repeating: " ", count: max(0, widths[c] - width(cell)))
                parts.append(rightAligned.contains(c) ? fill + cell : cell + fill)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        return [line(header), indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }
}
