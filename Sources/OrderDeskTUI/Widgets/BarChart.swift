import OrderDeskCore
import OrderDeskTerminal

/// A piece of a line of text in its own theme slot (nil: the body's).
public struct TextRun: Hashable, Sendable {
    public var text: String
    public var slot: ThemeSlot?
    public var bold: Bool

    public init(_ text: String, _ slot: ThemeSlot? = nil, bold: Bool = false) { self.text = text; self.slot = slot; self.bold = bold }
}

/// One series of a bar chart: its name, the glyph its bars are drawn with, and one value a group.
public struct BarSeries: Hashable, Sendable {
    public var name: String
    /// `█` bars take eighth blocks at their top (`▁`…`▇`); any other glyph fills whole cells.
    public var glyph: Character
    public var slot: ThemeSlot?
    public var values: [Int64]

    public init(_ name: String, glyph: Character, slot: ThemeSlot? = nil, values: [Int64]) {
        self.name = name; self.glyph = glyph; self.slot = slot; self.values = values
    }
}

/// A vertical bar chart in block characters: groups side by side (a week each), one bar a series in each
/// group, a scale on the left (`50k ┤`) and labels under the groups. Series differ by glyph (`█` and `▒`),
/// not only by colour, so the chart reads in the mono theme; `legend` names the glyphs.
public enum BarChart {
    /// Solid bars' tops, an eighth of a cell to seven eighths.
    static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]

    /// The chart's lines: `height` rows of bars, the axis, then one row a label row (`labelRows[r][group]`,
    /// each label written at its group's first cell). At most `width` cells wide: bars grow up to three
    /// cells, and when even one cell a bar does not fit, the oldest groups are left out.
    /// `format` writes a scale value (`Money` cents as `50k`, say).
    public static func lines(_ series: [BarSeries], labelRows: [[String]], height: Int, width: Int,
                             format: (Int64) -> String) -> [[TextRun]] {
        let groups = series.map(\.values.count).max() ?? 0
        guard height > 0, groups > 0, !series.isEmpty else { return [] }
        let top = niceCeiling(series.flatMap(\.values).max() ?? 0)
        let ticks = [(0, top), (height / 2, top * Int64(height - height / 2) / Int64(height))]
        let scaleWidth = max(DisplayWidth.of(format(0)), ticks.map { DisplayWidth.of(format($0.1)) }.max() ?? 0)
        let room = width - scaleWidth - 1
        let barWidth = max(1, min(3, (room / groups - 1) / series.count))
        let groupWidth = barWidth * series.count + 1
        let shown = max(0, min(groups, room / groupWidth))
        guard shown > 0 else { return [] }
        let first = groups - shown

        // Each bar's height in eighths of a cell.
        let eighthsHigh: [[Int]] = series.map { s in
            (first..<groups).map { g in
                let v = g < s.values.count ? max(0, s.values[g]) : 0
                guard v > 0, top > 0 else { return 0 }
                let e = Int((v * Int64(height * 8) + top / 2) / top)
                return max(1, min(height * 8, e))
            }
        }
        var out: [[TextRun]] = []
        for row in 0..<height {
            let tick = ticks.first { $0.0 == row }
            var line = [TextRun(DisplayWidth.pad(tick.map { format($0.1) } ?? "", to: scaleWidth, alignRight: true), .muted),
                        TextRun(tick == nil ? "│" : "┤", .muted)]
            // The eighths this row's bottom stands at.
            let floor = (height - 1 - row) * 8
            for g in 0..<shown {
                for (i, s) in series.enumerated() {
                    let e = eighthsHigh[i][g]
                    let cell: String
                    if s.glyph == "█" {
                        cell = e >= floor + 8 ? "█" : e > floor ? String(eighths[e - floor - 1]) : " "
                    } else {
                        // Whole cells, rounded; a bar above zero shows at least one.
                        let cells = max(e > 0 ? 1 : 0, (e + 4) / 8)
                        cell = cells > height - 1 - row ? String(s.glyph) : " "
                    }
                    line.append(TextRun(String(repeating: cell, count: barWidth), cell == " " ? nil : s.slot))
                }
                line.append(TextRun(" "))
            }
            out.append(merged(line))
        }
        out.append([TextRun(DisplayWidth.pad(format(0), to: scaleWidth, alignRight: true), .muted),
                    TextRun("└" + String(repeating: "─", count: shown * groupWidth), .muted)])
        for labels in labelRows {
            var text = String(repeating: " ", count: scaleWidth + 1)
            var used = 0
            for g in 0..<shown {
                let label = first + g < labels.count ? labels[first + g] : ""
                let x = g * groupWidth
                guard !label.isEmpty, x >= used else { continue }
                text += String(repeating: " ", count: x - used) + label
                used = x + DisplayWidth.of(label)
            }
            out.append([TextRun(text, .muted)])
        }
        return out
    }

    /// `█ booked   ▒ installed`: what each glyph means.
    public static func legend(_ series: [BarSeries]) -> [TextRun] {
        var runs: [TextRun] = []
        for (i, s) in series.enumerated() {
            if i > 0 { runs.append(TextRun("   ")) }
            runs.append(TextRun(String(repeating: s.glyph, count: 2), s.slot))
            runs.append(TextRun(" " + s.name))
        }
        return runs
    }

    /// The top of the scale: the largest value rounded up to 1, 2, 2.5 or 5 times a power of ten.
    public static func niceCeiling(_ value: Int64) -> Int64 {
        guard value > 0 else { return 0 }
        var power: Int64 = 1
        while power * 10 <= value { power *= 10 }
        for step in [10, 20, 25, 50, 100] as [Int64] where power * step / 10 >= value && power * step % 10 == 0 {
            return power * step / 10
        }
        return power * 10
    }

    /// Money cents as a short scale label: `950`, `2.5k`, `50k`, `1.2M` (dollars, no cents).
    public static func compactMoney(_ cents: Int64) -> String {
        let dollars = cents / 100
        func short(_ n: Int64, _ unit: Int64, _ suffix: String) -> String {
            let tenths = (n * 10 + unit / 2) / unit
            return tenths % 10 == 0 || tenths >= 1_000 ? String(tenths / 10) + suffix : String(tenths / 10) + "." + String(tenths % 10) + suffix
        }
        if dollars.magnitude < 1_000 { return String(dollars) }
        if dollars.magnitude < 1_000_000 { return short(dollars, 1_000, "k") }
        return short(dollars, 1_000_000, "M")
    }

    /// Neighbouring runs in the same slot joined, so a line is drawn in few pieces.
    static func merged(_ runs: [TextRun]) -> [TextRun] {
        var out: [TextRun] = []
        for run in runs {
            if let last = out.last, last.slot == run.slot, last.bold == run.bold {
                out[out.count - 1].text += run.text
            } else {
                out.append(run)
            }
        }
        return out
    }
}
