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
    /// A mouse click or wheel step (only while mouse reporting is on).
    case mouse(MouseEvent)
}

/// A mouse event at a cell, zero-based like the drawing coordinates.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Button 1 (left) pressed: select what is under the pointer.
        case click
        /// Button 1 pressed twice quickly: open what is under the pointer.
        case doubleClick
        /// Button 3 (right) pressed.
        case rightClick
        /// One step of the wheel away from the user (scroll up).
        case wheelUp
        /// One step of the wheel towards the user (scroll down).
        case wheelDown
    }

    public var kind: Kind
    public var row: Int
    public var column: Int

    public init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind; self.row = row; self.column = column
    }
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
    /// Turns mouse reporting on or off. Off leaves the mouse to the terminal, so people can select text.
    func setMouseReporting(_ enabled: Bool)
}

extension Terminal {
    /// Terminals without a mouse ignore the request.
    public func setMouseReporting(_ enabled: Bool) {}
}
