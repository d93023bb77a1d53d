import CNcurses

/// Turns what the terminal reports about the mouse into `MouseEvent`s: pure, so it is tested without a terminal.
///
/// The desk acts on the button's *press* (ncurses' `mouseinterval(0)`): waiting for the release to make a
/// "click", and then for a possible second click, would delay every click by the interval. Double clicks
/// are therefore recognised here, from two presses on the same cell in quick succession (`ClickTracker`).
public enum MouseDecoder {
    /// The `mmask_t` bits the desk asks ncurses for and understands (`BUTTON1_PRESSED` and friends).
    public enum Bits {
        public static let button1Pressed = UInt(od_button1_pressed())
        public static let button1Released = UInt(od_button1_released())
        public static let button1Clicked = UInt(od_button1_clicked())
        public static let button1DoubleClicked = UInt(od_button1_double_clicked())
        public static let button1TripleClicked = UInt(od_button1_triple_clicked())
        public static let button3Pressed = UInt(od_button3_pressed())
        public static let button3Clicked = UInt(od_button3_clicked())
        /// The wheel turned up one step (xterm reports it as button 4).
        public static let button4Pressed = UInt(od_button4_pressed())
        /// The wheel turned down one step (button 5).
        public static let button5Pressed = UInt(od_button5_pressed())

        /// Everything passed to `mousemask`. Releases are not asked for: nothing acts on them.
        public static var wanted: UInt {
            button1Pressed | button1Clicked | button1DoubleClicked | button3Pressed | button3Clicked
                | button4Pressed | button5Pressed
        }
    }

    /// One `getmouse` result (`MEVENT`'s `bstate`, `y`, `x`) as an event; nil for what the desk ignores
    /// (releases, the middle button, motion, negative coordinates).
    ///
    /// A click (press + release merged by ncurses when `mouseinterval` is above 0) counts as a press, so
    /// the mapping works with either setting.
    public static func event(bstate: UInt, row: Int, column: Int) -> MouseEvent? {
        guard row >= 0, column >= 0 else { return nil }
        let kind: MouseEvent.Kind
        if bstate & (Bits.button1DoubleClicked | Bits.button1TripleClicked) != 0 {
            kind = .doubleClick
        } else if bstate & (Bits.button1Pressed | Bits.button1Clicked) != 0 {
            kind = .click
        } else if bstate & (Bits.button3Pressed | Bits.button3Clicked) != 0 {
            kind = .rightClick
        } else if bstate & Bits.button4Pressed != 0 {
            kind = .wheelUp
        } else if bstate & Bits.button5Pressed != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        return MouseEvent(kind, row: row, column: column)
    }

    /// The body of an SGR 1006 report, what follows `ESC [ <`: `Cb;Cx;Cy` and `M` (press) or `m` (release),
    /// with one-based coordinates. Used where terminfo leaves SGR decoding to the program (screen, tmux).
    ///
    /// SGR has no 223-column limit (X10 packs a coordinate into one byte), so it works on wide terminals.
    public static func sgrEvent(_ body: String) -> MouseEvent? {
        guard let final = body.last, final == "M" || final == "m" else { return nil }
        let numbers = body.dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let code = numbers[0], let x = numbers[1], let y = numbers[2], x >= 1, y >= 1 else {
            return nil
        }
        // Releases and motion (bit 32) do nothing; modifiers (4 shift, 8 meta, 16 control) are ignored.
        guard final == "M", code & 32 == 0 else { return nil }
        let kind: MouseEvent.Kind
        switch code & ~(4 | 8 | 16) {
        case 0: kind = .click
        case 2: kind = .rightClick
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, row: y - 1, column: x - 1)
    }
}

/// Recognises a double click from two presses of button 1 on the same cell within `interval` seconds.
///
/// A third quick press is a plain click again, so a fast triple click opens once, not twice.
public struct ClickTracker: Sendable {
    /// Seconds between the presses of a double click (what most desktops use by default).
    public var interval: Double
    private var last: (row: Int, column: Int, time: Double)?

    public init(interval: Double = 0.4) { self.interval = interval }

    /// The event as the desk sees it: `.click` becomes `.doubleClick` when it completes one.
    public mutating func track(_ event: MouseEvent, at time: Double) -> MouseEvent {
        guard event.kind == .click else {
            if event.kind == .doubleClick { last = nil }
            return event
        }
        if let last, last.row == event.row, last.column == event.column, time - last.time <= interval {
            self.last = nil
            return MouseEvent(.doubleClick, row: event.row, column: event.column)
        }
        last = (event.row, event.column, time)
        return event
    }
}
