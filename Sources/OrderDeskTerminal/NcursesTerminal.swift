import CNcurses
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, through ncursesw. Owns the screen from `start` until `stop`.
///
/// Not thread-safe: use it from the run loop's thread only (ncurses itself is not thread-safe).
public final class NcursesTerminal: Terminal {
    public private(set) var size: TerminalSize
    /// The number of colours in use: `ColorDepth.colorCount` of what the terminal reports (0 when monochrome).
    public let colorCount: Int
    private let window: UnsafeMutablePointer<WINDOW>
    private let maxPairs: Int32
    /// Whether -1 (the terminal's own colour) may be used in pairs; false when `use_default_colors` failed.
    private let defaultColorsAllowed: Bool
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var cursorPosition: (row: Int, column: Int)?
    private var cursorShown = false
    private var stopped = false
    private var buffer: [wchar_t] = []
    /// Whether mouse reporting is on (`setMouseReporting`).
    private var mouseOn = false
    /// Turns presses into double clicks (ncurses' own click detection would delay every click).
    private var clicks = ClickTracker()

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private init(window: UnsafeMutablePointer<WINDOW>, colorCount: Int, maxPairs: Int32, defaultColorsAllowed: Bool) {
        self.window = window
        self.colorCount = colorCount
        self.maxPairs = maxPairs
        self.defaultColorsAllowed = defaultColorsAllowed
        size = TerminalSize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
    }

