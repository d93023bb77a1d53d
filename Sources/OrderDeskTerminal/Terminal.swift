/// The size of a terminal in character cells.
public struct TerminalSize: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
}

/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Control plus a letter, e.g. `.control("s")` for Ctrl-S.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// The terminal changed size; `size` already holds the new one.
    case resize
}

/// Where everything a screen shows goes through: ncurses for real use, a grid in memory for tests.
///
/// Coordinates are zero-based cells. Drawing past the right or bottom edge is clipped, never an error.
public protocol Terminal: AnyObject {
    /// The current size; updated when a `.resize` key has been read.
    var size: TerminalSize { get }
    /// Blanks the whole frame in the body style before a new frame is drawn.
    func clear(style: Style)
    /// Draws text starting at a cell. Text is clipped at the right edge by display width.
    /// A wide character that would straddle the edge is replaced by a space.
    func draw(_ text: String, row: Int, column: Int, style: Style)
    /// Paints `width` cells with spaces in a style (backgrounds, cursor bars).
    func fill(row: Int, column: Int, width: Int, style: Style)
    /// Shows the finished frame. ncurses sends only the cells that changed since the last frame.
    func present()
    /// Places the visible cursor (for text fields), or hides it with nil.
    func setCursor(row: Int, column: Int)
    func hideCursor()
    /// Waits up to `timeoutMilliseconds` for a key; nil when none came in time.
    func readKey(timeoutMilliseconds: Int) -> Key?
}
