import CNcurses

/// Turns what `wget_wch` returned into a `Key`: pure, so the table is tested without a terminal.
public enum KeyDecoder {
    /// Decodes one `wget_wch` result: `KEY_CODE_YES` with a key code, or `OK` with a character.
    /// Returns nil for `ERR` (timeout) and for codes OrderDesk has no use for.
    public static func decode(status: Int32, value: UInt32) -> Key? {
        switch status {
        case KEY_CODE_YES: return decodeKeyCode(Int32(bitPattern: value))
        case OK: return decodeCharacter(value)
        default: return nil
        }
    }

    /// A character code: controls become named keys, everything else one `.character`.
    public static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 8, 127: return .backspace  // ^H and DEL: terminals disagree on what Backspace sends
        case 9: return .tab
        case 10, 13: return .enter  // nonl() keeps Return as 13; some terminals send 10
        case 27: return .escape
        case 1...26:
            // Ctrl-A … Ctrl-Z, less the ones above that have their own names.
            return .control(Character(Unicode.Scalar(UInt8(96 + value))))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// An ncurses key code (`KEY_…`), including the variants xterm-like terminals send for Home and End.
    public static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // Home/End arrive as KEY_HOME/KEY_END, or as the keypad, Find/Select or Begin keys depending on terminfo.
        case KEY_HOME, KEY_A1, KEY_FIND, KEY_BEG: return .home
        case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case od_key_f(1)...od_key_f(63): return .function(Int(code - od_key_f(0)))
        default: return nil
        }
    }
}