    /// Takes over the terminal. Colours are used only when the terminal has them and `monochrome` is false;
    /// how many is `ColorDepth.decide` from what terminfo reports.
    ///
    /// When `COLORTERM` announces truecolour and a direct-colour terminfo entry exists (`xterm-direct` for
    /// `xterm-256color`), ncurses is started with that entry so 24-bit colours reach the screen.
    /// Throws `notATerminal` when stdin or stdout is redirected, `unusableTerminal` when ncurses does not know `$TERM`.
    public static func start(monochrome: Bool) throws(TerminalError) -> NcursesTerminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        let environment = ProcessInfo.processInfo.environment
        let term = environment["TERM"] ?? ""
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else { throw .unusableTerminal(term: term) }
        // newterm, unlike initscr, returns nil on an unknown TERM instead of exiting, so we can explain;
        // a missing direct-colour entry is no error, $TERM itself is tried next.
        let direct = ColorDepth.directTerminalNames(term: term, colorTerm: environment["COLORTERM"], noColor: monochrome)
        let started = direct.contains { name in name.withCString { newterm($0, output, input) } != nil }
        guard started || newterm(nil, output, input) != nil, let window = od_stdscr()
        else { throw .unusableTerminal(term: term) }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)  // Escape alone would otherwise wait a full second for a sequence
        disableFlowControl()
        curs_set(0)

        var colorCount = 0
        var maxPairs: Int32 = 0
        var defaultColorsAllowed = true
        if !monochrome && has_colors() {
            // COLORS is only set once start_color has run.
            start_color()
            defaultColorsAllowed = use_default_colors() == OK
            let depth = ColorDepth.decide(
                noColor: false, hasColors: true, colors: Int(od_colors()), rgbFlag: od_has_rgb_flag() != 0)
            colorCount = depth.colorCount
            maxPairs = od_color_pairs()
        }
        return NcursesTerminal(
            window: window, colorCount: colorCount, maxPairs: maxPairs, defaultColorsAllowed: defaultColorsAllowed)
    }

    /// Turns off XON/XOFF so Ctrl-S and Ctrl-Q reach the program as keys, and the suspend character so
    /// Ctrl-Z does (it is undo in the forms).
    ///
    /// cbreak leaves IXON on: Ctrl-S would freeze all output until Ctrl-Q, which looks like a hang.
    /// cbreak also leaves ISIG on, which makes Ctrl-Z stop the process (SIGTSTP); only the suspend
    /// character is disabled, so Ctrl-C still interrupts (and TerminalRestore still restores the screen).
    /// ncurses saved the shell's modes in newterm, so endwin brings both back; def_prog_mode makes
    /// ncurses remember this change for its own resets.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(0, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        #if os(Linux)
            let disabled: cc_t = 0  // _POSIX_VDISABLE on Linux
        #else
            let disabled: cc_t = 0xff  // _POSIX_VDISABLE on the BSDs and macOS
        #endif
        withUnsafeMutableBytes(of: &modes.c_cc) { bytes in
            if Int(VSUSP) < bytes.count { bytes[Int(VSUSP)] = disabled }
        }
        if tcsetattr(0, TCSANOW, &modes) == 0 { def_prog_mode() }
    }

    /// Gives the terminal back (endwin). Safe to call more than once, and from the restore handlers' point of view.
    public func stop() {
        guard !stopped else { return }
        // endwin turns ncurses' mouse mode off; the SGR mode set by the desk itself is switched off here.
        setMouseReporting(false)
        stopped = true
        restoreIfRunning()
    }

    deinit { stop() }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key.
    /// Returns nil on timeout and for keys OrderDesk does not use.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(window, Int32(clamping: max(-1, timeoutMilliseconds)))
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == KEY_CODE_YES, mouseOn, let event = readMouse(code: Int32(bitPattern: UInt32(value))) {
            return .mouse(clicks.track(event, at: Self.seconds()))
        }
        let key = KeyDecoder.decode(status: status, value: UInt32(value))
        if key == .resize {
            // ncurses has already taken the new size from SIGWINCH.
            size = TerminalSize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
        }
        return key
    }

    // MARK: Mouse

    /// The key code ncurses returns for `ESC [ <`, the start of an SGR report it does not decode itself.
    private static let sgrMouseKey = KEY_MAX + 64

    /// Asks ncurses for button 1 and 3 presses and the wheel, or for nothing.
    ///
    /// `mouseinterval(0)`: events come on the press, with no wait for a release or a second click
    /// (`ClickTracker` recognises double clicks). When terminfo knows only X10 reports (screen,
    /// tmux-256color), the desk also asks for SGR 1006 reports and decodes them itself, so clicks past
    /// column 223 work; ncurses' own request (1000) turns the reporting on and off.
    public func setMouseReporting(_ enabled: Bool) {
        guard enabled != mouseOn, !stopped else { return }
        let kind = od_terminfo_mouse_kind()
        guard kind > 0 || !enabled else { return }
        mouseOn = enabled
        mouseinterval(0)
        if enabled {
            if kind == 1 {
                _ = define_key("\u{1b}[<", Self.sgrMouseKey)
                _ = putp("\u{1b}[?1006h")
                sgrMouseModeSetByDesk = true
            }
            _ = mousemask(mmask_t(MouseDecoder.Bits.wanted), nil)
        } else {
            _ = mousemask(0, nil)  // ncurses sends the "mouse off" sequence
            if kind == 1 { _ = putp("\u{1b}[?1006l"); sgrMouseModeSetByDesk = false }
        }
        _ = fflush(nil)
    }

    /// The mouse event behind a key code: ncurses' `KEY_MOUSE`, or an SGR report read here; nil for other codes.
    private func readMouse(code: Int32) -> MouseEvent? {
        if code == KEY_MOUSE {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return MouseDecoder.event(bstate: UInt(event.bstate), row: Int(event.y), column: Int(event.x))
        }
        guard code == Self.sgrMouseKey else { return nil }
        // The rest of the report (`Cb;Cx;CyM`) follows at once; a short wait bounds a truncated one.
        wtimeout(window, 50)
        var body = ""
        while body.count < 24 {
            var value: wint_t = 0
            guard wget_wch(window, &value) == OK, let scalar = Unicode.Scalar(UInt32(value)) else { break }
            body.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" { break }
        }
        return MouseDecoder.sgrEvent(body)
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    // MARK: Output

    public func clear(style: Style) {
        // werase fills with the background; the background is reset after so it does not tint later writes.
        od_set_background(window, attributes(style), pair(style))
        werase(window)
        od_set_background(window, od_attr_normal(), 0)
    }

    public func draw(_ text: String, row: Int, column: Int, style: Style) {
        guard row >= 0, row < size.rows, column < size.columns else { return }
        buffer.removeAll(keepingCapacity: true)
        var col = column
        var start: Int?
        for ch in text {
            if col >= size.columns { break }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            defer { col += w }
            if col + w <= 0 { continue }
            if start == nil { start = max(0, col) }
            if col < 0 || col + w > size.columns {
                // A wide character straddling an edge becomes a space, as in MemoryTerminal.
                buffer.append(wchar_t(32))
                continue
            }
            appendCells(ch, width: w)
        }
        guard let start, !buffer.isEmpty else { return }
        od_set_attributes(window, attributes(style), pair(style))
        _ = mvwaddnwstr(window, Int32(row), Int32(start), buffer, Int32(buffer.count))
    }

    public func fill(row: Int, column: Int, width: Int, style: Style) {
        let start = max(0, column), end = min(size.columns, column + max(0, width))
        guard row >= 0, row < size.rows, start < end else { return }
        buffer = Array(repeating: wchar_t(32), count: end - start)
        od_set_attributes(window, attributes(style), pair(style))
        _ = mvwaddnwstr(window, Int32(row), Int32(start), buffer, Int32(buffer.count))
    }

    public func present() {
        if let c = cursorPosition, c.row >= 0, c.row < size.rows, c.column >= 0, c.column < size.columns {
            wmove(window, Int32(c.row), Int32(c.column))
            if !cursorShown { curs_set(1); cursorShown = true }
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
        // wnoutrefresh + doupdate: ncurses compares with what is on screen and sends only changed cells.
        wnoutrefresh(window)
        doupdate()
    }

    public func setCursor(row: Int, column: Int) { cursorPosition = (row, column) }

    public func hideCursor() { cursorPosition = nil }

    // MARK: Cells

    /// Appends one grapheme cluster as wide characters that take exactly `width` cells in ncurses' eyes.
    ///
    /// ncurses lays out cells with libc `wcwidth`, which disagrees with `DisplayWidth` on some emoji
    /// (❤️ is 1 + 0 there, a ZWJ family 2 + 2 + 2). Sending such a cluster as is would shift the rest of
    /// the row, so a simpler stand-in of the right width goes instead.
    private func appendCells(_ ch: Character, width: Int) {
        let scalars = ch.unicodeScalars
        var libcWidth = 0
        for s in scalars { libcWidth += max(0, Int(od_wcwidth(wchar_t(bitPattern: s.value)))) }
        guard let first = scalars.first else { return }
        let firstWidth = Int(od_wcwidth(wchar_t(bitPattern: first.value)))
        // ncurses keeps at most 5 characters in one cell (CCHARW_MAX).
        if libcWidth == width, firstWidth == width, scalars.count <= 5 {
            for s in scalars { buffer.append(wchar_t(bitPattern: s.value)) }
        } else if firstWidth >= 1, firstWidth <= width {
            buffer.append(wchar_t(bitPattern: first.value))
            for _ in firstWidth..<width { buffer.append(wchar_t(32)) }
        } else {
            // Not printable in this locale: a placeholder per cell keeps the columns.
            for _ in 0..<width { buffer.append(wchar_t(63)) }
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = od_attr_normal()
        if style.bold { a |= od_attr_bold() }
        if style.underline { a |= od_attr_underline() }
        if style.reverse { a |= od_attr_reverse() }
        if style.dim { a |= od_attr_dim() }
        return a
    }

    /// The colour pair for a style's degraded colours, allocated on first use; 0 when out of pairs.
    private func pair(_ style: Style) -> Int32 {
        guard colorCount > 0 else { return 0 }
        var fg = ColorMapping.degrade(style.foreground, colors: colorCount)
        var bg = ColorMapping.degrade(style.background, colors: colorCount)
        if !defaultColorsAllowed {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(foreground: fg, background: bg)
        if let existing = pairs[key] { return existing }
        // Out of pairs: keep the attributes and lose the colour rather than recolour cells already drawn.
        guard nextPair < maxPairs, init_extended_pair(nextPair, fg, bg) == OK else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return pairs[key] ?? 0
    }
}
