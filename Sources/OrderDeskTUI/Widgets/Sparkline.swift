import OrderDeskCore
import OrderDeskTerminal

/// A row of block characters, one a value, scaled to the largest: `▁▂▃▅█`. Zero is the lowest block and
/// any value above zero at least the second, so a small day never looks like an empty one. The figures
/// themselves go beside it as text (`caption`), so it reads without colour and without guessing the scale.
public enum Sparkline {
    /// The eight heights, lowest first.
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The block for `value` on a scale whose top is `maximum`.
    public static func block(_ value: Int, maximum: Int) -> Character {
        guard value > 0, maximum > 0 else { return blocks[0] }
        let top = blocks.count - 1
        // Rounded to the nearest height; anything above zero is at least one step up.
        let level = (min(value, maximum) * top * 2 + maximum) / (maximum * 2)
        return blocks[max(1, min(top, level))]
    }

    /// One block a value, the last `width` values when they do not all fit (nil: all of them).
    public static func line(_ values: [Int], width: Int? = nil) -> String {
        let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
        let maximum = shown.max() ?? 0
        return String(shown.map { block($0, maximum: maximum) })
    }

    /// `max 14 · today 12`: the top of the scale and the last value.
    public static func caption(_ values: [Int]) -> String {
        "max " + Money.groupedInteger(values.max() ?? 0) + " · today " + Money.groupedInteger(values.last ?? 0)
    }
}
